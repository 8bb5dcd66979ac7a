-- A handler's request for an extension or a refusal waits here until a lead
-- decides (issue: only leads approve either).
CREATE TABLE approvals (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('extension', 'refusal')),
    reason       TEXT    NOT NULL,
    requested_by TEXT    NOT NULL,
    requested_at INTEGER NOT NULL,
    decided_by   TEXT    NOT NULL DEFAULT '',
    decided_at   INTEGER NOT NULL DEFAULT 0,
    approved     INTEGER NOT NULL DEFAULT 0,
    decision_note TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX approvals_pending ON approvals (requested_at) WHERE decided_at = 0;
CREATE UNIQUE INDEX approvals_one_pending ON approvals (case_id, kind) WHERE decided_at = 0;
