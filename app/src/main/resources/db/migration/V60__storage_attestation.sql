-- Storage is never assumed absent (issue 18): an asset of a category that carries storage
-- (computers, servers, arrays, printers, phones) collected with no storage device needs the
-- technician's attestation, recorded with the inspection: the medium was removed and destroyed
-- elsewhere (reference of the destruction proof), or its absence was verified (by whom).
ALTER TABLE asset_inspection
  ADD COLUMN storage_attestation     VARCHAR(32)  NULL,
  ADD COLUMN storage_attestation_ref VARCHAR(120) NULL,
  ADD COLUMN storage_verified_by     VARCHAR(128) NULL;
