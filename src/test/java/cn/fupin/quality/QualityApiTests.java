package cn.fupin.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fupin.household.HouseholdJson;
import cn.fupin.household.ResidentIdNumber;
import cn.fupin.household.Sex;
import cn.fupin.system.Api;
import cn.fupin.system.ApiTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quality checks through the API: findings on a PUT and on demand, the check across households, quality-only
 * runs and the report with its drill-down. Each test works in a county of its own under 54, where no other test
 * registers households.
 */
class QualityApiTests extends ApiTestBase {

    private final String region =
            "54" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));

    /** A household no quality rule finds anything in: one head, a child, ID numbers of its own. */
    private ObjectNode clean(String id) {
        ObjectNode h = HouseholdJson.household(id);
        h.put("regionCode", region);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int i = 0;
        for (JsonNode m : h.get("members")) {
            ObjectNode member = (ObjectNode) m;
            LocalDate birth =
                    LocalDate.parse(member.get("birthDate").asString()).plusDays(random.nextInt(300));
            member.put("birthDate", birth.toString());
            member.put(
                    "idNumber",
                    ResidentIdNumber.of(
                            region, birth, Sex.valueOf(member.get("sex").asString()), 1 + random.nextInt(400)));
            if (i++ == 0) {
                member.put("relation", "HEAD");
            } else { // a child in 2020 (the runs' date), of age today: nothing to find on either date
                member.put("relation", "CHILD").put("labourAbility", "NONE").put("seekingWork", false);
            }
        }
        return h;
    }

    private String newId() {
        return region + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Set<String> codes(JsonNode findings) {
        Set<String> codes = new TreeSet<>();
        findings.forEach(f -> codes.add(f.get("code").asString()
                + (f.get("memberId") == null || f.get("memberId").isNull()
                        ? ""
                        : "@" + f.get("memberId").asString())));
        return codes;
    }

    @Test
    void aPutStoresTheRecordAndAnswersItsFindingsAsWarnings() {
        String id = newId();
        ObjectNode h = clean(id);
        Api.Response put = api.put("/api/households/" + id, "caseworker", h, null);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        assertThat(put.json().get("findings")).isEmpty();

        ((ObjectNode) h.get("members").get(1)).put("relation", "HEAD");
        h.put("status", "LIFTED").put("incomePerCapita", 3000);
        Api.Response replaced = api.put("/api/households/" + id, "caseworker", h, null);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(codes(replaced.json().get("findings"))).containsExactly("EXIT_NOT_ACCURATE", "HEAD_NOT_UNIQUE");
        JsonNode exit = replaced.json()
                .get("findings")
                .valueStream()
                .filter(f -> f.get("code").asString().equals("EXIT_NOT_ACCURATE"))
                .findFirst()
                .orElseThrow();
        assertThat(exit.get("severity").asString()).isEqualTo("ERROR");
        assertThat(exit.get("message").asString()).contains("3,000 元低于现行扶贫标准 4,000 元");
        assertThat(exit.get("rule").asString()).startsWith("退出不精准");
        // Stored as sent, findings and all.
        JsonNode stored = api.get("/api/households/" + id, "caseworker").json();
        assertThat(stored.get("status").asString()).isEqualTo("LIFTED");
        assertThat(stored.get("members").get(1).get("relation").asString()).isEqualTo("HEAD");
    }

    @Test
    void findingsOnDemandUseTheDateAskedForAndTheUsualErrors() {
        String id = newId();
        ObjectNode h = clean(id);
        ObjectNode child = HouseholdJson.member(id + "-03", "2012-05-01", "FEMALE", 3);
        child.put("idNumber", ResidentIdNumber.of(region, LocalDate.parse("2012-05-01"), Sex.FEMALE, 401));
        child.put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false)
                .put("employed", true)
                .put("schooling", "COMPULSORY");
        ((ArrayNode) h.get("members")).add(child);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(201);

        // 8 years old on 2020-06-30: employed under 16. 14 on 2026-06-30: still under 16.
        JsonNode in2020 = api.get("/api/households/" + id + "/findings?asOf=2020-06-30", "caseworker")
                .json();
        assertThat(codes(in2020.get("findings"))).containsExactly("MINOR_EMPLOYED@" + id + "-03");
        assertThat(in2020.get("asOf").asString()).isEqualTo("2020-06-30");
        assertThat(in2020.get("rulesetVersion").asString()).startsWith("sha256:");
        assertThat(in2020.get("findings").get(0).get("message").asString()).contains("8 周岁（劳动年龄下限 16 周岁）");

        assertThat(api.get("/api/households/" + id + "/findings?asOf=2011-01-01", "caseworker")
                        .status())
                .isEqualTo(400);
        Api.Response bad = api.get("/api/households/" + id + "/findings?asOf=30.6.2020", "caseworker");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("asOf");
        assertThat(api.get("/api/households/" + newId() + "/findings", "caseworker")
                        .status())
                .isEqualTo(404);
    }

    @Autowired
    RunIdNumbers runIdNumbers;

    @Autowired
    QualityChecks checks;

    @Autowired
    JdbcTemplate jdbc;

    /** A household holding, as a further member, the head of another. */
    private ObjectNode sharing(String id, ObjectNode other) {
        ObjectNode h = clean(id);
        ObjectNode copy = ((ObjectNode) other.get("members").get(0)).deepCopy();
        copy.put("memberId", id + "-09").put("relation", "OTHER");
        ((ArrayNode) h.get("members")).add(copy);
        return h;
    }

    /**
     * A bulk run looks up across the registry only households holding a number shared when the run began (on
     * this instance), and households stored since; with the same answer for those as a lookup of all.
     */
    @Test
    void aRunLooksUpHouseholdsWithANumberSharedWhenItBeganAndThoseStoredSince() {
        String a = newId();
        String b = newId();
        String c = newId();
        ObjectNode ha = clean(a);
        ObjectNode hb = clean(b);
        for (ObjectNode h : List.of(ha, hb, sharing(c, ha))) {
            String id = h.get("householdId").asString();
            assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                    .isEqualTo(201);
        }
        jdbc.update(
                "UPDATE household SET updated_at = ? WHERE household_id IN (?, ?, ?)",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
                a,
                b,
                c);
        String run = UUID.randomUUID().toString();
        assertThat(runIdNumbers.toLookUp(run, List.of(a, b, c))).containsExactly(a, c);

        // d repeats b's head after the run began: d is looked up; b, unchanged, is left to the next run.
        String d = newId();
        assertThat(api.put("/api/households/" + d, "caseworker", sharing(d, hb), null)
                        .status())
                .isEqualTo(201);
        assertThat(runIdNumbers.toLookUp(run, List.of(b, d))).containsExactly(d);
        assertThat(checks.sharedIdNumbersInRun(run, List.of(a, b, c, d)))
                .extracting(SharedIdNumber::getHouseholdId, SharedIdNumber::getOtherHouseholdIds)
                .containsExactlyInAnyOrder(tuple(a, List.of(c)), tuple(c, List.of(a)), tuple(d, List.of(b)));
        assertThat(runIdNumbers.toLookUp(UUID.randomUUID().toString(), List.of(b, d)))
                .as("a later run")
                .containsExactly(b, d);
    }

    @Test
    void aPersonRegisteredInTwoHouseholdsIsFoundInBoth() {
        String first = newId();
        String second = newId();
        ObjectNode a = clean(first);
        ObjectNode b = clean(second);
        JsonNode person = a.get("members").get(1);
        ObjectNode copy = ((ObjectNode) person).deepCopy();
        copy.put("memberId", second + "-09").put("relation", "OTHER");
        ((ArrayNode) b.get("members")).add(copy);
        assertThat(api.put("/api/households/" + first, "caseworker", a, null)
                        .json()
                        .get("findings"))
                .isEmpty();
        Api.Response put = api.put("/api/households/" + second, "caseworker", b, null);
        assertThat(codes(put.json().get("findings"))).containsExactly("PERSON_IN_SEVERAL_HOUSEHOLDS@" + second + "-09");
        assertThat(put.json().get("findings").get(0).get("message").asString()).endsWith("另外 1 户");

        JsonNode other =
                api.get("/api/households/" + first + "/findings", "caseworker").json();
        assertThat(codes(other.get("findings"))).containsExactly("PERSON_IN_SEVERAL_HOUSEHOLDS@" + first + "-02");
        // The answers count the other households: they name neither them nor the ID number.
        assertThat(put.body()).doesNotContain(person.get("idNumber").asString()).doesNotContain(first);
    }

    @Test
    void aUserBoundToACountyLearnsNothingOfHouseholdsOutsideIt() {
        String elsewhere = newId();
        ObjectNode a = clean(elsewhere);
        assertThat(api.put("/api/households/" + elsewhere, "caseworker", a, null)
                        .status())
                .isEqualTo(201);
        String county = "54" + String.format("%04d", (Integer.parseInt(region.substring(2)) + 1) % 10_000);
        String user = "county-" + UUID.randomUUID().toString().substring(0, 8);
        api.createUser(user, county, "CASEWORKER");
        String mine = county + "-" + UUID.randomUUID().toString().substring(0, 13);
        ObjectNode b = clean(mine).put("regionCode", county);
        ObjectNode copy = ((ObjectNode) a.get("members").get(1)).deepCopy();
        copy.put("memberId", mine + "-09").put("relation", "OTHER");
        ((ArrayNode) b.get("members")).add(copy);
        Api.Response put = api.put("/api/households/" + mine, user, b, null);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        assertThat(put.json().get("findings"))
                .as("the other household is outside the user's county")
                .isEmpty();
        assertThat(api.get("/api/households/" + mine + "/findings", user).json().get("findings"))
                .isEmpty();
        // A user who sees the whole province is told.
        assertThat(codes(api.get("/api/households/" + mine + "/findings", "caseworker")
                        .json()
                        .get("findings")))
                .containsExactly("PERSON_IN_SEVERAL_HOUSEHOLDS@" + mine + "-09");
    }

    @Test
    void aHouseholdTheNextRunCannotCheckIsNotCountedAsFixed() {
        String id = newId();
        ObjectNode h = clean(id).put("status", "LIFTED").put("incomePerCapita", 3000);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(201);
        run(Map.of("qualityOnly", true, "regionCode", region, "asOf", "2020-06-30"));
        ObjectNode baby = HouseholdJson.member(id + "-03", "2021-02-01", "MALE", 3);
        baby.put("idNumber", ResidentIdNumber.of(region, LocalDate.parse("2021-02-01"), Sex.MALE, 403))
                .put("relation", "CHILD")
                .put("labourAbility", "NONE")
                .put("seekingWork", false);
        ((ArrayNode) h.get("members")).add(baby);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(200);
        JsonNode second = run(Map.of("qualityOnly", true, "regionCode", region, "asOf", "2020-06-30"));
        assertThat(second.get("skipped").asLong()).isEqualTo(1);
        JsonNode skipped = api.get(
                        "/api/reevaluations/" + second.get("reevaluationId").asString() + "/skipped", "policy")
                .json();
        assertThat(skipped.toString()).contains(id).contains("birthDate");
        JsonNode report = api.get("/api/reports/quality?regionCode=" + region, "caseworker")
                .json();
        assertThat(report.get("run").get("skipped").asLong()).isEqualTo(1);
        assertThat(report.get("errors").asLong()).isZero();
        assertThat(report.get("fixedSincePrevious").asLong())
                .as("not checked is not fixed")
                .isZero();
    }

    @Test
    void findingsAreCountedPerCityAndPerProvinceAcrossCounties() {
        String city = "63" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        for (String county : List.of(city + "01", city + "02")) {
            for (int n = 0; n < 2; n++) {
                String id = county + "-" + UUID.randomUUID().toString().substring(0, 13);
                ObjectNode h = clean(id)
                        .put("regionCode", county)
                        .put("status", "LIFTED")
                        .put("incomePerCapita", 3000);
                assertThat(api.put("/api/households/" + id, "caseworker", h, null)
                                .status())
                        .isEqualTo(201);
            }
        }
        run(Map.of("qualityOnly", true, "regionCode", city, "asOf", "2020-06-30"));
        JsonNode byCity = api.get("/api/reports/quality?regionCode=" + city + "&regionDigits=4", "caseworker")
                .json();
        assertThat(byCity.get("byRegion")).hasSize(1);
        assertThat(byCity.get("byRegion").get(0).get("regionCode").asString()).isEqualTo(city);
        assertThat(byCity.get("byRegion").get(0).get("findings").asLong()).isEqualTo(4);
        JsonNode byCounty = api.get("/api/reports/quality?regionCode=" + city + "&regionDigits=6", "caseworker")
                .json();
        assertThat(byCounty.get("byRegion")).hasSize(2);
        Api.Response byProvince = api.get("/api/reports/quality?regionCode=" + city + "&regionDigits=2", "caseworker");
        assertThat(byProvince.status()).as(byProvince.body()).isEqualTo(200);
        assertThat(byProvince.json().get("byRegion").get(0).get("households").asLong())
                .isEqualTo(4);
    }

    @Test
    void aQualityOnlyRunFeedsTheReportAndACorrectionCountsAsFixedAtTheNextRun() {
        String lifted = newId();
        String twoHeads = newId();
        String fine = newId();
        ObjectNode exit = clean(lifted).put("status", "LIFTED").put("incomePerCapita", 3000);
        ObjectNode heads = clean(twoHeads);
        ((ObjectNode) heads.get("members").get(1)).put("relation", "HEAD");
        for (ObjectNode h : List.of(exit, heads, clean(fine))) {
            assertThat(api.put("/api/households/" + h.get("householdId").asString(), "caseworker", h, null)
                            .status())
                    .isEqualTo(201);
        }
        JsonNode none = api.get("/api/reports/quality?regionCode=" + region, "caseworker")
                .json();
        assertThat(none.hasNonNull("run")).as(none.toString()).isFalse();
        assertThat(count(none, "HEAD_NOT_UNIQUE")).isZero();

        JsonNode first = run(Map.of("qualityOnly", true, "regionCode", region, "asOf", "2020-06-30"));
        assertThat(first.get("qualityOnly").asBoolean()).isTrue();
        assertThat(first.get("processed").asLong()).isEqualTo(3);
        assertThat(first.get("findings").asLong()).isEqualTo(2);
        assertThat(first.get("changedHouseholds").asLong()).isZero();
        // A quality-only run evaluates nothing.
        assertThat(api.get("/api/households/" + fine + "/evaluations", "caseworker")
                        .json())
                .isEmpty();

        JsonNode report = api.get("/api/reports/quality?regionCode=" + region + "&regionDigits=4", "caseworker")
                .json();
        assertThat(report.get("run").get("reevaluationId").asString())
                .isEqualTo(first.get("reevaluationId").asString());
        assertThat(report.get("errors").asLong()).isEqualTo(2);
        assertThat(report.get("warnings").asLong()).isZero();
        assertThat(report.get("householdsWithFindings").asLong()).isEqualTo(2);
        assertThat(count(report, "EXIT_NOT_ACCURATE")).isEqualTo(1);
        assertThat(count(report, "HEAD_NOT_UNIQUE")).isEqualTo(1);
        assertThat(count(report, "SCHOOLING_AGE_MISMATCH")).isZero(); // every code of the rules is listed
        assertThat(report.get("byRegion").get(0).get("regionCode").asString()).isEqualTo(region.substring(0, 4));

        JsonNode page = api.get(
                        "/api/reports/quality/findings?regionCode=" + region + "&severity=ERROR&size=1&page=1",
                        "caseworker")
                .json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content")).hasSize(1);
        JsonNode byCode = api.get(
                        "/api/reports/quality/findings?regionCode=" + region + "&code=EXIT_NOT_ACCURATE", "caseworker")
                .json();
        assertThat(byCode.get("content").get(0).get("householdId").asString()).isEqualTo(lifted);
        Api.Response csv = api.send(api.request("/api/reports/quality/findings?regionCode=" + region, "caseworker")
                .header("Accept", "text/csv")
                .build());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(3);
        assertThat(csv.body()).contains(lifted + ",," + region + ",EXIT_NOT_ACCURATE,ERROR,");
        // Each list names its households in the audit trail: the JSON page as it answers, the CSV page by page.
        assertThat(api.get("/api/audit?householdId=" + lifted, "admin")
                        .json()
                        .valueStream()
                        .filter(e -> e.get("action").asString().equals("FINDINGS_LIST"))
                        .map(e -> e.get("detail").isNull()
                                ? "json"
                                : e.get("detail").asString())
                        .toList())
                .contains("json", "csv");

        // The heads are corrected; the next run finds only the exit, and counts one fixed.
        ((ObjectNode) heads.get("members").get(1)).put("relation", "CHILD");
        assertThat(api.put("/api/households/" + twoHeads, "caseworker", heads, null)
                        .json()
                        .get("findings"))
                .isEmpty();
        JsonNode second = run(Map.of("qualityOnly", true, "regionCode", region, "asOf", "2020-06-30"));
        JsonNode after = api.get("/api/reports/quality?regionCode=" + region, "caseworker")
                .json();
        assertThat(after.get("run").get("reevaluationId").asString())
                .isEqualTo(second.get("reevaluationId").asString());
        assertThat(after.get("previousRun").get("reevaluationId").asString())
                .isEqualTo(first.get("reevaluationId").asString());
        assertThat(after.get("errors").asLong()).isEqualTo(1);
        assertThat(after.get("fixedSincePrevious").asLong()).isEqualTo(1);
        assertThat(after.get("newSincePrevious").asLong()).isZero();
        JsonNode heads2 = after.get("byCode")
                .valueStream()
                .filter(c -> c.get("code").asString().equals("HEAD_NOT_UNIQUE"))
                .findFirst()
                .orElseThrow();
        assertThat(heads2.get("findings").asLong()).isZero();
        assertThat(heads2.get("fixedSincePrevious").asLong()).isEqualTo(1);
    }

    @Test
    void aRealReevaluationAlsoRecordsTheFindingsOfWhatItEvaluates() {
        String id = newId();
        ObjectNode h = clean(id).put("status", "POOR").put("incomePerCapita", 13000);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(201);
        JsonNode run = run(Map.of("regionCode", region, "asOf", "2020-06-30"));
        assertThat(run.get("qualityOnly").asBoolean()).isFalse();
        assertThat(run.get("findings").asLong()).isEqualTo(1);
        JsonNode report =
                api.get("/api/reports/quality?regionCode=" + region, "policy").json();
        assertThat(report.get("warnings").asLong()).isEqualTo(1);
        assertThat(count(report, "IDENTIFICATION_NOT_ACCURATE")).isEqualTo(1);
        // A dry run records no findings.
        JsonNode dry = run(Map.of("regionCode", region, "asOf", "2020-06-30", "dryRun", true));
        assertThat(dry.has("findings")).isFalse();
        assertThat(api.get("/api/reports/quality?regionCode=" + region, "policy")
                        .json()
                        .get("run")
                        .get("reevaluationId")
                        .asString())
                .isEqualTo(run.get("reevaluationId").asString());
    }

    @Test
    void badParametersAreNamed() {
        Api.Response report = api.get("/api/reports/quality?regionCode=5x&regionDigits=3", "caseworker");
        assertThat(report.status()).isEqualTo(400);
        assertThat(report.body()).contains("regionCode").contains("regionDigits");
        Api.Response list = api.get("/api/reports/quality/findings?code=exit&severity=FATAL&size=0", "caseworker");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body()).contains("\"code\"").contains("severity").contains("size");
        Api.Response both = api.post("/api/reevaluations", "policy", Map.of("qualityOnly", true, "dryRun", true));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("qualityOnly");
        Api.Response notBoolean = api.post("/api/reevaluations", "policy", Map.of("qualityOnly", "yes"));
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.body()).contains("qualityOnly");
        assertThat(api.get("/api/reports/quality/findings?regionCode=" + region, "caseworker")
                        .status())
                .isEqualTo(404);
    }

    private static long count(JsonNode report, String code) {
        return report.get("byCode")
                .valueStream()
                .filter(c -> c.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not listed: " + report))
                .get("findings")
                .asLong();
    }

    private JsonNode run(Map<String, Object> body) {
        return api.completedRun(body);
    }
}
