-- Ids are case-sensitive (README, "Ids are case-sensitive"): household and member ids as clients write them,
-- and the UUIDs the service makes. Java and H2 compare them exactly, but MySQL compared them with the tables'
-- default collation, case-insensitively: members m1 and M1 collided in the unique key (the import stopped
-- with a 500), and a path id in another case found the household, so a PUT or an import under that spelling
-- rewrote the stored one. Every column holding such an id now compares case and all (utf8mb4_bin, on MySQL 8
-- and MariaDB alike; being PAD SPACE it still ignores trailing spaces, which no valid id has).
--
-- Data written by that bug is realigned first, while the columns still compare case-insensitively, so that
-- every row keeps pointing at the household it pointed at and the foreign key can be added back:
-- 1. A household replaced under another spelling has its members, and their ID numbers' ciphertexts
--    (bound to the household id), under the new spelling, its own row under the old one: the row takes its
--    members' spelling, the only one its ID numbers decrypt with.
-- 2. Rows of other tables written under another spelling than their household's take the household's.
-- The audit trail keeps the ids as requested: it is append-only and chained by hash.
-- MySQL will not change the collation of a column a foreign key joins: both keys go and come back.

ALTER TABLE household_member DROP FOREIGN KEY household_member_household;
ALTER TABLE recommendation_status_change DROP FOREIGN KEY status_change_recommendation;

UPDATE household h JOIN household_member m ON m.household_id = h.household_id AND m.position = 0
   SET h.household_id = m.household_id
 WHERE h.household_id <> m.household_id COLLATE utf8mb4_bin;

UPDATE household_member x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE evaluation x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE recommendation x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE household_coverage x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE household_evaluated x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE reevaluation_household x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE reevaluation_change x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE reevaluation_skip x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;
UPDATE quality_finding x JOIN household h ON h.household_id = x.household_id
   SET x.household_id = h.household_id WHERE x.household_id <> h.household_id COLLATE utf8mb4_bin;

-- One statement per table: each rebuilds its table once.
ALTER TABLE household
    MODIFY household_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE household_member
    MODIFY household_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY member_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE evaluation
    MODIFY evaluation_id   CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY reevaluation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE recommendation
    MODIFY recommendation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id      VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY member_id         VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY evaluation_id     CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE recommendation_status_change
    MODIFY recommendation_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE household_coverage
    MODIFY household_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE household_evaluated
    MODIFY household_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE reevaluation
    MODIFY reevaluation_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE reevaluation_household
    MODIFY reevaluation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE reevaluation_change
    MODIFY reevaluation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY member_id       VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE reevaluation_skip
    MODIFY reevaluation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE quality_finding
    MODIFY reevaluation_id CHAR(36)    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY household_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY member_id       VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE audit_event
    MODIFY household_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

ALTER TABLE household_member ADD CONSTRAINT household_member_household
    FOREIGN KEY (household_id) REFERENCES household (household_id);
ALTER TABLE recommendation_status_change ADD CONSTRAINT status_change_recommendation
    FOREIGN KEY (recommendation_id) REFERENCES recommendation (recommendation_id);
