-- Users of the service, managed by ADMIN through /api/users. `roles` is a comma-separated list of role codes;
-- `region_prefix` bounds every household a CASEWORKER or POLICY user may read or write ('' = every region).
-- Five failed sign-ins in a row set `locked_until` (15 minutes later).
CREATE TABLE app_user (
    username        VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    roles           VARCHAR(255) NOT NULL,
    region_prefix   VARCHAR(6)   NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    failed_sign_ins INT          NOT NULL,
    locked_until    BIGINT       NULL,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The audit trail: who, when (epoch milliseconds), from where, what (action, household, outcome) for every
-- write and every read of personal data. Rows are only ever inserted: each carries the hash of the row
-- before it (a chain from seq 1), so a changed, removed or inserted row breaks the chain at that point.
-- The application's database user gets SELECT and INSERT only (README); triggers refuse UPDATE and DELETE.
CREATE TABLE audit_event (
    seq           BIGINT       NOT NULL,
    occurred_at   BIGINT       NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    remote_addr   VARCHAR(64)  NOT NULL,
    action        VARCHAR(48)  NOT NULL,
    household_id  VARCHAR(64)  NULL,
    outcome       VARCHAR(32)  NOT NULL,
    detail        VARCHAR(255) NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    PRIMARY KEY (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX audit_event_by_household ON audit_event (household_id, seq);
CREATE INDEX audit_event_by_user ON audit_event (username, seq);

-- The chain's head (the last row's seq and hash). Appending locks this one row, so rows from any number of
-- service instances form one chain.
CREATE TABLE audit_head (
    id   INT      NOT NULL,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- ID numbers at rest: AES-GCM ciphertext ('keyId:base64') and an HMAC for exact lookups. Filled from the
-- plain column by the next (Java) migration, which needs the keys; the plain column goes after it.
ALTER TABLE household_member ADD COLUMN id_number_cipher VARCHAR(96) NULL;
ALTER TABLE household_member ADD COLUMN id_number_hmac CHAR(64) NULL;
