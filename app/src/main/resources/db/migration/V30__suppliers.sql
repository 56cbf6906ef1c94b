-- Supplier referencing (P4): suppliers, versioned questionnaires, applications with answers,
-- evidence and evaluations, and the hashed tokens of the public supplier portal.

CREATE TABLE supplier (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  version           INT           NOT NULL DEFAULT 0,
  name              VARCHAR(255)  NOT NULL,
  siret             CHAR(14)      NOT NULL,
  categories        VARCHAR(500)  NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  maturity_level    INT,
  tender_bonus      INT,
  justified_score   DECIMAL(4, 1),
  referenced_on     DATE,
  referenced_until  DATE,
  referencing_application_id BIGINT,
  created_at        DATETIME(6)   NOT NULL,
  created_by        VARCHAR(128)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT supplier_siret_uk UNIQUE (siret),
  INDEX supplier_name_idx (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE supplier_contact (
  supplier_id  BIGINT        NOT NULL,
  supplier_key INT           NOT NULL,
  name         VARCHAR(255)  NOT NULL,
  email        VARCHAR(320)  NOT NULL,
  phone        VARCHAR(40),
  PRIMARY KEY (supplier_id, supplier_key),
  CONSTRAINT supplier_contact_supplier_fk FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A published questionnaire version never changes: its JSON definition and SHA-256 are kept.
CREATE TABLE supplier_questionnaire (
  version      VARCHAR(20)   NOT NULL,
  title        VARCHAR(255)  NOT NULL,
  published_on DATE          NOT NULL,
  definition   LONGTEXT      NOT NULL,
  sha256       CHAR(64)      NOT NULL,
  loaded_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE supplier_application (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  version               INT           NOT NULL DEFAULT 0,
  supplier_id           BIGINT        NOT NULL,
  questionnaire_version VARCHAR(20)   NOT NULL,
  process_instance_key  BIGINT        NOT NULL,
  origin                VARCHAR(10)   NOT NULL,
  sad_reference         VARCHAR(100),
  contact_name          VARCHAR(255)  NOT NULL,
  contact_email         VARCHAR(320)  NOT NULL,
  status                VARCHAR(20)   NOT NULL,
  round                 INT           NOT NULL DEFAULT 0,
  deadline              DATETIME(6),
  submitted_at          DATETIME(6),
  declarative_score     DECIMAL(4, 1),
  justified_score       DECIMAL(4, 1),
  axes_covered          INT,
  maturity_level        INT,
  tender_bonus          INT,
  evaluation_comment    TEXT,
  evaluated_by          VARCHAR(128),
  evaluated_at          DATETIME(6),
  decision_reason       TEXT,
  closed_at             DATETIME(6),
  registered_by         VARCHAR(128)  NOT NULL,
  registered_at         DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT supplier_application_process_uk UNIQUE (process_instance_key),
  CONSTRAINT supplier_application_supplier_fk FOREIGN KEY (supplier_id) REFERENCES supplier (id),
  CONSTRAINT supplier_application_questionnaire_fk FOREIGN KEY (questionnaire_version)
    REFERENCES supplier_questionnaire (version),
  INDEX supplier_application_supplier_idx (supplier_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE supplier_answer (
  application_id    BIGINT        NOT NULL,
  criterion_code    VARCHAR(20)   NOT NULL,
  answer            VARCHAR(100),
  comment           TEXT,
  updated_at        DATETIME(6)   NOT NULL,
  evaluation        VARCHAR(20)   NOT NULL,
  evaluation_reason TEXT,
  evaluated_by      VARCHAR(128),
  evaluated_at      DATETIME(6),
  PRIMARY KEY (application_id, criterion_code),
  CONSTRAINT supplier_answer_application_fk FOREIGN KEY (application_id)
    REFERENCES supplier_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE supplier_evidence (
  application_id BIGINT        NOT NULL,
  document_id    CHAR(36)      NOT NULL,
  criterion_code VARCHAR(20)   NOT NULL,
  filename       VARCHAR(255)  NOT NULL,
  content_type   VARCHAR(100)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  round          INT           NOT NULL,
  uploaded_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (application_id, document_id),
  CONSTRAINT supplier_evidence_application_fk FOREIGN KEY (application_id)
    REFERENCES supplier_application (id),
  CONSTRAINT supplier_evidence_document_fk FOREIGN KEY (document_id) REFERENCES document (public_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Portal tokens: only the SHA-256 of the random token is stored. operation_id makes the job that
-- issued it idempotent (one token per job element instance).
CREATE TABLE supplier_portal_token (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  application_id BIGINT        NOT NULL,
  token_hash     CHAR(64)      NOT NULL,
  operation_id   VARCHAR(191)  NOT NULL,
  purpose        VARCHAR(20)   NOT NULL,
  issued_at      DATETIME(6)   NOT NULL,
  expires_at     DATETIME(6)   NOT NULL,
  sent_at        DATETIME(6),
  revoked_at     DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT supplier_portal_token_hash_uk UNIQUE (token_hash),
  CONSTRAINT supplier_portal_token_operation_uk UNIQUE (operation_id),
  CONSTRAINT supplier_portal_token_application_fk FOREIGN KEY (application_id)
    REFERENCES supplier_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
