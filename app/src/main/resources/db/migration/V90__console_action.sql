-- What the process owners did from the operations console (retry of an incident, cancellation of
-- a process instance): who, when, on which instance or incident, and with which result.

CREATE TABLE console_action (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  at                    DATETIME(6)   NOT NULL,
  actor                 VARCHAR(64)   NOT NULL,
  action                VARCHAR(32)   NOT NULL,
  process_instance_key  BIGINT        NOT NULL,
  incident_key          BIGINT,
  detail                VARCHAR(1000),
  succeeded             BOOLEAN       NOT NULL,
  PRIMARY KEY (id),
  INDEX console_action_instance_idx (process_instance_key, at),
  INDEX console_action_at_idx (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
