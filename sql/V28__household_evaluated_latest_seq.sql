-- A run's chunk asked the evaluation table twice for each household's latest evaluation row (MAX(seq) per
-- household): once to judge whether it is newer than the run (LaterEvaluations), once for the row a repeat
-- refers to (evaluation_repeat.repeats_seq). The household's latest evaluation now keeps that row's seq:
-- the row itself for an evaluation row, the row it repeats for a run's repeat. Written with every evaluation
-- row in the statement that moves household_evaluated. Null for households evaluated before this migration
-- (their latest row is still found by MAX(seq), until their next evaluation), so the upgrade writes nothing.
ALTER TABLE household_evaluated ADD COLUMN latest_seq BIGINT NULL;
