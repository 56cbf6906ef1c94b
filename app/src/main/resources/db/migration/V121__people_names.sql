-- The name people read for a local account ("Camille Martin"), shown in the chain of custody and
-- the documents instead of the login; optional: without it the login is shown.
ALTER TABLE account ADD COLUMN display_name VARCHAR(80) NULL;

-- Who asked for a dismantling lot to be closed before its size or its 30 days (the name shown),
-- printed on the pickup order.
ALTER TABLE dismantling_lot ADD COLUMN close_requested_by VARCHAR(80) NULL;
