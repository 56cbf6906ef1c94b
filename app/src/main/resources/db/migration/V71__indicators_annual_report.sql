-- P7 indicators-annual-report: the frozen figures of a year. A report is written once and never
-- updated except for its review and publication fields; computing the year again issues a new
-- version (the earlier ones are kept).

CREATE TABLE indicator_report (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  report_year          INT           NOT NULL,
  version              INT           NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  snapshot             LONGTEXT      NOT NULL,
  snapshot_sha256      CHAR(64)      NOT NULL,
  operation_id         VARCHAR(191)  NOT NULL,
  computed_at          DATETIME(6)   NOT NULL,
  computed_by          VARCHAR(128)  NOT NULL,
  review_comment       VARCHAR(2000),
  pdf_document_id      CHAR(36),
  csv_document_ids     VARCHAR(2000),
  published_at         DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT indicator_report_version_uk UNIQUE (report_year, version),
  CONSTRAINT indicator_report_operation_uk UNIQUE (operation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
