-- Whether a lot's "full" message was published is kept by Spring Modulith's event publication
-- registry (EVENT_PUBLICATION) since the lot publishes it as an event: the hand-kept column goes.
ALTER TABLE dismantling_lot DROP COLUMN full_published_at;
