-- Spend lines written by received purchase orders (P5), kept apart from imported accounting lines:
-- an order line has no import and carries its order reference (once per order); an imported line
-- whose reference is the reference of an order line is the same purchase and is not counted twice.
ALTER TABLE spend_ledger_line
  MODIFY import_id BIGINT NULL,
  ADD COLUMN order_reference VARCHAR(40) NULL,
  ADD CONSTRAINT spend_ledger_line_order_uk UNIQUE (order_reference);
