package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// safeCell makes untrusted text safe for one line of terminal output.
func safeCell(s string) string { return textsafe.Line(s, 1<<16) }

type rightJSON struct {
	Right      string   `json:"right"`
	Source     string   `json:"source"`
	Confidence float64  `json:"confidence"`
	Evidence   []string `json:"evidence"`
}

type messageJSON struct {
	Direction   string   `json:"direction"`
	From        string   `json:"from"`
	Subject     string   `json:"subject"`
	Date        string   `json:"date,omitempty"`
	ReceivedAt  string   `json:"received_at"`
	Text        string   `json:"text"`
	Attachments []string `json:"attachments"`
	Warnings    []string `json:"warnings"`
}

type eventJSON struct {
	At      string `json:"at"`
	Actor   string `json:"actor"`
	Kind    string `json:"kind"`
	Details string `json:"details"`
}

type caseDetailJSON struct {
	caseJSON
	Language string        `json:"language"`
	Note     string        `json:"note,omitempty"`
	Rights   []rightJSON   `json:"rights"`
	Messages []messageJSON `json:"messages"`
	Events   []eventJSON   `json:"events"`
}

func writeCase(w io.Writer, det *desk.CaseDetail, now time.Time, asJSON bool) error {
	c := det.Case
	out := caseDetailJSON{
		caseJSON: caseJSON{
			Ref: c.Ref.String(), Requester: c.Requester, RequesterName: c.RequesterName,
			Subject: c.Subject, Status: string(c.Status), Assignee: c.Assignee,
			ReceivedAt: c.ReceivedAt.In(deadline.Oslo).Format(time.RFC3339),
			DueAt:      deadline.Format(c.DueAt), DaysLeft: deadline.DaysLeft(now, c.DueAt),
			Extended: c.Extended, Paused: !c.PausedAt.IsZero(),
		},
		Language: c.Language, Note: c.Note, Rights: []rightJSON{}, Messages: []messageJSON{}, Events: []eventJSON{},
	}
	for _, r := range c.Rights {
		ev := r.Evidence
		if ev == nil {
			ev = []string{}
		}
		out.Rights = append(out.Rights, rightJSON{string(r.Right), string(r.Source), r.Confidence, ev})
	}
	for _, m := range det.Messages {
		mj := messageJSON{Direction: m.Direction, From: m.From.Addr, Subject: m.Subject,
			ReceivedAt: m.ReceivedAt.In(deadline.Oslo).Format(time.RFC3339), Text: m.Text,
			Attachments: []string{}, Warnings: m.Warnings}
		if !m.Date.IsZero() {
			mj.Date = m.Date.Format(time.RFC3339)
		}
		if mj.Warnings == nil {
			mj.Warnings = []string{}
		}
		for _, a := range m.Attachments {
			mj.Attachments = append(mj.Attachments, a.Filename)
		}
		out.Messages = append(out.Messages, mj)
	}
	for _, e := range det.Events {
		out.Events = append(out.Events, eventJSON{e.At.Format(time.RFC3339), e.Actor, e.Kind, e.Details})
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	name := c.Requester
	if c.RequesterName != "" {
		name = c.RequesterName + " <" + c.Requester + ">"
	}
	fmt.Fprintf(w, "%s  %s\n", out.Ref, safeCell(c.Subject))
	fmt.Fprintf(w, "requester: %s\nstatus:    %s\nreceived:  %s\ndue:       %s (%d days left)\n",
		safeCell(name), out.Status, out.ReceivedAt, out.DueAt, out.DaysLeft)
	if c.Note != "" {
		fmt.Fprintf(w, "note:      %s\n", safeCell(c.Note))
	}
	fmt.Fprintln(w, "rights:")
	if len(out.Rights) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, r := range out.Rights {
		ev := make([]string, len(r.Evidence))
		for i, e := range r.Evidence {
			ev[i] = "«" + safeCell(e) + "»"
		}
		fmt.Fprintf(w, "  %s (%s, %.2f) %s\n", r.Right, r.Source, r.Confidence, strings.Join(ev, " "))
	}
	for _, m := range out.Messages {
		fmt.Fprintf(w, "\n--- %s %s %s\n%s\n", m.Direction, safeCell(m.From), m.ReceivedAt, safeCell(m.Subject))
		for _, wr := range m.Warnings {
			fmt.Fprintf(w, "! %s\n", safeCell(wr))
		}
		fmt.Fprintln(w, textsafe.Clean(m.Text))
	}
	fmt.Fprintln(w, "\nhistory:")
	for _, e := range out.Events {
		fmt.Fprintf(w, "  %s  %s  %s  %s\n", e.At, safeCell(e.Actor), e.Kind, safeCell(e.Details))
	}
	return nil
}
