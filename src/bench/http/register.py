#!/usr/bin/env python3
"""Registers N copies of the policy's first worked example as households 520102-B000001… (PUT, keep-alive)."""
import base64, http.client, json, sys

port, count, user, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_number(birth, male, seq):
    s = "520102" + birth.replace("-", "") + "%03d" % (seq * 2 + (1 if male else 0))
    return s + "10X98765432"[sum(int(a) * b for a, b in zip(s, W)) % 11]

auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
conn = http.client.HTTPConnection("127.0.0.1", port)
for n in range(1, count + 1):
    hid = "520102-B%06d" % n
    body = {"householdId": hid, "regionCode": "520102", "status": "POOR", "incomePerCapita": 3000 + n % 2000,
            "housingGrade": "BCDA"[n % 4], "safeDrinkingWater": n % 3 > 0, "roadAccess": True,
            "industryProjects": n % 2, "linkedToEnterprise": False, "causes": ["ILLNESS"], "suddenHardship": False,
            "members": [
                {"memberId": hid + "-01", "idNumber": id_number("1975-01-01", True, 1), "name": "户主",
                 "relation": "HEAD", "sex": "MALE", "birthDate": "1975-01-01", "health": "CHRONIC_ILLNESS",
                 "disabilityGrade": 0, "labourAbility": "NORMAL", "employed": False, "seekingWork": True,
                 "hasSkill": False, "schooling": "NONE", "medicalInsurance": True},
                {"memberId": hid + "-02", "idNumber": id_number("2008-03-15", False, 2), "name": "子女",
                 "relation": "CHILD", "sex": "FEMALE", "birthDate": "2008-03-15", "health": "HEALTHY",
                 "disabilityGrade": n % 5, "labourAbility": "NONE", "employed": False, "seekingWork": False,
                 "hasSkill": False, "schooling": "DROPPED_OUT", "medicalInsurance": n % 7 > 0}]}
    conn.request("PUT", "/api/households/" + hid, json.dumps(body), {"Content-Type": "application/json", "Authorization": auth})
    response = conn.getresponse(); response.read()
    if response.status not in (200, 201):
        sys.exit(f"PUT {hid}: {response.status}")
print(f"registered {count} households")
