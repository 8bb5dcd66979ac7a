package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// TestTxReusesStatementsAndChain appends events in two transactions: each
// statement is prepared once per transaction, and the audit chain, whose
// last hash a transaction remembers instead of reading it back before
// every event, still verifies across them.
func TestTxReusesStatementsAndChain(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
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

// TestTxLookupsMatchDatabase checks the answers a transaction gives from
// memory (preloaded Message-IDs, the highest stored UID, case numbers
// counted in the transaction) against the database itself, over a random
// mix of inserts and lookups across several transactions.
func TestTxLookupsMatchDatabase(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	rng := rand.New(rand.NewPCG(1, 2))
	ids := []string{"a@x", "b@x", "c@x", "d@x", "e@x", "f@x"}
	froms := []string{"kari@example.no", "ola@example.no"}
	uid := uint32(0)
	var caseID int64
	for round := range 8 {
		err := s.Write(ctx, func(tx *Tx) error {
			if caseID == 0 {
				ref, err := tx.NextRef(ctx, 2026)
				if err != nil {
					return err
				}
				c := &dsr.Case{Ref: ref, Requester: "kari@example.no", Status: dsr.StatusNew,
					ReceivedAt: time.Unix(1e9, 0), DueAt: time.Unix(1e9, 0)}
				if err := tx.InsertCase(ctx, c, "system", time.Unix(1e9, 0)); err != nil {
					return err
				}
				caseID = c.ID
			}
			// Preload some of the IDs (in odd rounds none: all from the
			// database), then mix inserts and lookups.
			if round%2 == 0 {
				if err := tx.PreloadMessageIDs(ctx, ids[:rng.IntN(len(ids))+1]); err != nil {
					return err
				}
			}
			for range 30 {
				if rng.IntN(2) == 0 {
					uid += uint32(rng.IntN(3)) // 0: the same UID under another mailbox
					mbox := []string{"INBOX", "Arkiv"}[rng.IntN(2)]
					m := &Message{CaseID: caseID, Direction: "in", Mailbox: mbox, UIDValidity: 7, UID: uid,
						MessageID: ids[rng.IntN(len(ids))], FromAddr: froms[rng.IntN(2)], Raw: []byte{byte(rng.IntN(256))}}
					if has, err := tx.HasIMAP(ctx, m.Mailbox, 7, m.UID); err != nil {
						return err
					} else if has {
						continue
					}
					if err := tx.InsertMessage(ctx, m); err != nil {
						return err
					}
					continue
				}
				ask := []string{ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))], ""}
				got, err := tx.MessagesByMessageID(ctx, ask...)
				if err != nil {
					return err
				}
				ph := "?,?"
				want, err := tx.matches(ctx, fmt.Sprintf(queryByMessageID, ph), ask[0], ask[1])
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("round %d: MessagesByMessageID(%q) = %+v, database has %+v", round, ask, got, want)
				}
				for _, mbox := range []string{"INBOX", "Arkiv"} {
					probe := uint32(rng.IntN(int(uid) + 3))
					has, err := tx.HasIMAP(ctx, mbox, 7, probe)
					if err != nil {
						return err
					}
					var n int
					if err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE mailbox = ? AND uidvalidity = 7 AND uid = ? AND uid > 0`, mbox, probe).Scan(&n); err != nil {
						return err
					}
					if has != (n > 0) {
						t.Errorf("round %d: HasIMAP(%s, %d) = %v, database has %d", round, mbox, probe, has, n)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Case numbers counted in memory are saved with the transaction, and a
	// rolled-back one hands out nothing.
	var refs []string
	for i := range 3 {
		err := s.Write(ctx, func(tx *Tx) error {
			for range 2 {
				ref, err := tx.NextRef(ctx, 2026)
				if err != nil {
					return err
				}
				refs = append(refs, ref.String())
			}
			if i == 1 {
				return errors.New("roll back")
			}
			return nil
		})
		if i != 1 && err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"PV-2026-0002", "PV-2026-0003", "PV-2026-0004", "PV-2026-0005", "PV-2026-0004", "PV-2026-0005"}
	if !reflect.DeepEqual(refs, want) {
		t.Errorf("refs = %v, want %v", refs, want)
	}
}

// TestCheckpointAfterWrites: what a write commits reaches the database
// file soon after, copied from the write-ahead log in the background; the
// automatic checkpoint (a backstop at 64 MB) would not have run yet.
func TestCheckpointAfterWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	from := fileSize(t, path)
	writeTwoMB(t, s)
	waitGrown(t, path, from, "a 2 MB write")
}

// writeTwoMB commits 2 MB of audit events in one transaction.
func writeTwoMB(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	err := s.Write(ctx, func(tx *Tx) error {
		for i := range 40 {
			if err := tx.AppendEvent(ctx, &Event{At: time.Unix(int64(i), 0), Actor: "kari", Kind: "test",
				Details: strings.Repeat("x", 50_000)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// waitGrown waits up to 5 s for the database file to hold 2 MB more than
// from: the log copied in by a checkpoint.
func waitGrown(t *testing.T, path string, from int64, what string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); fileSize(t, path) < from+2_000_000; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: database file %d bytes 5 s later (%d before): the log was not copied in", what, fileSize(t, path), from)
		}
	}
}

// A preload of more Message-IDs than one query takes (several chunks, the
// last padded) finds every stored message.
func TestPreloadManyMessageIDs(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	const n = 3*preloadChunk + 7
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("m%d@example.no", i)
	}
	err := s.Write(ctx, func(tx *Tx) error {
		ref, err := tx.NextRef(ctx, 2026)
		if err != nil {
			return err
		}
		c := &dsr.Case{Ref: ref, Requester: "kari@example.no", Status: dsr.StatusNew, ReceivedAt: time.Unix(1e9, 0), DueAt: time.Unix(1e9, 0)}
		if err := tx.InsertCase(ctx, c, "system", time.Unix(1e9, 0)); err != nil {
			return err
		}
		for i, id := range ids {
			if i%3 == 0 { // a third never arrived
				continue
			}
			if err := tx.InsertMessage(ctx, &Message{CaseID: c.ID, Direction: "in", MessageID: id, FromAddr: "kari@example.no", Raw: []byte(id)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		if err := tx.PreloadMessageIDs(ctx, ids); err != nil {
			return err
		}
		for i, id := range ids {
			found, err := tx.MessagesByMessageID(ctx, id)
			if err != nil {
				return err
			}
			if want := i%3 != 0; (len(found) == 1 && found[0].MessageID == id) != want {
				t.Errorf("%s: found %+v, stored: %v", id, found, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A read view sees one state of the store throughout, whatever is written
// meanwhile, and refuses to write or close.
func TestReadViewIsOneState(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	addCase := func() {
		t.Helper()
		err := s.Write(ctx, func(tx *Tx) error {
			ref, err := tx.NextRef(ctx, 2026)
			if err != nil {
				return err
			}
			return tx.InsertCase(ctx, &dsr.Case{Ref: ref, Requester: "kari@example.no", Status: dsr.StatusNew,
				ReceivedAt: time.Unix(1e9, 0), DueAt: time.Unix(1e9, 0)}, "system", time.Unix(1e9, 0))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	addCase()
	err := s.ReadView(ctx, func(v *Store) error {
		before, err := v.CountCases(ctx)
		if err != nil {
			return err
		}
		addCase() // another desk, meanwhile
		after, err := v.CountCases(ctx)
		if err != nil {
			return err
		}
		if before != 1 || after != 1 {
			t.Errorf("the view counted %d, then %d cases; want 1 both times", before, after)
		}
		if err := v.Write(ctx, func(*Tx) error { return nil }); !errors.Is(err, errView) {
			t.Errorf("Write on a view: %v", err)
		}
		if err := v.Close(); !errors.Is(err, errView) {
			t.Errorf("Close on a view: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountCases(ctx); err != nil || n != 2 {
		t.Fatalf("after the view: %d cases, %v; want 2", n, err)
	}
}

// openTestStore opens a fresh store in the test's directory, closed when
// the test ends.
func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "pv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestCheckpointNow: a checkpoint asked for is not held back by the pause
// between checkpoints. The pause here is an hour, so without CheckpointNow
// the second write would stay in the log for the rest of the test.
func TestCheckpointNow(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pv.db")
	s, err := open(ctx, path, 0, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	from := fileSize(t, path)
	writeTwoMB(t, s) // the first checkpoint runs at once, then the hour's pause
	waitGrown(t, path, from, "first write")
	from = fileSize(t, path)
	writeTwoMB(t, s)
	s.CheckpointNow()
	waitGrown(t, path, from, "second write, after CheckpointNow")
}
