package desk

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// sink commits fetched batches: messages, cases, audit events and the
// cursor in one transaction per batch.
type sink struct {
	d   *Desk
	rep *SyncReport
	// onCase is told about each new or threaded case, for live screens.
	onCase func(IngestResult)
	// bulk is set once Plan has deferred the store's indexes (see there),
	// for Sync to build them again when it ends.
	bulk *bool
}

// bulkMin is the fewest new messages for which a sync defers the indexes
// that only screens and reports read (store.DeferIndexes).
const bulkMin = 1000

// Plan defers the store's screen and report indexes when the sync brings
// at least bulkMin messages and more than the desk holds: a desk's first
// sync of a big mailbox. Building an index again costs in proportion to
// the whole table, and leaving it out saves in proportion to the new rows,
// so a few thousand new messages on a desk of a hundred thousand, or a
// mailbox listed again after a UIDVALIDITY change (as many messages as
// are stored), are written the ordinary way. Deferring is only a saving:
// if it fails, the sync writes the ordinary way too.
func (s *sink) Plan(ctx context.Context, mailbox string, total int) error {
	if s.bulk == nil || *s.bulk || total < bulkMin {
		return nil
	}
	have, err := s.d.st.CountMessages(ctx)
	if err != nil || total <= have {
		return nil
	}
	// Zero indexes dropped still leaves this sync to build them at its
	// end if it holds the load, and another live load builds its own.
	if _, err := s.d.st.DeferIndexes(ctx); err == nil {
		*s.bulk = true
	}
	return nil
}

// IndexBuildError is a sync whose mail is stored but whose store could not
// build again the indexes it set aside for the load (the disk is full,
// say). Screens are slower until they are built, which the next sync or
// start of the desk tries again; waiting and syncing again at once would
// not help, so SyncWithRetry does not.
type IndexBuildError struct{ Err error }

func (e *IndexBuildError) Error() string {
	return "the mail is stored, but the indexes of the screens could not be built again (the next sync or start of the desk tries again): " + e.Err.Error()
}

func (e *IndexBuildError) Unwrap() error { return e.Err }

// endLoad builds any indexes a load set aside and joins a failure to err.
// It runs however the sync ended, a cancelled one too (the desk is
// closing): until the indexes are back, screens scan.
func (d *Desk) endLoad(ctx context.Context, err error) error {
	rerr := d.st.RestoreIndexes(context.WithoutCancel(ctx))
	switch {
	case rerr == nil:
		return err
	case err == nil:
		return &IndexBuildError{rerr}
	}
	return errors.Join(err, &IndexBuildError{rerr})
}

func (s *sink) Cursor(ctx context.Context, mailbox string) (uint32, uint32, error) {
	c, err := s.d.st.Cursor(ctx, mailbox)
	return c.UIDValidity, c.LastUID, err
}

// Prepare parses and classifies a message as soon as it arrives; see
// mail.Preparer.
func (s *sink) Prepare(f mail.Fetched) any {
	p := s.d.prepare(f)
	return &p
}

func (s *sink) Commit(ctx context.Context, mailbox string, uidvalidity, through uint32, batch []mail.Fetched) error {
	// A sync hands over messages parsed and classified already (Prepare,
	// while the batch before was being written). Others, from a caller
	// that is no mail.SyncMailbox, are parsed here on every core, and the
	// write transaction does not wait for the whole batch: it ingests each
	// message, in order, as soon as that one is ready, so writing (which
	// only one goroutine can do) overlaps parsing instead of following it.
	prepared := make([]parsed, len(batch))
	ready := make([]chan struct{}, len(batch))
	var todo []int // the messages to parse here, in order
	for i := range ready {
		ready[i] = make(chan struct{})
		// Most arrive parsed already (Prepare); the rest are parsed here.
		if p, ok := batch[i].Prepared.(*parsed); ok {
			prepared[i] = *p
			close(ready[i])
		} else {
			todo = append(todo, i)
		}
	}
	var next atomic.Int64
	var stop atomic.Bool // the transaction failed: parse no further
	var wg sync.WaitGroup
	defer wg.Wait()
	defer stop.Store(true)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				k := int(next.Add(1) - 1)
				if k >= len(todo) {
					return
				}
				i := todo[k]
				prepared[i] = s.d.prepare(batch[i])
				close(ready[i])
			}
		}()
	}
	var results []IngestResult
	err := s.d.st.Write(ctx, func(tx *store.Tx) error {
		results = results[:0]
		// Every Message-ID ingest will look up, in one go: those of the
		// messages already parsed and what they answer.
		var ids []string
		for i := range prepared {
			select {
			case <-ready[i]:
				ids = lookupIDs(ids, prepared[i].msg)
			default:
			}
		}
		if err := tx.PreloadMessageIDs(ctx, ids); err != nil {
			return err
		}
		for i := range prepared {
			<-ready[i]
			p := prepared[i]
			r, err := s.d.ingestTx(ctx, tx, p)
			if err != nil {
				return fmt.Errorf("ingest %s UID %d: %w", mailbox, p.in.UID, err)
			}
			results = append(results, r)
		}
		cur, err := tx.Cursor(ctx, mailbox)
		if err != nil {
			return err
		}
		// Another desk syncing the same file may have gone further; the
		// cursor never moves back within one UIDVALIDITY.
		if cur.UIDValidity == uidvalidity && cur.LastUID > through {
			through = cur.LastUID
		}
		return tx.SetCursor(ctx, store.Cursor{Mailbox: mailbox, UIDValidity: uidvalidity, LastUID: through, LastSync: s.d.opts.Now()})
	})
	if err != nil {
		return err
	}
	for _, r := range results {
		switch r.Outcome {
		case OutcomeNewCase:
			s.rep.NewCases++
		case OutcomeThreaded:
			s.rep.Threaded++
		case OutcomeAlreadyStored:
			s.rep.AlreadyStored++
		}
		s.rep.Warnings += r.Warnings
		if s.onCase != nil && r.Outcome != OutcomeAlreadyStored {
			s.onCase(r)
		}
	}
	return nil
}

// SyncOptions configure one sync run.
type SyncOptions struct {
	IMAP      mail.IMAPConfig
	Mailboxes []string // default INBOX
	Progress  func(SyncProgress)
	// OnCase is called after each committed new or threaded message.
	OnCase func(IngestResult)
}

// Sync fetches new mail from every mailbox into cases once and reports
// what it did per mailbox. A first sync of a big mailbox defers some of the
// store's indexes and builds them at the end; if that fails, the error is
// an IndexBuildError (joined to the sync's own, if any).
func (d *Desk) Sync(ctx context.Context, o SyncOptions) (reports []SyncReport, err error) {
	boxes := o.Mailboxes
	if len(boxes) == 0 {
		boxes = []string{"INBOX"}
	}
	if d.builtinRules {
		// The rules are compiled on first use; have that done while the
		// server answers the login, not when the first message waits.
		go classify.Warm()
	}
	c, err := mail.Connect(ctx, o.IMAP)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var bulk bool
	defer func() { err = d.endLoad(ctx, err) }()
	for _, box := range boxes {
		start := time.Now()
		rep := SyncReport{Mailbox: box}
		sk := &sink{d: d, rep: &rep, onCase: o.OnCase, bulk: &bulk}
		var progress mail.Progress
		if o.Progress != nil {
			progress = func(mb string, done, total int) { o.Progress(SyncProgress{Mailbox: mb, Done: done, Total: total}) }
		}
		st, err := mail.SyncMailbox(ctx, c, box, sk, o.IMAP.BatchSize, progress)
		rep.Fetched = st.Fetched
		rep.Elapsed = time.Since(start)
		reports = append(reports, rep)
		if err != nil {
			return reports, err
		}
	}
	// The writes are over: the log is copied into the database while the
	// connection closes and the indexes are built, not after.
	d.st.CheckpointNow()
	_ = c.Logout().Wait()
	return reports, nil
}
