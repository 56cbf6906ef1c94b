-- Recycling through adapted companies (EA / ESAT): the companies, their dismantling lots and the
-- assets of each lot (an asset belongs to one lot at most).

CREATE TABLE adapted_company (
  id                         BIGINT        NOT NULL AUTO_INCREMENT,
  version                    INT           NOT NULL DEFAULT 0,
  name                       VARCHAR(255)  NOT NULL,
  siret                      CHAR(14)      NOT NULL,
  type                       VARCHAR(8)    NOT NULL,
  agreement_ref              VARCHAR(120)  NOT NULL,
  eco_organisme              VARCHAR(120),
  eco_organisme_contract_ref VARCHAR(120),
  email                      VARCHAR(320)  NOT NULL,
  address                    VARCHAR(500)  NOT NULL,
  lot_size                   INT           NOT NULL,
  default_company            BOOLEAN       NOT NULL DEFAULT FALSE,
  active                     BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at                 DATETIME(6)   NOT NULL,
  updated_at                 DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT adapted_company_siret_uk UNIQUE (siret),
  CONSTRAINT adapted_company_lot_size_ck CHECK (lot_size BETWEEN 1 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dismantling_lot (
  id                                BIGINT        NOT NULL AUTO_INCREMENT,
  version                           INT           NOT NULL DEFAULT 0,
  company_id                        BIGINT        NOT NULL,
  number                            VARCHAR(32),
  status                            VARCHAR(16)   NOT NULL,
  target_size                       INT           NOT NULL,
  opened_at                         DATETIME(6)   NOT NULL,
  closed_at                         DATETIME(6),
  closed_reason                     VARCHAR(8),
  process_instance_key              BIGINT,
  full_published_at                 DATETIME(6),
  order_number                      VARCHAR(40),
  order_document_id                 CHAR(36),
  order_sent_at                     DATETIME(6),
  picked_up_on                      DATE,
  picked_up_units                   INT,
  weight_kg                         DECIMAL(10, 1),
  waste_tracking_number             VARCHAR(40),
  carrier                           VARCHAR(120),
  pickup_notes                      VARCHAR(2000),
  recycling_certificate_ref         VARCHAR(80),
  recycling_certificate_date        DATE,
  ea_attestation_ref                VARCHAR(80),
  invoice_cents                     BIGINT,
  labour_cost_cents                 BIGINT,
  attestation_notes                 VARCHAR(2000),
  recycling_certificate_document_id CHAR(36),
  ea_attestation_document_id        CHAR(36),
  completed_at                      DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT dismantling_lot_number_uk UNIQUE (number),
  CONSTRAINT dismantling_lot_company_fk FOREIGN KEY (company_id) REFERENCES adapted_company (id),
  INDEX dismantling_lot_company_status_idx (company_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dismantling_lot_asset (
  lot_id                  BIGINT       NOT NULL,
  asset_id                BIGINT       NOT NULL,
  inventory_number        VARCHAR(64)  NOT NULL,
  category                VARCHAR(32)  NOT NULL,
  serial_number           VARCHAR(128),
  description             VARCHAR(400),
  added_at                DATETIME(6)  NOT NULL,
  operation_id            VARCHAR(191) NOT NULL,
  completion_published_at DATETIME(6),
  PRIMARY KEY (lot_id, asset_id),
  CONSTRAINT dismantling_lot_asset_uk UNIQUE (asset_id),
  CONSTRAINT dismantling_lot_asset_lot_fk FOREIGN KEY (lot_id) REFERENCES dismantling_lot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
