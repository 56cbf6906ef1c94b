-- Indicators: the reuse rate reads the status histories of every asset ever retired
-- (IndicatorQueries.histories). This index gives that set of assets from the retirement statuses
-- without scanning the whole chain of custody (docs/indicators.md, "Performance").
CREATE INDEX custody_entry_status_idx ON custody_entry (to_status, asset_id);
