package dsr

import (
	"fmt"
	"strings"
)

// transitions lists, for each status, where a case may go next. Reopening
// (answered, refused or closed back to in_progress) is allowed because a
// follow-up can show the answer was incomplete; every move is audited.
var transitions = map[Status][]Status{
	StatusNew:               {StatusInProgress, StatusAwaitingRequester, StatusAnswered, StatusRefused, StatusWithdrawn, StatusNotARequest},
	StatusInProgress:        {StatusAwaitingRequester, StatusAnswered, StatusRefused, StatusWithdrawn, StatusNotARequest},
	StatusAwaitingRequester: {StatusInProgress, StatusRefused, StatusWithdrawn},
	StatusAnswered:          {StatusClosed, StatusInProgress},
	StatusRefused:           {StatusClosed, StatusInProgress},
	StatusWithdrawn:         {StatusClosed, StatusInProgress},
	// A handler overrules the classifier by moving the case to new.
	StatusNotARequest: {StatusNew, StatusClosed},
	StatusClosed:      {StatusInProgress},
}

// Next returns the statuses a case in s may move to.
func (s Status) Next() []Status { return transitions[s] }

// TransitionError is an invalid status change.
type TransitionError struct {
	From, To Status
}

func (e *TransitionError) Error() string {
	next := transitions[e.From]
	names := make([]string, len(next))
	for i, s := range next {
		names[i] = string(s)
	}
	return fmt.Sprintf("a case cannot go from %s to %s (from %s it can go to %s)",
		e.From, e.To, e.From, strings.Join(names, ", "))
}

// CheckTransition returns nil if a case may move from one status to the
// other, and a *TransitionError otherwise. Staying put is not a transition.
func CheckTransition(from, to Status) error {
	for _, s := range transitions[from] {
		if s == to {
			return nil
		}
	}
	return &TransitionError{From: from, To: to}
}
