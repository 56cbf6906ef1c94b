-- GLPI imports belong to the replica that runs them: it beats while the import runs; another
-- replica fails an unfinished run only once its owner stopped beating (replicas, issue 17).
ALTER TABLE import_run
  ADD COLUMN owner_replica VARCHAR(128) NULL,
  ADD COLUMN heartbeat_at  DATETIME(6)  NULL;

CREATE INDEX import_run_unfinished_idx ON import_run (status, owner_replica);
