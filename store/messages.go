package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Attachment is one attached part of a stored message.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int64
}

// Message is a stored message. Raw always holds the bytes as received.
type Message struct {
	ID          int64
	CaseID      int64
	Direction   string // "in" or "out"
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	MessageID   string
	InReplyTo   []string
	References  []string
	FromAddr    string
	FromName    string
	To          []string
	Subject     string
	SentAt      time.Time
	ReceivedAt  time.Time
	Text        string
	Warnings    []string
	Size        int64
	Raw         []byte
	// RawSHA256 is HashRaw(Raw), if the caller has it already; InsertMessage
	// computes it otherwise.
	RawSHA256   string
	Attachments []Attachment
}

// HashRaw is the content hash stored with each message; it recognises the
// same mail when it has no Message-ID.
func HashRaw(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// InsertMessage stores m with its attachments and sets m.ID.
func (t *Tx) InsertMessage(ctx context.Context, m *Message) error {
	warn := m.Warnings
	if warn == nil {
		warn = []string{}
	}
	warnJSON, _ := json.Marshal(warn)
	size := m.Size
	if size == 0 {
		size = int64(len(m.Raw))
	}
	sha := m.RawSHA256
	if sha == "" {
		sha = HashRaw(m.Raw)
	}
	raw := m.Raw
	if raw == nil {
		raw = []byte{}
	}
	res, err := t.tx.ExecContext(ctx,
		`INSERT INTO messages (case_id, direction, mailbox, uidvalidity, uid, message_id, in_reply_to,
		   refs, from_addr, from_name, to_addrs, subject, sent_at, received_at, text, warnings, size,
		   raw_sha256, raw)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.CaseID, m.Direction, m.Mailbox, int64(m.UIDValidity), int64(m.UID), m.MessageID,
		strings.Join(m.InReplyTo, " "), strings.Join(m.References, " "), m.FromAddr, m.FromName,
		strings.Join(m.To, ", "), m.Subject, unix(m.SentAt), unix(m.ReceivedAt), m.Text,
		string(warnJSON), size, sha, raw)
	if err != nil {
		return fmt.Errorf("store: insert message: %w", err)
	}
	m.ID, _ = res.LastInsertId()
	// A preloaded Message-ID learns of its new message, newest first; one
	// not preloaded is looked up in the database, which has it.
	if found, ok := t.byMessageID[m.MessageID]; ok && m.MessageID != "" {
		t.byMessageID[m.MessageID] = append([]MessageMatch{{ID: m.ID, CaseID: m.CaseID,
			MessageID: m.MessageID, FromAddr: m.FromAddr, RawSHA256: sha}}, found...)
	}
	box := imapBox{m.Mailbox, m.UIDValidity}
	if top, ok := t.maxUID[box]; ok && m.UID > top {
		t.maxUID[box] = m.UID
	}
	for _, a := range m.Attachments {
		if _, err := t.tx.ExecContext(ctx,
			`INSERT INTO attachments (message_id, filename, content_type, size) VALUES (?, ?, ?, ?)`,
			m.ID, a.Filename, a.ContentType, a.Size); err != nil {
			return fmt.Errorf("store: insert attachment: %w", err)
		}
	}
	return nil
}

// The lookups that ingest makes for every incoming message repeat the
// condition of the partial index they need (uid > 0, a non-empty message_id,
// an empty one for the hash): SQLite uses a partial index only when the
// query's WHERE clause implies the index's, and "uid = ?" or "message_id IN
// (...)" alone does not, so without it each lookup scans the whole table and
// a first sync of 10,000 messages takes minutes instead of seconds.
// TestLookupsUseIndexes holds them to that.
const (
	queryHasIMAP = `SELECT 1 FROM messages
		WHERE mailbox = ? AND uidvalidity = ? AND uid = ? AND uid > 0`
	queryMaxUID = `SELECT coalesce(max(uid), 0) FROM messages
		WHERE mailbox = ? AND uidvalidity = ? AND uid > 0`
	queryByMessageID = `SELECT id, case_id, message_id, from_addr, raw_sha256 FROM messages
		WHERE message_id IN (%s) AND message_id <> '' ORDER BY id DESC`
	queryByHash = `SELECT id, case_id, message_id, from_addr, raw_sha256 FROM messages
		WHERE raw_sha256 = ? AND message_id = '' ORDER BY id DESC`
)

// imapBox is one mailbox under one UIDVALIDITY.
type imapBox struct {
	mailbox     string
	uidvalidity uint32
}

// HasIMAP reports whether the message with this IMAP identity is stored.
// UID 0 is no IMAP identity (outgoing mail is stored with it), so it is
// never found.
//
// A sync asks this for every message it fetches, nearly always of UIDs above
// all that is stored: the transaction learns the highest stored UID of the
// mailbox once and answers those without a query. It holds the write lock,
// and InsertMessage keeps the figure, so nothing can slip in under it.
func (t *Tx) HasIMAP(ctx context.Context, mailbox string, uidvalidity, uid uint32) (bool, error) {
	if uid == 0 {
		return false, nil
	}
	box := imapBox{mailbox, uidvalidity}
	top, ok := t.maxUID[box]
	if !ok {
		var v int64
		if err := t.tx.QueryRowContext(ctx, queryMaxUID, mailbox, int64(uidvalidity)).Scan(&v); err != nil {
			return false, fmt.Errorf("store: find message: %w", err)
		}
		top = uint32(v)
		if t.maxUID == nil {
			t.maxUID = make(map[imapBox]uint32)
		}
		t.maxUID[box] = top
	}
	if uid > top {
		return false, nil
	}
	var one int
	err := t.tx.QueryRowContext(ctx, queryHasIMAP,
		mailbox, int64(uidvalidity), int64(uid)).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// MessageMatch is a stored message found by Message-ID or hash.
type MessageMatch struct {
	ID        int64
	CaseID    int64
	MessageID string
	FromAddr  string
	RawSHA256 string
}

// preloadChunk is how many Message-IDs one preload query asks for, well
// under SQLite's limit on bound parameters.
const preloadChunk = 500

// PreloadMessageIDs looks up the stored messages of all these Message-IDs
// in a few queries, so that MessagesByMessageID answers them from memory
// for the rest of the transaction. A sync knows every Message-ID of a batch
// (and those its mails answer) before it writes any: one query for the
// batch instead of one per message.
func (t *Tx) PreloadMessageIDs(ctx context.Context, ids []string) error {
	if t.byMessageID == nil {
		t.byMessageID = make(map[string][]MessageMatch, len(ids))
	}
	var ask []any
	for _, id := range ids {
		if _, known := t.byMessageID[id]; id != "" && !known {
			t.byMessageID[id] = nil
			ask = append(ask, id)
		}
	}
	for len(ask) > 0 {
		n := min(len(ask), preloadChunk)
		ph, args := inList(ask[:n])
		found, err := t.matches(ctx, fmt.Sprintf(queryByMessageID, ph), args...)
		if err != nil {
			return err
		}
		for _, f := range found { // newest first, so each list is too
			t.byMessageID[f.MessageID] = append(t.byMessageID[f.MessageID], f)
		}
		ask = ask[n:]
	}
	return nil
}

// cachedMatches answers MessagesByMessageID from the preloaded IDs, if all
// of ids were preloaded.
func (t *Tx) cachedMatches(ids []string) ([]MessageMatch, bool) {
	if t.byMessageID == nil {
		return nil, false
	}
	var out []MessageMatch
	for i, id := range ids {
		if id == "" || slices.Contains(ids[:i], id) {
			continue
		}
		found, ok := t.byMessageID[id]
		if !ok {
			return nil, false
		}
		out = append(out, found...)
	}
	slices.SortFunc(out, func(a, b MessageMatch) int { return cmp.Compare(b.ID, a.ID) })
	return out, true
}

// MessagesByMessageID returns stored messages with any of the given IDs,
// newest first. An empty ID is no ID and matches nothing.
func (t *Tx) MessagesByMessageID(ctx context.Context, ids ...string) ([]MessageMatch, error) {
	if found, ok := t.cachedMatches(ids); ok {
		return found, nil
	}
	args := make([]any, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			args = append(args, id)
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	ph, args := inList(args)
	return t.matches(ctx, fmt.Sprintf(queryByMessageID, ph), args...)
}

// inList gives the placeholders of an IN list for args, padded to a power
// of two by repeating the last (which changes nothing an IN list matches):
// the statements are prepared once for the store (see stmtCache), and a
// few lengths keep a few statements instead of one per length.
func inList(args []any) (string, []any) {
	n := 1
	for n < len(args) {
		n *= 2
	}
	if n > len(args) {
		// A new slice: args may be the head of a longer one (a chunk).
		padded := make([]any, n)
		copy(padded, args)
		for i := len(args); i < n; i++ {
			padded[i] = args[len(args)-1]
		}
		args = padded
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ","), args
}

// MessagesByHash returns stored messages without a Message-ID whose raw
// bytes hash to sha: the same bytes parse to the same (missing) Message-ID,
// so a message that has one is found by it instead, and only the few
// without one need the hash indexed.
func (t *Tx) MessagesByHash(ctx context.Context, sha string) ([]MessageMatch, error) {
	return t.matches(ctx, queryByHash, sha)
}

func (t *Tx) matches(ctx context.Context, q string, args ...any) ([]MessageMatch, error) {
	rows, err := t.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: find message: %w", err)
	}
	defer rows.Close()
	var out []MessageMatch
	for rows.Next() {
		var m MessageMatch
		if err := rows.Scan(&m.ID, &m.CaseID, &m.MessageID, &m.FromAddr, &m.RawSHA256); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Messages returns a case's messages, oldest first, with attachments.
func (s *Store) Messages(ctx context.Context, caseID int64) ([]Message, error) {
	rows, err := s.read().QueryContext(ctx,
		`SELECT id, case_id, direction, mailbox, uidvalidity, uid, message_id, in_reply_to, refs,
		   from_addr, from_name, to_addrs, subject, sent_at, received_at, text, warnings, size
		 FROM messages WHERE case_id = ? ORDER BY received_at, id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: load messages: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		var uidv, uid, sent, recv int64
		var irt, refs, to, warn string
		if err := rows.Scan(&m.ID, &m.CaseID, &m.Direction, &m.Mailbox, &uidv, &uid, &m.MessageID,
			&irt, &refs, &m.FromAddr, &m.FromName, &to, &m.Subject, &sent, &recv, &m.Text, &warn, &m.Size); err != nil {
			return nil, fmt.Errorf("store: load messages: %w", err)
		}
		m.UIDValidity, m.UID = uint32(uidv), uint32(uid)
		m.InReplyTo, m.References = strings.Fields(irt), strings.Fields(refs)
		if to != "" {
			m.To = strings.Split(to, ", ")
		}
		m.SentAt, m.ReceivedAt = fromUnix(sent), fromUnix(recv)
		_ = json.Unmarshal([]byte(warn), &m.Warnings)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		arows, err := s.read().QueryContext(ctx,
			`SELECT filename, content_type, size FROM attachments WHERE message_id = ? ORDER BY id`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for arows.Next() {
			var a Attachment
			if err := arows.Scan(&a.Filename, &a.ContentType, &a.Size); err != nil {
				arows.Close()
				return nil, err
			}
			out[i].Attachments = append(out[i].Attachments, a)
		}
		arows.Close()
	}
	return out, nil
}

// Raw returns the raw bytes of a stored message.
func (s *Store) Raw(ctx context.Context, messageID int64) ([]byte, error) {
	var raw []byte
	err := s.read().QueryRowContext(ctx, `SELECT raw FROM messages WHERE id = ?`, messageID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return raw, err
}

// CountMessages returns the number of stored messages.
func (s *Store) CountMessages(ctx context.Context) (int, error) {
	var n int
	err := s.read().QueryRowContext(ctx, `SELECT count(*) FROM messages`).Scan(&n)
	return n, err
}

// Cursor is the sync position in one mailbox.
type Cursor struct {
	Mailbox     string
	UIDValidity uint32
	LastUID     uint32
	LastSync    time.Time
}

const queryCursor = `SELECT uidvalidity, last_uid, last_sync_at FROM sync_state WHERE mailbox = ?`

// scanCursor reads the sync position of mailbox from a queryCursor row;
// a mailbox never synced has the zero position.
func scanCursor(row *sql.Row, mailbox string) (Cursor, error) {
	c := Cursor{Mailbox: mailbox}
	var uidv, last, at int64
	err := row.Scan(&uidv, &last, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("store: read sync state: %w", err)
	}
	c.UIDValidity, c.LastUID, c.LastSync = uint32(uidv), uint32(last), fromUnix(at)
	return c, nil
}

// Cursor returns the stored sync position of mailbox (zero if never synced).
func (s *Store) Cursor(ctx context.Context, mailbox string) (Cursor, error) {
	return scanCursor(s.read().QueryRowContext(ctx, queryCursor, mailbox), mailbox)
}

// LastSync returns the most recent sync time over all mailboxes.
func (s *Store) LastSync(ctx context.Context) (time.Time, error) {
	var at sql.NullInt64
	err := s.read().QueryRowContext(ctx, `SELECT max(last_sync_at) FROM sync_state`).Scan(&at)
	if err != nil || !at.Valid {
		return time.Time{}, err
	}
	return fromUnix(at.Int64), nil
}

// SetCursor records the sync position; call it in the transaction that
// stores the messages it covers.
func (t *Tx) SetCursor(ctx context.Context, c Cursor) error {
	_, err := t.tx.ExecContext(ctx,
		`INSERT INTO sync_state (mailbox, uidvalidity, last_uid, last_sync_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity,
		   last_uid = excluded.last_uid, last_sync_at = excluded.last_sync_at`,
		c.Mailbox, int64(c.UIDValidity), int64(c.LastUID), unix(c.LastSync))
	if err != nil {
		return fmt.Errorf("store: write sync state: %w", err)
	}
	return nil
}

// Cursor reads the sync position inside the transaction, so a writer that
// waited for the lock sees what the previous writer committed.
func (t *Tx) Cursor(ctx context.Context, mailbox string) (Cursor, error) {
	return scanCursor(t.tx.QueryRowContext(ctx, queryCursor, mailbox), mailbox)
}
