package dovetest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Msg is one message for DeliverMany.
type Msg struct {
	// Raw is the message as it will be served, byte for byte; use CRLF
	// line endings, as IMAP does, unless a test is about bare LFs.
	Raw []byte
	// Date becomes the INTERNALDATE, to the second. Zero means now.
	Date time.Time
	// Flags are system flags set on delivery (\Seen, \Answered, \Flagged,
	// \Deleted, \Draft); keywords are not supported.
	Flags []imap.Flag
}

// Deliver adds one message to mailbox with the given INTERNALDATE; see
// DeliverMany.
func (s *Server) Deliver(t testing.TB, mailbox string, raw []byte, internalDate time.Time) {
	t.Helper()
	s.DeliverMany(t, mailbox, []Msg{{Raw: raw, Date: internalDate}})
}

// DeliverMany adds messages to mailbox by writing maildir files, creating
// (and subscribing) the mailbox with doveadm if it does not exist. Names
// are IMAP names in Dovecot's default namespace, with "." as separator,
// e.g. "INBOX", "Archive", "Archive.2024".
//
// This is not APPEND: there is no per-message round trip, and Dovecot takes
// a maildir file's mtime as its INTERNALDATE, so tests choose dates freely;
// 10,000 messages take a fraction of a second. Dovecot assigns UIDs when a
// session or doveadm next looks at the mailbox, in the order the messages
// were delivered; a session with the mailbox selected sees them as EXISTS
// on its next command (NOOP will do).
func (s *Server) DeliverMany(t testing.TB, mailbox string, msgs []Msg) {
	t.Helper()
	dir := s.mailboxDir(t, mailbox)
	for _, m := range msgs {
		if err := s.writeMessage(dir, m); err != nil {
			t.Fatalf("dovetest: delivering to %s: %v", mailbox, err)
		}
	}
}

// writeMessage follows the maildir protocol, write in tmp/ then rename
// into cur/, so that Dovecot, which may be scanning cur/ for a connected
// client, never sees a partly written file. Going to cur/ rather than new/
// spares Dovecot renaming every file on first sight.
func (s *Server) writeMessage(dir string, m Msg) error {
	info, err := maildirInfo(m.Flags)
	if err != nil {
		return err
	}
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	name := s.uniqueName(len(m.Raw))
	tmp := filepath.Join(dir, "tmp", name)
	if err := os.WriteFile(tmp, m.Raw, 0o600); err != nil {
		return err
	}
	if os.Geteuid() == 0 {
		// Written as root, but read and renamed (on flag changes) by
		// imap processes running as the mail user.
		if err := os.Chown(tmp, s.mailUID, s.mailGID); err != nil {
			return err
		}
	}
	if err := os.Chtimes(tmp, date, date); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "cur", name+":2,"+info))
}

// uniqueName returns a maildir base name, "secs.MusecsPpidQn.dovetest,S=size".
//
// Dovecot numbers new files by the timestamp in their names (seconds, then
// the microseconds after M), so the stamp is made strictly increasing per
// server to keep UIDs in delivery order even for thousands of files in one
// microsecond. A Unix-nanosecond prefix would not do: Dovecot 2.3 compares
// the leading number as seconds and truncates the difference to an int,
// which misorders nanosecond values. S= is the exact size, which Dovecot
// trusts instead of calling stat.
func (s *Server) uniqueName(size int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	stamp := time.Now().UnixMicro()
	if stamp <= s.lastStamp {
		stamp = s.lastStamp + 1
	}
	s.lastStamp = stamp
	s.seq++
	return fmt.Sprintf("%d.M%dP%dQ%d.dovetest,S=%d", stamp/1e6, stamp%1e6, os.Getpid(), s.seq, size)
}

// maildirFlags maps IMAP system flags to maildir info letters.
var maildirFlags = map[imap.Flag]byte{
	imap.FlagDraft:    'D',
	imap.FlagFlagged:  'F',
	imap.FlagAnswered: 'R',
	imap.FlagSeen:     'S',
	imap.FlagDeleted:  'T',
}

// maildirInfo returns the letters after ":2,", which maildir requires in
// ASCII order.
func maildirInfo(flags []imap.Flag) (string, error) {
	var letters []byte
	for _, f := range flags {
		c, ok := maildirFlags[canonicalFlag(f)]
		if !ok {
			return "", fmt.Errorf("flag %q: only system flags can be delivered", f)
		}
		if !strings.ContainsRune(string(letters), rune(c)) {
			letters = append(letters, c)
		}
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i] < letters[j] })
	return string(letters), nil
}

// canonicalFlag accepts any case, as IMAP flags are case-insensitive.
func canonicalFlag(f imap.Flag) imap.Flag {
	for known := range maildirFlags {
		if strings.EqualFold(string(known), string(f)) {
			return known
		}
	}
	return f
}

// mailboxDir returns the maildir of mailbox, creating the mailbox first if
// needed. Paths are cached: doveadm costs about 10 ms a run.
func (s *Server) mailboxDir(t testing.TB, mailbox string) string {
	t.Helper()
	s.mu.Lock()
	dir, ok := s.mailboxes[mailbox]
	s.mu.Unlock()
	if ok {
		return dir
	}
	dir = s.mailboxPath(t, mailbox, "mailbox")
	if _, err := os.Stat(filepath.Join(dir, "cur")); errors.Is(err, os.ErrNotExist) {
		if strings.EqualFold(mailbox, "INBOX") {
			// INBOX always exists as far as Dovecot is concerned (CREATE
			// fails), but its directories appear only on first use.
			s.Doveadm(t, "mailbox", "status", "-u", s.User, "messages", "INBOX")
		} else {
			s.Doveadm(t, "mailbox", "create", "-u", s.User, "-s", mailbox)
		}
	}
	for _, sub := range []string{"cur", "tmp"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err != nil || !fi.IsDir() {
			t.Fatalf("dovetest: mailbox %q has no maildir at %s after creating it (%v)\n%s", mailbox, dir, err, s.LogTail(20))
		}
	}
	s.mu.Lock()
	s.mailboxes[mailbox] = dir
	s.mu.Unlock()
	return dir
}
