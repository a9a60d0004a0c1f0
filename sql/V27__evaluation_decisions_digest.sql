-- A run's chunk read every household's current ledger (its entries with their rules and reasons, by
-- household, each a random read into the ledger's table) only to find, for nearly every household, that the
-- rules decided what they decided last time and nothing moves. The household's latest evaluation now keeps,
-- beside the SHA-256 of its whole answer, that of what the rules decided (every field but the ledger's ids and
-- statuses): a household whose version and decisions are those of its latest evaluation, and whose ledger
-- has not moved since, repeats that evaluation, known without reading its ledger. A status moved by a case
-- worker clears it (the latest answer no longer shows the ledger as it is); so does this migration, for every
-- household until its next evaluation.
ALTER TABLE household_evaluated ADD COLUMN decision_digest CHAR(64) NULL;
