-- Ids are case-sensitive (README, "Ids are case-sensitive"). H2 compares strings exactly already (the JDBC
-- URL sets no IGNORECASE, and MODE=MySQL leaves comparisons alone), so nothing changes here: the MySQL
-- version gives the id columns the binary collation that makes MySQL compare the same way. These statements
-- fail if H2 compared case-insensitively, so that a URL that made it do so is noticed when a database is
-- first migrated rather than in an import.
CREATE TABLE id_case_check (id VARCHAR(1) NOT NULL, PRIMARY KEY (id));
INSERT INTO id_case_check (id) VALUES ('a'), ('A');
DROP TABLE id_case_check;
