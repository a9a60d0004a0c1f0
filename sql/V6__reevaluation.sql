-- A bulk re-evaluation (全面排查) of every household under a region prefix ('' for the province), or a dry
-- run of the same against a candidate (standards overrides and/or a candidate rules folder). The batch job
-- that runs it keeps its own state in the BATCH_ tables; this row is what the office asked for and how far
-- it is. The counters are updated in the same transaction as each chunk of households, so they are exact
-- after a crash.
CREATE TABLE reevaluation (
    reevaluation_id     CHAR(36)    NOT NULL,
    region_prefix       VARCHAR(6)  NOT NULL,
    as_of               DATE        NOT NULL,
    dry_run             TINYINT     NOT NULL,
    -- The rule set the run decides with: the active one when it was asked for (kept for the whole run,
    -- whatever is activated meanwhile), or for a dry run the candidate built on that one (base_version).
    ruleset_version     VARCHAR(71) NOT NULL,
    base_version        VARCHAR(71) NOT NULL,
    standards_overrides LONGTEXT    NULL,
    candidate_files     LONGTEXT    NULL,
    requested_by        VARCHAR(64) NOT NULL,
    requested_at        DATETIME    NOT NULL,
    total               BIGINT      NOT NULL,
    processed           BIGINT      NOT NULL,
    changed_households  BIGINT      NOT NULL,
    skipped             BIGINT      NOT NULL,
    -- How far it was when its latest start or resume began: the rate counts from there.
    processed_at_resume BIGINT      NOT NULL,
    PRIMARY KEY (reevaluation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX reevaluation_by_time ON reevaluation (requested_at);

-- A household whose current measures a run changed (or, for a dry run, would change): how many people
-- gain and lose something (a household measure counts every member).
CREATE TABLE reevaluation_household (
    reevaluation_id CHAR(36)    NOT NULL,
    household_id    VARCHAR(64) NOT NULL,
    region_code     CHAR(6)     NOT NULL,
    members         INT         NOT NULL,
    gained_people   INT         NOT NULL,
    lost_people     INT         NOT NULL,
    PRIMARY KEY (reevaluation_id, household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each measure gained or lost, with its target ('' for a household measure), rule and reason; `people` is
-- 1 for a member measure and the household's size for a household measure.
CREATE TABLE reevaluation_change (
    reevaluation_id CHAR(36)      NOT NULL,
    household_id    VARCHAR(64)   NOT NULL,
    direction       VARCHAR(6)    NOT NULL,
    measure         VARCHAR(64)   NOT NULL,
    member_id       VARCHAR(64)   NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    people          INT           NOT NULL,
    rule_name       VARCHAR(1000) NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    PRIMARY KEY (reevaluation_id, household_id, direction, measure, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A household a run could not evaluate (a member born after the run's date), and why.
CREATE TABLE reevaluation_skip (
    reevaluation_id CHAR(36)     NOT NULL,
    household_id    VARCHAR(64)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    PRIMARY KEY (reevaluation_id, household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The evaluation a run recorded for a household: at most one per run and household.
ALTER TABLE evaluation ADD COLUMN reevaluation_id CHAR(36) NULL;
CREATE UNIQUE INDEX evaluation_one_per_run ON evaluation (reevaluation_id, household_id);
