-- An evaluation kept the household it read and the answer it gave as JSON in its own row: a run over the
-- province appended some 0.7 GB, nearly all of it copies of what the previous run had written, since most
-- households neither change nor get another answer from one month to the next (一月一排查). Now each is
-- written once and an evaluation refers to it:
--   household_snapshot: the household as the rules read it (no ID number, as since V16), once per version
--                       of the household, written by the first evaluation that reads that version;
--   evaluation_result:  an answer (the recommendations with their ledger ids and statuses), numbered per
--                       household; an evaluation whose answer equals the household's latest one refers to
--                       that one instead of writing it again.
-- An evaluation reads its input as (household_id, household_version) in household_snapshot and its answer
-- as (household_id, result_no) in evaluation_result. Evaluations recorded before this migration keep their
-- own input and result in their row (result_no NULL) and replay from them exactly as before: moving them
-- would rewrite every row of the largest table, under its lock, for no change in what any of them answers.
CREATE TABLE household_snapshot (
    household_id      VARCHAR(64) NOT NULL,
    household_version BIGINT      NOT NULL,
    snapshot          LONGTEXT    NOT NULL,
    PRIMARY KEY (household_id, household_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE evaluation_result (
    household_id VARCHAR(64) NOT NULL,
    result_no    INT         NOT NULL,
    result       LONGTEXT    NOT NULL,
    PRIMARY KEY (household_id, result_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE evaluation MODIFY input LONGTEXT NULL;
ALTER TABLE evaluation MODIFY result LONGTEXT NULL;
ALTER TABLE evaluation ADD COLUMN result_no INT NULL;

-- The household's latest answer, beside its latest evaluation: its number and the SHA-256 of its fields, so
-- that an evaluation knows from this one row whether its answer is new.
ALTER TABLE household_evaluated ADD COLUMN result_no INT NULL;
ALTER TABLE household_evaluated ADD COLUMN result_digest CHAR(64) NULL;
