-- Intake writes every case and message once, and a first sync writes
-- thousands; two things made each write cost more than it needs to.
--
-- A case is inserted with is_request already right (store.InsertCase sets
-- it from the status), so the AFTER INSERT trigger of 0006 that corrected
-- it goes. It cost more than the insert itself: the trigger's UPDATE
-- rewrote the new row and its partial indexes, and a first sync of 10,000
-- requests spent a fifth of its writing time there. Status changes after
-- the insert still go through cases_report_status, which stays.
DROP TRIGGER cases_report_insert;

-- The raw hash recognises a message again only when it has no Message-ID
-- (one that has is recognised by that), so only those few need the hash
-- indexed. A hash is random, so each insert into a full index touched a
-- different page, and every commit wrote hundreds of them.
DROP INDEX messages_raw_sha256;
CREATE INDEX messages_no_id_raw_sha256 ON messages (raw_sha256) WHERE message_id = '';
