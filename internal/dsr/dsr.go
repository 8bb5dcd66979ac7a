// Package dsr holds the domain types of a data-subject request: the rights a
// request can invoke, the status of a case and the case reference. It is pure:
// no I/O, so every other package can depend on it.
package dsr

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Right is a label from RIGHTS.md. The string values are stable identifiers
// used in the database, the CLI and the corpus.
type Right string

// The rights a request can invoke (RIGHTS.md).
const (
	Access             Right = "access"
	Rectification      Right = "rectification"
	Erasure            Right = "erasure"
	Restriction        Right = "restriction"
	Portability        Right = "portability"
	ObjectionMarketing Right = "objection_marketing"
	Objection          Right = "objection"
	WithdrawConsent    Right = "withdraw_consent"
	Information        Right = "information"
	AutomatedDecision  Right = "automated_decision"
	Complaint          Right = "complaint"
	// None marks a message that invokes no right. It is never stored as a
	// case right; a case without rights is shown as none.
	None Right = "none"
)

// AllRights lists every right except None, in the order of RIGHTS.md, which
// is also the order used when rights are shown together.
var AllRights = []Right{
	Access, Rectification, Erasure, Restriction, Portability,
	ObjectionMarketing, Objection, WithdrawConsent, Information,
	AutomatedDecision, Complaint,
}

// ParseRight returns the Right named s, or an error naming the valid labels.
func ParseRight(s string) (Right, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == string(None) {
		return None, nil
	}
	for _, r := range AllRights {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown right %q (want one of %s, none)", s, JoinRights(AllRights))
}

// Article is the GDPR article a right rests on, for display.
func (r Right) Article() string {
	switch r {
	case Access:
		return "Art. 15"
	case Rectification:
		return "Art. 16"
	case Erasure:
		return "Art. 17"
	case Restriction:
		return "Art. 18"
	case Portability:
		return "Art. 20"
	case ObjectionMarketing:
		return "Art. 21(2)"
	case Objection:
		return "Art. 21(1)"
	case WithdrawConsent:
		return "Art. 7(3)"
	case Information:
		return "Art. 13-14"
	case AutomatedDecision:
		return "Art. 22"
	case Complaint:
		return "Art. 77"
	}
	return ""
}

// Order is the position of r in AllRights, used to sort rights stably.
func (r Right) Order() int {
	for i, x := range AllRights {
		if x == r {
			return i
		}
	}
	return len(AllRights)
}

// JoinRights joins rights with commas in the canonical order; an empty list
// is "none", matching the corpus and the CLI output.
func JoinRights(rs []Right) string {
	if len(rs) == 0 {
		return string(None)
	}
	sorted := SortRights(rs)
	parts := make([]string, len(sorted))
	for i, r := range sorted {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

// SortRights returns a copy of rs in canonical order without duplicates.
func SortRights(rs []Right) []Right {
	seen := make(map[Right]bool, len(rs))
	out := make([]Right, 0, len(rs))
	for _, r := range AllRights {
		for _, x := range rs {
			if x == r && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// Status is where a case stands in its lifecycle.
type Status string

// Case statuses. Extension is a flag on the case, not a status.
const (
	StatusNew               Status = "new"
	StatusInProgress        Status = "in_progress"
	StatusAwaitingRequester Status = "awaiting_requester"
	StatusAnswered          Status = "answered"
	StatusClosed            Status = "closed"
	StatusRefused           Status = "refused"
	StatusWithdrawn         Status = "withdrawn"
	StatusNotARequest       Status = "not_a_request"
)

// AllStatuses lists every status.
var AllStatuses = []Status{
	StatusNew, StatusInProgress, StatusAwaitingRequester, StatusAnswered,
	StatusClosed, StatusRefused, StatusWithdrawn, StatusNotARequest,
}

// ParseStatus returns the Status named s.
func ParseStatus(s string) (Status, error) {
	for _, st := range AllStatuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q", s)
}

// Open reports whether a case in this status still needs an answer and so
// has a running deadline.
func (s Status) Open() bool {
	switch s {
	case StatusNew, StatusInProgress, StatusAwaitingRequester:
		return true
	}
	return false
}

// Ref is a case reference such as PV-2026-0042: the year the request was
// received and a sequence number within that year.
type Ref struct {
	Year int
	Seq  int
}

// String formats the reference as PV-YYYY-NNNN (more digits past 9999).
func (r Ref) String() string { return fmt.Sprintf("PV-%04d-%04d", r.Year, r.Seq) }

// IsZero reports whether r is the zero reference.
func (r Ref) IsZero() bool { return r.Year == 0 && r.Seq == 0 }

// ParseRef parses PV-YYYY-NNNN (case-insensitive).
func ParseRef(s string) (Ref, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	rest, ok := strings.CutPrefix(s, "PV-")
	if !ok {
		return Ref{}, fmt.Errorf("invalid case reference %q: want PV-YYYY-NNNN", s)
	}
	y, n, ok := strings.Cut(rest, "-")
	if !ok || len(y) != 4 || len(n) < 4 {
		return Ref{}, fmt.Errorf("invalid case reference %q: want PV-YYYY-NNNN", s)
	}
	year, err1 := strconv.Atoi(y)
	seq, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || seq <= 0 {
		return Ref{}, fmt.Errorf("invalid case reference %q: want PV-YYYY-NNNN", s)
	}
	return Ref{Year: year, Seq: seq}, nil
}

// Source tells who set a right on a case.
type Source string

// Sources of a case right.
const (
	SourceAuto  Source = "auto"
	SourceStaff Source = "staff"
)

// CaseRight is one right on a case with why it was set.
type CaseRight struct {
	Right      Right
	Source     Source
	Confidence float64
	Evidence   []string
}

// Case is a data-subject request being handled.
type Case struct {
	ID            int64
	Ref           Ref
	Requester     string // e-mail address, lower case
	RequesterName string
	Subject       string
	Language      string
	Status        Status
	Assignee      string
	ReceivedAt    time.Time
	DueAt         time.Time // the due day at 00:00 Europe/Oslo; overdue from deadline.Expires(DueAt)
	PausedAt      time.Time // zero unless the clock is paused
	PauseReason   string
	PausedDays    int // calendar days the clock stood still, added to the due date
	Extended      bool
	ExtendReason  string // goes into the extension notice to the person
	ClosedAt      time.Time
	Outcome       string
	Note          string
	// RightsConfirmed is set once staff confirmed or corrected the rights
	// (including "none"); the learned classifier trains on these cases.
	RightsConfirmed bool
	Version         int64 // optimistic lock: bumped by every change
	UpdatedBy       string
	UpdatedAt       time.Time
	Rights          []CaseRight
}

// RightList returns the rights of the case in canonical order.
func (c *Case) RightList() []Right {
	rs := make([]Right, 0, len(c.Rights))
	for _, r := range c.Rights {
		rs = append(rs, r.Right)
	}
	return SortRights(rs)
}

// RightSet is a compact set of rights (one bit per right in AllRights
// order). The inbox holds one per case, so 100,000 cases cost 200 KB
// instead of a slice of strings each.
type RightSet uint16

// NewRightSet builds a set from rights; None and unknown rights are ignored.
func NewRightSet(rs ...Right) RightSet {
	var s RightSet
	for _, r := range rs {
		if o := r.Order(); o < len(AllRights) {
			s |= 1 << o
		}
	}
	return s
}

// Has reports whether r is in the set.
func (s RightSet) Has(r Right) bool {
	o := r.Order()
	return o < len(AllRights) && s&(1<<o) != 0
}

// List returns the rights in canonical order.
func (s RightSet) List() []Right {
	var out []Right
	for i, r := range AllRights {
		if s&(1<<i) != 0 {
			out = append(out, r)
		}
	}
	return out
}

// String joins the rights with commas, or "none".
func (s RightSet) String() string { return JoinRights(s.List()) }
