package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestTxReusesStatementsAndChain appends events in two transactions: each
// statement is prepared once per transaction, and the audit chain, whose
// last hash a transaction remembers instead of reading it back before
// every event, still verifies across them.
func TestTxReusesStatementsAndChain(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for round := range 2 {
		err := s.Write(ctx, func(tx *Tx) error {
			for i := range 50 {
				if err := tx.AppendEvent(ctx, &Event{At: at.Add(time.Duration(round*50+i) * time.Second), Actor: "kari", Kind: "test"}); err != nil {
					return err
				}
			}
			// One SELECT of the chain's end, one INSERT, however many events.
			if n := len(tx.tx.stmts); n != 2 {
				t.Errorf("round %d: %d statements prepared for 50 events, want 2", round, n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.VerifyAudit(ctx); err != nil || n != 100 {
		t.Fatalf("VerifyAudit = %d, %v; want 100, nil", n, err)
	}
}
