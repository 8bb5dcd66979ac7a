package ui

import (
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// indent is how far message details and bodies sit in from their heading.
const indent = "  "

// maxTextWidth caps the measure of message bodies: lines much longer than
// this are hard to read, however wide the terminal.
const maxTextWidth = 100

// threadView draws every message of the case, oldest first: a heading with
// direction, sender and time, the subject, the attachments, the parse
// warnings (which say the text below may be incomplete), then the body.
func (p *casePage) threadView() string {
	s, t, w := p.c.Styles, p.c.T, p.width
	msgs := p.detail.Messages
	if len(msgs) == 0 {
		return s.Subtle.Render(t.NoMessages)
	}
	inner := max(w-len(indent), 1)
	var b strings.Builder
	for i := range msgs {
		m := &msgs[i]
		if i > 0 {
			b.WriteString("\n" + s.Rule.Render(strings.Repeat("─", w)) + "\n")
		}
		dir := "← " + t.Incoming
		if m.Direction == "out" {
			dir = "→ " + t.Outgoing
		}
		at := m.ReceivedAt
		if at.IsZero() {
			at = m.Date
		}
		when := p.c.clock(at)
		who := requesterLine(m.From.Name, m.From.Addr)
		// The sender gets what the direction and time leave.
		room := w - textsafe.Width(dir) - textsafe.Width(when) - 6
		b.WriteString(s.Title.Render(dir) + s.Subtle.Render(" · ") +
			s.Accent.Render(textsafe.Line(who, max(room, 1))) + s.Subtle.Render(" · "+when) + "\n")

		subject := m.Subject
		if strings.TrimSpace(subject) == "" {
			subject = t.NoSubject
		}
		b.WriteString(indent + s.Label.Render(t.Subject+": ") +
			s.Text.Render(textsafe.Line(subject, max(inner-textsafe.Width(t.Subject)-2, 1))) + "\n")
		for _, a := range m.Attachments {
			label := t.Attachment + ": "
			size := " (" + byteSize(a.Size) + ")"
			name := textsafe.Line(a.Filename, max(inner-textsafe.Width(label)-textsafe.Width(size), 1))
			b.WriteString(indent + s.Label.Render(label) + s.Text.Render(name) + s.Subtle.Render(size) + "\n")
		}
		for _, warn := range m.Warnings {
			for _, l := range strings.Split(textsafe.Wrap("! "+t.Warning+": "+textsafe.Line(warn, 10*w), inner), "\n") {
				b.WriteString(indent + s.Warning.Render(l) + "\n")
			}
		}
		b.WriteString("\n")
		b.WriteString(bodyLines(m.Text, min(inner, maxTextWidth), s.Text.Render))
	}
	return b.String()
}

// bodyLines wraps a message body, indents it and squeezes runs of blank
// lines to one: quoted replies and HTML conversions are full of them.
func bodyLines(text string, width int, render func(...string) string) string {
	var b strings.Builder
	blank := true // also drops blank lines at the start
	for _, l := range strings.Split(textsafe.Wrap(text, width), "\n") {
		if strings.TrimSpace(l) == "" {
			if !blank {
				b.WriteString("\n")
			}
			blank = true
			continue
		}
		blank = false
		b.WriteString(indent + render(l) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// historyView draws the audit events: when, who, what, then the details.
func (p *casePage) historyView() string {
	s, t, w := p.c.Styles, p.c.T, p.width
	evs := p.detail.Events
	if len(evs) == 0 {
		return s.Subtle.Render(t.NoEvents)
	}
	inner := max(w-len(indent), 1)
	var b strings.Builder
	for i := range evs {
		e := &evs[i]
		if i > 0 {
			b.WriteString("\n")
		}
		when := p.c.clock(e.At)
		actor := textsafe.Line(e.Actor, 16)
		kind := textsafe.Line(e.Kind, max(w-textsafe.Width(when)-textsafe.Width(actor)-4, 1))
		head := s.Subtle.Render(when) + "  " + s.Accent.Render(actor) + "  " + s.Title.Render(kind)
		b.WriteString(truncateStyled(head, w) + "\n")
		if strings.TrimSpace(e.Details) != "" {
			b.WriteString(bodyLines(e.Details, min(inner, maxTextWidth), s.Text.Render) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// byteSize is a size as people read it: 512 B, 48 kB, 3.1 MB.
func byteSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d kB", (n+512)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}
