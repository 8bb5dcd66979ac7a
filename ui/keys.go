package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// KeyMap holds every key the desk answers to, in one place so the help bar
// and the screens cannot disagree. The keys follow terminal mail clients
// (mutt, aerc): j/k or arrows, enter opens, esc goes back, / filters.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Open     key.Binding
	Back     key.Binding
	Filter   key.Binding
	Scope    key.Binding // inbox: cycle open → all → mine → unassigned
	Tab      key.Binding // case page: next tab
	Refresh  key.Binding // reload; reconnect the mailbox now if it is down
	Help     key.Binding
	Quit     key.Binding
	// ForceQuit works everywhere, even while typing a filter.
	ForceQuit key.Binding
	// Move is Up and Down as one entry, for short help bars that need
	// the room. It carries their keys only because bubbles/help skips a
	// binding without keys; nothing matches on it.
	Move key.Binding

	// Case actions, on the case page (and the first two in the inbox too).
	// None of these letters is taken by navigation above.
	AssignMe key.Binding // a: assign to the person at the desk
	Rights   key.Binding // c: confirm or correct the rights
	Assign   key.Binding // A: assign to someone else, or nobody
	Identity key.Binding // i: ask for identity, pausing the clock
	Resume   key.Binding // u: the requester answered; the clock runs again
	Extend   key.Binding // e: Art. 12(3) extension
	Status   key.Binding // s: change status
	// Toggle ticks a checklist step, or a right in the rights picker. On
	// the checklist it wins over space as page down.
	Toggle key.Binding
	// Compose opens the reply screen for the case (R: r is refresh).
	Compose key.Binding

	// On the reply screen. Send and Edit share letters with Status and
	// Extend on the case page; a key means what the focused screen says.
	Send         key.Binding // s: send the letter (after a yes)
	SaveDraft    key.Binding // d: keep the letter as a draft
	Edit         key.Binding // e: edit the body in place
	EditExternal key.Binding // E: edit the body in $EDITOR
	// EditDone ends editing in place or the reason, keeping the text.
	// Esc does too: nothing typed is thrown away by a key.
	EditDone key.Binding
	// Finish ends the handler's text for a letter and has it written;
	// there esc cancels instead.
	Finish key.Binding
	Yes    key.Binding // in a yes/no question
	No     key.Binding

	// On the lead screens (overview.go, figures.go). Only leads get there.
	Overview   key.Binding // o in the inbox: the lead's overview
	Figures    key.Binding // f on the overview: the figures of a period
	Approve    key.Binding // y: approve the extension or refusal under the cursor
	Reject     key.Binding // n: reject it, with an optional note
	Mark       key.Binding // space: mark a case for reassigning
	Reassign   key.Binding // A: reassign the marked cases, or the current one
	PrevPeriod key.Binding
	NextPeriod key.Binding
	PeriodKind key.Binding // m: a year or a quarter at a time

	// In prompts and pickers.
	Submit key.Binding
	Cancel key.Binding
	// Complete fills in a prompt's text from its suggestions (handlers).
	Complete key.Binding

	// While the filter line has the keyboard, letters are text, so only
	// these move the cursor and end the filter.
	FilterUp     key.Binding
	FilterDown   key.Binding
	FilterAccept key.Binding
	FilterCancel key.Binding
	FilterClear  key.Binding // esc in the inbox once a filter is applied
}

// NewKeyMap returns the default keys with help texts in the language of t.
func NewKeyMap(t *Strings) *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Up:        b("↑/k", t.HelpUp, "up", "k"),
		Down:      b("↓/j", t.HelpDown, "down", "j"),
		PageUp:    b("pgup", t.HelpPgUp, "pgup", "ctrl+b"),
		PageDown:  b("pgdn", t.HelpPgDn, "pgdown", "ctrl+f", " "),
		Home:      b("g/home", t.HelpHome, "home", "g"),
		End:       b("G/end", t.HelpEnd, "end", "G"),
		Open:      b("enter", t.HelpOpen, "enter"),
		Back:      b("esc", t.HelpBack, "esc"),
		Filter:    b("/", t.HelpFilter, "/"),
		Scope:     b("tab", t.HelpScope, "tab"),
		Tab:       b("tab", t.HelpNextTab, "tab", "shift+tab"),
		Refresh:   b("r", t.HelpRefresh, "r"),
		Help:      b("?", t.HelpHelp, "?"),
		Quit:      b("q", t.HelpQuit, "q"),
		ForceQuit: b("ctrl+c", t.HelpQuit, "ctrl+c"),
		Move:      b("↑↓/jk", t.HelpMove, "up", "down", "k", "j"),

		AssignMe: b("a", t.HelpAssignMe, "a"),
		Rights:   b("c", t.HelpRights, "c"),
		Assign:   b("A", t.HelpAssign, "A"),
		Identity: b("i", t.HelpIdentity, "i"),
		Resume:   b("u", t.HelpResume, "u"),
		Extend:   b("e", t.HelpExtend, "e"),
		Status:   b("s", t.HelpStatus, "s"),
		Toggle:   b("space/x", t.HelpToggle, " ", "x"),
		Compose:  b("R", t.HelpCompose, "R"),

		Send:         b("s", t.HelpSend, "s"),
		SaveDraft:    b("d", t.HelpSaveDraft, "d"),
		Edit:         b("e", t.HelpEdit, "e"),
		EditExternal: b("E", t.HelpEditExternal, "E"),
		EditDone:     b("ctrl+s/esc", t.HelpEditDone, "ctrl+s", "esc"),
		Finish:       b("ctrl+s", t.HelpEditDone, "ctrl+s"),
		Yes:          b("y", t.HelpYes, "y"),
		No:           b("n/esc", t.HelpNo, "n", "esc"),

		Overview:   b("o", t.HelpOverview, "o"),
		Figures:    b("f", t.HelpFigures, "f"),
		Approve:    b("y", t.HelpApprove, "y"),
		Reject:     b("n", t.HelpReject, "n"),
		Mark:       b("space", t.HelpMark, " ", "x"),
		Reassign:   b("A", t.HelpReassign, "A"),
		PrevPeriod: b("[/←", t.HelpPrevPeriod, "[", "left"),
		NextPeriod: b("]/→", t.HelpNextPeriod, "]", "right"),
		PeriodKind: b("m", t.HelpPeriodKind, "m"),

		Submit:   b("enter", t.HelpSubmit, "enter"),
		Cancel:   b("esc", t.HelpCancel, "esc"),
		Complete: b("tab", t.HelpComplete, "tab"),

		FilterUp:     b("↑", t.HelpUp, "up", "ctrl+p"),
		FilterDown:   b("↓", t.HelpDown, "down", "ctrl+n"),
		FilterAccept: b("enter", t.HelpOpen, "enter"),
		FilterCancel: b("esc", t.HelpClearFilter, "esc"),
		FilterClear:  b("esc", t.HelpClearFilter, "esc"),
	}
}

// scroll moves vp for the movement keys (line, page, top, bottom) and
// reports whether msg was one of them, so the screens that show a viewport
// scroll it alike.
func (k KeyMap) scroll(vp *viewport.Model, msg tea.KeyMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.Home):
		vp.GotoTop()
	case key.Matches(msg, k.End):
		vp.GotoBottom()
	default:
		return false
	}
	return true
}
