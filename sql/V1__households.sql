-- The household aggregate (建档立卡户 and its members). `causes` lists the cause codes in order, comma
-- separated; the first is the primary cause (主要致贫原因), also kept on its own for the cause reports.
CREATE TABLE household (
    household_id         VARCHAR(64)   NOT NULL,
    region_code          CHAR(6)       NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    income_per_capita    DECIMAL(12,2) NOT NULL,
    housing_grade        CHAR(1)       NOT NULL,
    safe_drinking_water  BOOLEAN       NOT NULL,
    road_access          BOOLEAN       NOT NULL,
    industry_projects    INT           NOT NULL,
    linked_to_enterprise BOOLEAN       NOT NULL,
    causes               VARCHAR(255)  NOT NULL,
    primary_cause        VARCHAR(32)   NULL,
    sudden_hardship      BOOLEAN       NOT NULL,
    version              BIGINT        NOT NULL,
    updated_at           DATETIME      NOT NULL,
    PRIMARY KEY (household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Lists by region prefix (LIKE '5203%'), alone or with a status, in household id order.
CREATE INDEX household_by_region ON household (region_code, household_id);
CREATE INDEX household_by_status_region ON household (status, region_code, household_id);

CREATE TABLE household_member (
    household_id      VARCHAR(64) NOT NULL,
    position          INT         NOT NULL,
    member_id         VARCHAR(64) NOT NULL,
    id_number         VARCHAR(18) NOT NULL,
    name              VARCHAR(50) NOT NULL,
    relation          VARCHAR(16) NOT NULL,
    sex               VARCHAR(8)  NOT NULL,
    birth_date        DATE        NOT NULL,
    health            VARCHAR(16) NOT NULL,
    disability_grade  INT         NOT NULL,
    labour_ability    VARCHAR(8)  NOT NULL,
    employed          BOOLEAN     NOT NULL,
    seeking_work      BOOLEAN     NOT NULL,
    has_skill         BOOLEAN     NOT NULL,
    schooling         VARCHAR(16) NOT NULL,
    medical_insurance BOOLEAN     NOT NULL,
    PRIMARY KEY (household_id, position),
    CONSTRAINT household_member_household FOREIGN KEY (household_id) REFERENCES household (household_id),
    CONSTRAINT household_member_unique UNIQUE (household_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
