-- A case's rights move into the case row, as a JSON array in rights_detail
-- ([{"right":"access","source":"auto","confidence":0.9,"evidence":["..."]}]).
-- They are always read and written with their case, never looked up across
-- cases (the inbox and the report use the rights bit mask), and a table of
-- their own cost intake a second statement and two B-tree entries (the row
-- and its primary key) per case: 17% of the single writer's time per new
-- request (BenchmarkWrite, with and without the rights insert, alternating
-- runs: 48.5 → 40.3 µs per message). case_rights stays as a view with the
-- same columns, for anyone who queries the file by hand.
ALTER TABLE cases ADD COLUMN rights_detail TEXT NOT NULL DEFAULT '[]';

UPDATE cases SET rights_detail = (
    SELECT json_group_array(json_object(
        'right', r.right,
        'source', r.source,
        'confidence', r.confidence,
        'evidence', CASE WHEN json_valid(r.evidence) THEN json(r.evidence) ELSE json_array() END))
    FROM (SELECT * FROM case_rights WHERE case_id = cases.id ORDER BY right) r)
WHERE id IN (SELECT case_id FROM case_rights);

DROP TABLE case_rights;

CREATE VIEW case_rights (case_id, right, source, confidence, evidence) AS
    SELECT c.id, j.value ->> 'right', j.value ->> 'source', j.value ->> 'confidence',
           json(j.value -> 'evidence')
    FROM cases c, json_each(c.rights_detail) j;
