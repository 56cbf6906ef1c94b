-- Models uploaded from the console (/console/models) and checked against the process contract:
-- who checked them, and once deployed who deployed them, when, why, and the runtime's deployment.

CREATE TABLE model_upload (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  checked_at      DATETIME(6)    NOT NULL,
  checked_by      VARCHAR(64)    NOT NULL,
  status          VARCHAR(16)    NOT NULL,
  deployed_at     DATETIME(6),
  deployed_by     VARCHAR(64),
  reason          VARCHAR(500),
  deployment_key  BIGINT,
  failure         VARCHAR(1000),
  PRIMARY KEY (id),
  INDEX model_upload_checked_idx (checked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One file of an upload, its content as checked (what is deployed is exactly what was checked) and,
-- once deployed, what the runtime made of it: the process, decision requirements or form with its
-- key and version.
CREATE TABLE model_upload_file (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  upload_id         BIGINT         NOT NULL,
  name              VARCHAR(255)   NOT NULL,
  sha256            CHAR(64)       NOT NULL,
  content           LONGBLOB       NOT NULL,
  resource_id       VARCHAR(255),
  resource_key      BIGINT,
  resource_version  INT,
  PRIMARY KEY (id),
  CONSTRAINT model_upload_file_upload_fk FOREIGN KEY (upload_id) REFERENCES model_upload (id),
  INDEX model_upload_file_key_idx (resource_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
