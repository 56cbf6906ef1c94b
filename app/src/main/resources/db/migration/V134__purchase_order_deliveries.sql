-- P5: an order received in several deliveries (issue 15). Units refused at reception or not
-- delivered stay due: the buyer asks the supplier to replace them on the same order (the
-- reception starts again) or closes the order with the units received. The order's spend is
-- written once, when it is fully received or closed.

ALTER TABLE purchase_order
  ADD COLUMN delivery_count            INT           NOT NULL DEFAULT 0,
  ADD COLUMN last_reception_operation  VARCHAR(191),
  ADD COLUMN last_delivery_received    INT,
  ADD COLUMN last_delivery_refused     INT,
  ADD COLUMN replacements_requested    INT           NOT NULL DEFAULT 0,
  ADD COLUMN last_replacement_operation VARCHAR(191),
  ADD COLUMN closed_reason             VARCHAR(1000),
  ADD COLUMN closed_by                 VARCHAR(160);

-- Orders received before: one delivery each.
UPDATE purchase_order SET delivery_count = 1, last_delivery_received = received_count,
  last_delivery_refused = refused_count WHERE status = 'RECEIVED';

-- A unit refused in one delivery may come back, repaired, in the next.
ALTER TABLE purchase_reception_unit
  ADD COLUMN delivery_no INT NOT NULL DEFAULT 1,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (order_id, delivery_no, serial_number);
