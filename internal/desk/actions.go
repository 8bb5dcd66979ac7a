package desk

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// ErrConflict matches a *store.ConflictError: another desk changed the case
// first. Test with errors.As to get who and when.
type ErrConflict = store.ConflictError

// ErrDraftBusy matches a send refused because another desk is sending the
// same draft; errors.As with a *DraftBusyError tells whose.
var ErrDraftBusy = store.ErrDraftBusy

// DraftBusyError is ErrDraftBusy with the user whose desk is sending.
type DraftBusyError = store.DraftBusyError

// ErrApprovalPending matches a request for a lead's approval refused
// because one of its kind already waits.
var ErrApprovalPending = store.ErrPending

// IsStoreBusy reports whether err is the database staying locked by
// another pvdesk for longer than the busy timeout.
func IsStoreBusy(err error) bool { return store.IsBusy(err) }

// change runs fn on the case inside one write transaction: it checks the
// version the caller saw (compare-and-swap), lets fn change the case and
// describe the change, saves it with a new version and writes the audit
// event, all or nothing.
func (d *Desk) change(ctx context.Context, caseID, version int64, kind string, fn func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error)) (*dsr.Case, error) {
	var out *dsr.Case
	err := d.st.Write(ctx, func(tx *store.Tx) error {
		c, err := loadSeen(ctx, tx, caseID, version)
		if err != nil {
			return err
		}
		now := d.opts.Now()
		details, err := fn(tx, c, now)
		if err != nil {
			return err
		}
		if err := tx.SaveCase(ctx, c, version, d.opts.User, now); err != nil {
			return err
		}
		out = c
		return tx.AppendEvent(ctx, &store.Event{CaseID: caseID, At: now, Actor: d.opts.User, Kind: kind, Details: details})
	})
	return out, err
}

// loadSeen loads a case in the transaction and checks it is still the
// version the caller saw, or says who changed it since.
func loadSeen(ctx context.Context, tx *store.Tx, caseID, version int64) (*dsr.Case, error) {
	c, err := tx.LoadCase(ctx, caseID)
	if err != nil {
		return nil, err
	}
	if c.Version != version {
		return nil, &store.ConflictError{Ref: c.Ref.String(), By: c.UpdatedBy, At: c.UpdatedAt}
	}
	return c, nil
}

// SetStatus moves a case to another status; invalid moves are refused with
// a *dsr.TransitionError. Leaving awaiting_requester resumes the clock. A
// refusal by a handler who is not a lead becomes a request for approval
// (*NeedsApprovalError), with note as its reason.
func (d *Desk) SetStatus(ctx context.Context, caseID, version int64, to dsr.Status, note string) (*dsr.Case, error) {
	if to == dsr.StatusRefused && !d.IsLead(d.opts.User) {
		return nil, d.requestApproval(ctx, caseID, version, "refusal", note)
	}
	return d.setStatus(ctx, caseID, version, to, note)
}

func (d *Desk) setStatus(ctx context.Context, caseID, version int64, to dsr.Status, note string) (*dsr.Case, error) {
	return d.change(ctx, caseID, version, "status", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		return applyStatus(c, to, note, now)
	})
}

// applyStatus moves c to status to, with what each move implies for the
// clock, and describes it for the audit trail.
func applyStatus(c *dsr.Case, to dsr.Status, note string, now time.Time) (string, error) {
	if err := dsr.CheckTransition(c.Status, to); err != nil {
		return "", err
	}
	details := fmt.Sprintf("%s → %s", c.Status, to)
	if c.Status == dsr.StatusAwaitingRequester {
		details += "; " + resume(c, now)
	}
	c.Status = to
	switch to {
	case dsr.StatusAwaitingRequester:
		// Waiting for the person is waiting whichever key got us here.
		c.PausedAt = now
		c.PauseReason = note
		if c.PauseReason == "" {
			c.PauseReason = "awaiting the requester"
		}
		details += "; clock paused"
	case dsr.StatusRefused:
		// The reason is kept on the case for the annual report.
		if note != "" {
			c.Outcome = note
		}
	case dsr.StatusClosed:
		c.ClosedAt = now
	case dsr.StatusInProgress, dsr.StatusNew:
		c.ClosedAt = time.Time{}
	}
	if note != "" {
		details += "; " + note
	}
	return details, nil
}

// Assign gives the case to user ("" unassigns). A handler may take an
// unassigned case and hand on their own; only a lead may move a case that
// someone else holds.
func (d *Desk) Assign(ctx context.Context, caseID, version int64, user string) (*dsr.Case, error) {
	user = strings.TrimSpace(user)
	return d.change(ctx, caseID, version, "assign", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		from := c.Assignee
		if from != "" && !strings.EqualFold(from, d.opts.User) && !d.IsLead(d.opts.User) {
			return "", fmt.Errorf("%w: %s is assigned to %s", ErrLeadOnly, c.Ref, from)
		}
		c.Assignee = user
		if user == "" {
			return fmt.Sprintf("unassigned (was %s)", from), nil
		}
		if from == "" {
			return "assigned to " + user, nil
		}
		return fmt.Sprintf("reassigned from %s to %s", from, user), nil
	})
}

// dueOf is the case's due date: one month from receipt, or three with the
// extension, lengthened by the days the clock stood still.
func dueOf(c *dsr.Case) time.Time {
	months := 1
	if c.Extended {
		months = 3
	}
	return deadline.AddMonthsPaused(c.ReceivedAt, months, c.PausedDays)
}

// pausedDays counts the calendar days (Oslo) the clock stood still: a pause
// from Monday to Thursday moves the due date by three days.
func pausedDays(from, to time.Time) int {
	return max(deadline.DaysLeft(from, to), 0)
}

// resume restarts a paused clock and moves the due date by the days it
// stood still; it returns a description for the audit event.
func resume(c *dsr.Case, now time.Time) string {
	if c.PausedAt.IsZero() {
		return "clock was not paused"
	}
	days := pausedDays(c.PausedAt, now)
	c.PausedDays += days
	c.PausedAt = time.Time{}
	c.PauseReason = ""
	c.DueAt = dueOf(c)
	return fmt.Sprintf("clock resumed after %d days; due %s", days, deadline.Format(c.DueAt))
}

// AskIdentity sends the case to awaiting_requester and pauses the clock
// while the person proves who they are.
//
// Why pausing is right, and when: the controller may ask for more
// information to confirm identity only where it has reasonable doubts, and
// only what is proportionate (EDPB Guidelines 01/2022 on the right of
// access, v2.1, paras. 69-70, on Art. 12(6) GDPR); until the person answers
// the controller cannot act, and the time to answer runs from when the
// information needed arrives (ibid., section 5.3 on timing). Pausing — not
// restarting — the month is the cautious reading: the days already used
// stay used.
func (d *Desk) AskIdentity(ctx context.Context, caseID, version int64, reason string) (*dsr.Case, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		reason = "identity to be confirmed"
	}
	return d.change(ctx, caseID, version, "pause", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		if err := dsr.CheckTransition(c.Status, dsr.StatusAwaitingRequester); err != nil {
			return "", err
		}
		c.Status = dsr.StatusAwaitingRequester
		c.PausedAt = now
		c.PauseReason = reason
		return "clock paused: " + reason, nil
	})
}

// Resume restarts the clock of a case awaiting the requester (the person
// answered outside the mail thread, say at the counter).
func (d *Desk) Resume(ctx context.Context, caseID, version int64, note string) (*dsr.Case, error) {
	return d.SetStatus(ctx, caseID, version, dsr.StatusInProgress, note)
}

// ErrExtension explains why a case cannot be extended.
var ErrExtension = errors.New("cannot extend")

// Extend gives the case the two further months of Art. 12(3). It is only
// possible before the one-month due date has passed (the person must be told
// within the first month), once, and with a reason that goes into the notice.
// A handler who is not a lead gets a request for approval instead
// (*NeedsApprovalError); the rules are checked again when a lead approves.
func (d *Desk) Extend(ctx context.Context, caseID, version int64, reason string) (*dsr.Case, error) {
	if !d.IsLead(d.opts.User) {
		if _, err := d.extendable(ctx, caseID, reason); err != nil {
			return nil, err
		}
		return nil, d.requestApproval(ctx, caseID, version, "extension", reason)
	}
	return d.extend(ctx, caseID, version, reason)
}

// extendable checks the extension rules without changing anything, so a
// handler hears at once that a request could never be approved.
func (d *Desk) extendable(ctx context.Context, caseID int64, reason string) (*dsr.Case, error) {
	c, err := d.st.Case(ctx, caseID)
	if err != nil {
		return nil, err
	}
	return c, checkExtension(c, strings.TrimSpace(reason), d.opts.Now())
}

// ExtendWhy is the rule an extension would break.
type ExtendWhy int

// The rules of Art. 12(3) an extension is checked against.
const (
	ExtendNoReason    ExtendWhy = iota + 1 // the notice to the person needs a reason
	ExtendAlready                          // extended once already
	ExtendNotOpen                          // the case is no longer open
	ExtendMonthPassed                      // the first month is over
)

// ExtensionError says which rule stops an extension, with what a screen
// needs to say it in its own language. It is ErrExtension (errors.Is).
type ExtensionError struct {
	Why    ExtendWhy
	Ref    string
	Status dsr.Status // ExtendNotOpen: the status it has
	Due    time.Time  // ExtendMonthPassed: the one-month deadline
}

func (e *ExtensionError) Error() string {
	var why string
	switch e.Why {
	case ExtendNoReason:
		why = "a reason is required; it goes into the notice to the person (Art. 12(3))"
	case ExtendAlready:
		why = e.Ref + " is already extended"
	case ExtendNotOpen:
		why = fmt.Sprintf("%s is %s", e.Ref, e.Status)
	case ExtendMonthPassed:
		why = fmt.Sprintf("the one-month deadline (%s) has passed; an extension must be notified within it", deadline.Format(e.Due))
	}
	return ErrExtension.Error() + ": " + why
}

// Is makes every ExtensionError match ErrExtension.
func (e *ExtensionError) Is(target error) bool { return target == ErrExtension }

func checkExtension(c *dsr.Case, reason string, now time.Time) error {
	if reason == "" {
		return &ExtensionError{Why: ExtendNoReason, Ref: c.Ref.String()}
	}
	if c.Extended {
		return &ExtensionError{Why: ExtendAlready, Ref: c.Ref.String()}
	}
	if !c.Status.Open() {
		return &ExtensionError{Why: ExtendNotOpen, Ref: c.Ref.String(), Status: c.Status}
	}
	oneMonth := deadline.AddMonthsPaused(c.ReceivedAt, 1, c.PausedDays)
	if !now.Before(deadline.Expires(oneMonth)) {
		return &ExtensionError{Why: ExtendMonthPassed, Ref: c.Ref.String(), Due: oneMonth}
	}
	return nil
}

func (d *Desk) extend(ctx context.Context, caseID, version int64, reason string) (*dsr.Case, error) {
	return d.change(ctx, caseID, version, "extend", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		return applyExtension(c, reason, now)
	})
}

// applyExtension extends c under the rules of checkExtension and describes
// it for the audit trail.
func applyExtension(c *dsr.Case, reason string, now time.Time) (string, error) {
	reason = strings.TrimSpace(reason)
	if err := checkExtension(c, reason, now); err != nil {
		return "", err
	}
	c.Extended = true
	c.ExtendReason = reason
	c.DueAt = dueOf(c)
	return fmt.Sprintf("extended to %s: %s", deadline.Format(c.DueAt), reason), nil
}

// suppressionSteps are the checklist steps whose completion puts the
// requester on the suppression list.
var suppressionSteps = map[string]bool{"suppression": true, "suppression_if_marketing": true}

// MarkStep ticks or unticks a checklist step, with an optional note (for
// instance why data is kept under bookkeeping rules).
func (d *Desk) MarkStep(ctx context.Context, caseID, version int64, step string, done bool, note string) (*dsr.Case, error) {
	return d.change(ctx, caseID, version, "step", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		if err := tx.SetStep(ctx, caseID, step, done, d.opts.User, note, now); err != nil {
			return "", err
		}
		verb := "done"
		if !done {
			verb = "undone"
		}
		details := fmt.Sprintf("%s %s", step, verb)
		if note != "" {
			details += ": " + note
		}
		if done && suppressionSteps[step] {
			added, err := tx.AddSuppression(ctx, c.Requester, caseID, "marketing objection or withdrawn consent", now)
			if err != nil {
				return "", err
			}
			if added {
				details += "; " + c.Requester + " added to the suppression list"
			}
		}
		if c.Status == dsr.StatusNew {
			c.Status = dsr.StatusInProgress
			details += "; status new → in_progress"
		}
		return details, nil
	})
}

// ConfirmRights sets the case's rights as a handler confirmed or corrected
// them (source staff). An empty list confirms that it is not a request.
func (d *Desk) ConfirmRights(ctx context.Context, caseID, version int64, rights []dsr.Right) (*dsr.Case, error) {
	rights = dsr.SortRights(rights)
	c, err := d.confirmRights(ctx, caseID, version, rights)
	if err != nil {
		return nil, err
	}
	// The correction counts from the next message on. The rights are
	// committed whatever happens here: a failed retrain keeps the model
	// it had and the next confirmation tries again, whereas an error
	// would tell the caller the confirmation failed and leave it holding
	// the old version, so its next change would conflict with its own.
	_ = d.Retrain(ctx)
	return c, nil
}

func (d *Desk) confirmRights(ctx context.Context, caseID, version int64, rights []dsr.Right) (*dsr.Case, error) {
	return d.change(ctx, caseID, version, "rights", func(tx *store.Tx, c *dsr.Case, now time.Time) (string, error) {
		var crs []dsr.CaseRight
		for _, r := range rights {
			if r == dsr.None {
				continue
			}
			cr := dsr.CaseRight{Right: r, Source: dsr.SourceStaff, Confidence: 1, Evidence: []string{}}
			// A right the classifier had found keeps the phrases it rests
			// on: the case page goes on showing why.
			for _, had := range c.Rights {
				if had.Right == r {
					cr.Evidence = had.Evidence
				}
			}
			crs = append(crs, cr)
		}
		if err := tx.SetRights(ctx, caseID, crs); err != nil {
			return "", err
		}
		c.Rights = crs // the case handed back shows what was confirmed
		c.RightsConfirmed = true
		details := "rights confirmed: " + dsr.JoinRights(rights)
		switch {
		case len(crs) == 0 && c.Status == dsr.StatusNew:
			c.Status = dsr.StatusNotARequest
			details += "; status new → not_a_request"
		case len(crs) > 0 && c.Status == dsr.StatusNotARequest:
			c.Status = dsr.StatusNew
			details += "; status not_a_request → new"
		}
		if hasRight(rights, dsr.ObjectionMarketing) {
			added, err := tx.AddSuppression(ctx, c.Requester, caseID, "objection to direct marketing (Art. 21(2))", now)
			if err != nil {
				return "", err
			}
			if added {
				details += "; " + c.Requester + " added to the suppression list"
			}
		}
		return details, nil
	})
}

func hasRight(rs []dsr.Right, r dsr.Right) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
