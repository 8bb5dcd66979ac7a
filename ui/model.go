// Package ui is pvdesk's terminal interface: Bubble Tea screens over
// internal/desk. The root model in this file routes keys to the focused
// screen and runs every read and the mail sync in tea.Cmds; each screen
// lives in its own file (inbox.go, casepage.go, compose.go) and shares
// one Common.
//
// Everything a stranger wrote (subjects, bodies, names, file names) passes
// through internal/textsafe before it is drawn.
package ui

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// Options configure the terminal interface.
type Options struct {
	// Desk is the desk the screens show and act on. Required.
	Desk *desk.Desk
	// Language is the UI language, "nb" or "en"; empty reads $LANG and
	// falls back to bokmål.
	Language string
	// Watch, if set, runs in the background from the start until quit:
	// live intake, so the inbox fills while the handler already works and
	// new mail shows up as it arrives. r starts it again at once when it
	// is disconnected or has given up.
	Watch WatchFunc
	// AltScreen makes Run draw in the terminal's alternate screen, which
	// gives the shell its screen back on exit. The CLI sets it; tests that
	// drive the model need not.
	AltScreen bool
	// Renderer draws the styles; default lipgloss.DefaultRenderer(). A
	// server with one renderer per session (SSH) passes its own.
	Renderer *lipgloss.Renderer
}

// page is one of the screens the root switches between.
type page int

const (
	pageInbox page = iota
	pageCase
	pageCompose // over the case page, which stays open beneath
	// The lead screens: the overview from the inbox, the figures from the
	// overview. Only a lead gets there (openOverview, openFigures).
	pageOverview
	pageFigures
)

// screen is what the root needs of a page: a model that can be sized and
// can explain its keys.
type screen interface {
	tea.Model
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// typer is a screen that can have the keyboard for text, when the root
// must not treat letters such as q and r as commands.
type typer interface{ Typing() bool }

// lastSyncLoadedMsg carries when the mailbox was last synced, read from
// the store at start.
type lastSyncLoadedMsg struct {
	at  time.Time
	err error
}

// model is the root: it owns the pages, the status line and the help bar.
type model struct {
	c    *Common
	opts Options

	page  page
	inbox *inboxPage
	caseP *casePage // nil unless a case is open
	// compose is the reply screen for the open case; nil unless open.
	compose *composePage
	// overview and figures are the lead screens; nil unless open. The
	// overview stays open beneath a case opened from it.
	overview *overviewPage
	figures  *figuresPage
	// caseFrom is the page esc on the case page goes back to.
	caseFrom page

	// dialog, when set, has the keyboard: a prompt or a picker that a
	// page opened, drawn over the bottom of the page.
	dialog dialog

	help    help.Model
	spinner spinner.Model

	in       intake    // live intake, for the status line
	lastSync time.Time // by the desk's clock
	footErr  string    // until the next key
	footOK   string    // a change saved; until the next key
	// inboxStale says a case changed while the inbox was not on screen,
	// so going back reads it again.
	inboxStale bool

	// wall is the clock of real waits (the reconnect countdown), and
	// after schedules a message; tests replace both.
	wall  func() time.Time
	after func(time.Duration, tea.Msg) tea.Cmd
	// exec runs $EDITOR on the terminal; tests run it directly.
	exec execFunc

	ctx    context.Context
	cancel context.CancelFunc
}

// New returns the root model of the desk's terminal interface.
func New(o Options) tea.Model {
	lang := o.Language
	if lang == "" {
		lang = os.Getenv("LANG")
	}
	r := o.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	t := translations(lang)
	c := &Common{Desk: o.Desk, Styles: NewStyles(r, DefaultTheme()), Keys: NewKeyMap(t), T: t}
	h := help.New()
	h.Styles = c.Styles.Help
	sp := spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(c.Styles.Subtle))
	ctx, cancel := context.WithCancel(context.Background())
	return &model{c: c, opts: o, inbox: newInboxPage(c), help: h, spinner: sp,
		wall: time.Now, after: afterTick, exec: tea.ExecProcess, ctx: ctx, cancel: cancel}
}

// Run shows the desk on the terminal until the user quits.
func Run(o Options) error {
	limitMemory()
	var popts []tea.ProgramOption
	if o.AltScreen {
		popts = append(popts, tea.WithAltScreen())
	}
	m := New(o)
	_, err := tea.NewProgram(m, popts...).Run()
	// The watch has nobody to report to any more.
	m.(*model).cancel()
	return err
}

// Init implements tea.Model.
func (m *model) Init() tea.Cmd {
	return tea.Batch(m.inbox.reload(), loadLastSync(m.c.Desk), m.startWatch())
}

func loadLastSync(d *desk.Desk) tea.Cmd {
	return func() tea.Msg {
		at, err := d.LastSync(context.Background())
		return lastSyncLoadedMsg{at: at, err: err}
	}
}

// Update implements tea.Model.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.KeyMsg:
		return m, m.updateKey(msg)
	case casesLoadedMsg:
		if msg.err != nil && msg.seq == m.inbox.loadSeq {
			m.footErr = m.c.T.LoadFailed + msg.err.Error()
		}
		_, cmd := m.inbox.Update(msg)
		return m, cmd
	case openCaseMsg:
		m.caseP = newCasePage(m.c, msg.id, msg.ref)
		m.caseFrom = pageInbox
		if m.page == pageOverview {
			m.caseFrom = pageOverview
		}
		m.page = pageCase
		m.resize()
		return m, loadCase(m.c.Desk, msg.id)
	case caseLoadedMsg:
		if m.caseP == nil || m.caseP.id != msg.id {
			return m, nil
		}
		if msg.err != nil {
			m.footErr = m.c.T.OpenFailed + msg.err.Error()
		}
		_, cmd := m.caseP.Update(msg)
		return m, cmd
	case openComposeMsg:
		if m.caseP == nil || m.caseP.id != msg.cs.ID {
			return m, nil
		}
		m.compose = newComposePage(m.c, msg.cs, m.exec)
		m.page = pageCompose
		m.resize()
		return m, m.compose.Init()
	case composeDoneMsg:
		return m, m.composeDone(msg)
	case backMsg:
		return m, m.back()
	case openOverviewMsg:
		return m, m.openOverview()
	case openFiguresMsg:
		return m, m.openFigures()
	case overviewLoadedMsg:
		if m.overview == nil {
			return m, nil
		}
		if msg.err != nil && msg.seq == m.overview.seq {
			m.footErr = m.c.T.LoadFailed + msg.err.Error()
		}
		_, cmd := m.overview.Update(msg)
		return m, cmd
	case figuresLoadedMsg:
		if m.figures == nil {
			return m, nil
		}
		if msg.err != nil && msg.seq == m.figures.seq {
			m.footErr = m.c.T.LoadFailed + msg.err.Error()
		}
		_, cmd := m.figures.Update(msg)
		return m, cmd
	case approvalDecidedMsg:
		return m, m.approvalDecided(msg)
	case bulkAssignedMsg:
		return m, m.bulkAssigned(msg)
	case openDialogMsg:
		m.dialog = msg.d
		m.resize()
		return m, nil
	case noticeMsg:
		if msg.err {
			m.footErr = msg.text
		} else {
			m.footOK = msg.text
		}
		return m, nil
	case caseChangedMsg:
		return m, m.caseChanged(msg)
	case caseForRightsMsg:
		return m, m.rightsFor(msg)
	case lastSyncLoadedMsg:
		if msg.err == nil && !m.in.known {
			m.lastSync = msg.at
		}
		return m, nil
	case watchEventsMsg:
		return m, m.watchEvents(msg)
	case watchEndedMsg:
		m.watchEnded(msg)
		return m, nil
	case retryTickMsg:
		return m, m.onRetryTick(msg)
	case spinTickMsg:
		return m, m.onSpinTick(msg)
	}
	// Anything else belongs to the page that asked for it.
	_, cmd := m.focused().Update(msg)
	return m, cmd
}

func (m *model) updateKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	// An error or a confirmation stays until the user has seen it and
	// pressed something.
	m.footErr, m.footOK = "", ""
	if key.Matches(msg, k.ForceQuit) {
		m.cancel()
		return tea.Quit
	}
	if m.dialog != nil {
		done, cmd := m.dialog.Update(msg)
		if done {
			m.dialog = nil
			m.resize()
		}
		return cmd
	}
	typing := false
	if t, ok := m.focused().(typer); ok {
		typing = t.Typing()
	}
	if !typing {
		switch {
		case key.Matches(msg, k.Quit):
			m.cancel()
			return tea.Quit
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
			m.resize()
			return nil
		case m.page == pageInbox && key.Matches(msg, k.Overview):
			return m.openOverview()
		case key.Matches(msg, k.Refresh):
			cmds := []tea.Cmd{m.inbox.reload()}
			if m.in.down() {
				// Waiting out a backoff helps nobody who just fixed the
				// password or the network.
				cmds = append(cmds, m.startWatch())
			}
			if m.caseP != nil {
				cmds = append(cmds, loadCase(m.c.Desk, m.caseP.id))
			}
			if m.overview != nil {
				cmds = append(cmds, m.overview.reload())
			}
			if m.figures != nil {
				cmds = append(cmds, m.figures.reload())
			}
			return tea.Batch(cmds...)
		}
	}
	_, cmd := m.focused().Update(msg)
	return cmd
}

func (m *model) focused() screen {
	switch {
	case m.page == pageCompose && m.compose != nil:
		return m.compose
	case m.page == pageCase && m.caseP != nil:
		return m.caseP
	case m.page == pageFigures && m.figures != nil:
		return m.figures
	case m.page == pageOverview && m.overview != nil:
		return m.overview
	}
	return m.inbox
}

// isLead says whether the person at the desk may see the lead screens.
func (m *model) isLead() bool { return m.c.Desk.IsLead(m.c.Desk.User()) }

// openOverview shows the lead's overview, or tells a handler it is for
// leads only.
func (m *model) openOverview() tea.Cmd {
	if !m.isLead() {
		m.footErr = m.c.T.LeadsOnly
		return nil
	}
	m.overview = newOverviewPage(m.c)
	m.page = pageOverview
	m.resize()
	return m.overview.reload()
}

// openFigures shows the figures over the overview. The role is checked
// again: the figures are a lead screen whoever asks for them.
func (m *model) openFigures() tea.Cmd {
	if !m.isLead() {
		m.footErr = m.c.T.LeadsOnly
		return nil
	}
	if m.overview == nil {
		return nil
	}
	m.figures = newFiguresPage(m.c)
	m.page = pageFigures
	m.resize()
	return m.figures.reload()
}

// back goes one screen back: from the figures to the overview, from a
// case to where it was opened (the overview is read again, since the case
// may have changed), from anything else to the inbox.
func (m *model) back() tea.Cmd {
	switch {
	case m.page == pageFigures && m.overview != nil:
		m.figures, m.page = nil, pageOverview
		m.resize()
		return nil
	case m.page == pageCase && m.caseFrom == pageOverview && m.overview != nil:
		m.caseP, m.compose, m.page = nil, nil, pageOverview
		m.resize()
		return m.overview.refresh()
	}
	m.page, m.caseP, m.compose, m.overview, m.figures = pageInbox, nil, nil, nil, nil
	m.resize()
	if m.inboxStale {
		m.inboxStale = false
		return m.inbox.refresh()
	}
	return nil
}

// composeDone closes the reply screen and goes back to the case. After a
// letter went out the case is read again (the thread has the letter, the
// step is ticked, the status moved), and the inbox when it next shows.
func (m *model) composeDone(msg composeDoneMsg) tea.Cmd {
	if m.compose == nil || m.compose.cs.ID != msg.id {
		return nil
	}
	m.compose = nil
	m.page = pageCase
	if m.caseP == nil {
		m.page = pageInbox
	}
	if msg.ok != "" {
		m.footOK = msg.ok
	}
	if msg.errText != "" {
		m.footErr = msg.errText
	}
	m.resize()
	if !msg.sent {
		return nil
	}
	m.inboxStale = true
	if m.caseP != nil {
		return loadCase(m.c.Desk, m.caseP.id)
	}
	return nil
}

// resize gives the pages the terminal minus the status line and help bar.
func (m *model) resize() {
	m.help.Width = m.c.Width
	h := m.pageHeight()
	m.inbox.SetSize(m.c.Width, h)
	if m.caseP != nil {
		m.caseP.SetSize(m.c.Width, h)
	}
	if m.compose != nil {
		m.compose.SetSize(m.c.Width, h)
	}
	if m.overview != nil {
		m.overview.SetSize(m.c.Width, h)
	}
	if m.figures != nil {
		m.figures.SetSize(m.c.Width, h)
	}
}

// pageHeight is what the terminal leaves the page under the status line
// and the help bar.
func (m *model) pageHeight() int {
	return max(m.c.Height-1-lipgloss.Height(m.helpView()), 1)
}

func (m *model) helpView() string {
	p := m.focused()
	var v string
	switch {
	case m.dialog != nil:
		v = m.help.ShortHelpView(m.dialog.ShortHelp())
	case m.help.ShowAll:
		v = m.help.FullHelpView(p.FullHelp())
	default:
		v = m.help.ShortHelpView(p.ShortHelp())
	}
	// bubbles/help keeps adding keys when even its ellipsis does not fit,
	// so cut what it made to the width.
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = truncateStyled(l, m.c.Width)
	}
	return strings.Join(lines, "\n")
}

// View implements tea.Model.
func (m *model) View() string {
	if m.c.Width <= 0 || m.c.Height <= 0 {
		return ""
	}
	page := m.focused().View()
	if m.dialog != nil {
		page = overlayBottom(page, m.dialog.View(m.c.Width, m.pageHeight()))
	}
	v := page + "\n" + m.statusLine() + "\n" + m.helpView()
	if strings.Count(v, "\n") >= m.c.Height {
		// A terminal too short for page, status and help: the help goes
		// first, from the bottom.
		v = strings.Join(strings.SplitN(v, "\n", m.c.Height+1)[:m.c.Height], "\n")
	}
	return v
}

// statusLine is the footer: an error or a confirmation until the next
// key, else where live intake stands.
func (m *model) statusLine() string {
	s, w := m.c.Styles, m.c.Width
	switch {
	case m.footErr != "":
		return s.Error.Render(textsafe.Line(m.footErr, w))
	case m.footOK != "":
		return s.Success.Render(textsafe.Line("✓ "+m.footOK, w))
	}
	return m.intakeLine()
}

// syncTime is the clock time of the last sync, with the date when it was
// not today.
func (m *model) syncTime() string {
	now := m.c.Now()
	at := m.lastSync.In(now.Location())
	if deadline.Format(at) == deadline.Format(now) {
		return at.Format("15:04")
	}
	return at.Format("2006-01-02 15:04")
}
