-- A monthly re-screening (一月一排查) finds nearly every household as the previous run left it: same version,
-- same answer. Each such evaluation still appended a full evaluation row (its UUID, the household, the run's
-- date, rule set, user and run, the version and answer numbers) with four indexes: 434 bytes a household,
-- some 120 MB a run of the province. What it records is already known: which run (and so its date, rule set,
-- user), which household, when, and that it repeats the household's latest evaluation (and so its input and
-- answer). One narrow row says that, in the order the run writes it (the run, then the household):
--   run_no        the run's reevaluation.seq;
--   repeats_seq   the seq of the household's latest evaluation row, whose version it read again and whose
--                 answer it gave again: its input and answer are that row's, and it comes after that row (and
--                 before any later one) in the household's history;
--   evaluated_at  when its chunk recorded it.
-- The API names it by its run and household ("<reevaluationId>.<householdId>"; a household id has no dot):
-- history, replay and the run's audit check read it beside the evaluation rows. Evaluations that change
-- something (a new version, a new answer, a single evaluation) are still evaluation rows, as before.
CREATE TABLE evaluation_repeat (
    run_no       BIGINT      NOT NULL,
    household_id VARCHAR(64) NOT NULL,
    repeats_seq  BIGINT      NOT NULL,
    evaluated_at DATETIME    NOT NULL,
    PRIMARY KEY (run_no, household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every evaluation a real run recorded, of either kind, with the version it read: what the run's audit rows
-- are checked against, and what "one evaluation per household per run" counts.
CREATE VIEW run_evaluation AS
    SELECT e.reevaluation_id, e.household_id, e.household_version
      FROM evaluation e
     WHERE e.reevaluation_id IS NOT NULL
    UNION ALL
    SELECT x.reevaluation_id, p.household_id, e.household_version
      FROM evaluation_repeat p
      JOIN reevaluation x ON x.seq = p.run_no
      JOIN evaluation e ON e.seq = p.repeats_seq;

-- The household's latest evaluation, as a later run must judge it (was it made after the run was asked for,
-- or as of a later date?): its date, and the run whose repeat it is (null when it is an evaluation row, whose
-- seq says when it was made). Null for evaluations recorded before this migration: they are evaluation rows.
ALTER TABLE household_evaluated ADD COLUMN as_of DATE NULL;
ALTER TABLE household_evaluated ADD COLUMN repeat_run BIGINT NULL;
