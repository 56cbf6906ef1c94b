-- Indicators: the spend ledger (AGEC art. 58 share), the versioned avoided-emission factors and
-- their ledger, and the results declared for years before the application. Documented in
-- docs/indicators.md.

-- One import of the accounting export. The lines of the years present in a file replace the
-- lines of the same years imported before (all or nothing, in one transaction).
CREATE TABLE spend_ledger_import (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  file_name    VARCHAR(255) NOT NULL,
  file_sha256  CHAR(64)     NOT NULL,
  encoding     VARCHAR(32)  NOT NULL,
  line_count   INT          NOT NULL,
  imported_by  VARCHAR(128) NOT NULL,
  imported_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE spend_ledger_line (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  import_id    BIGINT        NOT NULL,
  line_number  INT           NOT NULL,
  spend_date   DATE          NOT NULL,
  spend_year   INT           NOT NULL,
  reference    VARCHAR(80)   NOT NULL,
  supplier     VARCHAR(255)  NOT NULL,
  label        VARCHAR(500),
  amount_cents BIGINT        NOT NULL,
  nature       VARCHAR(16)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT spend_ledger_line_import_fk FOREIGN KEY (import_id) REFERENCES spend_ledger_import (id),
  INDEX spend_ledger_line_year_idx (spend_year, nature)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Avoided emissions per reused unit, per category. A version applies to outcomes dated from its
-- valid_from on; rows are never updated (a change is a new version).
CREATE TABLE emission_factor (
  version          VARCHAR(40)   NOT NULL,
  valid_from       DATE          NOT NULL,
  category         VARCHAR(32)   NOT NULL,
  kg_co2e          DECIMAL(10,1) NOT NULL,
  source           VARCHAR(500)  NOT NULL,
  PRIMARY KEY (version, category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Version 1: manufacturing (construction + assembly/distribution) of the new device that a reused
-- one replaces, from the domain research §4.1. Categories without a sourced value have no row.
INSERT INTO emission_factor (version, valid_from, category, kg_co2e, source) VALUES
 ('2023-ademe-arcep', '2000-01-01', 'DESKTOP', 204.4,
  'ADEME-Arcep (2022) via Impact CO2 (incubateur-ademe/impactco2, numerique.json) : ordinateur fixe professionnel sans écran, fabrication 202,6 + assemblage/distribution 1,8 kg CO2e'),
 ('2023-ademe-arcep', '2000-01-01', 'LAPTOP', 182.6,
  'ADEME-Arcep (2022) via Impact CO2 (incubateur-ademe/impactco2, numerique.json) : ordinateur portable, fabrication 170,3 + assemblage/distribution 12,3 kg CO2e'),
 ('2023-ademe-arcep', '2000-01-01', 'MONITOR', 65.9,
  'ADEME-Arcep (2022) via Impact CO2 (incubateur-ademe/impactco2, numerique.json) : écran 24 pouces, fabrication 64,6 + assemblage/distribution 1,3 kg CO2e'),
 ('2023-ademe-arcep', '2000-01-01', 'SERVER', 3660.0,
  'Base Empreinte (NegaOctet) via BoaviztAPI data/factors.yml, facteur de repli SERVER (cycle de vie complet)');

-- One entry per reuse-oriented outcome fact, with the factor version in force on its date (no
-- foreign key: the ledger is append-only and outlives test clean-ups of outcome_fact).
CREATE TABLE avoided_emission_entry (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  outcome_fact_id     BIGINT        NOT NULL,
  asset_id            BIGINT        NOT NULL,
  inventory_number    VARCHAR(64)   NOT NULL,
  category            VARCHAR(32)   NOT NULL,
  outcome             VARCHAR(32)   NOT NULL,
  outcome_date        DATE          NOT NULL,
  outcome_year        INT           NOT NULL,
  factor_version      VARCHAR(40),
  kg_co2e             DECIMAL(10,1),
  life_years_gained   DECIMAL(5,2),
  recorded_at         DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT avoided_emission_fact_uk UNIQUE (outcome_fact_id),
  INDEX avoided_emission_year_idx (outcome_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Results of years before the application, declared by an asset manager with their evidence.
CREATE TABLE declared_result (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  first_year   INT           NOT NULL,
  last_year    INT           NOT NULL,
  indicator    VARCHAR(255)  NOT NULL,
  figure       VARCHAR(255)  NOT NULL,
  evidence     VARCHAR(1000) NOT NULL,
  author       VARCHAR(128)  NOT NULL,
  declared_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT declared_result_years_ck CHECK (first_year <= last_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
