-- Staff confirm or correct a case's rights (source 'staff' in case_rights);
-- this flag also covers a confirmed "none", which has no rights rows. The
-- learned classifier trains on confirmed cases only.
ALTER TABLE cases ADD COLUMN rights_confirmed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_confirmed ON cases (rights_confirmed) WHERE rights_confirmed = 1;
