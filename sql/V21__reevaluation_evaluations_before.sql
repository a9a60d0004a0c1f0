-- Where the evaluations stood when the run was asked for: the highest evaluation seq then. A real run does
-- not record a household whose latest evaluation comes after it (a case worker's, or another run's, made
-- after this run started, perhaps with newer rules, a later date and statuses moved since): it lists the
-- household as skipped. seq, not times: it is the database's own order of evaluations, whole seconds and
-- the clocks of several instances are not. NULL for runs asked for before this column: they compare the
-- evaluation's time with the run's.
ALTER TABLE reevaluation ADD COLUMN evaluations_before BIGINT NULL;
