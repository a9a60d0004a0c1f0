-- Quality findings (rules/quality), kept per run that checked them: every real re-evaluation checks the
-- households it records, and a quality-only run checks without evaluating. The report compares a region's
-- latest completed run with the one before it, so findings are kept per run, not overwritten.
ALTER TABLE reevaluation ADD COLUMN quality_only TINYINT NOT NULL DEFAULT 0;
ALTER TABLE reevaluation ADD COLUMN findings BIGINT NOT NULL DEFAULT 0;
-- Set when the run's job completes: only a complete run stands for its whole region in the report.
ALTER TABLE reevaluation ADD COLUMN completed_at DATETIME NULL;

-- One finding per run, household, member ('' for the household) and code; where two rules report the same
-- code for the same target, their sentences are joined.
CREATE TABLE quality_finding (
    reevaluation_id CHAR(36)      NOT NULL,
    household_id    VARCHAR(64)   NOT NULL,
    member_id       VARCHAR(64)   NOT NULL,
    code            VARCHAR(64)   NOT NULL,
    severity        VARCHAR(8)    NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    rule_name       VARCHAR(1000) NOT NULL,
    message         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (reevaluation_id, household_id, code, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The report's counts and drill-down: a run's findings in a region, by code.
CREATE INDEX quality_finding_by_region ON quality_finding (reevaluation_id, region_code, code);
