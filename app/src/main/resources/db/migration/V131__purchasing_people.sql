-- P5: who did the work of the user tasks (issue 15), from the inbox's completedBy: the buyer who
-- approved or refused a new purchase, who selected the offer, who received the order. "Name
-- [login]"; NULL when the task was completed outside the inbox (shown as « système »).

ALTER TABLE purchase_request
  ADD COLUMN new_decided_by  VARCHAR(160);

ALTER TABLE purchase_order
  ADD COLUMN selected_by     VARCHAR(160),
  ADD COLUMN received_by     VARCHAR(160);
