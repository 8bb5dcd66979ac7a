package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// composeHeader is the lines above every step: the title, the recipient
// and a rule.
const composeHeader = 3

// layout sizes the textareas and the preview for the current size and
// state, and draws what does not change between keys (the problem box,
// the letter), so View only joins.
func (p *composePage) layout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	rest := max(p.height-composeHeader, 1)
	switch p.step {
	case stepReason:
		// The prompt and the description above, the reminder below.
		p.reason.SetWidth(p.width)
		p.reason.SetHeight(max(rest-3, 1))
	case stepPreview, stepEdit:
		if p.draft == nil {
			return
		}
		p.box = p.problemBox()
		h := rest - 1 - len(p.box)
		if p.edited {
			h--
		}
		h = max(h, 1)
		p.vp.Width, p.vp.Height = p.width, h
		y := p.vp.YOffset
		p.vp.SetContent(p.letterView())
		p.vp.SetYOffset(y)
		p.body.SetWidth(p.width)
		p.body.SetHeight(h)
	}
}

// View implements tea.Model. It renders exactly height lines.
func (p *composePage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s, t := p.c.Styles, p.c.T
	lines := p.headerLines()
	lines = append(lines, s.Rule.Render(strings.Repeat("─", p.width)))
	switch p.step {
	case stepPick:
		lines = append(lines, p.listView(max(p.height-len(lines), 1))...)
	case stepReason:
		desc := p.kind.Describe(t.Lang)
		lines = append(lines, s.Title.Render(fit(t.ReasonPrompts[p.kind], p.width)),
			s.Subtle.Render(textsafe.Line(desc, p.width)), p.reason.View())
		if p.reasonMissing {
			lines = append(lines, s.Error.Render(fit(t.PromptRequired, p.width)))
		}
	case stepPreview, stepEdit:
		if p.draft == nil {
			break
		}
		lines = append(lines, p.subjectLine())
		if p.edited {
			lines = append(lines, indent+s.Subtle.Render(fit(t.EditedNote, max(p.width-len(indent), 0))))
		}
		lines = append(lines, p.box...)
		if p.step == stepEdit {
			lines = append(lines, p.body.View())
		} else {
			lines = append(lines, p.vp.View())
		}
	}
	all := strings.Split(strings.Join(lines, "\n"), "\n")
	for len(all) < p.height {
		all = append(all, "")
	}
	return strings.Join(all[:p.height], "\n")
}

// headerLines are the title with the template and the draft's state, and
// the recipient with the letter's language.
func (p *composePage) headerLines() []string {
	s, t, w := p.c.Styles, p.c.T, p.width
	left := s.Title.Render(t.Compose + " " + p.cs.Ref.String())
	if p.step != stepPick {
		left += s.Subtle.Render(" · ") + s.Accent.Render(t.Kind(p.kind))
	}
	var right string
	switch {
	case p.busy != "":
		right = s.Warning.Render(p.busy)
	case p.draft != nil && p.saved && p.draft.ID != 0:
		right = s.Subtle.Render(fmt.Sprintf(t.DraftNoFmt, p.draft.ID))
	case p.draft != nil:
		right = s.Subtle.Render(t.NotSaved)
	}
	lang := p.cs.Language
	if p.draft != nil && p.draft.Language != "" {
		lang = p.draft.Language
	}
	langFact := s.Label.Render(t.Language+" ") + s.Text.Render(textsafe.Line(lang, 8))
	to := s.Label.Render(t.To + " ")
	room := max(w-lipgloss.Width(to)-lipgloss.Width(langFact)-1, 1)
	who := s.Accent.Render(textsafe.Line(requesterLine(p.cs.RequesterName, p.cs.Requester), room))
	return []string{joinWidth(left, right, w), joinWidth(to+who, langFact, w)}
}

// listView draws the drafts and templates to choose from in at most rows
// lines, scrolled so the cursor shows.
func (p *composePage) listView(rows int) []string {
	s, t := p.c.Styles, p.c.T
	if !p.loaded {
		return []string{s.Subtle.Render(fit(t.Loading, p.width))}
	}
	nameW := 0
	for _, it := range p.items {
		nameW = max(nameW, textsafe.Width(t.Kind(it.kind)))
	}
	var lines []string
	at := 0 // the line of the cursor
	section := ""
	for i, it := range p.items {
		head := t.ComposeOther
		switch {
		case it.draft != nil:
			head = t.ComposeDrafts
		case it.fits:
			head = t.ComposeSuggested
		}
		if head != section {
			if section != "" {
				lines = append(lines, "")
			}
			section = head
			lines = append(lines, s.Header.Render(fit(head, p.width)))
		}
		if i == p.cursor {
			at = len(lines)
		}
		lines = append(lines, p.itemLine(i, nameW))
	}
	// Scroll by whole lines, keeping a section's heading with its first
	// item when the cursor comes back up to it.
	top := p.listTop
	if at-1 < top {
		top = max(at-1, 0)
	}
	if at >= top+rows {
		top = at - rows + 1
	}
	p.listTop = top
	return lines[top:min(len(lines), top+rows)]
}

// itemLine draws one draft (template, when it was saved, subject, and
// whether its last send failed) or one template (its description).
func (p *composePage) itemLine(i, nameW int) string {
	s, t, w := p.c.Styles, p.c.T, p.width
	it := p.items[i]
	mark, markStyle, text := "  ", s.Text, s.Text
	if i == p.cursor {
		mark, markStyle, text = "▸ ", s.Cursor, s.Selected
	}
	line := markStyle.Render(mark) + text.Render(fit(t.Kind(it.kind), min(nameW, max(w-2, 0)))) + "  "
	room := max(w-lipgloss.Width(line), 0)
	if dr := it.draft; dr != nil {
		when := p.c.clock(dr.UpdatedAt)
		var failed string
		if dr.LastError != "" {
			failed = "  ! " + t.DraftFailed
		}
		subj := textsafe.Line(dr.Subject, max(room-textsafe.Width(when)-2-textsafe.Width(failed), 1))
		line += s.Subtle.Render(when) + "  " + s.Text.Render(subj) + s.Error.Render(failed)
	} else {
		line += s.Subtle.Render(textsafe.Line(it.kind.Describe(t.Lang), room))
	}
	return truncateStyled(line, w)
}

// subjectLine is the letter's subject, with how far the preview is
// scrolled when it does not fit.
func (p *composePage) subjectLine() string {
	s, t, w := p.c.Styles, p.c.T, p.width
	label := indent + t.Subject + ": "
	var pct string
	if p.step == stepPreview && p.vp.TotalLineCount() > p.vp.Height {
		pct = fmt.Sprintf("%3.0f%%", p.vp.ScrollPercent()*100)
	}
	// The subject ends in the case reference, which matters more than
	// the percentage: that gives way first.
	subj := textsafe.Line(p.draft.Subject, max(w-textsafe.Width(label), 1))
	if textsafe.Width(label+subj)+1+len(pct) > w {
		pct = ""
	}
	return joinWidth(s.Label.Render(label)+s.Text.Render(subj), s.Subtle.Render(pct), w)
}

// letterView is the body as it will be sent, wrapped to the width and
// cleaned for the terminal. Blank lines are kept as they are: this is a
// preview of a letter, not a message to skim.
func (p *composePage) letterView() string {
	s := p.c.Styles
	width := min(max(p.width-len(indent), 1), maxTextWidth)
	lines := strings.Split(textsafe.Wrap(p.draft.Body, width), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = indent + s.Text.Render(l)
		}
	}
	return strings.Join(lines, "\n")
}

// boxLine is one line inside the problem box.
type boxLine struct {
	text  string // cleaned, fits the box
	style lipgloss.Style
}

// problemBox draws why the letter cannot go as it is, in a box above it:
// the last send's error, and what the desk's check found missing, the
// inputs (Needs) apart from the content (Missing). A long list is cut to
// a third of the page, so the letter stays in view.
func (p *composePage) problemBox() []string {
	s, t, w := p.c.Styles, p.c.T, p.width
	inner := w - 4
	if inner < 8 || (p.failure == "" && p.check == nil) {
		return nil
	}
	var lines []boxLine
	add := func(text string, st lipgloss.Style, bullet bool) {
		first, rest := "", ""
		if bullet {
			first, rest = "• ", "  "
		}
		for i, l := range strings.Split(textsafe.Wrap(text, inner-len(rest)), "\n") {
			pre := first
			if i > 0 {
				pre = rest
			}
			lines = append(lines, boxLine{pre + l, st})
		}
	}
	border := s.Warning
	if p.failure != "" {
		border = s.Error
		add(p.failTitle, s.Error, false)
		add(p.failure, s.Text, false)
	}
	if c := p.check; c != nil {
		add(t.CheckTitle, s.Warning, false)
		if len(c.Needs) > 0 {
			add(t.CheckNeeds, s.Label, false)
			for _, n := range c.Needs {
				add(n, s.Text, true)
			}
		}
		if len(c.Missing) > 0 {
			add(t.CheckMissing, s.Label, false)
			for _, m := range c.Missing {
				add(m, s.Text, true)
			}
		}
	}
	if limit := max(p.height/3-2, 2); len(lines) > limit {
		more := len(lines) - (limit - 1)
		lines = append(lines[:limit-1], boxLine{textsafe.Line(fmt.Sprintf(t.MoreFmt, more), inner), s.Subtle})
	}
	out := []string{border.Render("╭" + strings.Repeat("─", w-2) + "╮")}
	for _, l := range lines {
		pad := strings.Repeat(" ", max(inner-textsafe.Width(l.text), 0))
		out = append(out, border.Render("│ ")+l.style.Render(l.text)+pad+border.Render(" │"))
	}
	return append(out, border.Render("╰"+strings.Repeat("─", w-2)+"╯"))
}
