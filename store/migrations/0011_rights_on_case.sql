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

-- Evidence was always written as a JSON array of strings; anything else (a
-- hand edit) is kept word for word as the one phrase of an array, so that
-- every case still opens and nothing is lost.
UPDATE cases SET rights_detail = (
    SELECT json_group_array(json_object(
        'right', r.right,
        'source', r.source,
        'confidence', r.confidence,
        'evidence', CASE
            WHEN NOT json_valid(r.evidence) THEN json_array(r.evidence)
            WHEN json_type(r.evidence) = 'array'
                 AND NOT EXISTS (SELECT 1 FROM json_each(r.evidence) e WHERE e.type <> 'text')
            THEN json(r.evidence)
            ELSE json_array(r.evidence) END))
    FROM (SELECT * FROM case_rights WHERE case_id = cases.id ORDER BY right) r)
WHERE id IN (SELECT case_id FROM case_rights);

DROP TABLE case_rights;

-- json_extract rather than the ->> operator: a view the sqlite3 shell of an
-- older system (before 3.38) cannot parse would keep it from opening the
-- file at all.
CREATE VIEW case_rights (case_id, right, source, confidence, evidence) AS
    SELECT c.id, json_extract(j.value, '$.right'), json_extract(j.value, '$.source'),
           CAST(json_extract(j.value, '$.confidence') AS REAL), json_extract(j.value, '$.evidence')
    FROM cases c, json_each(c.rights_detail) j;

-- A desk still running the code from before this migration (started before
-- another process upgraded the file) writes rights as rows: the view takes
-- them into the case row, so that desk keeps working until it restarts.
CREATE TRIGGER case_rights_insert INSTEAD OF INSERT ON case_rights
BEGIN
    UPDATE cases SET rights_detail = json_insert(rights_detail, '$[#]', json_object(
        'right', NEW.right,
        'source', NEW.source,
        'confidence', CAST(coalesce(NEW.confidence, 0) AS REAL),
        'evidence', CASE
            WHEN NEW.evidence IS NULL THEN json_array()
            WHEN NOT json_valid(NEW.evidence) THEN json_array(NEW.evidence)
            WHEN json_type(NEW.evidence) = 'array' THEN json(NEW.evidence)
            ELSE json_array(NEW.evidence) END))
    WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_rights_delete INSTEAD OF DELETE ON case_rights
BEGIN
    UPDATE cases SET rights_detail = (
        SELECT coalesce(json_group_array(json(j.value)), '[]')
        FROM json_each(cases.rights_detail) j
        WHERE json_extract(j.value, '$.right') IS NOT OLD.right)
    WHERE id = OLD.case_id;
END;
