package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
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
	// BatchSize is how many messages are fetched and committed together.
	BatchSize int
}

// Fetched is one message as it came off the server.
type Fetched struct {
	Mailbox      string
	UIDValidity  uint32
	UID          uint32
	InternalDate time.Time
	Size         int64
	Raw          []byte
}

// Sink receives fetched messages. Commit must store the batch and the new
// cursor (mailbox, uidvalidity, through) in one transaction, so a crash
// between batches re-fetches at most one batch and never skips one.
type Sink interface {
	Cursor(ctx context.Context, mailbox string) (uidvalidity, lastUID uint32, err error)
	Commit(ctx context.Context, mailbox string, uidvalidity, through uint32, batch []Fetched) error
}

// Progress reports how far a sync has come.
type Progress func(mailbox string, done, total int)

// Stats counts what one mailbox sync fetched.
type Stats struct {
	Mailbox     string
	Fetched     int
	UIDValidity uint32
	// Reset is true when the server's UIDVALIDITY differed from the stored
	// one, so the whole mailbox was scanned again.
	Reset bool
}

// IsLoopback reports whether host names this machine only.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Dial connects and logs in.
func Dial(ctx context.Context, cfg IMAPConfig) (*imapclient.Client, error) {
	port := cfg.Port
	if port == 0 {
		port = 993
		if cfg.Security == "starttls" || cfg.Security == "none" {
			port = 143
		}
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(port))
	opts := &imapclient.Options{Dialer: &net.Dialer{Timeout: 30 * time.Second}}
	var c *imapclient.Client
	var err error
	switch cfg.Security {
	case "", "tls", "starttls":
		tc, terr := tlsConfig(cfg.Host, cfg.CAFile)
		if terr != nil {
			return nil, terr
		}
		opts.TLSConfig = tc
		if cfg.Security == "starttls" {
			c, err = imapclient.DialStartTLS(addr, opts)
		} else {
			c, err = imapclient.DialTLS(addr, opts)
		}
	case "none":
		if !IsLoopback(cfg.Host) {
			return nil, fmt.Errorf("imap: security \"none\" is only allowed to a loopback host, not %s: use tls or starttls", cfg.Host)
		}
		c, err = imapclient.DialInsecure(addr, opts)
	default:
		return nil, fmt.Errorf("imap: unknown security %q (want tls, starttls or none)", cfg.Security)
	}
	if err != nil {
		return nil, fmt.Errorf("imap: connect to %s: %w", addr, err)
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if err := c.Login(cfg.Username, cfg.Password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("imap: log in to %s as %s: %w", cfg.Host, cfg.Username, err)
	}
	return c, nil
}

func tlsConfig(host, caFile string) (*tls.Config, error) {
	tc := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return tc, nil
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("imap: ca_file: %w", err)
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("imap: ca_file %s holds no PEM certificate", caFile)
	}
	tc.RootCAs = pool
	return tc, nil
}

// SyncMailbox fetches every message above the sink's cursor in mailbox and
// hands them to the sink in batches. It never sets flags, deletes, moves or
// expunges: BODY.PEEK leaves \Seen alone.
func SyncMailbox(ctx context.Context, c *imapclient.Client, mailbox string, sink Sink, batchSize int, progress Progress) (Stats, error) {
	st := Stats{Mailbox: mailbox}
	if batchSize <= 0 {
		batchSize = 200
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()

	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return st, fmt.Errorf("imap: select %s: %w", mailbox, err)
	}
	st.UIDValidity = sel.UIDValidity
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
	if sel.NumMessages == 0 {
		return st, sink.Commit(ctx, mailbox, sel.UIDValidity, last, nil)
	}

	var set imap.UIDSet
	set.AddRange(imap.UID(last+1), 0) // last+1:*
	res, err := c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}}, nil).Wait()
	if err != nil {
		return st, fmt.Errorf("imap: search %s: %w", mailbox, err)
	}
	var uids []imap.UID
	for _, u := range res.AllUIDs() {
		// "last+1:*" always matches the highest UID, even if it is old.
		if uint32(u) > last {
			uids = append(uids, u)
		}
	}
	total := len(uids)
	if progress != nil {
		progress(mailbox, 0, total)
	}
	if total == 0 {
		return st, sink.Commit(ctx, mailbox, sel.UIDValidity, last, nil)
	}

	for start := 0; start < total; start += batchSize {
		end := min(start+batchSize, total)
		batch, through, err := fetchBatch(c, mailbox, sel.UIDValidity, uids[start:end], last)
		if err != nil {
			return st, err
		}
		if err := sink.Commit(ctx, mailbox, sel.UIDValidity, through, batch); err != nil {
			return st, err
		}
		st.Fetched += len(batch)
		if progress != nil {
			progress(mailbox, end, total)
		}
		if through < uint32(uids[end-1]) {
			// A message in this batch did not arrive (expunged while we
			// fetched): stop here so the cursor never passes it; the next
			// sync asks again.
			break
		}
		last = through
	}
	return st, nil
}

// fetchBatch fetches uids and returns the messages and the highest UID up to
// which every requested message arrived.
func fetchBatch(c *imapclient.Client, mailbox string, uidvalidity uint32, uids []imap.UID, last uint32) ([]Fetched, uint32, error) {
	var set imap.UIDSet
	for _, u := range uids {
		set.AddNum(u)
	}
	section := &imap.FetchItemBodySection{Peek: true}
	cmd := c.Fetch(set, &imap.FetchOptions{
		UID: true, InternalDate: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{section},
	})
	got := make(map[uint32]Fetched, len(uids))
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		var f Fetched
		f.Mailbox, f.UIDValidity = mailbox, uidvalidity
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
				if it.Literal != nil {
					b, err := io.ReadAll(it.Literal)
					if err != nil {
						cmd.Close()
						return nil, 0, fmt.Errorf("imap: fetch %s: %w", mailbox, err)
					}
					f.Raw = b
				}
			}
		}
		// An expunge during FETCH yields an empty literal with an OK
		// response; such a message must not be recorded as stored.
		if f.UID != 0 && len(f.Raw) > 0 {
			got[f.UID] = f
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, 0, fmt.Errorf("imap: fetch %s: %w", mailbox, err)
	}
	out := make([]Fetched, 0, len(got))
	through := last
	complete := true
	for _, u := range uids {
		f, ok := got[uint32(u)]
		if !ok {
			complete = false
			continue
		}
		out = append(out, f)
		if complete {
			through = uint32(u)
		}
	}
	return out, through, nil
}

// ErrNoPassword is returned when no IMAP password is configured.
var ErrNoPassword = errors.New("no IMAP password: set PVDESK_IMAP_PASSWORD or imap.password_cmd")
