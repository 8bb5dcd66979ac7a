// Package ui is pvdesk's terminal interface: Bubble Tea screens over
// internal/desk. The root model in this file routes keys to the focused
// screen and runs every read and the mail sync in tea.Cmds; each screen
// lives in its own file (inbox.go, casepage.go) and shares one Common.
//
// Everything a stranger wrote (subjects, bodies, names, file names) passes
// through internal/textsafe before it is drawn.
package ui

import (
	"context"
	"fmt"
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

// SyncFunc fetches new mail into the desk, calling progress as it goes. The
// UI runs it in its own goroutine and never waits for it.
type SyncFunc func(ctx context.Context, progress func(desk.SyncProgress)) ([]desk.SyncReport, error)

// Options configure the terminal interface.
type Options struct {
	// Desk is the desk the screens show and act on. Required.
	Desk *desk.Desk
	// Language is the UI language, "nb" or "en"; empty reads $LANG and
	// falls back to bokmål.
	Language string
	// Sync, if set, runs in the background when the UI starts and again on
	// r, so the inbox fills while the handler already works.
	Sync SyncFunc
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
)

// screen is what the root needs of a page: a model that can be sized and
// can explain its keys.
type screen interface {
	tea.Model
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// lastSyncLoadedMsg carries when the mailbox was last synced, read from
// the store at start.
type lastSyncLoadedMsg struct {
	at  time.Time
	err error
}

// syncProgressMsg is one progress report of a running sync. It carries the
// channel so the root can wait for the next event.
type syncProgressMsg struct {
	progress desk.SyncProgress
	events   chan tea.Msg
}

// mailSyncedMsg ends a sync.
type mailSyncedMsg struct {
	reports []desk.SyncReport
	err     error
}

// model is the root: it owns the pages, the status line and the help bar.
type model struct {
	c    *Common
	opts Options

	page  page
	inbox *inboxPage
	caseP *casePage // nil unless a case is open

	help    help.Model
	spinner spinner.Model

	syncing  bool
	progress desk.SyncProgress
	lastSync time.Time
	newCases int  // found by the last sync of this session
	synced   bool // a sync finished in this session
	footErr  string

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
	return &model{c: c, opts: o, inbox: newInboxPage(c), help: h, spinner: sp, ctx: ctx, cancel: cancel}
}

// Run shows the desk on the terminal until the user quits.
func Run(o Options) error {
	var popts []tea.ProgramOption
	if o.AltScreen {
		popts = append(popts, tea.WithAltScreen())
	}
	m := New(o)
	_, err := tea.NewProgram(m, popts...).Run()
	// A sync still running has nobody to report to.
	m.(*model).cancel()
	return err
}

// Init implements tea.Model.
func (m *model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.inbox.reload(), loadLastSync(m.c.Desk)}
	if m.opts.Sync != nil {
		cmds = append(cmds, m.startSync())
	}
	return tea.Batch(cmds...)
}

func loadLastSync(d *desk.Desk) tea.Cmd {
	return func() tea.Msg {
		at, err := d.LastSync(context.Background())
		return lastSyncLoadedMsg{at: at, err: err}
	}
}

// startSync runs Options.Sync in its own goroutine. Events come back one at
// a time through a channel and a command that waits for the next one, so
// Update never blocks on the network.
func (m *model) startSync() tea.Cmd {
	if m.syncing || m.opts.Sync == nil {
		return nil
	}
	m.syncing = true
	m.progress = desk.SyncProgress{}
	ctx, sync := m.ctx, m.opts.Sync
	events := make(chan tea.Msg, 1)
	run := func() tea.Msg {
		go func() {
			progress := func(p desk.SyncProgress) {
				// Only the newest progress is worth drawing: replace one
				// the screen has not taken yet rather than queue behind it.
				select {
				case <-events:
				default:
				}
				select {
				case events <- syncProgressMsg{progress: p, events: events}:
				default:
				}
			}
			reports, err := sync(ctx, progress)
			select {
			case events <- mailSyncedMsg{reports: reports, err: err}:
			case <-ctx.Done():
			}
		}()
		return <-events
	}
	return tea.Batch(run, m.spinner.Tick)
}

func waitForSync(events chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
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
	case backMsg:
		m.page, m.caseP = pageInbox, nil
		m.resize()
		return m, nil
	case lastSyncLoadedMsg:
		if msg.err == nil && !m.synced {
			m.lastSync = msg.at
		}
		return m, nil
	case syncProgressMsg:
		m.progress = msg.progress
		return m, waitForSync(msg.events)
	case mailSyncedMsg:
		return m, m.finishSync(msg)
	case spinner.TickMsg:
		if !m.syncing {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	}
	// Anything else belongs to the page that asked for it.
	_, cmd := m.focused().Update(msg)
	return m, cmd
}

// finishSync ends a sync: the status line says what came in, and the inbox
// (and the open case, which may have got a reply) are read again.
func (m *model) finishSync(msg mailSyncedMsg) tea.Cmd {
	m.syncing = false
	if msg.err != nil {
		m.footErr = m.c.T.SyncFailed + msg.err.Error()
	} else {
		m.synced = true
		m.lastSync = m.c.Now()
		m.newCases = 0
		for _, r := range msg.reports {
			m.newCases += r.NewCases
		}
	}
	cmds := []tea.Cmd{m.inbox.reload()}
	if m.caseP != nil {
		cmds = append(cmds, loadCase(m.c.Desk, m.caseP.id))
	}
	return tea.Batch(cmds...)
}

func (m *model) updateKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	// An error stays until the user has seen it and pressed something.
	m.footErr = ""
	if key.Matches(msg, k.ForceQuit) {
		m.cancel()
		return tea.Quit
	}
	typing := m.page == pageInbox && m.inbox.Typing()
	if !typing {
		switch {
		case key.Matches(msg, k.Quit):
			m.cancel()
			return tea.Quit
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
			m.resize()
			return nil
		case key.Matches(msg, k.Refresh):
			cmds := []tea.Cmd{m.inbox.reload(), m.startSync()}
			if m.caseP != nil {
				cmds = append(cmds, loadCase(m.c.Desk, m.caseP.id))
			}
			return tea.Batch(cmds...)
		}
	}
	_, cmd := m.focused().Update(msg)
	return cmd
}

func (m *model) focused() screen {
	if m.page == pageCase && m.caseP != nil {
		return m.caseP
	}
	return m.inbox
}

// resize gives the pages the terminal minus the status line and help bar.
func (m *model) resize() {
	m.help.Width = m.c.Width
	h := max(m.c.Height-1-lipgloss.Height(m.helpView()), 1)
	m.inbox.SetSize(m.c.Width, h)
	if m.caseP != nil {
		m.caseP.SetSize(m.c.Width, h)
	}
}

func (m *model) helpView() string {
	p := m.focused()
	var v string
	if m.help.ShowAll {
		v = m.help.FullHelpView(p.FullHelp())
	} else {
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
	v := m.focused().View() + "\n" + m.statusLine() + "\n" + m.helpView()
	if strings.Count(v, "\n") >= m.c.Height {
		// A terminal too short for page, status and help: the help goes
		// first, from the bottom.
		v = strings.Join(strings.SplitN(v, "\n", m.c.Height+1)[:m.c.Height], "\n")
	}
	return v
}

// statusLine is the footer: an error until the next key, else the sync
// progress, else when the mailbox was last synced.
func (m *model) statusLine() string {
	t, s, w := m.c.T, m.c.Styles, m.c.Width
	if m.footErr != "" {
		return s.Error.Render(textsafe.Line(m.footErr, w))
	}
	var text, spin string
	if m.syncing {
		spin = m.spinner.View() + " "
	}
	switch {
	case m.syncing && m.progress.Total == 0:
		text = t.Connecting
	case m.syncing:
		text = fmt.Sprintf(t.FetchingFmt, m.progress.Done, m.progress.Total)
		// The mailbox name comes from the server.
		if mb := m.progress.Mailbox; mb != "" && !strings.EqualFold(mb, "INBOX") {
			text += " " + mb
		}
	case m.lastSync.IsZero():
		text = t.NeverSynced
	default:
		text = fmt.Sprintf(t.SyncedFmt, m.syncTime())
		if m.synced && m.newCases > 0 {
			text += " · " + fmt.Sprintf(t.NewCasesFmt, m.newCases)
		}
	}
	return spin + s.Status.Render(textsafe.Line(text, w-lipgloss.Width(spin)))
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
