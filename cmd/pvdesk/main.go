// Command pvdesk is the terminal desk for data-protection requests sent to
// Magnet AS. Without a sub-command it opens the desk (TUI); sub-commands do
// the same work without a screen, for scripts and cron.
//
// Exit codes: 0 success, 1 failure, 2 usage error; pvdesk sync also 3 login
// refused, 4 no such mailbox, 5 server unreachable, 6 TLS failure, 7 server
// silent or connection lost after retries, 8 configuration or password
// command unusable (see exit.go and the README).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"syscall"

	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

const usage = `pvdesk — a desk for data-protection requests

Usage:
  pvdesk [--config FILE] [--db FILE] [--user NAME]      open the desk (TUI); syncs in the background
  pvdesk demo                                          the desk on an embedded mailbox with sample mail
  pvdesk sync [--json]                                 fetch new mail into cases once, print a summary
  pvdesk list [--overdue] [--due-within DAYS] [--status S] [--all] [--json]
  pvdesk show REF [--json]
  pvdesk classify [--explain] FILE.eml...              one line per file: FILE<TAB>label,label (or none)
  pvdesk deadline --received RFC3339 [--extended]      prints the due date, YYYY-MM-DD
  pvdesk reply REF --template NAME [--reason TEXT] [--send | --draft]   (--list shows the templates)
  pvdesk digest [--send]                               the overdue and due-soon list for the leads (--send mails it)
  pvdesk audit verify                                  exit 1 and name the first bad event if the chain is broken
  pvdesk suppressions [--csv]                          addresses that must get no marketing
  pvdesk report [--from DATE] [--to DATE] [--format table|csv|json]  a lead's figures (default: this year to date)
`

// app carries the global flags and the output streams, so sub-commands can
// be run from tests.
type app struct {
	configPath string
	dbPath     string
	user       string
	stdout     io.Writer
	stderr     io.Writer
	stdin      io.Reader
}

// usageError is a mistake on the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr, stdin: stdin}
	fs := flag.NewFlagSet("pvdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.configPath, "config", "", "config file")
	fs.StringVar(&a.dbPath, "db", "", "database file")
	fs.StringVar(&a.user, "user", "", "who is at the desk (default $USER)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "pvdesk: %v\n\n%s", err, usage)
		return 2
	}
	if a.user == "" {
		a.user = os.Getenv("USER")
		if a.user == "" {
			if u, err := user.Current(); err == nil {
				a.user = u.Username
			}
		}
	}
	rest := fs.Args()
	var err error
	if len(rest) == 0 {
		err = a.tui(ctx)
	} else {
		cmd, cargs := rest[0], rest[1:]
		switch cmd {
		case "demo":
			err = a.demo(ctx, cargs)
		case "sync":
			err = a.sync(ctx, cargs)
		case "list":
			err = a.list(ctx, cargs)
		case "show":
			err = a.show(ctx, cargs)
		case "classify":
			err = a.classify(cargs)
		case "deadline":
			err = a.deadline(cargs)
		case "reply":
			err = a.reply(ctx, cargs)
		case "digest":
			err = a.digest(ctx, cargs)
		case "audit":
			err = a.audit(ctx, cargs)
		case "suppressions":
			err = a.suppressions(ctx, cargs)
		case "report":
			err = a.report(ctx, cargs)
		case "help", "-h", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		default:
			err = usageError{fmt.Sprintf("unknown command %q", cmd)}
		}
	}
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "pvdesk: %v\n\n%s", err, usage)
		return 2
	}
	var ce exitError
	if errors.As(err, &ce) {
		if ce.msg != "" {
			fmt.Fprintf(stderr, "pvdesk: %s\n", textsafe.Clean(ce.msg))
		}
		return ce.code
	}
	fmt.Fprintf(stderr, "pvdesk: %s\n", errText(err))
	return 1
}

// errText is an error made safe for the terminal: errors quote what
// servers answered and what mail carried (a requester's address, a
// mailbox name), and neither may reach the terminal raw.
func errText(err error) string { return textsafe.Clean(err.Error()) }

// exitError ends the command with a specific exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// flags builds a sub-command flag set whose errors are usage errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	return nil
}
