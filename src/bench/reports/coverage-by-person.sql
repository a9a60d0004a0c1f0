-- Coverage counted person by person from the ledger, independently of the coverage the service keeps:
-- per action, the people a current measure targets (every member for a household measure) and those whose
-- targeted measures of that action are all DELIVERED. Compare with GET /api/reports/coverage?regionCode=52.
--   mysql -uroot -h127.0.0.1 fupin < src/bench/reports/coverage-by-person.sql
SELECT action, COUNT(*) AS targeted, SUM(all_delivered) AS delivered FROM (
  SELECT t.action, t.member_id, MIN(t.delivered) AS all_delivered FROM (
    SELECT CASE r.measure
                  WHEN 'HEALTH_INSURANCE_SUBSIDY' THEN 'HEALTH'
                  WHEN 'HEALTH_SERIOUS_ILLNESS_CARE' THEN 'HEALTH'
                  WHEN 'HEALTH_FAMILY_DOCTOR' THEN 'HEALTH'
                  WHEN 'HEALTH_DISABILITY_LIVING_SUBSIDY' THEN 'HEALTH'
                  WHEN 'HEALTH_SEVERE_DISABILITY_CARE_SUBSIDY' THEN 'HEALTH'
                  WHEN 'EDUCATION_DROPOUT_RETURN' THEN 'EDUCATION'
                  WHEN 'EDUCATION_HOME_TEACHING' THEN 'EDUCATION'
                  WHEN 'EDUCATION_STUDENT_AID' THEN 'EDUCATION'
                  WHEN 'EDUCATION_RAIN_DEW' THEN 'EDUCATION'
                  WHEN 'HOUSING_RENOVATION' THEN 'HOUSING'
                  WHEN 'WATER_SAFETY' THEN 'WATER'
                  WHEN 'INDUSTRY_PROJECT' THEN 'INDUSTRY'
                  WHEN 'INDUSTRY_ASSET_DIVIDEND' THEN 'INDUSTRY'
                  WHEN 'INDUSTRY_COOPERATIVE_LINK' THEN 'INDUSTRY'
                  WHEN 'SAFETY_NET_DIBAO' THEN 'SAFETY_NET'
                  WHEN 'SAFETY_NET_TEKUN' THEN 'SAFETY_NET'
                  WHEN 'SAFETY_NET_TEMPORARY_ASSISTANCE' THEN 'SAFETY_NET'
                  WHEN 'TRANSPORT_ROAD_ACCESS' THEN 'TRANSPORT'
                  WHEN 'TECH_SKILL_TRAINING' THEN 'TECH'
                  WHEN 'PARTY_PAIRING' THEN 'PARTY'
                  WHEN 'EMPLOYMENT_JOB_PLACEMENT' THEN 'EMPLOYMENT'
                  WHEN 'EMPLOYMENT_PUBLIC_WELFARE_POST' THEN 'EMPLOYMENT'
                  WHEN 'EMPLOYMENT_SKILLS_TRAINING' THEN 'EMPLOYMENT'
                  WHEN 'MONITORING_WATCH' THEN 'MONITORING'
                END AS action, r.member_id, CASE WHEN r.status = 'DELIVERED' THEN 1 ELSE 0 END AS delivered
      FROM recommendation r JOIN household h ON h.household_id = r.household_id
     WHERE r.current_flag = 1 AND r.member_id <> '' AND h.region_code LIKE '52%'
    UNION ALL
    SELECT CASE r.measure
                  WHEN 'HEALTH_INSURANCE_SUBSIDY' THEN 'HEALTH'
                  WHEN 'HEALTH_SERIOUS_ILLNESS_CARE' THEN 'HEALTH'
                  WHEN 'HEALTH_FAMILY_DOCTOR' THEN 'HEALTH'
                  WHEN 'HEALTH_DISABILITY_LIVING_SUBSIDY' THEN 'HEALTH'
                  WHEN 'HEALTH_SEVERE_DISABILITY_CARE_SUBSIDY' THEN 'HEALTH'
                  WHEN 'EDUCATION_DROPOUT_RETURN' THEN 'EDUCATION'
                  WHEN 'EDUCATION_HOME_TEACHING' THEN 'EDUCATION'
                  WHEN 'EDUCATION_STUDENT_AID' THEN 'EDUCATION'
                  WHEN 'EDUCATION_RAIN_DEW' THEN 'EDUCATION'
                  WHEN 'HOUSING_RENOVATION' THEN 'HOUSING'
                  WHEN 'WATER_SAFETY' THEN 'WATER'
                  WHEN 'INDUSTRY_PROJECT' THEN 'INDUSTRY'
                  WHEN 'INDUSTRY_ASSET_DIVIDEND' THEN 'INDUSTRY'
                  WHEN 'INDUSTRY_COOPERATIVE_LINK' THEN 'INDUSTRY'
                  WHEN 'SAFETY_NET_DIBAO' THEN 'SAFETY_NET'
                  WHEN 'SAFETY_NET_TEKUN' THEN 'SAFETY_NET'
                  WHEN 'SAFETY_NET_TEMPORARY_ASSISTANCE' THEN 'SAFETY_NET'
                  WHEN 'TRANSPORT_ROAD_ACCESS' THEN 'TRANSPORT'
                  WHEN 'TECH_SKILL_TRAINING' THEN 'TECH'
                  WHEN 'PARTY_PAIRING' THEN 'PARTY'
                  WHEN 'EMPLOYMENT_JOB_PLACEMENT' THEN 'EMPLOYMENT'
                  WHEN 'EMPLOYMENT_PUBLIC_WELFARE_POST' THEN 'EMPLOYMENT'
                  WHEN 'EMPLOYMENT_SKILLS_TRAINING' THEN 'EMPLOYMENT'
                  WHEN 'MONITORING_WATCH' THEN 'MONITORING'
                END, m.member_id, CASE WHEN r.status = 'DELIVERED' THEN 1 ELSE 0 END
      FROM recommendation r JOIN household h ON h.household_id = r.household_id
      JOIN household_member m ON m.household_id = r.household_id
     WHERE r.current_flag = 1 AND r.member_id = '' AND h.region_code LIKE '52%'
  ) t GROUP BY t.action, t.member_id
) p GROUP BY action ORDER BY action;
