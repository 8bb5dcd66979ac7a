package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"time"

	"github.com/magnetharstad/pvdesk/store"
)

// audit runs `pvdesk audit verify`: exit 1 naming the first event that
// does not match the chain.
func (a *app) audit(ctx context.Context, args []string) error {
	if len(args) != 1 || args[0] != "verify" {
		return usageError{"audit: want `pvdesk audit verify`"}
	}
	_, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	n, err := d.Store().VerifyAudit(ctx)
	var ce *store.ChainError
	if errors.As(err, &ce) {
		return exitError{code: exitFailure, msg: ce.Error()}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "audit chain intact: %d events\n", n)
	return nil
}

// suppressions prints the addresses that must get no marketing, for the
// newsletter tool.
func (a *app) suppressions(ctx context.Context, args []string) error {
	fs := newFlags("suppressions")
	asCSV := fs.Bool("csv", false, "print CSV with a header (address,added_at,case,reason)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	list, err := d.Store().Suppressions(ctx)
	if err != nil {
		return err
	}
	if !*asCSV {
		for _, s := range list {
			fmt.Fprintln(a.stdout, safeCell(s.Addr))
		}
		return nil
	}
	w := csv.NewWriter(a.stdout)
	w.Write([]string{"address", "added_at", "case", "reason"})
	for _, s := range list {
		w.Write([]string{s.Addr, s.AddedAt.Format(time.RFC3339), s.Ref, s.Reason})
	}
	w.Flush()
	return w.Error()
}
