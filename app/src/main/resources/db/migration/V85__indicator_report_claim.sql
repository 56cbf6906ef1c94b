-- P7 indicators-annual-report: the daily timer's claim on a year. The first daily instance that
-- finds the report of year N-1 due writes the year's row, in the check worker's statement; every
-- other instance (several fire at once when the engine's time jumps days ahead) finds the year
-- claimed by another process instance and ends without computing. One automatic report per year.

CREATE TABLE indicator_report_claim (
  report_year          INT           NOT NULL,
  claimed_by           VARCHAR(191)  NOT NULL,
  claimed_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (report_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
