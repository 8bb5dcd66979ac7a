package desk

import (
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
	"github.com/magnetharstad/pvdesk/mail"
)

// Digest is the daily list for team leads: what is late and what will be.
type Digest struct {
	Subject string
	Body    string
	// Overdue and DueSoon count the cases listed.
	Overdue, DueSoon, Pending int
}

// MakeDigest writes the daily digest from the overview, in lang ("nb" or
// "en"). Mail text from requesters (names, subjects) is made single-line
// and safe, since the digest is read in terminals and mail clients alike.
func (d *Desk) MakeDigest(ctx context.Context, lang string) (*Digest, error) {
	ov, err := d.Overview(ctx)
	if err != nil {
		return nil, err
	}
	pending, err := d.PendingApprovals(ctx)
	if err != nil {
		return nil, err
	}
	en := lang == "en"
	day := deadline.Format(ov.AsOf)
	dg := &Digest{Overdue: len(ov.Overdue), DueSoon: len(ov.DueSoon), Pending: len(pending)}
	if en {
		dg.Subject = fmt.Sprintf("pvdesk %s: %d overdue, %d due within %d days", day, dg.Overdue, dg.DueSoon, ov.DueSoonDays)
	} else {
		dg.Subject = fmt.Sprintf("pvdesk %s: %d forfalt, %d forfaller innen %d dager", day, dg.Overdue, dg.DueSoon, ov.DueSoonDays)
	}
	var b strings.Builder
	unassigned := "ufordelt"
	if en {
		unassigned = "unassigned"
	}
	section := func(nb, enTitle string, rows []OverviewRow, days func(OverviewRow) string) {
		title := nb
		if en {
			title = enTitle
		}
		fmt.Fprintf(&b, "%s (%d)\n", title, len(rows))
		if len(rows) == 0 {
			if en {
				b.WriteString("  none\n\n")
			} else {
				b.WriteString("  ingen\n\n")
			}
			return
		}
		for _, r := range rows {
			who := r.Assignee
			if who == "" {
				who = unassigned
			}
			fmt.Fprintf(&b, "  %s  %-10s  due %s  %-10s  %-22s  %s\n", r.Ref, days(r), deadline.Format(r.Due),
				textsafe.Line(who, 10), r.Rights.String(), textsafe.Line(cmp.Or(r.RequesterName, r.Requester), 40))
		}
		b.WriteString("\n")
	}
	if en {
		fmt.Fprintf(&b, "Data-protection requests, %s. %d open.\n\n", day, ov.Open)
	} else {
		fmt.Fprintf(&b, "Personvernhenvendelser, %s. %d åpne.\n\n", day, ov.Open)
	}
	section("Forfalt", "Overdue", ov.Overdue, func(r OverviewRow) string {
		return fmt.Sprintf("%d d over", r.DaysOverdue)
	})
	section(fmt.Sprintf("Forfaller innen %d dager", ov.DueSoonDays), fmt.Sprintf("Due within %d days", ov.DueSoonDays), ov.DueSoon, func(r OverviewRow) string {
		return fmt.Sprintf("%d d left", r.DaysLeft)
	})
	if len(pending) > 0 {
		if en {
			fmt.Fprintf(&b, "Waiting for a lead's approval (%d)\n", len(pending))
		} else {
			fmt.Fprintf(&b, "Venter på godkjenning fra teamleder (%d)\n", len(pending))
		}
		for _, a := range pending {
			fmt.Fprintf(&b, "  %s  %s by %s: %s\n", a.Ref, a.Kind, textsafe.Line(a.RequestedBy, 20), textsafe.Line(a.Reason, 60))
		}
		b.WriteString("\n")
	}
	dg.Body = b.String()
	return dg, nil
}

// SendDigest mails the digest to each address over the desk's SMTP.
func (d *Desk) SendDigest(ctx context.Context, dg *Digest, to []string) error {
	m := d.opts.Replies.Mailer
	if m == nil || m.SMTP == nil {
		return ErrNoMailer
	}
	cfg, err := m.SMTP(ctx)
	if err != nil {
		return err
	}
	for _, addr := range to {
		raw, _, err := mail.BuildMessage(mail.Outgoing{From: m.From, To: mail.Address{Addr: addr},
			Subject: dg.Subject, Body: dg.Body, Date: d.opts.Now()})
		if err != nil {
			return fmt.Errorf("digest to %s: %w", addr, err)
		}
		if err := mail.Send(ctx, cfg, m.From.Addr, []string{addr}, raw); err != nil {
			return fmt.Errorf("digest to %s: %w", addr, err)
		}
	}
	return nil
}
