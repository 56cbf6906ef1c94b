-- Documents (evidence files and generated PDFs) and the e-mail outbox.

CREATE TABLE document (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  public_id    CHAR(36)      NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  filename     VARCHAR(255)  NOT NULL,
  content_type VARCHAR(100)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  sha256       CHAR(64)      NOT NULL,
  owner_ref    VARCHAR(128),
  created_by   VARCHAR(128)  NOT NULL,
  created_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT document_public_id_uk UNIQUE (public_id),
  INDEX document_owner_idx (owner_ref)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Content apart, so that listing documents never reads it.
CREATE TABLE document_content (
  document_id BIGINT   NOT NULL,
  content     LONGBLOB NOT NULL,
  PRIMARY KEY (document_id),
  CONSTRAINT document_content_document_fk FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB;

CREATE TABLE notification (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  version      INT           NOT NULL DEFAULT 0,
  operation_id VARCHAR(191)  NOT NULL,
  recipient    VARCHAR(320)  NOT NULL,
  subject      VARCHAR(500)  NOT NULL,
  body         TEXT          NOT NULL,
  document_ids VARCHAR(2000),
  status       VARCHAR(16)   NOT NULL,
  failure      VARCHAR(2000),
  created_at   DATETIME(6)   NOT NULL,
  sent_at      DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT notification_operation_uk UNIQUE (operation_id),
  INDEX notification_created_idx (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
