package desk

import (
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/mail"
	"github.com/magnetharstad/pvdesk/store"
)

// Scope selects which cases the inbox lists.
type Scope int

// Inbox scopes.
const (
	ScopeOpen       Scope = iota // new, in progress, awaiting the requester
	ScopeAll                     // every case, newest deadlines last
	ScopeMine                    // open cases assigned to the current user
	ScopeUnassigned              // open cases without an assignee
)

// CaseRow is one line of the inbox; see store.CaseRow.
type CaseRow = store.CaseRow

// MessageView is one message of a case's thread, as shown on the case page.
// Text fields are untrusted: views must pass them through textsafe.
type MessageView struct {
	ID          int64
	Direction   string // "in" or "out"
	From        mail.Address
	Subject     string
	Date        time.Time // the sender's Date header, zero if missing
	ReceivedAt  time.Time // IMAP INTERNALDATE
	Text        string
	Attachments []mail.Attachment
	Warnings    []string
}

// Event is one entry of a case's audit history.
type Event struct {
	ID      int64
	At      time.Time
	Actor   string
	Kind    string
	Details string
}

// StepView is one checklist item of a case and whether it is done.
type StepView struct {
	dsr.Step
	Done  bool
	At    time.Time
	Actor string
	Note  string
}

// CaseDetail is everything the case page shows.
type CaseDetail struct {
	Case     dsr.Case
	Messages []MessageView
	Events   []Event
	// Steps is the checklist for the case's rights, with progress.
	Steps []StepView
	// RecentRequests counts this requester's requests in the twelve months
	// before this one arrived, this one included; three or more may be
	// "manifestly unfounded or excessive" (Art. 12(5)) and is flagged.
	RecentRequests int
}

// RepeatRequester reports whether the requester has made three or more
// requests in twelve months (Art. 12(5)).
func (c *CaseDetail) RepeatRequester() bool { return c.RecentRequests >= 3 }

// StepsDone counts the ticked steps.
func (c *CaseDetail) StepsDone() int {
	n := 0
	for _, s := range c.Steps {
		if s.Done {
			n++
		}
	}
	return n
}

// SyncProgress reports a running sync, for the status line.
type SyncProgress struct {
	Mailbox string
	Done    int
	Total   int
}

// SyncReport is the outcome of one sync of one mailbox.
type SyncReport struct {
	Mailbox       string        `json:"mailbox"`
	Fetched       int           `json:"fetched"`
	NewCases      int           `json:"new_cases"`
	Threaded      int           `json:"threaded"`
	AlreadyStored int           `json:"already_stored"`
	Warnings      int           `json:"warnings"`
	Elapsed       time.Duration `json:"elapsed_ns"`
}
