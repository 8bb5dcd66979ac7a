package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// IsLead reports whether user is a team lead (desk.leads). With no leads
// configured everyone is one: a desk of one or two people has no one else
// to ask, and the demo should show every screen.
func (d *Desk) IsLead(user string) bool {
	if len(d.opts.Leads) == 0 {
		return true
	}
	return slices.ContainsFunc(d.opts.Leads, func(l string) bool { return strings.EqualFold(l, user) })
}

// ErrLeadOnly is returned when a handler tries what only a lead may do.
var ErrLeadOnly = errors.New("only a team lead may do this")

// NeedsApprovalError says the change was not made but sent to a lead as a
// request: a handler asked for an extension or a refusal. The case is
// unchanged until a lead approves it on the lead screen.
type NeedsApprovalError struct {
	Kind       string // "extension" or "refusal"
	ApprovalID int64
}

func (e *NeedsApprovalError) Error() string {
	return fmt.Sprintf("the %s was sent to a team lead for approval (request %d); the case is unchanged until then", e.Kind, e.ApprovalID)
}

// requestApproval records a handler's request and audits it.
func (d *Desk) requestApproval(ctx context.Context, caseID, version int64, kind, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return fmt.Errorf("a %s needs a reason; it goes into the letter to the person", kind)
	}
	var a store.Approval
	err := d.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := loadSeen(ctx, tx, caseID, version); err != nil {
			return err
		}
		now := d.opts.Now()
		a = store.Approval{CaseID: caseID, Kind: kind, Reason: reason, RequestedBy: d.opts.User, RequestedAt: now}
		if err := tx.RequestApproval(ctx, &a); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, &store.Event{CaseID: caseID, At: now, Actor: d.opts.User, Kind: "approval.requested",
			Details: fmt.Sprintf("%s requested (request %d): %s", kind, a.ID, reason)})
	})
	if err != nil {
		return err
	}
	return &NeedsApprovalError{Kind: kind, ApprovalID: a.ID}
}

// PendingApprovals lists the handlers' requests waiting for a lead.
func (d *Desk) PendingApprovals(ctx context.Context) ([]store.Approval, error) {
	return d.st.PendingApprovals(ctx)
}

// Decide approves or rejects a pending request; only leads may. Approval
// carries the change out as the lead, with the handler's reason, under the
// same rules as doing it directly (an extension still has to be within the
// first month), in the same transaction as the decision: a request is never
// marked approved while its change failed.
func (d *Desk) Decide(ctx context.Context, approvalID int64, approve bool, note string) (*dsr.Case, error) {
	if !d.IsLead(d.opts.User) {
		return nil, ErrLeadOnly
	}
	var out *dsr.Case
	err := d.st.Write(ctx, func(tx *store.Tx) error {
		a, err := tx.LoadApproval(ctx, approvalID)
		if err != nil {
			return err
		}
		c, err := tx.LoadCase(ctx, a.CaseID)
		if err != nil {
			return err
		}
		now := d.opts.Now()
		if err := tx.DecideApproval(ctx, approvalID, d.opts.User, approve, note, now); err != nil {
			return err
		}
		verdict := "rejected"
		if approve {
			verdict = "approved"
		}
		details := fmt.Sprintf("%s request %d by %s %s", a.Kind, a.ID, a.RequestedBy, verdict)
		if note != "" {
			details += ": " + note
		}
		if err := tx.AppendEvent(ctx, &store.Event{CaseID: a.CaseID, At: now, Actor: d.opts.User, Kind: "approval.decided", Details: details}); err != nil {
			return err
		}
		if !approve {
			return nil
		}
		var change, kind string
		switch a.Kind {
		case "extension":
			kind = "extend"
			change, err = applyExtension(c, a.Reason, now)
		case "refusal":
			kind = "status"
			change, err = applyStatus(c, dsr.StatusRefused, a.Reason, now)
		default:
			err = fmt.Errorf("unknown request kind %q", a.Kind)
		}
		if err != nil {
			return err
		}
		if err := tx.SaveCase(ctx, c, c.Version, d.opts.User, now); err != nil {
			return err
		}
		out = c
		return tx.AppendEvent(ctx, &store.Event{CaseID: a.CaseID, At: now, Actor: d.opts.User, Kind: kind, Details: change})
	})
	return out, err
}
