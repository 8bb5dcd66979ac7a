package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/config"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
	"github.com/magnetharstad/pvdesk/ui"
)

func (a *app) loadConfig() (config.Config, error) {
	path := a.configPath
	if path == "" {
		path = config.DefaultPath()
		if _, err := os.Stat(path); os.IsNotExist(err) {
			return config.Default(), nil
		}
	}
	return config.Load(path)
}

// configAndDesk loads the configuration and opens the desk on it, as most
// sub-commands start.
func (a *app) configAndDesk(ctx context.Context) (config.Config, *desk.Desk, func(), error) {
	cfg, err := a.loadConfig()
	if err != nil {
		return cfg, nil, nil, err
	}
	d, closeDesk, err := a.openDesk(ctx, cfg)
	return cfg, d, closeDesk, err
}

func (a *app) openDesk(ctx context.Context, cfg config.Config) (*desk.Desk, func(), error) {
	path := a.dbPath
	if path == "" {
		path = cfg.Desk.Database
	}
	if path == "" {
		path = config.DefaultDatabase()
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	rc, err := replyConfig(cfg)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	d := desk.New(st, desk.Options{User: a.user, DueSoonDays: cfg.Desk.DueSoonDays, Systems: cfg.Desk.Systems,
		Leads: cfg.Desk.Leads, Replies: rc})
	return d, func() { st.Close() }, nil
}

func imapConfig(ctx context.Context, c config.IMAP) (mail.IMAPConfig, error) {
	pw, err := config.IMAPPassword(ctx, c)
	if err != nil {
		return mail.IMAPConfig{}, err
	}
	return mail.IMAPConfig{
		Host: c.Host, Port: c.Port, Security: c.Security, Username: c.Username,
		Password: pw, CAFile: c.CAFile, Timeout: c.Timeout.Duration,
		MaxMessageBytes: c.MaxMessageBytes,
	}, nil
}

func (a *app) tui(ctx context.Context) error {
	cfg, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	opts := ui.Options{Desk: d, Language: cfg.UILanguage(), AltScreen: true}
	if cfg.IMAP.Host != "" {
		opts.Watch = func(ctx context.Context, events chan<- desk.WatchEvent) {
			// The password is read here rather than before the screen
			// opens: a failing password_cmd shows on the status line
			// instead of ending the desk, and r runs it again.
			ic, err := imapConfig(ctx, cfg.IMAP)
			if err != nil {
				select {
				case events <- desk.WatchEvent{State: desk.WatchFailed, Err: err, At: d.Now()}:
				case <-ctx.Done():
				}
				return
			}
			d.Watch(ctx, desk.WatchOptions{SyncOptions: desk.SyncOptions{IMAP: ic, Mailboxes: cfg.IMAP.Mailbox},
				PollInterval: cfg.IMAP.PollInterval.Duration, NoIdle: !cfg.IMAP.Idle}, events)
		}
	} else {
		// Without a mailbox the desk still opens on what is stored, and
		// says where to set one up instead of "never synced".
		noMailbox := &mail.Error{Kind: mail.KindConfig, Msg: "no mailbox set up: add an [imap] host to " + a.configPathOrDefault()}
		opts.Watch = func(ctx context.Context, events chan<- desk.WatchEvent) {
			select {
			case events <- desk.WatchEvent{State: desk.WatchFailed, Err: noMailbox, At: d.Now()}:
			case <-ctx.Done():
			}
		}
	}
	return ui.Run(opts)
}

func (a *app) demo(ctx context.Context, args []string) error {
	fs := newFlags("demo")
	keep := fs.Bool("keep", false, "keep the temporary database and print its path")
	noUI := fs.Bool("no-ui", false, "sync and list the cases instead of opening the desk")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	srv, err := mail.StartDemo(time.Now())
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer srv.Close()
	dir, err := os.MkdirTemp("", "pvdesk-demo-")
	if err != nil {
		return err
	}
	if !*keep {
		defer os.RemoveAll(dir)
	}
	dbPath := a.dbPath
	if dbPath == "" {
		dbPath = filepath.Join(dir, "pvdesk.db")
	}
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	// The demo's SMTP server files what it is sent in the demo mailbox's
	// Sent folder, so the whole loop (request, reply, thread) can be tried
	// without anything leaving 127.0.0.1.
	smtpSrv, err := mail.StartDemoSMTP(func(_ string, _ []string, raw []byte) error {
		return srv.DeliverSent(raw, time.Now())
	})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer smtpSrv.Close()
	shost, sport := splitHostPort(smtpSrv.Addr)
	templates, err := reply.Load("")
	if err != nil {
		return err
	}
	replies := desk.ReplyConfig{Templates: templates, Mailer: &desk.Mailer{
		From: mail.Address{Name: "Magnet AS", Addr: "post@magnetharstad.no"},
		SMTP: func(context.Context) (mail.SMTPConfig, error) {
			return mail.SMTPConfig{Host: shost, Port: sport, Security: "none"}, nil
		},
	}}
	d := desk.New(st, desk.Options{User: a.user, Systems: config.Default().Desk.Systems, Replies: replies})
	host, port := splitHostPort(srv.Addr)
	ic := mail.IMAPConfig{Host: host, Port: port, Security: "none", Username: srv.User, Password: srv.Password}
	syncFn := func(ctx context.Context, progress func(desk.SyncProgress)) ([]desk.SyncReport, error) {
		return d.Sync(ctx, desk.SyncOptions{IMAP: ic, Progress: progress})
	}
	if *keep {
		fmt.Fprintf(a.stderr, "demo database: %s\n", dbPath)
	}
	if *noUI {
		reps, err := syncFn(ctx, nil)
		if err != nil {
			return err
		}
		printReports(a.stdout, reps)
		return a.printList(ctx, d, listOptions{})
	}
	lang := os.Getenv("PVDESK_LANG")
	if lang == "" {
		lang = config.Default().UILanguage()
	}
	watch := func(ctx context.Context, events chan<- desk.WatchEvent) {
		d.Watch(ctx, desk.WatchOptions{SyncOptions: desk.SyncOptions{IMAP: ic}}, events)
	}
	return ui.Run(ui.Options{Desk: d, Language: lang, Watch: watch, AltScreen: true})
}

func splitHostPort(addr string) (string, int) {
	i := strings.LastIndex(addr, ":")
	var port int
	fmt.Sscanf(addr[i+1:], "%d", &port)
	return addr[:i], port
}

func (a *app) sync(ctx context.Context, args []string) error {
	fs := newFlags("sync")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	attempts := fs.Int("attempts", 4, "tries in all when the server cannot be reached or stops answering")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return exitError{code: exitConfig, msg: err.Error()}
	}
	if cfg.IMAP.Host == "" {
		return exitError{code: exitConfig, msg: fmt.Sprintf("sync: no [imap] host configured in %s", a.configPathOrDefault())}
	}
	ic, err := imapConfig(ctx, cfg.IMAP)
	if err != nil {
		return exitError{code: exitConfig, msg: err.Error()}
	}
	d, closeDesk, err := a.openDesk(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeDesk()
	// A sync allocates briefly per message and keeps little: a lazier
	// collector saves about a tenth of the CPU for a few MB (bench-sync).
	debug.SetGCPercent(200)
	o := desk.SyncOptions{IMAP: ic, Mailboxes: cfg.IMAP.Mailbox}
	if isTerminal(a.stderr) {
		o.Progress = func(p desk.SyncProgress) {
			fmt.Fprintf(a.stderr, "\r%s: %d/%d", p.Mailbox, p.Done, p.Total)
			if p.Done == p.Total {
				fmt.Fprintln(a.stderr)
			}
		}
	}
	reps, err := d.SyncWithRetry(ctx, o, max(*attempts, 1), func(err error, wait time.Duration) {
		fmt.Fprintf(a.stderr, "pvdesk: %s; trying again in %s\n", errText(err), wait.Round(time.Second))
	})
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if reps == nil {
			reps = []desk.SyncReport{}
		}
		if jerr := enc.Encode(reps); jerr != nil {
			return jerr
		}
	} else {
		printReports(a.stdout, reps)
	}
	if err != nil {
		return exitError{code: syncExitCode(err), msg: err.Error()}
	}
	return nil
}

func (a *app) configPathOrDefault() string {
	if a.configPath != "" {
		return a.configPath
	}
	return config.DefaultPath()
}

func printReports(w interface{ Write([]byte) (int, error) }, reps []desk.SyncReport) {
	for _, r := range reps {
		fmt.Fprintf(w, "%s: fetched %d, new cases %d, threaded %d, already stored %d, warnings %d, %s\n",
			r.Mailbox, r.Fetched, r.NewCases, r.Threaded, r.AlreadyStored, r.Warnings, r.Elapsed.Round(time.Millisecond))
	}
}

type listOptions struct {
	overdue   bool
	dueWithin int
	status    string
	all       bool
	json      bool
}

// caseJSON is the stable machine form of a case in `list` and `show`.
type caseJSON struct {
	Ref           string   `json:"ref"`
	Requester     string   `json:"requester"`
	RequesterName string   `json:"requester_name"`
	Subject       string   `json:"subject"`
	Rights        []string `json:"rights"`
	Status        string   `json:"status"`
	Assignee      string   `json:"assignee"`
	ReceivedAt    string   `json:"received_at"`
	DueAt         string   `json:"due_at"`
	DaysLeft      int      `json:"days_left"`
	Extended      bool     `json:"extended"`
	Paused        bool     `json:"paused"`
}

func rightsStrings(rs []dsr.Right) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, string(r))
	}
	return out
}

func (a *app) list(ctx context.Context, args []string) error {
	fs := newFlags("list")
	var o listOptions
	fs.BoolVar(&o.overdue, "overdue", false, "only open cases past their due date")
	fs.IntVar(&o.dueWithin, "due-within", -1, "only open cases due within DAYS days")
	fs.StringVar(&o.status, "status", "", "only cases with this status")
	fs.BoolVar(&o.all, "all", false, "include answered and closed cases")
	fs.BoolVar(&o.json, "json", false, "print a JSON array")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.status != "" {
		if _, err := dsr.ParseStatus(o.status); err != nil {
			return usageError{err.Error()}
		}
	}
	_, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	return a.printList(ctx, d, o)
}

func (a *app) printList(ctx context.Context, d *desk.Desk, o listOptions) error {
	scope := desk.ScopeOpen
	if o.all || (o.status != "" && !dsr.Status(o.status).Open()) {
		scope = desk.ScopeAll
	}
	rows, err := d.Inbox(ctx, scope)
	if err != nil {
		return err
	}
	now := d.Now()
	out := []caseJSON{}
	for _, r := range rows {
		left := deadline.DaysLeft(now, r.DueAt)
		if o.status != "" && string(r.Status) != o.status {
			continue
		}
		if o.overdue && (!r.Status.Open() || left >= 0) {
			continue
		}
		if o.dueWithin >= 0 && (!r.Status.Open() || left > o.dueWithin) {
			continue
		}
		out = append(out, caseJSON{
			Ref: r.Ref, Requester: r.Requester, RequesterName: r.RequesterName, Subject: r.Subject,
			Rights: rightsStrings(r.Rights.List()), Status: string(r.Status), Assignee: r.Assignee,
			ReceivedAt: r.ReceivedAt.In(deadline.Oslo).Format(time.RFC3339),
			DueAt:      deadline.Format(r.DueAt), DaysLeft: left, Extended: r.Extended, Paused: r.Paused,
		})
	}
	if o.json {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tREQUESTER\tRIGHTS\tRECEIVED\tDUE\tDAYS LEFT\tSTATUS")
	for _, c := range out {
		rights := strings.Join(c.Rights, ",")
		if rights == "" {
			rights = "none"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.Ref, safeCell(c.Requester), rights,
			c.ReceivedAt[:10], c.DueAt, c.DaysLeft, c.Status)
	}
	return tw.Flush()
}

func (a *app) show(ctx context.Context, args []string) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"show: want one case reference (PV-YYYY-NNNN)"}
	}
	ref, err := dsr.ParseRef(fs.Arg(0))
	if err != nil {
		return usageError{err.Error()}
	}
	_, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	det, err := d.CaseByRef(ctx, ref.String())
	if err != nil {
		return err
	}
	return writeCase(a.stdout, det, d.Now(), *asJSON)
}

func (a *app) classify(args []string) error {
	fs := newFlags("classify")
	explain := fs.Bool("explain", false, "print the evidence for each label")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"classify: want one or more .eml files"}
	}
	failed := 0
	for _, path := range fs.Args() {
		raw, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(a.stderr, "pvdesk: classify: %s\n", errText(err))
			failed++
			continue
		}
		m := mail.Parse(raw)
		res := classify.Classify(classify.Input{
			Subject: m.Subject, Body: m.Text, From: m.From.Addr,
			AutoSubmitted: m.AutoSubmitted, ContentType: m.ContentType,
		})
		fmt.Fprintf(a.stdout, "%s\t%s\n", path, dsr.JoinRights(res.Rights()))
		if *explain {
			for _, line := range strings.Split(strings.TrimRight(classify.Explain(res), "\n"), "\n") {
				fmt.Fprintf(a.stdout, "  %s\n", safeCell(line))
			}
		}
	}
	if failed > 0 {
		return exitError{code: 1}
	}
	return nil
}

func (a *app) deadline(args []string) error {
	fs := newFlags("deadline")
	received := fs.String("received", "", "when the request reached us (RFC 3339)")
	extended := fs.Bool("extended", false, "the extended (three-month) period")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *received == "" {
		return usageError{"deadline: --received is required (RFC 3339, e.g. 2026-01-31T10:00:00+01:00)"}
	}
	t, err := time.Parse(time.RFC3339, *received)
	if err != nil {
		return usageError{fmt.Sprintf("deadline: --received %q is not RFC 3339 (e.g. 2026-01-31T10:00:00+01:00)", *received)}
	}
	due := deadline.Due(t)
	if *extended {
		due = deadline.Extended(t)
	}
	fmt.Fprintln(a.stdout, deadline.Format(due))
	return nil
}
