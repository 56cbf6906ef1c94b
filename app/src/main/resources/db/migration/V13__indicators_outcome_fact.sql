-- Indicators: one fact per asset whose end-of-life process ended (job indicators.record-outcome).
-- Facts are recorded once (operation id) and never updated; the indicator computations read them.
-- Columns are documented in docs/indicators.md.

CREATE TABLE outcome_fact (
  id                        BIGINT        NOT NULL AUTO_INCREMENT,
  asset_id                  BIGINT        NOT NULL,
  inventory_number          VARCHAR(64)   NOT NULL,
  category                  VARCHAR(32)   NOT NULL,
  site                      VARCHAR(255),
  campaign_id               BIGINT,
  process_instance_key      BIGINT        NOT NULL,
  outcome                   VARCHAR(32)   NOT NULL,
  route                     VARCHAR(32),
  route_reason              VARCHAR(1000),
  route_arbitrated          BOOLEAN,
  reuse_oriented            BOOLEAN       NOT NULL,
  sanitization_outcome      VARCHAR(32),
  outcome_date              DATE          NOT NULL,
  outcome_year              INT           NOT NULL,
  acquisition_date          DATE,
  acquisition_cost_cents    BIGINT,
  age_years                 DECIMAL(9,6),
  weight_kg                 DECIMAL(9,3),
  lifetime_extension_years  DECIMAL(5,2),
  reconditioning_cost_cents BIGINT,
  recipient_name            VARCHAR(255),
  handed_over_on            DATE,
  dismantling_lot_id        BIGINT,
  adapted_company_id        BIGINT,
  waste_tracking_number     VARCHAR(80),
  operation_id              VARCHAR(191)  NOT NULL,
  recorded_at               DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT outcome_fact_operation_uk UNIQUE (operation_id),
  CONSTRAINT outcome_fact_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
  INDEX outcome_fact_year_idx (outcome_year, outcome),
  INDEX outcome_fact_campaign_idx (campaign_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
