-- Coverage (不落一人): per household and action, the people a current measure targets and those whose
-- targeted measures of that action are all DELIVERED. The service rewrites a household's rows with every
-- change of its ledger (an evaluation that adds or withdraws a measure, a status change), so that the
-- coverage report over the province is a sum over a few hundred thousand small rows instead of a join
-- of the ledger with every member.
CREATE TABLE household_coverage (
    household_id VARCHAR(64) NOT NULL,
    region_code  CHAR(6)     NOT NULL,
    action       VARCHAR(16) NOT NULL,
    targeted     INT         NOT NULL,
    delivered    INT         NOT NULL,
    PRIMARY KEY (household_id, action)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX household_coverage_by_region ON household_coverage (region_code, action, targeted, delivered);

-- The household's latest evaluation: with which rule set and when, and the household's region then (blind
-- spots: never evaluated, or last evaluated with another rule set than the active one; counted per region
-- from this table alone).
CREATE TABLE household_evaluated (
    household_id    VARCHAR(64) NOT NULL,
    region_code     CHAR(6)     NOT NULL,
    ruleset_version VARCHAR(71) NOT NULL,
    evaluated_at    DATETIME    NOT NULL,
    PRIMARY KEY (household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX household_evaluated_by_region ON household_evaluated (region_code, ruleset_version);

-- The number of members of each household, kept with it, so that reports count a region's people from the
-- household table alone.
ALTER TABLE household ADD COLUMN people INT NOT NULL DEFAULT 0;
UPDATE household SET people = (SELECT COUNT(*) FROM household_member m WHERE m.household_id = household.household_id);
CREATE INDEX household_people_by_region ON household (region_code, people);

-- Filling both from what is recorded already. The measures' actions and targets, as in the catalogue
-- (matching/Measure.java; a test checks that the two agree), for this one-off computation.
CREATE TABLE measure_catalogue (
    measure VARCHAR(64) NOT NULL,
    action  VARCHAR(16) NOT NULL,
    target  VARCHAR(16) NOT NULL,
    PRIMARY KEY (measure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO measure_catalogue (measure, action, target) VALUES
    ('HEALTH_INSURANCE_SUBSIDY', 'HEALTH', 'MEMBER'),
    ('HEALTH_SERIOUS_ILLNESS_CARE', 'HEALTH', 'MEMBER'),
    ('HEALTH_FAMILY_DOCTOR', 'HEALTH', 'MEMBER'),
    ('HEALTH_DISABILITY_LIVING_SUBSIDY', 'HEALTH', 'MEMBER'),
    ('HEALTH_SEVERE_DISABILITY_CARE_SUBSIDY', 'HEALTH', 'MEMBER'),
    ('EDUCATION_DROPOUT_RETURN', 'EDUCATION', 'MEMBER'),
    ('EDUCATION_HOME_TEACHING', 'EDUCATION', 'MEMBER'),
    ('EDUCATION_STUDENT_AID', 'EDUCATION', 'MEMBER'),
    ('EDUCATION_RAIN_DEW', 'EDUCATION', 'MEMBER'),
    ('HOUSING_RENOVATION', 'HOUSING', 'HOUSEHOLD'),
    ('WATER_SAFETY', 'WATER', 'HOUSEHOLD'),
    ('INDUSTRY_PROJECT', 'INDUSTRY', 'HOUSEHOLD'),
    ('INDUSTRY_ASSET_DIVIDEND', 'INDUSTRY', 'HOUSEHOLD'),
    ('INDUSTRY_COOPERATIVE_LINK', 'INDUSTRY', 'HOUSEHOLD'),
    ('SAFETY_NET_DIBAO', 'SAFETY_NET', 'HOUSEHOLD'),
    ('SAFETY_NET_TEKUN', 'SAFETY_NET', 'MEMBER'),
    ('SAFETY_NET_TEMPORARY_ASSISTANCE', 'SAFETY_NET', 'HOUSEHOLD'),
    ('TRANSPORT_ROAD_ACCESS', 'TRANSPORT', 'HOUSEHOLD'),
    ('TECH_SKILL_TRAINING', 'TECH', 'MEMBER'),
    ('PARTY_PAIRING', 'PARTY', 'HOUSEHOLD'),
    ('EMPLOYMENT_JOB_PLACEMENT', 'EMPLOYMENT', 'MEMBER'),
    ('EMPLOYMENT_PUBLIC_WELFARE_POST', 'EMPLOYMENT', 'MEMBER'),
    ('EMPLOYMENT_SKILLS_TRAINING', 'EMPLOYMENT', 'MEMBER'),
    ('MONITORING_WATCH', 'MONITORING', 'HOUSEHOLD');

INSERT INTO household_coverage (household_id, region_code, action, targeted, delivered)
SELECT p.household_id, MIN(p.region_code), p.action, COUNT(*), SUM(p.all_delivered)
  FROM (SELECT t.household_id, t.region_code, t.action, t.member_id, MIN(t.delivered) AS all_delivered
          FROM (SELECT r.household_id, h.region_code, c.action, r.member_id,
                       CASE WHEN r.status = 'DELIVERED' THEN 1 ELSE 0 END AS delivered
                  FROM recommendation r
                  JOIN measure_catalogue c ON c.measure = r.measure
                  JOIN household h ON h.household_id = r.household_id
                 WHERE r.current_flag = 1 AND r.member_id <> ''
                UNION ALL
                SELECT r.household_id, h.region_code, c.action, m.member_id,
                       CASE WHEN r.status = 'DELIVERED' THEN 1 ELSE 0 END
                  FROM recommendation r
                  JOIN measure_catalogue c ON c.measure = r.measure
                  JOIN household h ON h.household_id = r.household_id
                  JOIN household_member m ON m.household_id = r.household_id
                 WHERE r.current_flag = 1 AND r.member_id = '') t
         GROUP BY t.household_id, t.region_code, t.action, t.member_id) p
 GROUP BY p.household_id, p.action;

INSERT INTO household_evaluated (household_id, region_code, ruleset_version, evaluated_at)
SELECT e.household_id, h.region_code, e.ruleset_version, e.evaluated_at
  FROM evaluation e
  JOIN (SELECT household_id, MAX(seq) AS seq FROM evaluation GROUP BY household_id) last ON last.seq = e.seq
  JOIN household h ON h.household_id = e.household_id;

DROP TABLE measure_catalogue;
