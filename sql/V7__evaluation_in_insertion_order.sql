-- Evaluations are stored in insertion order (seq) instead of by their random UUIDs: a bulk re-evaluation
-- appends some 280,000 rows of a few kilobytes, and with a random primary key every one of them landed on a
-- random page of a table of gigabytes (measured: the writes of a run took half of its time). The UUID
-- stays unique and indexed for lookups by id.
ALTER TABLE evaluation DROP PRIMARY KEY;
ALTER TABLE evaluation ADD PRIMARY KEY (seq);
ALTER TABLE evaluation ADD CONSTRAINT evaluation_id UNIQUE (evaluation_id);
ALTER TABLE evaluation DROP CONSTRAINT evaluation_seq;
