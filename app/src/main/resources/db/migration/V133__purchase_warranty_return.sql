-- P5: warranty returns recorded against the order (issue 15): which unit of the order went back
-- to the supplier, when, why and what is asked (repair, replacement, refund). The unit stays
-- linked to its order (order_id) and its chain of custody records the hand-over to the supplier.

CREATE TABLE purchase_warranty_return (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  order_id          BIGINT         NOT NULL,
  asset_id          BIGINT         NOT NULL,
  inventory_number  VARCHAR(64)    NOT NULL,
  serial_number     VARCHAR(128)   NOT NULL,
  returned_on       DATE           NOT NULL,
  remedy            VARCHAR(16)    NOT NULL,
  reason            VARCHAR(1000)  NOT NULL,
  recorded_by       VARCHAR(160)   NOT NULL,
  recorded_at       DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT purchase_warranty_return_once_uk UNIQUE (asset_id, returned_on),
  CONSTRAINT purchase_warranty_return_order_fk FOREIGN KEY (order_id) REFERENCES purchase_order (id),
  CONSTRAINT purchase_warranty_return_remedy_ck CHECK (remedy IN ('REPAIR', 'REPLACEMENT', 'REFUND')),
  INDEX purchase_warranty_return_order_idx (order_id, returned_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
