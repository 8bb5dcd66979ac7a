package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// queryPlan is SQLite's plan for query, one line per step.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// The report's queries must read through their indexes: a plan that scans
// the cases table would still give the right figures, only slowly, so
// nothing but the plan shows it.
func TestReportQueriesUseTheirIndexes(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	args := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = int64(i)
		}
		return out
	}
	for _, c := range []struct {
		name, query string
		nargs       int
		want        []string
	}{
		{"overview", openCasesQuery, 0, []string{"USING INDEX cases_open_due"}},
		{"open unanswered", openCasesQuery + ` AND answered_at = 0 AND received_at >= ? AND received_at < ?`, 2,
			[]string{"USING INDEX cases_open_due"}},
		{"count received", countReceivedQuery(3), 9, []string{
			"SCAN cases USING COVERING INDEX cases_requests_rights",
			"SEARCH c USING COVERING INDEX cases_requests_rights (rights=? AND received_at>? AND received_at<?)"}},
		{"answered", answeredQuery, 2,
			[]string{"SEARCH cases USING COVERING INDEX cases_requests_received (received_at>? AND received_at<?)"}},
		{"reasons", reasonsQuery, 2, []string{"USING COVERING INDEX cases_requests_reasons (received_at>? AND received_at<?)"}},
		{"status events", statusEventsQuery, 1, []string{"USING INDEX events_case (case_id=?)"}},
		{"open requests", openRequestsQuery(3), 9, []string{
			"SEARCH cases USING COVERING INDEX cases_requests_received (received_at>? AND received_at<?)",
			"SEARCH cases USING COVERING INDEX cases_requests_ended (ended_at>? AND ended_at<?)"}},
	} {
		plan := queryPlan(t, s, c.query, args(c.nargs)...)
		for _, w := range c.want {
			if !strings.Contains(plan, w) {
				t.Errorf("%s: plan lacks %q:\n%s", c.name, w, plan)
			}
		}
		for _, line := range strings.Split(plan, "\n") {
			if strings.HasPrefix(line, "SCAN c") && !strings.Contains(line, "INDEX") {
				t.Errorf("%s: scans the table of cases:\n%s", c.name, plan)
			}
		}
	}
}
