package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// stepsNeedingNote are the steps whose tick must say why: what is kept
// under a legal duty to keep it (and under which), and how the weighing of
// an objection came out. The note goes into the audit trail with the tick.
var stepsNeedingNote = map[string]bool{"retention_checked": true, "weighing": true}

// stepIndent lines up a step's further lines under its label, after the
// cursor mark and the box: "▸ [x] ".
const stepIndent = "      "

// checklistView draws the checklist tab: how far the case is, then each
// step with who ticked it and when. It also returns the first content
// line of each step, so the cursor can be scrolled into view.
func (p *casePage) checklistView() (string, []int) {
	c, s, t, w := p.c, p.c.Styles, p.c.T, p.width
	steps := p.detail.Steps
	if len(steps) == 0 {
		return s.Subtle.Render(textsafe.Wrap(t.NoSteps, max(w, 1))), nil
	}
	done := p.detail.StepsDone()
	count := fmt.Sprintf("%d/%d ", done, len(steps))
	head := s.Label.Render(count) + c.bar(done, len(steps), min(max(w-len(count)-7, 0), 40))
	lines := []string{truncateStyled(head, w), ""}
	inner := min(max(w-len(stepIndent), 1), maxTextWidth)
	starts := make([]int, len(steps))
	for i := range steps {
		starts[i] = len(lines)
		lines = append(lines, p.stepEntry(i, &steps[i], inner)...)
	}
	return strings.Join(lines, "\n"), starts
}

// stepEntry draws one step: the mark, the box, the label wrapped to inner
// cells, who ticked it and when (on the label's line when it fits there),
// and the note.
func (p *casePage) stepEntry(i int, st *desk.StepView, inner int) []string {
	c, s, t, w := p.c, p.c.Styles, p.c.T, p.width
	mark, markStyle, text := "  ", s.Text, s.Text
	if i == p.step {
		mark, markStyle, text = "▸ ", s.Cursor, s.Selected
	}
	box, boxStyle := "[ ] ", s.Text
	if st.Done {
		box, boxStyle = "[x] ", s.OnTime
	}
	// Labels are ours, but per-system ones end in a name from the
	// configuration: clean them like anything else.
	label := strings.Split(textsafe.Wrap(st.Label(t.Lang), inner), "\n")
	var meta string
	if st.Done {
		meta = textsafe.Line(st.Actor, 16) + " · " + c.clock(st.At)
	}
	first := label[0]
	inline := meta != "" && len(label) == 1 && textsafe.Width(first)+2+textsafe.Width(meta) <= inner
	line := markStyle.Render(mark) + boxStyle.Render(box) + text.Render(first)
	if inline {
		line += strings.Repeat(" ", inner-textsafe.Width(first)-textsafe.Width(meta)) + s.Subtle.Render(meta)
	}
	out := []string{line}
	for _, l := range label[1:] {
		out = append(out, stepIndent+text.Render(l))
	}
	if meta != "" && !inline {
		out = append(out, stepIndent+s.Subtle.Render(meta))
	}
	if note := strings.TrimSpace(st.Note); note != "" {
		nl := strings.Split(textsafe.Wrap(t.Note+": "+textsafe.Line(note, 10*inner), inner), "\n")
		if len(nl) > 3 {
			nl = nl[:3]
			nl[2] = textsafe.Line(nl[2]+" …", inner)
		}
		for _, l := range nl {
			out = append(out, stepIndent+s.Subtle.Render(l))
		}
	}
	for k := range out {
		out[k] = truncateStyled(out[k], w)
	}
	return out
}

// checklistKey handles the keys the checklist takes over from scrolling:
// the cursor keys move between steps, space or x ticks.
func (p *casePage) checklistKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.c.Keys
	n := len(p.detail.Steps)
	// Toggle comes first: space is also page down.
	switch {
	case key.Matches(msg, k.Toggle):
		return p.toggleStep(), true
	case key.Matches(msg, k.Up):
		p.moveStep(-1)
	case key.Matches(msg, k.Down):
		p.moveStep(1)
	case key.Matches(msg, k.PageUp):
		p.moveStep(-max(p.vp.Height-2, 1))
	case key.Matches(msg, k.PageDown):
		p.moveStep(max(p.vp.Height-2, 1))
	case key.Matches(msg, k.Home):
		p.moveStep(-n)
	case key.Matches(msg, k.End):
		p.moveStep(n)
	default:
		return nil, false
	}
	return nil, true
}

// moveStep moves the checklist cursor and keeps it on screen.
func (p *casePage) moveStep(delta int) {
	p.step += delta
	// Clamp only: the remembered step is the one being left.
	p.stepID = ""
	p.findStep()
	if n := len(p.detail.Steps); n > 0 {
		p.stepID = p.detail.Steps[p.step].ID
	}
	p.content[tabChecklist], p.stepLines = p.checklistView()
	p.vp.SetContent(p.content[tabChecklist])
	p.showStep()
}

// findStep puts the cursor back on the step it was on before a reload
// (ticking can change the list: confirming rights does), or keeps it in
// range.
func (p *casePage) findStep() {
	if p.detail == nil {
		return
	}
	steps := p.detail.Steps
	if p.stepID != "" {
		for i := range steps {
			if steps[i].ID == p.stepID {
				p.step = i
				return
			}
		}
	}
	p.step = max(0, min(p.step, len(steps)-1))
}

// showStep scrolls the checklist so the whole entry under the cursor
// shows; at the first step, the progress line above it shows too.
func (p *casePage) showStep() {
	if p.tab != tabChecklist || len(p.stepLines) == 0 {
		return
	}
	top := p.stepLines[p.step]
	bottom := p.vp.TotalLineCount() - 1
	if p.step+1 < len(p.stepLines) {
		bottom = p.stepLines[p.step+1] - 1
	}
	if p.step == 0 {
		top = 0
	}
	switch {
	case top < p.vp.YOffset:
		p.vp.SetYOffset(top)
	case bottom >= p.vp.YOffset+p.vp.Height:
		p.vp.SetYOffset(max(bottom-p.vp.Height+1, top))
	}
}

// toggleStep ticks or unticks the step under the cursor. Ticking a step
// that must say why asks for the note first.
func (p *casePage) toggleStep() tea.Cmd {
	steps := p.detail.Steps
	if len(steps) == 0 {
		return nil
	}
	if p.busy {
		return notice(p.c.T.ActionBusy, false)
	}
	st := steps[p.step]
	done, label := !st.Done, st.Label(p.c.T.Lang)
	format := p.c.T.StepUndoneFmt
	if done {
		format = p.c.T.StepDoneFmt
	}
	version := p.detail.Case.Version
	mark := func(note string) tea.Cmd {
		return p.do(version, func(ctx context.Context, d *desk.Desk, id, v int64) (*dsr.Case, error) {
			return d.MarkStep(ctx, id, v, st.ID, done, note)
		}, func(*dsr.Case) string { return fmt.Sprintf(format, label) })
	}
	if done && stepsNeedingNote[st.ID] {
		return openDialog(newPrompt(p.c, fmt.Sprintf(p.c.T.PromptNoteFmt, label), st.Note, true, mark))
	}
	return mark("")
}
