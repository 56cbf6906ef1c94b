-- Indicators: the reuse rates are computed from the status histories of ten years of assets, too
-- slow to redo at every load of the Indicateurs page (docs/indicators.md, "Performance"). They
-- are kept by the application (indicators.ReuseRateCache) as long as nothing they are read from
-- has changed. To know that, every write to those tables, whoever makes it (the application's
-- services and workers, a regularization, a spend ledger import, a migration, plain SQL), adds a
-- row to indicator_source_change in the writer's own transaction; the application compares
-- (epoch, compacted + rows, highest id) with the figures it keeps and recomputes them when it
-- differs. A committed write always changes that key; a rolled-back write leaves an id that is
-- never reused, so figures read inside it are never taken for later ones.
-- The application moves the rows into compacted from time to time (one transaction: the sum
-- stays the same).

CREATE TABLE indicator_source_change (
  id           BIGINT      NOT NULL AUTO_INCREMENT,
  source_table VARCHAR(40) NOT NULL,
  PRIMARY KEY (id)
);

CREATE TABLE indicator_source_count (
  id        TINYINT  NOT NULL,
  epoch     CHAR(36) NOT NULL,
  compacted BIGINT   NOT NULL,
  last_id   BIGINT   NOT NULL,
  PRIMARY KEY (id)
);

INSERT INTO indicator_source_count (id, epoch, compacted, last_id) VALUES (1, UUID(), 0, 0);

DELIMITER $$

-- custody_entry: status changes (entries without a status do not enter the computation); updates
-- and deletes only happen in maintenance mode
CREATE TRIGGER custody_entry_indicators_ai AFTER INSERT ON custody_entry FOR EACH ROW
BEGIN
  IF NEW.to_status IS NOT NULL THEN
    INSERT INTO indicator_source_change (source_table) VALUES ('custody_entry');
  END IF;
END$$
CREATE TRIGGER custody_entry_indicators_au AFTER UPDATE ON custody_entry FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('custody_entry')$$
CREATE TRIGGER custody_entry_indicators_ad AFTER DELETE ON custody_entry FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('custody_entry')$$

-- asset: the computation reads its inventory number, category and acquisition date (a status
-- change updates the row at every step of the processes: that one comes through custody_entry)
CREATE TRIGGER asset_indicators_ai AFTER INSERT ON asset FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('asset')$$
CREATE TRIGGER asset_indicators_au AFTER UPDATE ON asset FOR EACH ROW
BEGIN
  IF NOT (OLD.id <=> NEW.id AND OLD.inventory_number <=> NEW.inventory_number
      AND OLD.category <=> NEW.category AND OLD.acquisition_date <=> NEW.acquisition_date) THEN
    INSERT INTO indicator_source_change (source_table) VALUES ('asset');
  END IF;
END$$
CREATE TRIGGER asset_indicators_ad AFTER DELETE ON asset FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('asset')$$

CREATE TRIGGER outcome_fact_indicators_ai AFTER INSERT ON outcome_fact FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('outcome_fact')$$
CREATE TRIGGER outcome_fact_indicators_au AFTER UPDATE ON outcome_fact FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('outcome_fact')$$
CREATE TRIGGER outcome_fact_indicators_ad AFTER DELETE ON outcome_fact FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('outcome_fact')$$

-- donation and donation_beneficiary: whether a donation counts in A (handed over, commitment
-- signed before the handover)
CREATE TRIGGER donation_indicators_ai AFTER INSERT ON donation FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('donation')$$
CREATE TRIGGER donation_indicators_au AFTER UPDATE ON donation FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('donation')$$
CREATE TRIGGER donation_indicators_ad AFTER DELETE ON donation FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('donation')$$

CREATE TRIGGER donation_beneficiary_indicators_ai AFTER INSERT ON donation_beneficiary
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('donation_beneficiary')$$
CREATE TRIGGER donation_beneficiary_indicators_au AFTER UPDATE ON donation_beneficiary
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('donation_beneficiary')$$
CREATE TRIGGER donation_beneficiary_indicators_ad AFTER DELETE ON donation_beneficiary
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('donation_beneficiary')$$

-- spend_ledger_line: the years that have data (the trend starts at the first one)
CREATE TRIGGER spend_ledger_line_indicators_ai AFTER INSERT ON spend_ledger_line FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('spend_ledger_line')$$
CREATE TRIGGER spend_ledger_line_indicators_au AFTER UPDATE ON spend_ledger_line FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('spend_ledger_line')$$
CREATE TRIGGER spend_ledger_line_indicators_ad AFTER DELETE ON spend_ledger_line FOR EACH ROW
  INSERT INTO indicator_source_change (source_table) VALUES ('spend_ledger_line')$$

DELIMITER ;
