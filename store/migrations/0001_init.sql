-- Times are Unix seconds (UTC) in INTEGER columns: they scan fastest, and the
-- inbox reads one row per case. 0 means "not set".

CREATE TABLE case_seq (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE cases (
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
    UNIQUE (year, seq)
);
-- The inbox lists open cases by due date; a partial index keeps that read
-- proportional to the open cases, not to years of closed ones.
CREATE INDEX cases_open_due ON cases (due_at, id)
    WHERE status IN ('new', 'in_progress', 'awaiting_requester');
CREATE INDEX cases_due ON cases (due_at, id);
CREATE INDEX cases_requester ON cases (requester, received_at);

CREATE TABLE case_rights (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    right      TEXT    NOT NULL,
    source     TEXT    NOT NULL CHECK (source IN ('auto', 'staff')),
    confidence REAL    NOT NULL DEFAULT 0,
    evidence   TEXT    NOT NULL DEFAULT '[]', -- JSON array of phrases
    PRIMARY KEY (case_id, right)
);

CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    mailbox      TEXT    NOT NULL DEFAULT '',
    uidvalidity  INTEGER NOT NULL DEFAULT 0,
    uid          INTEGER NOT NULL DEFAULT 0,
    message_id   TEXT    NOT NULL DEFAULT '',
    in_reply_to  TEXT    NOT NULL DEFAULT '', -- space-separated IDs
    refs         TEXT    NOT NULL DEFAULT '', -- space-separated IDs
    from_addr    TEXT    NOT NULL DEFAULT '',
    from_name    TEXT    NOT NULL DEFAULT '',
    to_addrs     TEXT    NOT NULL DEFAULT '',
    subject      TEXT    NOT NULL DEFAULT '',
    sent_at      INTEGER NOT NULL DEFAULT 0, -- the sender's Date header
    received_at  INTEGER NOT NULL,           -- IMAP INTERNALDATE
    text         TEXT    NOT NULL DEFAULT '',
    warnings     TEXT    NOT NULL DEFAULT '[]', -- JSON array
    size         INTEGER NOT NULL DEFAULT 0,
    raw_sha256   TEXT    NOT NULL,
    raw          BLOB    NOT NULL
);
CREATE UNIQUE INDEX messages_imap ON messages (mailbox, uidvalidity, uid) WHERE uid > 0;
CREATE INDEX messages_message_id ON messages (message_id) WHERE message_id <> '';
CREATE INDEX messages_raw_sha256 ON messages (raw_sha256);
CREATE INDEX messages_case ON messages (case_id, received_at);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES messages (id),
    filename     TEXT    NOT NULL DEFAULT '',
    content_type TEXT    NOT NULL DEFAULT '',
    size         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_message ON attachments (message_id);

CREATE TABLE steps (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    step    TEXT    NOT NULL,
    done_at INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    note    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, step)
);

-- Append-only audit trail. hash = SHA-256(prev_hash || content), so an edit
-- of any row breaks the chain from that row on.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER REFERENCES cases (id),
    at        INTEGER NOT NULL, -- Unix nanoseconds
    actor     TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    details   TEXT    NOT NULL DEFAULT '',
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);
CREATE INDEX events_case ON events (case_id, id);

CREATE TABLE sync_state (
    mailbox      TEXT PRIMARY KEY,
    uidvalidity  INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL,
    last_sync_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE suppressions (
    addr     TEXT PRIMARY KEY,
    added_at INTEGER NOT NULL,
    case_id  INTEGER REFERENCES cases (id),
    reason   TEXT NOT NULL DEFAULT ''
);
