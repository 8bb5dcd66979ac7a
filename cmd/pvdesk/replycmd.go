package main

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/config"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
	pvmail "github.com/magnetharstad/pvdesk/mail"
)

// replyConfig builds what the desk writes and sends letters with, from the
// configuration: templates (with overrides), company details, SMTP and the
// Sent copy over IMAP.
func replyConfig(cfg config.Config) (desk.ReplyConfig, error) {
	set, err := reply.Load(config.TemplateDir())
	if err != nil {
		return desk.ReplyConfig{}, err
	}
	rc := desk.ReplyConfig{Templates: set, Company: reply.Company{
		Name: cfg.Company.Name, OrgNr: cfg.Company.OrgNr, Address: cfg.Company.Address,
		Email: cfg.Company.Email, Web: cfg.Company.Web,
	}}
	if cfg.SMTP.Host == "" {
		return rc, nil
	}
	from, err := mail.ParseAddress(cfg.SMTP.From)
	if err != nil {
		return rc, fmt.Errorf("smtp.from %q: %w", cfg.SMTP.From, err)
	}
	m := &desk.Mailer{From: pvmail.Address{Name: from.Name, Addr: strings.ToLower(from.Address)}}
	m.SMTP = func(ctx context.Context) (pvmail.SMTPConfig, error) {
		sc := pvmail.SMTPConfig{Host: cfg.SMTP.Host, Port: cfg.SMTP.Port, Security: cfg.SMTP.Security,
			Username: cfg.SMTP.Username, CAFile: cfg.SMTP.CAFile, Timeout: cfg.SMTP.Timeout.Duration}
		if sc.Username != "" {
			pw, err := config.SMTPPassword(ctx, cfg.SMTP)
			if err != nil {
				return sc, err
			}
			sc.Password = pw
		}
		return sc, nil
	}
	if cfg.IMAP.Host != "" && cfg.IMAP.SentMailbox != "-" {
		m.SentCopy = func(ctx context.Context, raw []byte, at time.Time) error {
			ic, err := imapConfig(ctx, cfg.IMAP)
			if err != nil {
				return err
			}
			c, err := pvmail.Connect(ctx, ic)
			if err != nil {
				return err
			}
			defer c.Close()
			box := cfg.IMAP.SentMailbox
			if box == "" {
				box = pvmail.FindSentMailbox(c)
			}
			return c.AppendSent(box, raw, at)
		}
	}
	rc.Mailer = m
	return rc, nil
}

// reply runs `pvdesk reply`: write a letter for a case from a template and
// print it, save it as a draft, or send it.
func (a *app) reply(ctx context.Context, args []string) error {
	fs := newFlags("reply")
	list := fs.Bool("list", false, "list the templates")
	tmpl := fs.String("template", "", "receipt, identity, clarification, extension, completion, refusal or answer")
	reason := fs.String("reason", "", "the handler's text: reasons for a refusal, the question, the answer")
	send := fs.Bool("send", false, "send the letter now")
	draft := fs.Bool("draft", false, "save the letter as a draft")
	// Flags may come after the reference, as in the documented form.
	var ref string
	rest := args
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		ref, rest = rest[0], rest[1:]
	}
	if err := parseFlags(fs, rest); err != nil {
		return err
	}
	if ref == "" && fs.NArg() > 0 {
		ref = fs.Arg(0)
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	lang := cfg.UILanguage()
	if *list {
		for _, k := range reply.Kinds {
			fmt.Fprintf(a.stdout, "%s\t%s\n", k, k.Describe(lang))
		}
		return nil
	}
	if ref == "" || *tmpl == "" {
		return usageError{"reply: want REF --template NAME (see --list)"}
	}
	if *send && *draft {
		return usageError{"reply: --send or --draft, not both"}
	}
	r, err := dsr.ParseRef(ref)
	if err != nil {
		return usageError{err.Error()}
	}
	kind, err := reply.ParseKind(*tmpl)
	if err != nil {
		return usageError{err.Error()}
	}
	d, closeDesk, err := a.openDesk(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeDesk()
	det, err := d.CaseByRef(ctx, r.String())
	if err != nil {
		return err
	}
	dr, err := d.ComposeReply(ctx, det.Case.ID, kind, *reason)
	var ce *reply.CheckError
	if err != nil && !errors.As(err, &ce) {
		return err
	}
	if !*send && !*draft {
		// The subject is the requester's own and the body names them: both
		// are untrusted and reach a terminal.
		fmt.Fprintf(a.stdout, "Subject: %s\n\n%s\n", safeCell(dr.Subject), textsafe.Clean(dr.Body))
		return err
	}
	if err != nil {
		return err
	}
	if err := d.SaveDraft(ctx, dr); err != nil {
		return err
	}
	if *draft {
		fmt.Fprintf(a.stdout, "draft %d saved on %s\n", dr.ID, r)
		return nil
	}
	sent, err := d.SendDraft(ctx, dr.ID)
	if err != nil {
		return fmt.Errorf("%w (draft %d kept)", err, dr.ID)
	}
	fmt.Fprintf(a.stdout, "sent %s letter to %s as <%s>\n", kind, safeCell(det.Case.Requester), sent.MessageID)
	if sent.CopyErr != nil {
		fmt.Fprintf(a.stderr, "pvdesk: the letter was sent but not filed in Sent: %s\n", errText(sent.CopyErr))
	}
	return nil
}
