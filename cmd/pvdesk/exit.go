package main

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/magnetharstad/pvdesk/mail"
)

// Exit codes of pvdesk sync, so cron and scripts can tell a wrong password
// from a server that is down. Documented in the README.
const (
	exitFailure     = 1 // anything else
	exitUsage       = 2 // wrong flags or arguments
	exitAuth        = 3 // the server refused the login
	exitMailbox     = 4 // the configured mailbox does not exist
	exitUnreachable = 5 // no connection to the server
	exitTLS         = 6 // certificate or TLS handshake failure
	exitTimeout     = 7 // the server stopped answering or dropped the connection, after retries
	exitConfig      = 8 // the configuration or the password command is unusable
)

func syncExitCode(err error) int {
	switch mail.KindOf(err) {
	case mail.KindAuth:
		return exitAuth
	case mail.KindMailbox:
		return exitMailbox
	case mail.KindUnreachable:
		return exitUnreachable
	case mail.KindTLS:
		return exitTLS
	case mail.KindTimeout, mail.KindLost:
		return exitTimeout
	case mail.KindConfig:
		return exitConfig
	}
	return exitFailure
}

// isTerminal reports whether w is a terminal, so progress goes to stderr
// only where a person watches it.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
