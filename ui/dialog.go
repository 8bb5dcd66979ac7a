package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// dialog is a small modal component, a one-line prompt or a picker, that
// has the keyboard until it is done. The root holds at most one and draws
// it over the bottom of the page, so a screen asks a question by sending
// openDialogMsg and never draws modals of its own.
type dialog interface {
	// Update handles a key. done says the dialog is finished, submitted
	// or cancelled; cmd is what submitting asked for.
	Update(msg tea.KeyMsg) (done bool, cmd tea.Cmd)
	// View draws the dialog in at most height lines of width cells.
	View(width, height int) []string
	// ShortHelp lists its keys for the help bar.
	ShortHelp() []key.Binding
}

// openDialogMsg asks the root to show a dialog.
type openDialogMsg struct{ d dialog }

func openDialog(d dialog) tea.Cmd {
	return func() tea.Msg { return openDialogMsg{d: d} }
}

// noticeMsg puts a short text in the footer until the next key: a
// confirmation, or with err an error.
type noticeMsg struct {
	text string
	err  bool
}

func notice(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text: text, err: isErr} }
}

// overlayBottom replaces the last lines of page with lines, keeping the
// page's height.
func overlayBottom(page string, lines []string) string {
	rows := strings.Split(page, "\n")
	n := min(len(lines), len(rows))
	copy(rows[len(rows)-n:], lines[len(lines)-n:])
	return strings.Join(rows, "\n")
}

// dialogTop is the first lines of every dialog: a rule that sets it off
// from the page, and its title.
func dialogTop(c *Common, title string, width int) []string {
	return []string{
		c.Styles.Rule.Render(strings.Repeat("─", max(width, 0))),
		c.Styles.Title.Render(fit(title, width)),
	}
}

// confirm asks a yes/no question on one line: y runs yes, n or esc
// cancels, every other key is ignored, so a key meant for the page (j to
// scroll) cannot answer by accident.
type confirm struct {
	c     *Common
	title string
	yes   func() tea.Cmd
}

func newConfirm(c *Common, title string, yes func() tea.Cmd) *confirm {
	return &confirm{c: c, title: title, yes: yes}
}

// Update implements dialog.
func (d *confirm) Update(msg tea.KeyMsg) (bool, tea.Cmd) {
	switch {
	case key.Matches(msg, d.c.Keys.Yes):
		return true, d.yes()
	case key.Matches(msg, d.c.Keys.No):
		return true, nil
	}
	return false, nil
}

// View implements dialog: the rule and the question.
func (d *confirm) View(width, height int) []string {
	lines := dialogTop(d.c, d.title, width)
	if len(lines) > height {
		lines = lines[len(lines)-max(height, 0):]
	}
	return lines
}

// ShortHelp implements dialog.
func (d *confirm) ShortHelp() []key.Binding {
	return []key.Binding{d.c.Keys.Yes, d.c.Keys.No}
}
