-- Two more blind spots (不落一户) of a household's latest evaluation, counted per region from
-- household_evaluated alone like the others (a join with the household table costs the province's coverage
-- report about a second on MariaDB): the household was edited after it, or it is dated more than
-- app.coverage.overdue-after back (一月一排查).
--   household_version: the household's version that the latest evaluation read (as in evaluation);
--   stored_version:    the household's version now, rewritten with every store of it (PUT, import), so that
--                      stored_version > household_version is "edited since its last evaluation";
--   evaluated_on:      the date the latest evaluation speaks for: its asOf, or the day it was recorded when
--                      asOf is later (a household's facts are those of the day they were read).
ALTER TABLE household_evaluated ADD COLUMN household_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE household_evaluated ADD COLUMN stored_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE household_evaluated ADD COLUMN evaluated_on DATE NULL;

-- Filled once from what is recorded: the latest evaluation is the household's last by insertion order (as in
-- V8). The day it was recorded is the date of evaluated_at as stored, in the service JVM's time zone: a day
-- off at most, in this one-off fill only, where that zone is not Asia/Shanghai.
UPDATE household_evaluated SET
    household_version = (SELECT e.household_version FROM evaluation e WHERE e.seq =
        (SELECT MAX(x.seq) FROM evaluation x WHERE x.household_id = household_evaluated.household_id)),
    evaluated_on = (SELECT LEAST(e.as_of, CAST(household_evaluated.evaluated_at AS DATE)) FROM evaluation e WHERE e.seq =
        (SELECT MAX(x.seq) FROM evaluation x WHERE x.household_id = household_evaluated.household_id)),
    stored_version = (SELECT h.version FROM household h WHERE h.household_id = household_evaluated.household_id);

ALTER TABLE household_evaluated MODIFY evaluated_on DATE NOT NULL;
