package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// maxInput caps what a prompt takes: a reason or a note is a sentence or
// two, and a paste of a whole message must not end up in the audit trail.
const maxInput = 500

// prompt asks for one line of text: an assignee, a reason, a note. It is
// a small line editor rather than bubbles/textinput, which would bring a
// clipboard module the build does not otherwise need.
type prompt struct {
	c        *Common
	title    string
	value    []rune
	pos      int  // cursor, in runes
	required bool // enter on an empty line is refused
	missing  bool // ... and was just tried
	submit   func(string) tea.Cmd

	// options are suggestions that tab fills in (the handlers, when
	// assigning); repeated tabs cycle through those that start with what
	// was typed before the first, stem.
	options []string
	stem    []rune
	nth     int // -1 when the last key was not tab
}

// newPrompt returns a prompt titled title with value already typed and the
// cursor at its end. submit gets the trimmed text on enter.
func newPrompt(c *Common, title, value string, required bool, submit func(string) tea.Cmd) *prompt {
	p := &prompt{c: c, title: title, required: required, submit: submit, nth: -1}
	// A value from the store (the current assignee) is typed like any
	// other text, so it is filtered like any other text.
	p.insert([]rune(value))
	return p
}

// withOptions gives the prompt suggestions for tab to complete from.
func (p *prompt) withOptions(opts []string) *prompt {
	p.options = opts
	return p
}

// complete fills in the next option that starts with the stem, ignoring
// case; the first tab takes what is typed as the stem.
func (p *prompt) complete() {
	if p.nth < 0 {
		p.stem = append([]rune{}, p.value...)
	}
	stem := strings.ToLower(string(p.stem))
	var fits []string
	for _, o := range p.options {
		if strings.HasPrefix(strings.ToLower(o), stem) {
			fits = append(fits, o)
		}
	}
	if len(fits) == 0 {
		return
	}
	p.nth = (p.nth + 1) % len(fits)
	p.value, p.pos = nil, 0
	p.insert([]rune(fits[p.nth]))
}

// Update implements dialog.
func (p *prompt) Update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := p.c.Keys
	p.missing = false
	if len(p.options) > 0 && key.Matches(msg, k.Complete) {
		p.complete()
		return false, nil
	}
	p.nth = -1
	switch {
	case key.Matches(msg, k.Cancel):
		return true, nil
	case key.Matches(msg, k.Submit):
		v := strings.TrimSpace(string(p.value))
		if p.required && v == "" {
			p.missing = true
			return false, nil
		}
		return true, p.submit(v)
	}
	switch msg.Type {
	case tea.KeyLeft, tea.KeyCtrlB:
		p.pos = max(p.pos-1, 0)
	case tea.KeyRight, tea.KeyCtrlF:
		p.pos = min(p.pos+1, len(p.value))
	case tea.KeyHome, tea.KeyCtrlA:
		p.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		p.pos = len(p.value)
	case tea.KeyBackspace:
		if p.pos > 0 {
			p.value = append(p.value[:p.pos-1], p.value[p.pos:]...)
			p.pos--
		}
	case tea.KeyDelete, tea.KeyCtrlD:
		if p.pos < len(p.value) {
			p.value = append(p.value[:p.pos], p.value[p.pos+1:]...)
		}
	case tea.KeyCtrlU:
		p.value, p.pos = p.value[p.pos:], 0
	case tea.KeyCtrlK:
		p.value = p.value[:p.pos]
	case tea.KeyCtrlW:
		i := p.pos
		for i > 0 && unicode.IsSpace(p.value[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(p.value[i-1]) {
			i--
		}
		p.value, p.pos = append(p.value[:i], p.value[p.pos:]...), i
	case tea.KeyRunes, tea.KeySpace:
		p.insert(msg.Runes)
	}
	return false, nil
}

// insert types runes at the cursor. Only printable text goes in: a paste
// may carry control characters or direction overrides, and this text ends
// up in the audit trail and on other people's screens.
func (p *prompt) insert(rs []rune) {
	var add []rune
	for _, r := range rs {
		if unicode.IsPrint(r) && len(p.value)+len(add) < maxInput {
			add = append(add, r)
		}
	}
	if len(add) == 0 {
		return
	}
	rest := append(append([]rune{}, add...), p.value[p.pos:]...)
	p.value = append(p.value[:p.pos], rest...)
	p.pos += len(add)
}

// View implements dialog: the title, the options tab completes from if
// any, then "> text" with the cursor, then a reminder if enter was
// pressed on an empty required line.
func (p *prompt) View(width, height int) []string {
	s := p.c.Styles
	lines := dialogTop(p.c, p.title, width)
	if len(p.options) > 0 {
		// Above the input, which must be the last to go on a short
		// terminal. The options come from the store (user names), so they
		// are cleaned like any text.
		hint := p.c.Keys.Complete.Help().Key + ": " + strings.Join(p.options, ", ")
		lines = append(lines, s.Subtle.Render(textsafe.Line(hint, width)))
	}
	lines = append(lines, s.Filter.Render(">")+" "+p.inputLine(width-2))
	if p.missing {
		lines = append(lines, s.Error.Render(fit(p.c.T.PromptRequired, width)))
	}
	if len(lines) > height {
		// The input line matters most; the rule and title go first.
		lines = lines[len(lines)-max(height, 0):]
	}
	return lines
}

// inputLine draws the text with the cursor, scrolled so the cursor shows
// when the text is wider than the line.
func (p *prompt) inputLine(width int) string {
	if width <= 1 {
		return ""
	}
	s := p.c.Styles
	before, after := string(p.value[:p.pos]), string(p.value[p.pos:])
	// Keep the cursor cell on the line: drop text from the left.
	for textsafe.Width(before) > width-1 {
		_, size := utf8.DecodeRuneInString(before)
		before = before[size:]
	}
	caret, rest := " ", ""
	if after != "" {
		r, size := utf8.DecodeRuneInString(after)
		caret, rest = string(r), after[size:]
	}
	room := width - textsafe.Width(before) - textsafe.Width(caret)
	// Not textsafe.Line, which would trim the spaces being typed: the
	// text is printable runes only (see insert), so a plain cut is safe.
	rest = truncateStyled(rest, max(room, 0))
	return s.Input.Render(before) + s.Caret.Render(caret) + s.Input.Render(rest)
}

// ShortHelp implements dialog.
func (p *prompt) ShortHelp() []key.Binding {
	if len(p.options) > 0 {
		return []key.Binding{p.c.Keys.Submit, p.c.Keys.Complete, p.c.Keys.Cancel}
	}
	return []key.Binding{p.c.Keys.Submit, p.c.Keys.Cancel}
}
