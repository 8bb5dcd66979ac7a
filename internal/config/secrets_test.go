package config

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// noEnvPasswords keeps the developer's own variables out of the tests.
func noEnvPasswords(t *testing.T) {
	t.Setenv(IMAPPasswordEnv, "")
	t.Setenv(SMTPPasswordEnv, "")
}

func TestPasswordFromEnv(t *testing.T) {
	noEnvPasswords(t)
	t.Setenv(IMAPPasswordEnv, "from-env")
	// The variable wins over a command, which is not run at all.
	pw, err := IMAPPassword(t.Context(), IMAP{PasswordCmd: "exit 1"})
	if err != nil || pw != "from-env" {
		t.Errorf("IMAPPassword = %q, %v", pw, err)
	}
	// Each server has its own variable.
	if _, err := SMTPPassword(t.Context(), SMTP{}); !errors.Is(err, ErrNoPassword) {
		t.Errorf("SMTPPassword picked up the IMAP variable: %v", err)
	}
	t.Setenv(SMTPPasswordEnv, "smtp-env")
	if pw, err := SMTPPassword(t.Context(), SMTP{}); err != nil || pw != "smtp-env" {
		t.Errorf("SMTPPassword = %q, %v", pw, err)
	}
}

func TestPasswordFromCmd(t *testing.T) {
	noEnvPasswords(t)
	cases := []struct{ cmd, want string }{
		{`printf 'secret\nsecond'`, "secret"},   // only the first line
		{`printf 'secret\r\n'`, "secret"},       // CRLF from a Windows-made file
		{`printf 'no newline'`, "no newline"},   // a lone line
		{`printf '  spaced  \n'`, "  spaced  "}, // spaces may be part of it
		{`echo noise >&2; echo secret`, "secret"},
	}
	for _, c := range cases {
		pw, err := IMAPPassword(t.Context(), IMAP{PasswordCmd: c.cmd})
		if err != nil || pw != c.want {
			t.Errorf("%s: %q, %v; want %q", c.cmd, pw, err, c.want)
		}
	}
	pw, err := SMTPPassword(t.Context(), SMTP{PasswordCmd: `printf 'smtp-secret\n'`})
	if err != nil || pw != "smtp-secret" {
		t.Errorf("SMTPPassword = %q, %v", pw, err)
	}
}

func TestPasswordCmdFails(t *testing.T) {
	noEnvPasswords(t)
	_, err := IMAPPassword(t.Context(), IMAP{PasswordCmd: `printf 'topsecret\n'; echo oops >&2; exit 3`})
	if err == nil {
		t.Fatal("a failing command gave a password")
	}
	msg := err.Error()
	if !strings.Contains(msg, "oops") || !strings.Contains(msg, "exit status 3") || !strings.Contains(msg, "imap.password_cmd") {
		t.Errorf("error %q lacks the stderr, the exit status or the setting", msg)
	}
	if strings.Contains(msg, "topsecret") {
		t.Errorf("error %q carries the command's stdout", msg)
	}
}

func TestPasswordCmdErrorHidesCommand(t *testing.T) {
	noEnvPasswords(t)
	// A password written into the command itself must not come back in
	// the error either.
	_, err := SMTPPassword(t.Context(), SMTP{PasswordCmd: `test hunter2 = x`})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error %v", err)
	}
}

func TestPasswordCmdEmpty(t *testing.T) {
	noEnvPasswords(t)
	for _, cmd := range []string{"true", `printf '\nsecond line'`} {
		_, err := IMAPPassword(t.Context(), IMAP{PasswordCmd: cmd})
		if !errors.Is(err, ErrNoPassword) {
			t.Errorf("%s: %v, want ErrNoPassword", cmd, err)
		}
		if err != nil && strings.Contains(err.Error(), "second line") {
			t.Errorf("%s: error %q carries stdout", cmd, err)
		}
	}
}

func TestPasswordMissing(t *testing.T) {
	noEnvPasswords(t)
	_, err := IMAPPassword(t.Context(), IMAP{PasswordCmd: "  "})
	if !errors.Is(err, ErrNoPassword) {
		t.Fatalf("err = %v, want ErrNoPassword", err)
	}
	for _, hint := range []string{IMAPPasswordEnv, "imap.password_cmd"} {
		if !strings.Contains(err.Error(), hint) {
			t.Errorf("error %q does not say how to set %s", err, hint)
		}
	}
	_, err = SMTPPassword(t.Context(), SMTP{})
	if !errors.Is(err, ErrNoPassword) || !strings.Contains(err.Error(), SMTPPasswordEnv) {
		t.Errorf("SMTP: %v", err)
	}
}

func TestPasswordCmdTimeout(t *testing.T) {
	// The sleep runs as a child of the shell; when the shell is killed it
	// keeps the output pipe open, which must not keep us waiting.
	start := time.Now()
	_, err := runPasswordCmd(t.Context(), "imap.password_cmd", "echo waiting >&2; sleep 5; echo late", 100*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "no answer within 100ms") {
		t.Errorf("err = %v, want a timeout", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v to give up", took)
	}
}

func TestPasswordCmdCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := runPasswordCmd(ctx, "imap.password_cmd", "echo secret", time.Second)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestStderrExcerpt(t *testing.T) {
	in := "\x1b[31mred\x1b[0m\n2\n3\n4\n5\n6\n7\n"
	got := stderrExcerpt([]byte(in))
	if strings.ContainsRune(got, '\x1b') {
		t.Errorf("escape sequence kept: %q", got)
	}
	if strings.Contains(got, "6") || !strings.Contains(got, "5") {
		t.Errorf("want the first five lines: %q", got)
	}
	if got := stderrExcerpt([]byte(strings.Repeat("é", 1000))); len(got) > 520 {
		t.Errorf("excerpt of %d bytes", len(got))
	}
	if got := stderrExcerpt([]byte(" \n")); got != "" {
		t.Errorf("blank stderr gave %q", got)
	}
}
