-- Chain of custody keyed (issue 18, docs/custody.md): entries written from now on carry an
-- HMAC-SHA256 under a key held outside the database (hash_alg = 'HMAC-SHA256', key_id = first 16
-- hex digits of the key's SHA-256). Entries written before stay plain SHA-256 and verify as before
-- ("unkeyed until entry N"); nothing is re-hashed. The default only labels the existing rows: it is
-- dropped so that every insert must say how its entry was sealed.
ALTER TABLE custody_entry
  ADD COLUMN hash_alg VARCHAR(16) NOT NULL DEFAULT 'SHA-256',
  ADD COLUMN key_id   CHAR(16)    NULL;

ALTER TABLE custody_entry ALTER COLUMN hash_alg DROP DEFAULT;
