-- The audit chain is keyed from here on: rows from keyed_from on carry an HMAC-SHA-256 under the audit key,
-- which lives outside the database; older rows keep their plain SHA-256 and still verify. The service's
-- database account may only read this row (sql/grants): moving the start would let it pass forged rows off
-- as plain ones.
CREATE TABLE audit_chain (
    id         INT    NOT NULL,
    keyed_from BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_chain (id, keyed_from) SELECT id, seq + 1 FROM audit_head WHERE id = 1;
