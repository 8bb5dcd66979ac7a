package dovetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
)

// doveadmTimeout bounds one doveadm run; they take about 10 ms.
const doveadmTimeout = 30 * time.Second

// exitNoUsers is doveadm's exit code (EX_NOUSER) when kick found nobody.
const exitNoUsers = 68

// Doveadm runs `doveadm -c CONF args...` against this server and returns
// its standard output. It fails the test, with doveadm's stderr and the tail
// of the server log, if doveadm exits non-zero. Mail commands need -u, e.g.
// s.Doveadm(t, "mailbox", "status", "-u", s.User, "all", "INBOX").
func (s *Server) Doveadm(t testing.TB, args ...string) string {
	t.Helper()
	out, err := s.doveadm(args...)
	if err != nil {
		t.Fatalf("dovetest: %v\n%s", err, s.LogTail(20))
	}
	return out
}

// doveadmError is a doveadm run that exited non-zero.
type doveadmError struct {
	args   []string
	code   int
	stderr string
}

func (e *doveadmError) Error() string {
	return fmt.Sprintf("doveadm %s: exit %d: %s", strings.Join(e.args, " "), e.code, strings.TrimSpace(e.stderr))
}

func (s *Server) doveadm(args ...string) (string, error) {
	bin, err := findBinary("doveadm")
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), doveadmTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-c", s.Conf}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout.String(), &doveadmError{args: args, code: exit.ExitCode(), stderr: stderr.String()}
	}
	if err != nil {
		return stdout.String(), fmt.Errorf("doveadm %s: %v", strings.Join(args, " "), err)
	}
	return stdout.String(), nil
}

// Kick disconnects every IMAP session of the user, as an administrator or
// a graceful server shutdown would, and waits until their processes are
// gone. A client gets "* BYE Server shutting down." and then EOF.
func (s *Server) Kick(t testing.TB) {
	t.Helper()
	if _, err := s.doveadm("kick", s.User); err != nil {
		var de *doveadmError
		if !errors.As(err, &de) || de.code != exitNoUsers {
			t.Fatalf("dovetest: %v\n%s", err, s.LogTail(20))
		}
	}
	s.waitNoSessions(t)
}

// waitNoSessions polls anvil (doveadm who) until the user has no session,
// because kick only signals the imap processes: one still exiting could
// write state back after a test has changed the files under it.
func (s *Server) waitNoSessions(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		out := s.Doveadm(t, "who", "-1", s.User)
		if !strings.Contains(out, s.User) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("dovetest: sessions of %s still alive 5s after kick:\n%s", s.User, out)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// SetUIDValidity gives mailbox the UIDVALIDITY v, as a server does when it
// rebuilds a mailbox. A new SELECT reports v. A session that has the
// mailbox selected notices on its next command, and Dovecot 2.3 then ends
// it with "* BYE IMAP session state is inconsistent, please relogin.".
func (s *Server) SetUIDValidity(t testing.TB, mailbox string, v uint32) {
	t.Helper()
	s.Doveadm(t, "mailbox", "update", "-u", s.User, "--uid-validity", strconv.FormatUint(uint64(v), 10), mailbox)
}

// Expunge removes the message with the given UID from mailbox, as another
// client would. Sessions with the mailbox selected get EXPUNGE on their
// next command.
func (s *Server) Expunge(t testing.TB, mailbox string, uid imap.UID) {
	t.Helper()
	s.Doveadm(t, "expunge", "-u", s.User, "mailbox", mailbox, "uid", strconv.FormatUint(uint64(uid), 10))
}

// ResetUIDList deletes mailbox's dovecot-uidlist, the maildir file that
// maps file names to UIDs, simulating a server that lost it (restore from
// backup, migration by copying maildirs).
//
// The index files survive and remember UIDNEXT and UIDVALIDITY, so on the
// next access Dovecot sees files it has no UIDs for and numbers every
// message afresh from the old UIDNEXT on; the old UIDs read as expunged.
// UIDVALIDITY does not change: a client that trusts UIDVALIDITY alone sees
// every message vanish and reappear as new. ResetUIDListAndIndex is the
// variant where UIDVALIDITY changes too.
//
// Sessions are kicked first, because an imap process holds the UID list
// in memory and would write it back.
func (s *Server) ResetUIDList(t testing.TB, mailbox string) {
	t.Helper()
	s.Kick(t)
	control := s.mailboxPath(t, mailbox, "control")
	if err := os.Remove(filepath.Join(control, "dovecot-uidlist")); err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("dovetest: %v", err)
	}
}

// ResetUIDListAndIndex deletes mailbox's dovecot-uidlist and its index
// files (dovecot.index*), which is what it takes for Dovecot to forget the
// mailbox's history: on the next access it picks a new UIDVALIDITY (the
// next value of its per-user counter, so never the old one) and numbers
// the messages from 1 again, in file name order, which is delivery order.
// This is the legitimate way for a server to renumber, and a client must
// discard everything it knew about the mailbox.
//
// Sessions are kicked first, as for ResetUIDList.
func (s *Server) ResetUIDListAndIndex(t testing.TB, mailbox string) {
	t.Helper()
	s.Kick(t)
	control := s.mailboxPath(t, mailbox, "control")
	index := s.mailboxPath(t, mailbox, "index")
	files := []string{filepath.Join(control, "dovecot-uidlist")}
	matches, err := filepath.Glob(filepath.Join(index, "dovecot.index*"))
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	for _, f := range append(files, matches...) {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("dovetest: %v", err)
		}
	}
}

// mailboxPath asks Dovecot where mailbox keeps its files of the given kind
// (mailbox, control or index), so that nothing here depends on the
// mailbox-name-to-directory encoding (Maildir++ dots, modified UTF-7).
func (s *Server) mailboxPath(t testing.TB, mailbox, kind string) string {
	t.Helper()
	path := strings.TrimSpace(s.Doveadm(t, "mailbox", "path", "-u", s.User, "-t", kind, mailbox))
	if path == "" {
		t.Fatalf("dovetest: doveadm mailbox path -t %s %q printed nothing", kind, mailbox)
	}
	return path
}
