package main

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/config"
)

// digest runs `pvdesk digest [--send]`: the overdue and due-soon list for
// the team leads, printed, or mailed to each lead (for cron).
func (a *app) digest(ctx context.Context, args []string) error {
	fs := newFlags("digest")
	send := fs.Bool("send", false, "mail it to each lead instead of printing it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	dg, err := d.MakeDigest(ctx, cfg.UILanguage())
	if err != nil {
		return err
	}
	if !*send {
		fmt.Fprintf(a.stdout, "Subject: %s\n\n%s", dg.Subject, dg.Body)
		return nil
	}
	to, err := leadAddresses(cfg)
	if err != nil {
		return err
	}
	if err := d.SendDigest(ctx, dg, to); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "digest sent to %s\n", strings.Join(to, ", "))
	return nil
}

// leadAddresses is where the digest goes: desk.lead_addresses, else the
// lead's user name at the domain of smtp.from.
func leadAddresses(cfg config.Config) ([]string, error) {
	if len(cfg.Desk.Leads) == 0 {
		return nil, fmt.Errorf("digest: no desk.leads configured")
	}
	domain := ""
	if from, err := mail.ParseAddress(cfg.SMTP.From); err == nil {
		if i := strings.LastIndex(from.Address, "@"); i >= 0 {
			domain = from.Address[i+1:]
		}
	}
	var out []string
	for _, l := range cfg.Desk.Leads {
		if addr := cfg.Desk.LeadAddresses[l]; addr != "" {
			out = append(out, addr)
			continue
		}
		if domain == "" {
			return nil, fmt.Errorf("digest: no address for lead %q: set desk.lead_addresses", l)
		}
		out = append(out, strings.ToLower(l)+"@"+domain)
	}
	return out, nil
}
