-- A new case is open, with ended_at = 0, and the backlog counts only
-- requests that have ended (ended_at >= 1), so the index of when they ended
-- need not hold the open ones: intake no longer writes an entry into it for
-- every case it opens (each index entry costs a first sync about 2.7 µs per
-- message, BenchmarkWrite). An entry is added when a case leaves the open
-- statuses, by the cases_report_status trigger's UPDATE.
DROP INDEX cases_requests_ended;
CREATE INDEX cases_requests_ended ON cases (ended_at) WHERE is_request = 1 AND ended_at <> 0;
