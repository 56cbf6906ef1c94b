-- Issue 14: the actor of a custody entry (and the author of a document) names the person who
-- completed the task with the worker that recorded it, e.g.
-- "Camille Martin [cmartin] via worker:inventory.record-inspection": room for an 80-character
-- display name, a 64-character login and the worker. Widening a column rewrites no row: the
-- entries' hashes still verify.
ALTER TABLE custody_entry MODIFY actor VARCHAR(255) NOT NULL;
ALTER TABLE document MODIFY created_by VARCHAR(255) NOT NULL;
