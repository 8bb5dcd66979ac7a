-- A case had two unique keys for one fact: ref ("PV-2026-0042") and
-- (year, seq), from which ref is made. Every case intake opens paid for
-- both, an index entry and a uniqueness check each (the case insert takes
-- about a tenth less time without the second, 14.9 → 13.5 µs measured
-- alone), and nothing looks a case up by (year, seq). ref stays unique,
-- which keeps (year, seq) unique too.
--
-- SQLite drops a constraint only by rebuilding the table: a new table, the
-- rows copied, the old one dropped and the new one renamed, then its
-- indexes and trigger made again. Store.migrate runs this with foreign key
-- enforcement off (it would otherwise delete the cases' children with the
-- old table) and checks every foreign key before it commits.
CREATE TABLE cases_rebuilt (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    ref            TEXT    NOT NULL UNIQUE,
    requester      TEXT    NOT NULL,
    requester_name TEXT    NOT NULL DEFAULT '',
    subject        TEXT    NOT NULL DEFAULT '',
    language       TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL,
    -- rights mirrors case_rights as a dsr.RightSet bit mask so the inbox
    -- needs no join.
    rights         INTEGER NOT NULL DEFAULT 0,
    assignee       TEXT    NOT NULL DEFAULT '',
    received_at    INTEGER NOT NULL,
    due_at         INTEGER NOT NULL,
    paused_at      INTEGER NOT NULL DEFAULT 0,
    pause_reason   TEXT    NOT NULL DEFAULT '',
    paused_days    INTEGER NOT NULL DEFAULT 0,
    extended       INTEGER NOT NULL DEFAULT 0,
    extend_reason  TEXT    NOT NULL DEFAULT '',
    closed_at      INTEGER NOT NULL DEFAULT 0,
    outcome        TEXT    NOT NULL DEFAULT '',
    note           TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_by     TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL DEFAULT 0,
    rights_confirmed INTEGER NOT NULL DEFAULT 0,
    answered_at    INTEGER NOT NULL DEFAULT 0,
    refused_at     INTEGER NOT NULL DEFAULT 0,
    ended_at       INTEGER NOT NULL DEFAULT 0,
    is_request     INTEGER NOT NULL DEFAULT 1
);

INSERT INTO cases_rebuilt (id, year, seq, ref, requester, requester_name, subject, language,
    status, rights, assignee, received_at, due_at, paused_at, pause_reason, paused_days,
    extended, extend_reason, closed_at, outcome, note, version, updated_by, updated_at,
    rights_confirmed, answered_at, refused_at, ended_at, is_request)
SELECT id, year, seq, ref, requester, requester_name, subject, language,
    status, rights, assignee, received_at, due_at, paused_at, pause_reason, paused_days,
    extended, extend_reason, closed_at, outcome, note, version, updated_by, updated_at,
    rights_confirmed, answered_at, refused_at, ended_at, is_request
FROM cases;

DROP TABLE cases;
ALTER TABLE cases_rebuilt RENAME TO cases;

-- The indexes and the trigger as migrations 0001, 0002, 0006 and 0009 left
-- them (their reasons are there).
CREATE INDEX cases_open_due ON cases (due_at, id)
    WHERE status IN ('new', 'in_progress', 'awaiting_requester');
CREATE INDEX cases_due ON cases (due_at, id);
CREATE INDEX cases_requester ON cases (requester, received_at);
CREATE INDEX cases_confirmed ON cases (rights_confirmed) WHERE rights_confirmed = 1;
CREATE INDEX cases_requests_received ON cases (received_at, answered_at, due_at)
    WHERE is_request = 1;
CREATE INDEX cases_requests_rights ON cases (rights, received_at)
    WHERE is_request = 1;
CREATE INDEX cases_requests_reasons
    ON cases (received_at, refused_at, extended, ref, extend_reason, outcome)
    WHERE is_request = 1 AND (extended = 1 OR refused_at <> 0);
CREATE INDEX cases_requests_ended ON cases (ended_at) WHERE is_request = 1 AND ended_at <> 0;

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
