-- A case is inserted with is_request already right (store.InsertCase sets
-- it from the status), so the AFTER INSERT trigger of 0006 that corrected
-- it goes. It cost more than the insert itself: the trigger's UPDATE
-- rewrote the new row and its partial indexes, and a first sync of 10,000
-- requests spent a fifth of its writing time there. Status changes after
-- the insert still go through cases_report_status, which stays.
DROP TRIGGER cases_report_insert;
