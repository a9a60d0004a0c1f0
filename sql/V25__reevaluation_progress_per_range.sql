-- A run's counters, per range: every chunk of every range added to the one reevaluation row, so the ranges'
-- transactions queued on that row's lock from their counter update until their commit (flushed to disk). Each
-- range now adds to a row of its own (a range is run by one thread at a time), and a run's counters are the
-- sums of its ranges' rows plus what the reevaluation row held before this migration (runs asked for earlier).
CREATE TABLE reevaluation_range_progress (
    reevaluation_id    CHAR(36)    NOT NULL,
    range_name         VARCHAR(64) NOT NULL,
    processed          BIGINT      NOT NULL,
    changed_households BIGINT      NOT NULL,
    skipped            BIGINT      NOT NULL,
    findings           BIGINT      NOT NULL,
    PRIMARY KEY (reevaluation_id, range_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
