package ui

import "github.com/charmbracelet/bubbles/key"

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
	Refresh  key.Binding
	Help     key.Binding
	Quit     key.Binding
	// ForceQuit works everywhere, even while typing a filter.
	ForceQuit key.Binding

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

		FilterUp:     b("↑", t.HelpUp, "up", "ctrl+p"),
		FilterDown:   b("↓", t.HelpDown, "down", "ctrl+n"),
		FilterAccept: b("enter", t.HelpOpen, "enter"),
		FilterCancel: b("esc", t.HelpClearFilter, "esc"),
		FilterClear:  b("esc", t.HelpClearFilter, "esc"),
	}
}
