-- Figures for team leads (desk.Figures, pvdesk report) need, for each case,
-- when it was first answered, when it was first refused, when it left the
-- open statuses and whether it is a request at all. The audit trail holds
-- all of that, but reading it back means parsing text for every case of a
-- year; 100,000 cases must report in well under 200 ms, so these columns
-- keep it on the case row. Times are Unix seconds, 0 = not set, as in 0001.
--
--   answered_at  first move to answered or refused (a refusal is an answer
--                too: Art. 12(4) asks for it within the same month)
--   refused_at   first move to refused
--   ended_at     when the case last left new/in_progress/awaiting_requester;
--                0 while it is open. A reopened case is open again from its
--                receipt, so the backlog never hides an open case. Never
--                before received_at (the mail server's clock may run ahead
--                of the desk's), so a case is open exactly from received_at
--                to ended_at and the backlog is a difference of two counts.
--   is_request   0 once the case is not_a_request, and still 0 after such a
--                case is closed; any other status makes it 1 again
ALTER TABLE cases ADD COLUMN answered_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN refused_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN ended_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN is_request INTEGER NOT NULL DEFAULT 1;

-- Triggers keep the columns, not desk code: every status change of every
-- writer (desk.SetStatus, ConfirmRights, a reply that resumes the clock, and
-- whatever comes next) goes through one UPDATE of cases.status, so this is
-- the one place that cannot be forgotten. NEW.updated_at is the desk clock
-- of the change (store.SaveCase sets it), the same instant as the change's
-- audit event, and tests with a fixed clock see fixed times.
CREATE TRIGGER cases_report_insert AFTER INSERT ON cases
WHEN NEW.status = 'not_a_request'
BEGIN
    UPDATE cases SET is_request = 0 WHERE id = NEW.id;
END;

CREATE TRIGGER cases_report_status AFTER UPDATE OF status ON cases
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE cases SET
        answered_at = CASE WHEN answered_at = 0 AND NEW.status IN ('answered', 'refused')
                           THEN NEW.updated_at ELSE answered_at END,
        refused_at  = CASE WHEN refused_at = 0 AND NEW.status = 'refused'
                           THEN NEW.updated_at ELSE refused_at END,
        ended_at    = CASE
                          WHEN NEW.status IN ('new', 'in_progress', 'awaiting_requester') THEN 0
                          WHEN OLD.status IN ('new', 'in_progress', 'awaiting_requester')
                          THEN max(NEW.updated_at, NEW.received_at)
                          ELSE ended_at END,
        is_request  = CASE NEW.status
                          WHEN 'not_a_request' THEN 0
                          WHEN 'closed' THEN is_request
                          ELSE 1 END
    WHERE id = NEW.id;
END;

-- Backfill from the audit trail, once. Status moves are written by
-- desk.SetStatus as "<from> → <to>[; ...]" (kind status) and by
-- desk.ConfirmRights as "...; status <from> → <to>" (kind rights); a reply
-- that resumes the clock only moves between open statuses, which changes
-- none of the columns.
CREATE TEMP TABLE report_moves AS
SELECT id, case_id, at,
       substr(seg, 1, instr(seg, ' → ') - 1) AS from_status,
       substr(seg, instr(seg, ' → ') + 3) AS to_status
FROM (
    SELECT id, case_id, at / 1000000000 AS at,
           substr(rest, 1, instr(rest || ';', ';') - 1) AS seg
    FROM (
        SELECT id, case_id, at,
               CASE kind WHEN 'status' THEN details
                         ELSE substr(details, instr(details, '; status ') + 9) END AS rest
        FROM events
        WHERE case_id IS NOT NULL
          AND (kind = 'status' OR (kind = 'rights' AND instr(details, '; status ') > 0))
    )
)
WHERE instr(seg, ' → ') > 0;

UPDATE cases SET
    answered_at = coalesce(m.answered_at, 0),
    refused_at  = coalesce(m.refused_at, 0),
    ended_at    = CASE WHEN cases.status IN ('new', 'in_progress', 'awaiting_requester') OR m.ended_at IS NULL
                       THEN 0 ELSE max(m.ended_at, cases.received_at) END
FROM (
    SELECT case_id,
           min(CASE WHEN to_status IN ('answered', 'refused') THEN at END) AS answered_at,
           min(CASE WHEN to_status = 'refused' THEN at END) AS refused_at,
           max(CASE WHEN from_status IN ('new', 'in_progress', 'awaiting_requester')
                     AND to_status NOT IN ('new', 'in_progress', 'awaiting_requester') THEN at END) AS ended_at
    FROM report_moves GROUP BY case_id
) AS m
WHERE m.case_id = cases.id;

-- A closed case is a request unless it was not_a_request when it was
-- closed (the last move into closed; SQLite takes the bare column from the
-- row that gives max(id)). A case never moved into closed keeps its status.
UPDATE cases SET is_request = 0 WHERE status = 'not_a_request';
UPDATE cases SET is_request = 0
WHERE status = 'closed' AND id IN (
    SELECT case_id FROM (
        SELECT case_id, from_status, max(id) FROM report_moves
        WHERE to_status = 'closed' GROUP BY case_id
    ) WHERE from_status = 'not_a_request'
);

DROP TABLE report_moves;

-- The report reads requests by receipt (the figures of a period) and by
-- when they ended (the backlog at each month end). Partial on is_request so
-- that years of mail that was never a request cost nothing; the queries
-- repeat "is_request = 1" so SQLite can use them. The receipt index carries
-- what the figures read of each answered request, so a year of them is
-- read from the index alone, without a lookup into the wide case rows.
CREATE INDEX cases_requests_received ON cases (received_at, answered_at, due_at)
    WHERE is_request = 1;
-- Requests by set of rights, then receipt: counting the requests per right
-- and month is one short range per set and month.
CREATE INDEX cases_requests_rights ON cases (rights, received_at)
    WHERE is_request = 1;
CREATE INDEX cases_requests_ended ON cases (ended_at) WHERE is_request = 1;
-- The few requests whose reasons the report lists, with the reasons, so
-- the list is read from the index alone.
CREATE INDEX cases_requests_reasons
    ON cases (received_at, refused_at, extended, ref, extend_reason, outcome)
    WHERE is_request = 1 AND (extended = 1 OR refused_at <> 0);
