-- Replies being written. A draft stays until it is sent, so a failed send
-- loses nothing; last_error says why the last attempt failed.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    kind        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    created_by  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL DEFAULT 0,
    message_id  INTEGER REFERENCES messages (id),
    last_error  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX drafts_case ON drafts (case_id, id);
