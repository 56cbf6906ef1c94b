-- Indicators: the Indicateurs page of a year is kept whole (indicators.ReuseRateCache) under the
-- same key as the reuse rates (V136). Its other tables are read from these tables too, so their
-- writes count as changes in the same way: avoided emissions and their factors, dismantling lots
-- and their assets and companies (EA/ESAT, DEEE), suppliers (maturity), declared past results.

DELIMITER $$

CREATE TRIGGER avoided_emission_entry_indicators_ai AFTER INSERT ON avoided_emission_entry
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('avoided_emission_entry')$$
CREATE TRIGGER avoided_emission_entry_indicators_au AFTER UPDATE ON avoided_emission_entry
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('avoided_emission_entry')$$
CREATE TRIGGER avoided_emission_entry_indicators_ad AFTER DELETE ON avoided_emission_entry
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('avoided_emission_entry')$$

CREATE TRIGGER emission_factor_indicators_ai AFTER INSERT ON emission_factor
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('emission_factor')$$
CREATE TRIGGER emission_factor_indicators_au AFTER UPDATE ON emission_factor
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('emission_factor')$$
CREATE TRIGGER emission_factor_indicators_ad AFTER DELETE ON emission_factor
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('emission_factor')$$

CREATE TRIGGER dismantling_lot_indicators_ai AFTER INSERT ON dismantling_lot
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot')$$
CREATE TRIGGER dismantling_lot_indicators_au AFTER UPDATE ON dismantling_lot
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot')$$
CREATE TRIGGER dismantling_lot_indicators_ad AFTER DELETE ON dismantling_lot
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot')$$

CREATE TRIGGER dismantling_lot_asset_indicators_ai AFTER INSERT ON dismantling_lot_asset
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot_asset')$$
CREATE TRIGGER dismantling_lot_asset_indicators_au AFTER UPDATE ON dismantling_lot_asset
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot_asset')$$
CREATE TRIGGER dismantling_lot_asset_indicators_ad AFTER DELETE ON dismantling_lot_asset
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('dismantling_lot_asset')$$

CREATE TRIGGER adapted_company_indicators_ai AFTER INSERT ON adapted_company
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('adapted_company')$$
CREATE TRIGGER adapted_company_indicators_au AFTER UPDATE ON adapted_company
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('adapted_company')$$
CREATE TRIGGER adapted_company_indicators_ad AFTER DELETE ON adapted_company
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('adapted_company')$$

CREATE TRIGGER supplier_indicators_ai AFTER INSERT ON supplier
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('supplier')$$
CREATE TRIGGER supplier_indicators_au AFTER UPDATE ON supplier
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('supplier')$$
CREATE TRIGGER supplier_indicators_ad AFTER DELETE ON supplier
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('supplier')$$

CREATE TRIGGER declared_result_indicators_ai AFTER INSERT ON declared_result
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('declared_result')$$
CREATE TRIGGER declared_result_indicators_au AFTER UPDATE ON declared_result
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('declared_result')$$
CREATE TRIGGER declared_result_indicators_ad AFTER DELETE ON declared_result
  FOR EACH ROW INSERT INTO indicator_source_change (source_table) VALUES ('declared_result')$$

DELIMITER ;
