-- P5: the worst condition grade the requester accepts for units of the internal stock (issue 15):
-- A (as new), B (light signs of use) or C (marked wear, complete and working). Grade D units are
-- never proposed. Requests made before this column accept any working unit (C).

ALTER TABLE purchase_request
  ADD COLUMN minimum_grade CHAR(1) NOT NULL DEFAULT 'C',
  ADD CONSTRAINT purchase_request_grade_ck CHECK (minimum_grade IN ('A', 'B', 'C'));
