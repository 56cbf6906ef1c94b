-- P5 reconditioned purchasing: purchase requests, the internal stock assigned to them, the offers,
-- the order and its reception. Documented in docs/purchasing.md. Money in euro cents excl. VAT.

CREATE TABLE purchase_request (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  version               INT           NOT NULL DEFAULT 0,
  service               VARCHAR(255)  NOT NULL,
  site                  VARCHAR(255)  NOT NULL,
  category              VARCHAR(32)   NOT NULL,
  quantity              INT           NOT NULL,
  use_case              VARCHAR(32)   NOT NULL,
  security_constraint   VARCHAR(32)   NOT NULL,
  needed_by             DATE          NOT NULL,
  justification         VARCHAR(2000) NOT NULL,
  requested_by          VARCHAR(128)  NOT NULL,
  requested_at          DATETIME(6)   NOT NULL,
  status                VARCHAR(24)   NOT NULL,
  process_instance_key  BIGINT,
  assigned_from_stock   INT           NOT NULL DEFAULT 0,
  channel               VARCHAR(24),
  channel_reason        VARCHAR(500),
  new_justification     VARCHAR(2000),
  new_approved          BOOLEAN,
  new_decision_comment  VARCHAR(1000),
  PRIMARY KEY (id),
  CONSTRAINT purchase_request_quantity_ck CHECK (quantity BETWEEN 1 AND 5000),
  INDEX purchase_request_status_idx (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An asset of the internal stock assigned to a request (no foreign key to asset: the inventory
-- owns its rows; the custody chain of the asset records the assignment too).
CREATE TABLE purchase_stock_assignment (
  request_id        BIGINT       NOT NULL,
  asset_id          BIGINT       NOT NULL,
  inventory_number  VARCHAR(64)  NOT NULL,
  assigned_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (request_id, asset_id),
  CONSTRAINT purchase_stock_request_fk FOREIGN KEY (request_id) REFERENCES purchase_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The offers of one ranking (a new ranking replaces the offers of the request).
CREATE TABLE purchase_offer (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  request_id            BIGINT        NOT NULL,
  offer_rank            INT           NOT NULL,
  source                VARCHAR(24)   NOT NULL,
  supplier_id           BIGINT,
  supplier_siret        CHAR(14)      NOT NULL,
  supplier_name         VARCHAR(255)  NOT NULL,
  contract_reference    VARCHAR(80),
  contract_lot          VARCHAR(80),
  reserved_adapted      BOOLEAN       NOT NULL,
  reconditioned         BOOLEAN       NOT NULL,
  unit_price_cents      BIGINT        NOT NULL,
  warranty_months       INT           NOT NULL,
  delivery_days         INT           NOT NULL,
  maturity_bonus        INT           NOT NULL,
  score                 DECIMAL(5,1)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT purchase_offer_rank_uk UNIQUE (request_id, offer_rank),
  CONSTRAINT purchase_offer_request_fk FOREIGN KEY (request_id) REFERENCES purchase_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE purchase_order (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  request_id            BIGINT        NOT NULL,
  reference             VARCHAR(40)   NOT NULL,
  offer_id              BIGINT        NOT NULL,
  selection_reason      VARCHAR(1000) NOT NULL,
  quantity              INT           NOT NULL,
  ordered_on            DATE          NOT NULL,
  expected_by           DATE          NOT NULL,
  document_id           VARCHAR(64),
  status                VARCHAR(24)   NOT NULL,
  reminders_sent        INT           NOT NULL DEFAULT 0,
  last_reminder_operation VARCHAR(128),
  received_on           DATE,
  received_count        INT,
  refused_count         INT,
  reception_notes       VARCHAR(1000),
  PRIMARY KEY (id),
  CONSTRAINT purchase_order_request_uk UNIQUE (request_id),
  CONSTRAINT purchase_order_reference_uk UNIQUE (reference),
  CONSTRAINT purchase_order_request_fk FOREIGN KEY (request_id) REFERENCES purchase_request (id),
  CONSTRAINT purchase_order_offer_fk FOREIGN KEY (offer_id) REFERENCES purchase_offer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per unit delivered: accepted (registered in the inventory) or refused with its reason.
CREATE TABLE purchase_reception_unit (
  order_id          BIGINT        NOT NULL,
  serial_number     VARCHAR(128)  NOT NULL,
  accepted          BOOLEAN       NOT NULL,
  refusal_reason    VARCHAR(500),
  inventory_number  VARCHAR(64),
  PRIMARY KEY (order_id, serial_number),
  CONSTRAINT purchase_reception_order_fk FOREIGN KEY (order_id) REFERENCES purchase_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Inventory: what the hospital knows about an asset it bought through P5.
ALTER TABLE asset
  ADD COLUMN reconditioned       BOOLEAN      NOT NULL DEFAULT FALSE,
  ADD COLUMN supplier_name       VARCHAR(255),
  ADD COLUMN contract_reference  VARCHAR(80),
  ADD COLUMN warranty_end        DATE,
  ADD COLUMN order_reference     VARCHAR(40);
