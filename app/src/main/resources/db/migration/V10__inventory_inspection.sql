-- Inspections recorded at collection (P2 collect-asset, job inventory.record-inspection): the
-- condition of the asset and the ANSSI preparation checklist before it leaves the hospital. The
-- storage devices found go to asset_storage_device; each inspection also appends to the chain of
-- custody. One row per recorded inspection (an asset collected twice has two).

CREATE TABLE asset_inspection (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  asset_id                BIGINT        NOT NULL,
  operation_id            VARCHAR(191)  NOT NULL,
  condition_grade         CHAR(1)       NOT NULL,
  functional              BOOLEAN       NOT NULL,
  battery_health_percent  INT,
  tpm_cleared             BOOLEAN       NOT NULL,
  uefi_reset              BOOLEAN       NOT NULL,
  labels_removed          BOOLEAN       NOT NULL,
  removable_media_removed BOOLEAN       NOT NULL,
  collected_on            DATE,
  collection_location     VARCHAR(255),
  notes                   VARCHAR(2000),
  storage_device_count    INT           NOT NULL,
  recorded_by             VARCHAR(128)  NOT NULL,
  recorded_at             DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT asset_inspection_operation_uk UNIQUE (operation_id),
  CONSTRAINT asset_inspection_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
  INDEX asset_inspection_asset_idx (asset_id, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
