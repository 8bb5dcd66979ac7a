-- A draft being sent is claimed first, so two desks cannot both send it.
-- A claim older than a few minutes is a desk that died mid-send and may be
-- taken over.
ALTER TABLE drafts ADD COLUMN sending_by TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN sending_at INTEGER NOT NULL DEFAULT 0;
