-- An evaluation: who asked, on which date, with which rule set, and the household exactly as evaluated
-- (input) with the answer (result), both as JSON, so that the decision can be reproduced later.
CREATE TABLE evaluation (
    evaluation_id     CHAR(36)    NOT NULL,
    seq               BIGINT      NOT NULL AUTO_INCREMENT,
    household_id      VARCHAR(64) NOT NULL,
    as_of             DATE        NOT NULL,
    ruleset_version   VARCHAR(71) NOT NULL,
    evaluated_at      DATETIME    NOT NULL,
    evaluated_by      VARCHAR(64) NOT NULL,
    household_version BIGINT      NOT NULL,
    input             LONGTEXT    NOT NULL,
    result            LONGTEXT    NOT NULL,
    PRIMARY KEY (evaluation_id),
    -- Insertion order: evaluations of one household are serialised on its row lock, so this is their
    -- order, whatever the clock's resolution.
    CONSTRAINT evaluation_seq UNIQUE (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A household's history, newest first.
CREATE INDEX evaluation_by_household ON evaluation (household_id, seq);

-- The ledger of measures (帮扶措施台账): one row per measure and target, with its status. A row that no
-- longer matches is WITHDRAWN and kept. `current_flag` is 1 while the row is current and NULL once it is
-- withdrawn, so the unique key allows exactly one current row per household, measure and member ('' for a
-- household measure) however many withdrawn ones there are: concurrent evaluations cannot duplicate one.
-- `evaluation_id` is the evaluation that created the row or last changed its rule or reason: an evaluation
-- that matches a measure on the same grounds as before does not write its row.
CREATE TABLE recommendation (
    recommendation_id CHAR(36)      NOT NULL,
    household_id      VARCHAR(64)   NOT NULL,
    measure           VARCHAR(64)   NOT NULL,
    member_id         VARCHAR(64)   NOT NULL,
    current_flag      TINYINT       NULL,
    status            VARCHAR(16)   NOT NULL,
    rule_name         VARCHAR(1000) NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    evaluation_id     CHAR(36)      NOT NULL,
    ruleset_version   VARCHAR(71)   NOT NULL,
    created_at        DATETIME      NOT NULL,
    updated_at        DATETIME      NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (recommendation_id),
    CONSTRAINT recommendation_one_current UNIQUE (household_id, measure, member_id, current_flag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A household's recommendations by status (current ones, or the withdrawn), and every measure by status
-- across the province (coverage reports).
CREATE INDEX recommendation_by_household_status ON recommendation (household_id, status);
CREATE INDEX recommendation_by_status ON recommendation (status, measure);

-- Every status a recommendation has had: who, when, and why.
CREATE TABLE recommendation_status_change (
    recommendation_id CHAR(36)     NOT NULL,
    position          INT          NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    note              VARCHAR(500) NULL,
    changed_by        VARCHAR(64)  NOT NULL,
    changed_at        DATETIME     NOT NULL,
    PRIMARY KEY (recommendation_id, position),
    CONSTRAINT status_change_recommendation FOREIGN KEY (recommendation_id) REFERENCES recommendation (recommendation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
