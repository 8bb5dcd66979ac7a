package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// pickItem is one line of a picker.
type pickItem struct {
	label   string
	detail  string // drawn faint after the label
	checked bool
}

// picker is a short list to choose from: one item (the status picker) or,
// with multi, any number ticked with space (the rights picker).
type picker struct {
	c      *Common
	title  string
	hint   string // a line under the title, may be empty
	items  []pickItem
	multi  bool
	cursor int
	offset int // first item on screen when the list does not fit
	// submit gets the items and the cursor on enter.
	submit func(items []pickItem, cursor int) tea.Cmd
}

// Update implements dialog.
func (p *picker) Update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		return true, nil
	case key.Matches(msg, k.Submit):
		return true, p.submit(p.items, p.cursor)
	case p.multi && key.Matches(msg, k.Toggle):
		p.items[p.cursor].checked = !p.items[p.cursor].checked
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, len(p.items)-1)
	case key.Matches(msg, k.Home):
		p.cursor = 0
	case key.Matches(msg, k.End):
		p.cursor = len(p.items) - 1
	}
	return false, nil
}

// View implements dialog. When the items do not all fit, the list scrolls
// with the cursor.
func (p *picker) View(width, height int) []string {
	s := p.c.Styles
	lines := dialogTop(p.c, p.title, width)
	if p.hint != "" {
		lines = append(lines, s.Subtle.Render(fit(p.hint, width)))
	}
	rows := min(len(p.items), max(height-len(lines), 1))
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	for i := p.offset; i < p.offset+rows && i < len(p.items); i++ {
		lines = append(lines, p.itemLine(i, width))
	}
	if len(lines) > height {
		// The items matter most; the rule, title and hint go first.
		lines = lines[len(lines)-max(height, 0):]
	}
	return lines
}

func (p *picker) itemLine(i, width int) string {
	s := p.c.Styles
	it := p.items[i]
	mark, markStyle, text := "  ", s.Text, s.Text
	if i == p.cursor {
		mark, markStyle, text = "▸ ", s.Cursor, s.Selected
	}
	box := ""
	if p.multi {
		box = "[ ] "
		if it.checked {
			box = "[x] "
		}
	}
	label := fit(box+it.label, min(width-2, p.labelWidth()))
	line := markStyle.Render(mark) + text.Render(label)
	if it.detail != "" {
		line += "  " + s.Subtle.Render(it.detail)
	}
	return truncateStyled(line, width)
}

// labelWidth is the widest label with its box, so the details line up.
func (p *picker) labelWidth() int {
	w := 0
	for _, it := range p.items {
		w = max(w, textsafe.Width(it.label))
	}
	if p.multi {
		w += len("[ ] ")
	}
	return w
}

// ShortHelp implements dialog.
func (p *picker) ShortHelp() []key.Binding {
	k := p.c.Keys
	if p.multi {
		return []key.Binding{k.Move, k.Toggle, k.Submit, k.Cancel}
	}
	return []key.Binding{k.Move, k.Submit, k.Cancel}
}

// newRightsPicker lists every right with the case's current ones ticked.
// Enter hands the ticked ones to submit; none ticked says the mail is not
// a request at all.
func newRightsPicker(c *Common, ref string, current []dsr.Right, submit func([]dsr.Right) tea.Cmd) *picker {
	has := dsr.NewRightSet(current...)
	items := make([]pickItem, len(dsr.AllRights))
	for i, r := range dsr.AllRights {
		items[i] = pickItem{label: c.T.Right(r), detail: r.Article(), checked: has&dsr.NewRightSet(r) != 0}
	}
	return &picker{
		c: c, title: fmt.Sprintf(c.T.PickRightsFmt, ref), hint: c.T.PickRightsHint, items: items, multi: true,
		submit: func(items []pickItem, _ int) tea.Cmd {
			var rights []dsr.Right
			for i, it := range items {
				if it.checked {
					rights = append(rights, dsr.AllRights[i])
				}
			}
			return submit(rights)
		},
	}
}

// newStatusPicker lists the statuses a case may move to from cur, by
// their names in the desk's language. hint, if set, is shown under the
// title (steps still open, say).
func newStatusPicker(c *Common, ref string, cur dsr.Status, hint string, submit func(dsr.Status) tea.Cmd) *picker {
	next := cur.Next()
	items := make([]pickItem, len(next))
	for i, st := range next {
		items[i] = pickItem{label: c.T.Status(st)}
	}
	return &picker{
		c: c, title: fmt.Sprintf(c.T.PickStatusFmt, ref, c.T.Status(cur)), hint: hint, items: items,
		submit: func(_ []pickItem, cursor int) tea.Cmd { return submit(next[cursor]) },
	}
}
