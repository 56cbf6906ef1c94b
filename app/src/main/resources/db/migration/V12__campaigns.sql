-- Renewal campaigns (P1 equipment-renewal-campaign): a named set of retired assets processed
-- together. The assets are kept apart from the campaign row, so that changing the campaign's
-- state never rewrites 1,200 rows.

CREATE TABLE campaign (
  id                       BIGINT        NOT NULL AUTO_INCREMENT,
  version                  INT           NOT NULL DEFAULT 0,
  name                     VARCHAR(200)  NOT NULL,
  selection                VARCHAR(500)  NOT NULL,
  state                    VARCHAR(16)   NOT NULL,
  asset_count              INT           NOT NULL,
  created_by               VARCHAR(128)  NOT NULL,
  created_at               DATETIME(6)   NOT NULL,
  started_by               VARCHAR(128),
  started_at               DATETIME(6),
  process_instance_key     BIGINT,
  opened_at                DATETIME(6),
  last_progress_report_at  DATETIME(6),
  closed_at                DATETIME(6),
  summary_asset_count      INT,
  summary_internal_reuse   INT,
  summary_donation         INT,
  summary_recondition      INT,
  summary_recycle          INT,
  summary_withdrawn        INT,
  summary_reuse_oriented   INT,
  PRIMARY KEY (id),
  INDEX campaign_state_idx (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_asset (
  campaign_id BIGINT NOT NULL,
  position    INT    NOT NULL,
  asset_id    BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, position),
  CONSTRAINT campaign_asset_uk UNIQUE (campaign_id, asset_id),
  CONSTRAINT campaign_asset_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT campaign_asset_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
  INDEX campaign_asset_asset_idx (asset_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
