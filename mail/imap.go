package mail

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"golang.org/x/sync/semaphore"
)

// IMAPConfig says how to reach the mailbox. The password is passed in, never
// read here, so this package cannot leak where it came from.
type IMAPConfig struct {
	Host     string
	Port     int
	Security string // tls | starttls | none (none only to a loopback host)
	Username string
	Password string
	CAFile   string // extra CA certificates (PEM) for a private server
	// BatchSize is how many messages are committed together (default
	// DefaultBatchSize).
	BatchSize int
	// Timeout is how long the server may stay silent during a command
	// (default DefaultTimeout).
	Timeout time.Duration
	// MaxMessageBytes: larger messages are stored as headers only, with a
	// warning (default DefaultMaxMessageBytes).
	MaxMessageBytes int64
}

// DefaultMaxMessageBytes is the size above which only headers are fetched.
const DefaultMaxMessageBytes = 50 << 20

// Fetched is one message as it came off the server.
type Fetched struct {
	Mailbox      string
	UIDValidity  uint32
	UID          uint32
	InternalDate time.Time
	Size         int64 // RFC822.SIZE, the size on the server
	Raw          []byte
	// HeaderOnly is set when the message was larger than MaxMessageBytes
	// and Raw holds only its header.
	HeaderOnly bool
	// Prepared is what a Preparer sink made of the message ahead of Commit
	// (nil for other sinks).
	Prepared any
}

// Sink receives fetched messages. Commit must store the batch and the new
// cursor (mailbox, uidvalidity, through) in one transaction, so a crash
// between batches re-fetches at most one batch and never skips one.
type Sink interface {
	Cursor(ctx context.Context, mailbox string) (uidvalidity, lastUID uint32, err error)
	Commit(ctx context.Context, mailbox string, uidvalidity, through uint32, batch []Fetched) error
}

// Planner is a Sink that is told, once the new messages of a mailbox are
// listed and before the first is fetched, how many will come: a first sync
// of a big mailbox can be stored differently from a trickle of new mail.
type Planner interface {
	Plan(ctx context.Context, mailbox string, total int) error
}

// Preparer is a Sink with work to do on each message that needs no
// transaction (parsing, classifying). SyncMailbox calls Prepare on several
// goroutines at once as messages arrive, in parallel with the Commit of the
// batch before, and hands the result to Commit in Fetched.Prepared: the
// writing, which only one goroutine can do, then never waits for it.
type Preparer interface {
	Prepare(f Fetched) any
}

// Progress reports how far a sync has come: done of total messages have
// arrived. It is called after each commit and, between commits, at most
// every progressEvery.
type Progress func(mailbox string, done, total int)

// Stats counts what one mailbox sync fetched.
type Stats struct {
	Mailbox     string
	Fetched     int
	UIDValidity uint32
	// UIDNext and NumMessages are the mailbox as SELECT saw it at the start
	// of the sync; WaitForMail compares them to tell mail that came after.
	UIDNext     uint32
	NumMessages uint32
	// Reset is true when the server's UIDVALIDITY differed from the stored
	// one, so the whole mailbox was scanned again.
	Reset bool
	// Missing counts messages listed but gone before their bytes came
	// (expunged meanwhile); they are asked for again next time.
	Missing int
}

// aheadBytes bounds the message bytes fetched but not yet in a batch, and
// batchBytes the bytes of one batch (variables for the tests).
var (
	aheadBytes int64 = 32 << 20
	batchBytes int64 = 32 << 20
)

// DefaultBatchSize is how many messages a sync commits together unless
// configured otherwise. A commit writes to the log every page the batch
// changed, and the pages of the indexes on scattered keys (Message-ID,
// requester) are changed by nearly every batch, whatever its size: a first
// sync of 10,000 messages spent 100 ms committing batches of 250 and 40 ms
// committing batches of 1,000, and those pages grow with the file (50,000
// messages: 8.9 s with batches of 250, 3.3 s with 1,000). At 10,000 larger
// batches gained nothing measurable; a killed sync fetches at most one
// batch again.
const DefaultBatchSize = 1000

// progressEvery is how often a sync reports the messages that have
// arrived between commits: a batch takes seconds from a slow server, and
// the desk would otherwise look stuck.
var progressEvery = 250 * time.Millisecond

// fetchChunk is how many UIDs one FETCH command asks for. Commands are
// issued one after another on the connection, while the caller parses and
// stores what has arrived.
const fetchChunk = 500

// listed is a UID to fetch, with what its size says about how: a message
// over the size limit is fetched as headers only, and one of no bytes at
// all is empty, not expunged, when its literal comes back empty.
type listed struct {
	uid   uint32
	big   bool
	empty bool
}

// SyncMailbox fetches every message above the sink's cursor in mailbox and
// hands them to the sink in batches. Fetching runs ahead in its own
// goroutine while the sink parses and stores, bounded by one batch, so
// memory stays flat however large the mailbox. It never sets flags,
// deletes, moves or expunges: the mailbox is opened read-only and bodies are
// fetched with BODY.PEEK.
func SyncMailbox(ctx context.Context, c *Conn, mailbox string, sink Sink, batchSize int, progress Progress) (Stats, error) {
	st := Stats{Mailbox: mailbox}
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()

	sel, err := c.selectMailbox(mailbox)
	if err != nil {
		return st, err
	}
	st.UIDValidity = sel.UIDValidity
	st.UIDNext, st.NumMessages = uint32(sel.UIDNext), sel.NumMessages
	uidv, last, err := sink.Cursor(ctx, mailbox)
	if err != nil {
		return st, err
	}
	if uidv != sel.UIDValidity {
		// A new UIDVALIDITY invalidates every stored UID: scan from the
		// start; the sink recognises what it already has by Message-ID.
		st.Reset = uidv != 0
		last = 0
	}
	maxBytes := c.cfg.MaxMessageBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxMessageBytes
	}
	var todo []listed
	if sel.NumMessages > 0 {
		if todo, err = c.listAbove(last, maxBytes); err != nil {
			return st, err
		}
	}
	total := len(todo)
	if progress != nil {
		progress(mailbox, 0, total)
	}
	if total == 0 {
		return st, sink.Commit(ctx, mailbox, sel.UIDValidity, last, nil)
	}
	if p, ok := sink.(Planner); ok {
		if err := p.Plan(ctx, mailbox, total); err != nil {
			return st, err
		}
	}

	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan Fetched, batchSize)
	errc := make(chan error, 1)
	// Counting messages alone does not keep memory flat: a run of large
	// ones (scanned IDs) would hold batchSize of them in each stage. The
	// fetch stays at most aheadBytes in front of the batch being filled,
	// and a batch is committed once it holds batchBytes.
	ahead := semaphore.NewWeighted(aheadBytes)
	weight := func(f Fetched) int64 { return min(int64(len(f.Raw)), aheadBytes) }
	go func() {
		defer close(ch)
		errc <- c.fetchAll(fctx, mailbox, sel.UIDValidity, todo, maxBytes, func(f Fetched) error {
			// Wait until the bytes ahead of the writer leave room.
			if err := ahead.Acquire(fctx, weight(f)); err != nil {
				return err
			}
			select {
			case ch <- f:
				return nil
			case <-fctx.Done():
				return fctx.Err()
			}
		})
	}()

	src := (<-chan Fetched)(ch)
	if p, ok := sink.(Preparer); ok {
		src = prepareAhead(ch, p, batchSize)
	}

	// through advances over the longest prefix of todo that has arrived:
	// a message that did not come stays ahead of the cursor.
	arrived := make(map[uint32]bool, batchSize)
	next := 0
	through := last
	batch := make([]Fetched, 0, batchSize)
	// The first batches are small and double up to batchSize: the writer
	// is the slowest stage, and it starts as soon as a few messages are in
	// rather than when a whole batch is.
	limit := min(batchSize, 16)
	commit := func() error {
		for next < len(todo) && arrived[todo[next].uid] {
			delete(arrived, todo[next].uid)
			through = todo[next].uid
			next++
		}
		if err := sink.Commit(ctx, mailbox, sel.UIDValidity, through, batch); err != nil {
			return err
		}
		st.Fetched += len(batch)
		if progress != nil {
			progress(mailbox, st.Fetched, total)
		}
		batch = batch[:0]
		return nil
	}
	var filled int64 // bytes in batch
	// Arrivals are reported at most every progressEvery, and once more if
	// the stream then stops (a stalled server): the count shown while the
	// desk waits is what did arrive, not what had by the last report.
	told, reported := time.Time{}, 0
	report := func() {
		// All of it is reported once, by the commit that stores the last.
		if n := st.Fetched + len(batch); n > reported && n < total {
			told, reported = time.Now(), n
			progress(mailbox, n, total)
		}
	}
	var tick <-chan time.Time
	if progress != nil && progressEvery > 0 {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		tick = t.C
	}
receive:
	for {
		var f Fetched
		select {
		case next, ok := <-src:
			if !ok {
				break receive
			}
			f = next
		case <-tick:
			if time.Since(told) >= progressEvery {
				report()
			}
			continue
		}
		ahead.Release(weight(f))
		arrived[f.UID] = true
		batch = append(batch, f)
		filled += int64(len(f.Raw))
		if progress != nil && time.Since(told) >= progressEvery {
			report()
		}
		if len(batch) >= limit || filled >= batchBytes {
			limit = min(2*limit, batchSize)
			filled = 0
			if err := commit(); err != nil {
				cancel()
				for range src {
				}
				return st, err
			}
			reported = st.Fetched
		}
	}
	ferr := <-errc
	if len(batch) > 0 || ferr == nil {
		if err := commit(); err != nil {
			return st, err
		}
	}
	if ferr != nil {
		return st, ferr
	}
	st.Missing = len(todo) - next
	return st, nil
}

// prepareAhead runs p.Prepare over the messages from in on every core and
// passes them on in the order they came, at most depth ahead of the reader.
// It ends when in is closed (the fetch stops on its own or is cancelled) and
// every message taken has been passed on, so a reader that drains the
// result leaves no goroutine behind.
func prepareAhead(in <-chan Fetched, p Preparer, depth int) <-chan Fetched {
	type slot struct {
		f    Fetched
		done chan struct{}
	}
	order := make(chan *slot, depth)
	work := make(chan *slot, depth)
	out := make(chan Fetched)
	go func() {
		defer close(work)
		defer close(order)
		for f := range in {
			s := &slot{f: f, done: make(chan struct{})}
			order <- s
			work <- s
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for s := range work {
				s.f.Prepared = p.Prepare(s.f)
				close(s.done)
			}
		}()
	}
	go func() {
		defer close(out)
		for s := range order {
			<-s.done
			out <- s.f
		}
	}()
	return out
}

// listAbove returns the UIDs above last, in order, with what their sizes
// say about how to fetch them.
func (c *Conn) listAbove(last uint32, maxBytes int64) ([]listed, error) {
	var out []listed
	var err error
	if caps := c.Caps(); caps.Has(imap.CapESearch) || caps.Has(imap.CapIMAP4rev2) {
		out, err = c.searchAbove(last, maxBytes)
	} else {
		out, err = c.sizesAbove(last, maxBytes)
	}
	if err != nil {
		return nil, c.classify(err, "list new messages")
	}
	// Servers answer in sequence order, which is UID order; make sure.
	slices.SortFunc(out, func(a, b listed) int { return cmp.Compare(a.uid, b.uid) })
	return out, nil
}

// searchAbove lists with three ESEARCH commands (RFC 4731): the UIDs above
// last, those over maxBytes and those of no bytes. Each answer is a compact
// set ("1:10000"), where a FETCH of every size is one line per message: on
// a first sync of 10,000 messages from Dovecot, 8 ms instead of 25–35.
func (c *Conn) searchAbove(last uint32, maxBytes int64) ([]listed, error) {
	var above imap.UIDSet
	above.AddRange(imap.UID(last+1), 0) // last+1:*
	search := func(crit imap.SearchCriteria) ([]imap.UID, error) {
		crit.UID = []imap.UIDSet{above}
		data, err := c.UIDSearch(&crit, &imap.SearchOptions{ReturnAll: true}).Wait()
		if err != nil {
			return nil, err
		}
		return data.AllUIDs(), nil
	}
	// The few UIDs of a search, as a set.
	among := func(crit imap.SearchCriteria) (map[uint32]bool, error) {
		uids, err := search(crit)
		in := make(map[uint32]bool, len(uids))
		for _, u := range uids {
			in[uint32(u)] = true
		}
		return in, err
	}
	all, err := search(imap.SearchCriteria{})
	if err != nil {
		return nil, err
	}
	// LARGER takes a 32-bit number in IMAP4rev1, and no message over
	// that can be listed there anyway: a larger limit has nothing to find.
	big := map[uint32]bool{}
	if maxBytes < math.MaxUint32 {
		if big, err = among(imap.SearchCriteria{Larger: maxBytes}); err != nil {
			return nil, err
		}
	}
	empty, err := among(imap.SearchCriteria{Smaller: 1})
	if err != nil {
		return nil, err
	}
	out := make([]listed, 0, len(all))
	for _, u := range all {
		// "last+1:*" always matches the highest UID, even an old one.
		if uid := uint32(u); uid > last {
			out = append(out, listed{uid: uid, big: big[uid], empty: empty[uid]})
		}
	}
	return out, nil
}

// sizesAbove lists with a FETCH of UID and RFC822.SIZE over last+1:*, one
// line per message, for servers without ESEARCH.
func (c *Conn) sizesAbove(last uint32, maxBytes int64) ([]listed, error) {
	var set imap.UIDSet
	set.AddRange(imap.UID(last+1), 0) // last+1:*
	cmd := c.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true})
	var out []listed
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		var uid uint32
		var size int64 // a server that gives none lists an empty message
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				uid = uint32(it.UID)
			case imapclient.FetchItemDataRFC822Size:
				size = it.Size
			}
		}
		// "last+1:*" always matches the highest UID, even an old one.
		if uid > last {
			out = append(out, listed{uid: uid, big: size > maxBytes, empty: size == 0})
		}
	}
	return out, cmd.Close()
}

// fetchAll streams the messages of todo into ch in UID order, a chunk at a
// time: whole bodies for those up to maxBytes, headers only for the rest.
func (c *Conn) fetchAll(ctx context.Context, mailbox string, uidv uint32, todo []listed, maxBytes int64, send func(Fetched) error) error {
	for start := 0; start < len(todo); start += fetchChunk {
		chunk := todo[start:min(start+fetchChunk, len(todo))]
		// Runs of whole messages and of oversize ones (headers only) are
		// fetched in UID order, so a follow-up never arrives before the
		// mail it answers, however big that was.
		for i := 0; i < len(chunk); {
			big := chunk[i].big
			j := i + 1
			for j < len(chunk) && chunk[j].big == big {
				j++
			}
			if err := c.fetchChunk(ctx, mailbox, uidv, chunk[i:j], big, maxBytes, send); err != nil {
				return err
			}
			i = j
		}
	}
	return nil
}

// readLiteral reads a message literal into a buffer of the size the server
// announced, in one allocation instead of io.ReadAll's doublings. A size
// beyond what a message may have (the server is wrong or hostile) gets no
// such trust: that literal is read as it comes.
func readLiteral(lit imap.LiteralReader, maxBytes int64) ([]byte, error) {
	n := lit.Size()
	if n < 0 || n > maxBytes+1<<20 {
		return io.ReadAll(lit)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(lit, b); err != nil {
		return nil, err
	}
	return b, nil
}

func (c *Conn) fetchChunk(ctx context.Context, mailbox string, uidv uint32, msgs []listed, headerOnly bool, maxBytes int64, send func(Fetched) error) error {
	var set imap.UIDSet
	asked := make(map[uint32]listed, len(msgs))
	for _, m := range msgs {
		set.AddNum(imap.UID(m.uid))
		asked[m.uid] = m
	}
	section := &imap.FetchItemBodySection{Peek: true}
	if headerOnly {
		section.Specifier = imap.PartSpecifierHeader
	}
	cmd := c.Fetch(set, &imap.FetchOptions{
		UID: true, InternalDate: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{section},
	})
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		f := Fetched{Mailbox: mailbox, UIDValidity: uidv, HeaderOnly: headerOnly}
		gotBody := false
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				f.UID = uint32(it.UID)
			case imapclient.FetchItemDataInternalDate:
				f.InternalDate = it.Time
			case imapclient.FetchItemDataRFC822Size:
				f.Size = it.Size
			case imapclient.FetchItemDataBodySection:
				gotBody = true
				if it.Literal != nil {
					b, err := readLiteral(it.Literal, maxBytes)
					if err != nil {
						// The literal is cut short, so the connection is
						// past saving. Not cmd.Close: it would read on in
						// this literal while go-imap's reader, told the
						// literal is done, reads the same buffer (a data
						// race). Closing the socket ends them both.
						c.watch.Conn.Close()
						return c.classify(err, "fetch from "+mailbox)
					}
					f.Raw = b
				}
			}
		}
		// An expunge during FETCH yields an empty literal with an OK
		// response; such a message must not be recorded as stored. But a
		// message that was listed with no bytes at all is not gone, only
		// empty (a 0-byte file in a maildir): it is handed on like any
		// other, or the cursor would stay below it for good and every
		// sync would fetch everything after it again. A response without
		// the body (flags another client changed) answers nothing here.
		m, ok := asked[f.UID]
		if !ok || !gotBody || len(f.Raw) == 0 && !m.empty {
			continue
		}
		if err := send(f); err != nil {
			cmd.Close()
			return err
		}
	}
	if err := cmd.Close(); err != nil {
		return c.classify(err, fmt.Sprintf("fetch from %s", mailbox))
	}
	return nil
}
