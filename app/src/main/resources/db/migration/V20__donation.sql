-- Donation (cession gratuite, CGPPP L3212-2 3° / L3212-3): beneficiaries, their requests and the
-- donations (one per asset: transfer agreement, then handover).

CREATE TABLE donation_beneficiary (
  id                         BIGINT        NOT NULL AUTO_INCREMENT,
  version                    INT           NOT NULL DEFAULT 0,
  name                       VARCHAR(255)  NOT NULL,
  siret                      CHAR(14),
  rna                        CHAR(10),
  legal_category             VARCHAR(40)   NOT NULL,
  address                    VARCHAR(500)  NOT NULL,
  contact_name               VARCHAR(255),
  contact_email              VARCHAR(320)  NOT NULL,
  proof_document_id          CHAR(36),
  proof_description          VARCHAR(255),
  reuse_commitment_signed_on DATE,
  active                     BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at                 DATETIME(6)   NOT NULL,
  updated_at                 DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT donation_beneficiary_siret_uk UNIQUE (siret),
  CONSTRAINT donation_beneficiary_rna_uk UNIQUE (rna),
  CONSTRAINT donation_beneficiary_identified CHECK (siret IS NOT NULL OR rna IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- categories: asset categories wanted, comma-separated enum names (DESKTOP,LAPTOP)
CREATE TABLE donation_request (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  version        INT           NOT NULL DEFAULT 0,
  beneficiary_id BIGINT        NOT NULL,
  categories     VARCHAR(255)  NOT NULL,
  quantity       INT           NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  notes          VARCHAR(2000),
  opened_at      DATETIME(6)   NOT NULL,
  closed_at      DATETIME(6),
  closed_reason  VARCHAR(500),
  PRIMARY KEY (id),
  CONSTRAINT donation_request_beneficiary_fk FOREIGN KEY (beneficiary_id)
    REFERENCES donation_beneficiary (id),
  CONSTRAINT donation_request_quantity_ck CHECK (quantity > 0),
  INDEX donation_request_status_idx (status, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per asset given: created when the agreement is prepared (the asset is then allocated to
-- the request), completed at the handover. operation_id makes a re-delivered job harmless.
CREATE TABLE donation (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  version                INT           NOT NULL DEFAULT 0,
  request_id             BIGINT        NOT NULL,
  beneficiary_id         BIGINT        NOT NULL,
  asset_id               BIGINT        NOT NULL,
  inventory_number       VARCHAR(64)   NOT NULL,
  status                 VARCHAR(16)   NOT NULL,
  agreement_number       VARCHAR(32),
  agreement_document_id  CHAR(36),
  approval_comment       VARCHAR(2000),
  operation_id           VARCHAR(191)  NOT NULL,
  prepared_at            DATETIME(6)   NOT NULL,
  handed_over_on         DATE,
  recipient_name         VARCHAR(255),
  recipient_role         VARCHAR(255),
  signed_receipt_ref     VARCHAR(120),
  handed_over_items      VARCHAR(1000),
  handover_notes         VARCHAR(2000),
  handover_operation_id  VARCHAR(191),
  handover_recorded_at   DATETIME(6),
  receipt_document_id    CHAR(36),
  PRIMARY KEY (id),
  CONSTRAINT donation_operation_uk UNIQUE (operation_id),
  CONSTRAINT donation_agreement_number_uk UNIQUE (agreement_number),
  CONSTRAINT donation_request_fk FOREIGN KEY (request_id) REFERENCES donation_request (id),
  CONSTRAINT donation_beneficiary_fk FOREIGN KEY (beneficiary_id)
    REFERENCES donation_beneficiary (id),
  INDEX donation_asset_idx (asset_id),
  INDEX donation_request_status_idx (request_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
