-- Supplier portal links are keys to an application: the outbox (table notification, page
-- "Boîte d'envoi") no longer keeps them. Messages stored before this version held the link in
-- clear; it is replaced by the placeholder that new messages keep (the e-mail already sent is
-- unchanged, and the link keeps working for the supplier who received it).
UPDATE notification
   SET body = REGEXP_REPLACE(body, '[^[:space:]]*/portal/[A-Za-z0-9_-]{43}',
                             '[lien personnel envoyé au fournisseur]')
 WHERE body REGEXP '/portal/[A-Za-z0-9_-]{43}';
