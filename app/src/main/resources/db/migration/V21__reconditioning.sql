-- Reconditioning (second life): who refurbishes (the internal workshop or a referenced supplier)
-- and the orders, completed by the workshop's report.

CREATE TABLE reconditioner (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  version      INT           NOT NULL DEFAULT 0,
  name         VARCHAR(255)  NOT NULL,
  channel      VARCHAR(20)   NOT NULL,
  supplier_ref VARCHAR(64),
  email        VARCHAR(320),
  active       BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at   DATETIME(6)   NOT NULL,
  updated_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The hospital's own workshop exists from the start, so that the second-life route works out of
-- the box; deactivate it on the page when there is none.
INSERT INTO reconditioner (name, channel, active, created_at, updated_at)
VALUES ('Atelier de la DSI', 'INTERNAL_WORKSHOP', TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

CREATE TABLE reconditioning_order (
  id                         BIGINT        NOT NULL AUTO_INCREMENT,
  version                    INT           NOT NULL DEFAULT 0,
  number                     VARCHAR(32),
  asset_id                   BIGINT        NOT NULL,
  inventory_number           VARCHAR(64)   NOT NULL,
  route                      VARCHAR(20)   NOT NULL,
  channel                    VARCHAR(20)   NOT NULL,
  reconditioner_id           BIGINT        NOT NULL,
  reconditioner_name         VARCHAR(255)  NOT NULL,
  supplier_ref               VARCHAR(64),
  condition_grade            VARCHAR(2),
  functional                 BOOLEAN,
  status                     VARCHAR(16)   NOT NULL,
  operation_id               VARCHAR(191)  NOT NULL,
  created_at                 DATETIME(6)   NOT NULL,
  result                     VARCHAR(16),
  work_done                  VARCHAR(2000),
  parts_replaced             VARCHAR(1000),
  cost_cents                 BIGINT,
  new_grade                  VARCHAR(2),
  lifetime_extension_months  INT,
  completed_at               DATETIME(6),
  completed_by               VARCHAR(128),
  message_published_at       DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT reconditioning_order_number_uk UNIQUE (number),
  CONSTRAINT reconditioning_order_operation_uk UNIQUE (operation_id),
  CONSTRAINT reconditioning_order_reconditioner_fk FOREIGN KEY (reconditioner_id)
    REFERENCES reconditioner (id),
  INDEX reconditioning_order_asset_idx (asset_id),
  INDEX reconditioning_order_status_idx (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
