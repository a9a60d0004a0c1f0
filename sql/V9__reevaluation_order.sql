-- Runs in the order they were asked for: times are whole seconds, and two runs asked for in the same second
-- must still list newest first.
ALTER TABLE reevaluation ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
