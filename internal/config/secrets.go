package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode"
)

// ErrNoPassword is returned, wrapped, when neither the environment nor a
// password_cmd gives a password.
var ErrNoPassword = errors.New("no password")

// The environment variables that override password_cmd.
const (
	IMAPPasswordEnv = "PVDESK_IMAP_PASSWORD"
	SMTPPasswordEnv = "PVDESK_SMTP_PASSWORD"
)

// passwordCmdTimeout bounds a password_cmd: long enough for a GPG agent to
// ask for its passphrase, short enough that a hung command does not hang the
// sync for good.
const passwordCmdTimeout = 10 * time.Second

// pipeGrace is how long a password_cmd's pipes may stay open after the shell
// has exited or been killed. A background child (an agent it started, or a
// command still running when the shell was killed) can hold them open
// indefinitely; its output no longer matters.
const pipeGrace = 500 * time.Millisecond

// IMAPPassword is the IMAP password: $PVDESK_IMAP_PASSWORD when set, else the
// first line printed by c.PasswordCmd. Errors never contain the password or
// anything else the command printed on its standard output.
func IMAPPassword(ctx context.Context, c IMAP) (string, error) {
	return password(ctx, "imap", IMAPPasswordEnv, c.PasswordCmd, passwordCmdTimeout)
}

// SMTPPassword is the SMTP password, found as IMAPPassword finds the IMAP
// one, from $PVDESK_SMTP_PASSWORD or c.PasswordCmd.
func SMTPPassword(ctx context.Context, c SMTP) (string, error) {
	return password(ctx, "smtp", SMTPPasswordEnv, c.PasswordCmd, passwordCmdTimeout)
}

func password(ctx context.Context, table, env, cmdline string, timeout time.Duration) (string, error) {
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	if strings.TrimSpace(cmdline) == "" {
		return "", fmt.Errorf("%w for %s: set the environment variable %s, or %s.password_cmd in the config file to a command that prints it (for example \"pass show magnet/post\")",
			ErrNoPassword, strings.ToUpper(table), env, table)
	}
	return runPasswordCmd(ctx, table+".password_cmd", cmdline, timeout)
}

// runPasswordCmd runs cmdline with sh -c and returns the first line of its
// output. The command line is not repeated in errors: a careless
// "echo hunter2" would put the password there. key names the setting instead.
func runPasswordCmd(parent context.Context, key, cmdline string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()

	// The password reaches us only through the pipe, never through argv or
	// the environment of anything we start.
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", cmdline)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// Stdin stays /dev/null: in the TUI a command reading the terminal
	// would steal the handler's keystrokes. GPG's pinentry opens the
	// terminal or a window on its own and is not affected.
	cmd.WaitDelay = pipeGrace

	err := cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) {
		// The shell exited successfully but left a child holding the pipe;
		// what it printed before exiting is complete.
		err = nil
	}
	switch {
	case err != nil && parent.Err() != nil:
		// The caller gave up (the user quit); that is not the command's
		// fault.
		return "", fmt.Errorf("%s: %w", key, parent.Err())
	case err != nil && ctx.Err() != nil:
		return "", fmt.Errorf("%s: no answer within %s%s", key, timeout, stderrExcerpt(stderr.Bytes()))
	case err != nil:
		return "", fmt.Errorf("%s: %v%s", key, err, stderrExcerpt(stderr.Bytes()))
	}

	line, _, _ := bytes.Cut(stdout.Bytes(), []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	pw := string(line)
	// Best effort: do not leave a second copy of the secret in the buffer
	// for the garbage collector to hand out again.
	clear(stdout.Bytes())
	if pw == "" {
		return "", fmt.Errorf("%w for %s: the command printed an empty first line%s",
			ErrNoPassword, key, stderrExcerpt(stderr.Bytes()))
	}
	return pw, nil
}

// stderrExcerpt is the start of a command's error output, ready to append to
// an error: a few lines, bounded in length, with control characters replaced
// so that an error shown in the terminal cannot carry escape sequences.
func stderrExcerpt(b []byte) string {
	const maxLines, maxBytes = 5, 500
	s := strings.TrimSpace(string(b))
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > maxLines {
		lines = append(lines[:maxLines], "…")
	}
	s = strings.Join(lines, "\n")
	if len(s) > maxBytes {
		s = strings.ToValidUTF8(s[:maxBytes], "") + "…"
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || unicode.IsPrint(r) {
			return r
		}
		return '?'
	}, s)
	return ":\n" + s
}
