-- Inventory: assets, their storage devices and technical attributes, the chain of custody,
-- and GLPI import runs. MariaDB 10.11+ dialect. Instants are UTC in DATETIME(6) (the JVM runs in
-- UTC, see SecondeVieApplication), money is in euro cents.

CREATE TABLE asset (
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  version                INT          NOT NULL DEFAULT 0,
  inventory_number       VARCHAR(64)  NOT NULL,
  serial_number          VARCHAR(128),
  name                   VARCHAR(255),
  category               VARCHAR(32)  NOT NULL,
  manufacturer           VARCHAR(128),
  model                  VARCHAR(255),
  site                   VARCHAR(255),
  location               VARCHAR(512),
  service                VARCHAR(255),
  acquisition_date       DATE,
  acquisition_cost_cents BIGINT,
  status                 VARCHAR(32)  NOT NULL,
  route                  VARCHAR(32),
  route_reason           VARCHAR(1000),
  glpi_status            VARCHAR(128),
  glpi_fingerprint       CHAR(64),
  import_run_id          BIGINT,
  custody_length         INT          NOT NULL DEFAULT 0,
  custody_head_hash      CHAR(64),
  created_at             DATETIME(6) NOT NULL,
  updated_at             DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT asset_inventory_number_uk UNIQUE (inventory_number),
  INDEX asset_status_idx (status),
  INDEX asset_category_idx (category),
  INDEX asset_site_idx (site),
  INDEX asset_serial_idx (serial_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE asset_storage_device (
  asset_id       BIGINT       NOT NULL,
  serial_number  VARCHAR(128) NOT NULL,
  type           VARCHAR(16)  NOT NULL,
  capacity_bytes BIGINT,
  interface      VARCHAR(32),
  model          VARCHAR(255),
  PRIMARY KEY (asset_id, serial_number),
  CONSTRAINT asset_storage_device_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE asset_attribute (
  asset_id BIGINT        NOT NULL,
  name     VARCHAR(128)  NOT NULL,
  value    VARCHAR(1000) NOT NULL,
  PRIMARY KEY (asset_id, name),
  CONSTRAINT asset_attribute_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: each entry stores the SHA-256 of the previous entry of the same asset and its own
-- hash over its canonical content (see CustodyEntry#canonicalContent). The asset row keeps the
-- head (length + last hash) so that a deleted last entry is detected too.
CREATE TABLE custody_entry (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  asset_id      BIGINT        NOT NULL,
  seq           INT           NOT NULL,
  occurred_at   DATETIME(6)  NOT NULL,
  actor         VARCHAR(128)  NOT NULL,
  action        VARCHAR(32)   NOT NULL,
  from_status   VARCHAR(32),
  to_status     VARCHAR(32),
  details       VARCHAR(2000),
  evidence      VARCHAR(2000),
  operation_id  VARCHAR(255),
  previous_hash CHAR(64)      NOT NULL,
  hash          CHAR(64)      NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT custody_entry_seq_uk UNIQUE (asset_id, seq),
  CONSTRAINT custody_entry_operation_uk UNIQUE (asset_id, operation_id),
  CONSTRAINT custody_entry_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Defence in depth: the application never updates or deletes custody entries. A maintenance
-- session must set @custody_maintenance = 1 explicitly to do so (and the hash chain still shows it).
DELIMITER $$
CREATE TRIGGER custody_entry_no_update BEFORE UPDATE ON custody_entry FOR EACH ROW
BEGIN
  IF @custody_maintenance IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_entry is append-only';
  END IF;
END$$
CREATE TRIGGER custody_entry_no_delete BEFORE DELETE ON custody_entry FOR EACH ROW
BEGIN
  IF @custody_maintenance IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_entry is append-only';
  END IF;
END$$
DELIMITER ;

CREATE TABLE import_run (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  file_name      VARCHAR(255) NOT NULL,
  file_sha256    CHAR(64)     NOT NULL,
  file_size      BIGINT       NOT NULL,
  encoding       VARCHAR(32),
  delimiter_char VARCHAR(4),
  status         VARCHAR(16)  NOT NULL,
  total_rows     INT          NOT NULL DEFAULT 0,
  created_count  INT          NOT NULL DEFAULT 0,
  updated_count  INT          NOT NULL DEFAULT 0,
  unchanged_count INT         NOT NULL DEFAULT 0,
  error_count    INT          NOT NULL DEFAULT 0,
  same_as_run_id BIGINT,
  failure        VARCHAR(2000),
  started_by     VARCHAR(128) NOT NULL,
  started_at     DATETIME(6) NOT NULL,
  finished_at    DATETIME(6),
  PRIMARY KEY (id),
  INDEX import_run_sha_idx (file_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_row_error (
  import_run_id BIGINT        NOT NULL,
  position      INT           NOT NULL,
  line          INT           NOT NULL,
  field         VARCHAR(128),
  value         VARCHAR(255),
  message       VARCHAR(1000) NOT NULL,
  PRIMARY KEY (import_run_id, position),
  CONSTRAINT import_row_error_run_fk FOREIGN KEY (import_run_id) REFERENCES import_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Modulith event publication registry, exactly as its schema-mariadb.sql (upper-case names:
-- Modulith queries EVENT_PUBLICATION, and MariaDB table names are case-sensitive on Linux).
CREATE TABLE IF NOT EXISTS EVENT_PUBLICATION
(
  ID               VARCHAR(36) NOT NULL,
  LISTENER_ID      VARCHAR(512) NOT NULL,
  EVENT_TYPE       VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
  PUBLICATION_DATE TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE  TIMESTAMP(6) DEFAULT NULL NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
);
