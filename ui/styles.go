package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// Theme names the colours of the desk by what they mean, so a view asks for
// "overdue" and never for red. Each colour adapts to light and dark
// terminals.
type Theme struct {
	Text     lipgloss.AdaptiveColor
	Faint    lipgloss.AdaptiveColor
	Accent   lipgloss.AdaptiveColor
	Selected lipgloss.AdaptiveColor // background of the row under the cursor
	Overdue  lipgloss.AdaptiveColor
	DueSoon  lipgloss.AdaptiveColor
	OnTime   lipgloss.AdaptiveColor
	Error    lipgloss.AdaptiveColor
	Warning  lipgloss.AdaptiveColor
	Border   lipgloss.AdaptiveColor
	// Heat are the backgrounds of a heat table's cells, from the fewest
	// to the most.
	Heat [4]lipgloss.AdaptiveColor
}

// DefaultTheme is the theme the desk starts with.
func DefaultTheme() Theme {
	return Theme{
		Text:     lipgloss.AdaptiveColor{Light: "#1c1c1c", Dark: "#e4e4e4"},
		Faint:    lipgloss.AdaptiveColor{Light: "#8a8a8a", Dark: "#767676"},
		Accent:   lipgloss.AdaptiveColor{Light: "#005f87", Dark: "#5fafff"},
		Selected: lipgloss.AdaptiveColor{Light: "#d0d0d0", Dark: "#3a3a3a"},
		Overdue:  lipgloss.AdaptiveColor{Light: "#c00000", Dark: "#ff5f5f"},
		DueSoon:  lipgloss.AdaptiveColor{Light: "#9a5b00", Dark: "#ffaf00"},
		OnTime:   lipgloss.AdaptiveColor{Light: "#00701a", Dark: "#5fd75f"},
		Error:    lipgloss.AdaptiveColor{Light: "#c00000", Dark: "#ff5f5f"},
		Warning:  lipgloss.AdaptiveColor{Light: "#9a5b00", Dark: "#ffaf00"},
		Border:   lipgloss.AdaptiveColor{Light: "#c6c6c6", Dark: "#4e4e4e"},
		Heat: [4]lipgloss.AdaptiveColor{
			{Light: "#e4eef5", Dark: "#1c2b36"},
			{Light: "#c3dbec", Dark: "#21435b"},
			{Light: "#94bedd", Dark: "#275f86"},
			{Light: "#5f9dcb", Dark: "#2f7db3"},
		},
	}
}

// Styles are the lipgloss styles the views draw with, built once from a
// Theme. Views read these and never make colours of their own.
type Styles struct {
	Title    lipgloss.Style // page title
	Subtle   lipgloss.Style // secondary text: counts, dates, the user
	Header   lipgloss.Style // column headers
	Text     lipgloss.Style
	Accent   lipgloss.Style // names that matter: rights, the requester
	Faint    lipgloss.Style // closed and answered cases
	Selected lipgloss.Style // the row under the cursor; cells inherit from it
	Cursor   lipgloss.Style // the cursor mark at the start of the row
	Overdue  lipgloss.Style
	DueSoon  lipgloss.Style
	OnTime   lipgloss.Style
	Error    lipgloss.Style
	Warning  lipgloss.Style
	Rule     lipgloss.Style // horizontal separators
	Label    lipgloss.Style // "Forfall", "Fra" in front of a value
	Tab      lipgloss.Style
	TabOn    lipgloss.Style // the active tab
	Filter   lipgloss.Style // the filter prompt
	Status   lipgloss.Style // the status line
	Success  lipgloss.Style // a change saved, in the footer
	Input    lipgloss.Style // the text of a prompt
	Caret    lipgloss.Style // the character under a prompt's cursor
	// Heat are the cells of a heat table (figures), fewest to most. The
	// numbers are in the cells, so the table reads without colour too.
	Heat [4]lipgloss.Style
	Help help.Styles
}

// NewStyles builds the styles of t with renderer r, so that one process
// could serve several terminals, each with its own colour profile.
func NewStyles(r *lipgloss.Renderer, t Theme) *Styles {
	s := r.NewStyle
	var heat [4]lipgloss.Style
	for i, bg := range t.Heat {
		heat[i] = s().Foreground(t.Text).Background(bg)
	}
	return &Styles{
		Title:    s().Foreground(t.Accent).Bold(true),
		Subtle:   s().Foreground(t.Faint),
		Header:   s().Foreground(t.Faint).Bold(true),
		Text:     s().Foreground(t.Text),
		Accent:   s().Foreground(t.Accent),
		Faint:    s().Foreground(t.Faint),
		Selected: s().Background(t.Selected).Bold(true),
		Cursor:   s().Foreground(t.Accent).Bold(true),
		Overdue:  s().Foreground(t.Overdue).Bold(true),
		DueSoon:  s().Foreground(t.DueSoon),
		OnTime:   s().Foreground(t.OnTime),
		Error:    s().Foreground(t.Error).Bold(true),
		Warning:  s().Foreground(t.Warning),
		Rule:     s().Foreground(t.Border),
		Label:    s().Foreground(t.Faint),
		Tab:      s().Foreground(t.Faint),
		TabOn:    s().Foreground(t.Accent).Bold(true).Underline(true),
		Filter:   s().Foreground(t.Accent),
		Status:   s().Foreground(t.Faint),
		Success:  s().Foreground(t.OnTime),
		Input:    s().Foreground(t.Text),
		Caret:    s().Reverse(true),
		Heat:     heat,
		Help: help.Styles{
			Ellipsis:       s().Foreground(t.Faint),
			ShortKey:       s().Foreground(t.Accent),
			ShortDesc:      s().Foreground(t.Faint),
			ShortSeparator: s().Foreground(t.Border),
			FullKey:        s().Foreground(t.Accent),
			FullDesc:       s().Foreground(t.Faint),
			FullSeparator:  s().Foreground(t.Border),
		},
	}
}
