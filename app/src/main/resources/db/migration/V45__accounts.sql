-- Local user accounts of the embedded mode (Camunda mode logs users in with OpenID Connect and
-- stores none). Passwords are kept as Spring Security's {bcrypt} hashes, never in clear.

CREATE TABLE account (
  id                        BIGINT        NOT NULL AUTO_INCREMENT,
  version                   INT           NOT NULL DEFAULT 0,
  username                  VARCHAR(64)   NOT NULL,
  password_hash             VARCHAR(100)  NOT NULL,
  enabled                   BOOLEAN       NOT NULL,
  password_change_required  BOOLEAN       NOT NULL,
  created_at                DATETIME(6)   NOT NULL,
  updated_at                DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT account_username_uk UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_role (
  account_id  BIGINT       NOT NULL,
  role        VARCHAR(32)  NOT NULL,
  PRIMARY KEY (account_id, role),
  CONSTRAINT account_role_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who changed which account, when, and what (never a password).
CREATE TABLE account_audit (
  id        BIGINT        NOT NULL AUTO_INCREMENT,
  at        DATETIME(6)   NOT NULL,
  actor     VARCHAR(64)   NOT NULL,
  username  VARCHAR(64)   NOT NULL,
  action    VARCHAR(32)   NOT NULL,
  detail    VARCHAR(500),
  PRIMARY KEY (id),
  INDEX account_audit_at_idx (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
