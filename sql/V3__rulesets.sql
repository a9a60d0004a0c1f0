-- Every rule set that was ever active: its files (DRL and standards, as JSON [{path, content}]) under its
-- sha256 version, so that any recorded evaluation can be replayed with the rules that made it.
CREATE TABLE ruleset (
    version     VARCHAR(71) NOT NULL,
    rule_count  INT         NOT NULL,
    files       LONGTEXT    NOT NULL,
    stored_at   DATETIME    NOT NULL,
    PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each activation: which version, which one it replaced, who, when (a start counts as an activation when
-- it brings a version other than the last one activated).
CREATE TABLE ruleset_activation (
    seq              BIGINT      NOT NULL AUTO_INCREMENT,
    version          VARCHAR(71) NOT NULL,
    replaced_version VARCHAR(71) NULL,
    activated_by     VARCHAR(64) NOT NULL,
    activated_at     DATETIME    NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT ruleset_activation_ruleset FOREIGN KEY (version) REFERENCES ruleset (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every reload request, refused or not: who, when, from which version, to which, and how it ended.
CREATE TABLE ruleset_reload_audit (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    requested_by VARCHAR(64)   NOT NULL,
    requested_at DATETIME      NOT NULL,
    from_version VARCHAR(71)   NOT NULL,
    to_version   VARCHAR(71)   NULL,
    outcome      VARCHAR(16)   NOT NULL,
    problems     INT           NOT NULL,
    detail       VARCHAR(2000) NULL,
    PRIMARY KEY (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
