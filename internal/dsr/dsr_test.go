package dsr

import (
	"errors"
	"strings"
	"testing"
)

func TestTransitions(t *testing.T) {
	ok := []struct{ from, to Status }{
		{StatusNew, StatusInProgress},
		{StatusInProgress, StatusAwaitingRequester},
		{StatusAwaitingRequester, StatusInProgress},
		{StatusInProgress, StatusAnswered},
		{StatusAnswered, StatusClosed},
		{StatusNew, StatusNotARequest},
		{StatusNotARequest, StatusNew},
		{StatusInProgress, StatusRefused},
		{StatusRefused, StatusClosed},
		{StatusAwaitingRequester, StatusWithdrawn},
		{StatusWithdrawn, StatusClosed},
		{StatusClosed, StatusInProgress},
		{StatusAnswered, StatusInProgress},
		{StatusNew, StatusAnswered},
	}
	for _, c := range ok {
		if err := CheckTransition(c.from, c.to); err != nil {
			t.Errorf("%s → %s: %v", c.from, c.to, err)
		}
	}
	bad := []struct{ from, to Status }{
		{StatusNew, StatusClosed},
		{StatusNew, StatusNew},
		{StatusAwaitingRequester, StatusAnswered},
		{StatusClosed, StatusAnswered},
		{StatusNotARequest, StatusAnswered},
		{StatusAnswered, StatusRefused},
		{StatusClosed, StatusClosed},
	}
	for _, c := range bad {
		err := CheckTransition(c.from, c.to)
		var te *TransitionError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), string(c.to)) {
			t.Errorf("%s → %s: %v, want a TransitionError", c.from, c.to, err)
		}
	}
	// Every status is reachable from new and can reach closed.
	for _, s := range AllStatuses {
		if len(s.Next()) == 0 {
			t.Errorf("%s is a dead end", s)
		}
	}
}

func TestChecklistPerRight(t *testing.T) {
	systems := []string{"CRM", "Regnskap"}
	for _, r := range AllRights {
		steps := Checklist([]Right{r}, systems)
		if len(steps) < 2 {
			t.Errorf("%s: %d steps", r, len(steps))
		}
		if steps[len(steps)-1].ID != "reply" {
			t.Errorf("%s: last step %s, want reply", r, steps[len(steps)-1].ID)
		}
		for _, s := range steps {
			if s.NB == "" || s.EN == "" {
				t.Errorf("%s: step %s lacks a label", r, s.ID)
			}
		}
	}
	access := Checklist([]Right{Access}, systems)
	ids := stepIDs(access)
	for _, want := range []string{"identity", "searched:CRM", "searched:Regnskap", "copy_compiled", "art15_info", "reply"} {
		if !strings.Contains(ids, want) {
			t.Errorf("access checklist %s lacks %s", ids, want)
		}
	}
	if !strings.Contains(stepIDs(Checklist([]Right{ObjectionMarketing}, systems)), "suppression") {
		t.Error("objection_marketing lacks the suppression list")
	}
	if strings.Contains(stepIDs(Checklist([]Right{ObjectionMarketing}, systems)), "weighing") {
		t.Error("objection_marketing must not be weighed")
	}
	if !strings.Contains(stepIDs(Checklist([]Right{Objection}, systems)), "weighing") {
		t.Error("objection lacks the weighing")
	}
	if !strings.Contains(stepIDs(Checklist([]Right{Complaint}, nil)), "datatilsynet") {
		t.Error("complaint lacks Datatilsynet")
	}
}

func TestChecklistUnionHasEachStepOnce(t *testing.T) {
	steps := Checklist([]Right{Erasure, Access, ObjectionMarketing}, []string{"CRM"})
	seen := map[string]int{}
	for _, s := range steps {
		seen[s.ID]++
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("step %s appears %d times", id, n)
		}
	}
	if steps[0].ID != "identity" || steps[len(steps)-1].ID != "reply" {
		t.Errorf("order: %s", stepIDs(steps))
	}
	for _, want := range []string{"searched:CRM", "deleted:CRM", "retention_checked", "marketing_stopped", "suppression"} {
		if seen[want] != 1 {
			t.Errorf("union lacks %s: %s", want, stepIDs(steps))
		}
	}
}

func TestRefs(t *testing.T) {
	r, err := ParseRef("pv-2026-0042")
	if err != nil || r.String() != "PV-2026-0042" {
		t.Errorf("ParseRef = %v, %v", r, err)
	}
	for _, bad := range []string{"", "PV-26-1", "XX-2026-0001", "PV-2026-0000", "PV-2026-12"} {
		if _, err := ParseRef(bad); err == nil {
			t.Errorf("ParseRef(%q) accepted", bad)
		}
	}
	if s := (Ref{2027, 12345}).String(); s != "PV-2027-12345" {
		t.Errorf("long seq = %s", s)
	}
}

func TestRightSet(t *testing.T) {
	s := NewRightSet(Erasure, ObjectionMarketing, None)
	if !s.Has(Erasure) || s.Has(Access) || s.String() != "erasure,objection_marketing" {
		t.Errorf("set = %v", s)
	}
	if RightSet(0).String() != "none" {
		t.Error("empty set is not none")
	}
	for _, r := range AllRights {
		if got, err := ParseRight(string(r)); err != nil || got != r {
			t.Errorf("ParseRight(%s) = %v %v", r, got, err)
		}
	}
}

func stepIDs(steps []Step) string {
	ids := make([]string, len(steps))
	for i, s := range steps {
		ids[i] = s.ID
	}
	return strings.Join(ids, " ")
}
