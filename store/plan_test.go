package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestLookupsUseIndexes checks SQLite's plan for the lookups that ingest
// makes for every message: a full scan of messages there makes a first
// sync quadratic (two minutes for 10,000 messages instead of seconds),
// and nothing else would notice.
func TestLookupsUseIndexes(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A first sync runs with the screens' indexes dropped: its lookups
	// must not have been among them.
	for _, deferred := range []bool{false, true} {
		if deferred {
			if _, err := s.DeferIndexes(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		lookupsUseIndexes(t, s, deferred)
	}
}

func lookupsUseIndexes(t *testing.T, s *Store, deferred bool) {
	t.Helper()
	for _, c := range []struct {
		name, query string
		args        []any
		index       string
	}{
		{"HasIMAP", queryHasIMAP, []any{"INBOX", 1, 2}, "messages_imap"},
		{"MessagesByMessageID one", fmt.Sprintf(queryByMessageID, "?"), []any{"a@b"}, "messages_message_id"},
		{"MessagesByMessageID several", fmt.Sprintf(queryByMessageID, "?,?,?"), []any{"a@b", "c@d", "e@f"}, "messages_message_id"},
		{"MessagesByHash", queryByHash, []any{"00ff"}, "messages_no_id_raw_sha256"},
		{"max UID", queryMaxUID, []any{"INBOX", 1}, "messages_imap"},
	} {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+c.query, c.args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		got := strings.Join(plan, "; ")
		if strings.Contains(got, "SCAN messages") || !strings.Contains(got, c.index) {
			t.Errorf("%s (indexes deferred: %v): plan %q, want a search of %s", c.name, deferred, got, c.index)
		}
	}
}
