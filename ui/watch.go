package ui

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/textsafe"

	tea "github.com/charmbracelet/bubbletea"
)

// WatchFunc keeps the desk in step with the mailbox until ctx ends and
// reports on events; (*desk.Desk).Watch with its options bound has this
// shape. It may also return early (say the password could not be read),
// after sending a WatchFailed event that says why.
type WatchFunc func(ctx context.Context, events chan<- desk.WatchEvent)

// watchEventsMsg carries the intake events that were waiting, oldest
// first. Taking every waiting event at once means a burst of progress
// reports costs one redraw, not one each.
type watchEventsMsg struct {
	gen int // which run of the watch sent them; older runs are ignored
	evs []desk.WatchEvent
	ch  <-chan desk.WatchEvent
}

// watchEndedMsg says the watch function returned.
type watchEndedMsg struct{ gen int }

// retryTickMsg counts the reconnect countdown down by a second.
type retryTickMsg struct{ seq int }

// spinTickMsg turns the spinner while intake is busy.
type spinTickMsg struct{ seq int }

// maxEventsPerMsg bounds one watchEventsMsg, so a flood cannot starve the
// keyboard.
const maxEventsPerMsg = 64

// reloadEvery is how often the inbox is read again while a sync is
// storing cases, so they appear as they come rather than at the end.
const reloadEvery = time.Second

// quietShown is how long a sync may go without progress before the status
// line says so instead of showing its rate: a batch takes a fraction of a
// second, so two seconds of nothing is worth telling.
const quietShown = 2 * time.Second

// barMinTotal is the size of a sync from which a progress bar is worth
// drawing: a first sync of a large mailbox, not the odd new message.
const barMinTotal = 50

// intake is what the status line knows about live intake.
type intake struct {
	gen     int                // run of the watch; bumped on each start
	cancel  context.CancelFunc // stops the current run
	running bool               // the watch function has not returned

	known    bool // an event has arrived; until then the stored last sync shows
	state    desk.WatchState
	progress desk.SyncProgress
	rate     float64
	// progressAt is when progress last moved (wall clock): a FETCH that
	// stalls shows for how long, not the rate it had before, until the
	// watchdog gives the connection up.
	progressAt time.Time
	newCases   int
	err        error
	retryAt    time.Time // wall clock, as desk.Watch sets it

	tickSeq    int       // the countdown tick that is current
	spinSeq    int       // the spinner tick that is current
	lastReload time.Time // wall clock of the last reload during a sync
}

// busy reports whether the spinner should turn.
func (in *intake) busy() bool {
	return in.known && (in.state == desk.WatchConnecting || in.state == desk.WatchSyncing)
}

// down reports whether intake stopped and is waiting to try again, which
// r cuts short.
func (in *intake) down() bool {
	return in.known && (in.state == desk.WatchDisconnected || in.state == desk.WatchFailed) || (in.gen > 0 && !in.running)
}

// startWatch (re)starts Options.Watch under a context that quitting, or
// the next restart, cancels. The goroutine is started by the returned
// command, not here, so Update stays free of side effects.
func (m *model) startWatch() tea.Cmd {
	w := m.opts.Watch
	if w == nil {
		return nil
	}
	if m.in.cancel != nil {
		m.in.cancel()
	}
	ctx, cancel := context.WithCancel(m.ctx)
	m.in.gen++
	m.in.cancel, m.in.running = cancel, true
	gen := m.in.gen
	// Progress is dropped by desk.Watch when the buffer is full; state
	// changes wait for room. A few dozen is plenty for one redraw.
	ch := make(chan desk.WatchEvent, maxEventsPerMsg)
	return func() tea.Msg {
		go func() {
			w(ctx, ch)
			// Watch never closes the channel; it has returned, so nobody
			// sends any more and the reader can be told.
			close(ch)
		}()
		return readWatch(gen, ch)()
	}
}

// readWatch waits for the next intake event and takes any others already
// waiting. It is re-armed after each message: push, not poll.
func readWatch(gen int, ch <-chan desk.WatchEvent) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return watchEndedMsg{gen: gen}
		}
		evs := []desk.WatchEvent{ev}
		for len(evs) < maxEventsPerMsg {
			select {
			case ev, ok := <-ch:
				if !ok {
					// The next read sees the close and ends the run.
					return watchEventsMsg{gen: gen, evs: evs, ch: ch}
				}
				evs = append(evs, ev)
				continue
			default:
			}
			break
		}
		return watchEventsMsg{gen: gen, evs: evs, ch: ch}
	}
}

// watchEvents applies intake events: the status line follows them, the
// inbox is read again while a sync stores cases and after one that found
// some, and an open case is read again in case a reply threaded onto it.
func (m *model) watchEvents(msg watchEventsMsg) tea.Cmd {
	if msg.gen != m.in.gen {
		return nil
	}
	var cmds []tea.Cmd
	if msg.ch != nil {
		cmds = append(cmds, readWatch(msg.gen, msg.ch))
	}
	wasBusy, wasDown := m.in.busy(), m.in.known && m.in.state == desk.WatchDisconnected
	now := m.wall()
	var syncing, found bool
	for _, ev := range msg.evs {
		m.in.known = true
		m.in.state = ev.State
		switch ev.State {
		case desk.WatchConnecting:
			m.in.progress, m.in.rate, m.in.progressAt = desk.SyncProgress{}, 0, now
		case desk.WatchSyncing:
			syncing = true
			// The event after a failed batch carries counts, not progress.
			if ev.Progress.Total > 0 {
				if ev.Progress != m.in.progress {
					m.in.progressAt = now
				}
				m.in.progress, m.in.rate = ev.Progress, ev.Rate
			}
			found = found || ev.NewCases > 0
		case desk.WatchSynced:
			m.lastSync = m.eventTime(ev)
			m.in.newCases = ev.NewCases
			m.in.err = nil
			found = found || ev.NewCases > 0
		case desk.WatchDisconnected, desk.WatchFailed:
			m.in.err, m.in.retryAt = ev.Err, ev.RetryAt
		}
	}
	switch {
	case found && m.in.state == desk.WatchSynced:
		m.in.lastReload = now
		cmds = append(cmds, m.inbox.refresh())
		if m.caseP != nil {
			cmds = append(cmds, loadCase(m.c.Desk, m.caseP.id))
		}
		if m.overview != nil {
			// New mail is a new unassigned case on the lead's overview.
			cmds = append(cmds, m.overview.refresh())
		}
	case (syncing || found) && now.Sub(m.in.lastReload) >= reloadEvery && !m.inbox.loading:
		// While a large sync runs, at most once a second and never two
		// loads at once: a load of 100,000 rows takes a while.
		m.in.lastReload = now
		cmds = append(cmds, m.inbox.refresh())
	}
	if m.in.busy() && !wasBusy {
		cmds = append(cmds, m.spinTick())
	}
	if m.in.state == desk.WatchDisconnected && !wasDown {
		cmds = append(cmds, m.retryTick())
	}
	return tea.Batch(cmds...)
}

// eventTime is when an event happened by the desk's clock, which tests
// fix; an event made by hand may not say.
func (m *model) eventTime(ev desk.WatchEvent) time.Time {
	if ev.At.IsZero() {
		return m.c.Now()
	}
	return ev.At
}

// watchEnded notes that the watch function returned by itself; what it
// last said stays on the status line, and r starts it again.
func (m *model) watchEnded(msg watchEndedMsg) {
	if msg.gen == m.in.gen {
		m.in.running = false
	}
}

// retryTick schedules the next second of the reconnect countdown. Only one
// chain of ticks is live: an older one stops at its next tick.
func (m *model) retryTick() tea.Cmd {
	m.in.tickSeq++
	return m.after(time.Second, retryTickMsg{seq: m.in.tickSeq})
}

func (m *model) onRetryTick(msg retryTickMsg) tea.Cmd {
	if msg.seq != m.in.tickSeq || m.in.state != desk.WatchDisconnected {
		return nil
	}
	return m.retryTick()
}

// spinTick schedules the next frame of the spinner while intake is busy.
func (m *model) spinTick() tea.Cmd {
	m.in.spinSeq++
	return m.after(m.spinner.Spinner.FPS, spinTickMsg{seq: m.in.spinSeq})
}

func (m *model) onSpinTick(msg spinTickMsg) tea.Cmd {
	if msg.seq != m.in.spinSeq || !m.in.busy() {
		return nil
	}
	// Step the spinner through its own Update, dropping the tick it asks
	// for: ours is the one that can be replaced in tests.
	m.spinner, _ = m.spinner.Update(m.spinner.Tick())
	return m.spinTick()
}

// afterTick is the default of model.after: a timer message.
func afterTick(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// intakeLine is the status line when nothing more urgent is to be said:
// where live intake stands, or when the mailbox was last synced.
func (m *model) intakeLine() string {
	t, s, w := m.c.T, m.c.Styles, m.c.Width
	in := &m.in
	if !in.known {
		if m.lastSync.IsZero() {
			return s.Status.Render(textsafe.Line(t.NeverSynced, w))
		}
		return s.Status.Render(textsafe.Line(fmt.Sprintf(t.SyncedFmt, m.syncTime()), w))
	}
	switch in.state {
	case desk.WatchConnecting:
		return m.spinning(t.Connecting, "")
	case desk.WatchSyncing:
		p := in.progress
		if p.Total == 0 {
			return m.spinning(t.FetchingStart, "")
		}
		text := fmt.Sprintf(t.FetchingFmt, t.count(p.Done), t.count(p.Total))
		// The mailbox name comes from the configuration or the server.
		if mb := p.Mailbox; mb != "" && !strings.EqualFold(mb, "INBOX") {
			text += " " + textsafe.Line(mb, 24)
		}
		if quiet := m.wall().Sub(in.progressAt); !in.progressAt.IsZero() && quiet >= quietShown {
			text += " · " + fmt.Sprintf(t.QuietFmt, int(quiet/time.Second))
		} else if in.rate >= 1 {
			text += " · " + fmt.Sprintf(t.RateFmt, int(math.Round(in.rate)))
		}
		var bar string
		if p.Total > barMinTotal {
			bar = m.c.bar(p.Done, p.Total, 30)
		}
		return m.spinning(text, bar)
	case desk.WatchSynced:
		text := fmt.Sprintf(t.SyncedFmt, m.syncTime())
		switch {
		case in.newCases == 1:
			text += " · " + t.NewCaseOne
		case in.newCases > 1:
			text += " · " + fmt.Sprintf(t.NewCasesFmt, in.newCases)
		}
		return s.Status.Render(textsafe.Line(text, w))
	case desk.WatchDisconnected:
		text := t.Disconnected + " – " + m.retryText() + " · " + t.RetryKey
		if in.err != nil {
			text += " · " + t.down(in.err)
		}
		return s.Warning.Render(textsafe.Line(text, w))
	case desk.WatchFailed:
		text := t.failure(in.err) + " · " + t.RetryKey
		if in.err != nil {
			text += " · " + in.err.Error()
		}
		return s.Error.Render(textsafe.Line(text, w))
	}
	return ""
}

// spinning draws the spinner, a text and, if there is room, a bar after it.
func (m *model) spinning(text, bar string) string {
	s, w := m.c.Styles, m.c.Width
	spin := m.spinner.View() + " "
	text = textsafe.Line(text, max(w-lipgloss.Width(spin), 0))
	line := spin + s.Status.Render(text)
	if bar != "" && lipgloss.Width(line)+2+lipgloss.Width(bar) <= w {
		line += "  " + bar
	}
	return truncateStyled(line, w)
}

// retryText is "prøver igjen om 12 s", counted down against the wall
// clock, which is the clock desk.Watch sets RetryAt by.
func (m *model) retryText() string {
	t := m.c.T
	left := m.in.retryAt.Sub(m.wall())
	if m.in.retryAt.IsZero() || left <= 0 {
		return t.RetryNow
	}
	return fmt.Sprintf(t.RetryInFmt, waitText(left))
}

// waitText is a wait in whole seconds, rounded up so the count never
// shows 0 while waiting: "12 s", "2 min 5 s".
func waitText(d time.Duration) string {
	secs := int(math.Ceil(d.Seconds()))
	if secs < 60 {
		return strconv.Itoa(secs) + " s"
	}
	if secs%60 == 0 {
		return strconv.Itoa(secs/60) + " min"
	}
	return fmt.Sprintf("%d min %d s", secs/60, secs%60)
}

// count formats a message count with the language's thousands separator:
// "1 200" and "10 000" in bokmål, "1,200" in English.
func (s *Strings) count(n int) string {
	digits := strconv.Itoa(n)
	if n < 1000 {
		return digits
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(s.ThousandsSep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// failure is the headline for intake that stopped in a way retrying will
// not fix: what to check, in the desk's language.
func (s *Strings) failure(err error) string {
	switch failureKind(err) {
	case "auth":
		return s.FailAuth
	case "tls":
		return s.FailTLS
	case "mailbox":
		return s.FailMailbox
	case "config":
		return s.FailConfig
	}
	return s.FailOther
}

// down says why intake is down and being retried: in the desk's language
// for what retrying is for (no connection, no answer, cut off), the error
// itself for anything else. The details of the first three (host, the
// system's reason) are in the log of `pvdesk sync`.
func (s *Strings) down(err error) string {
	switch failureKind(err) {
	case "unreachable":
		return s.DownUnreachable
	case "timeout":
		return s.DownTimeout
	case "lost":
		return s.DownLost
	}
	return err.Error()
}

// failureKind names the kind of an intake error ("auth", "tls", "mailbox",
// "config", ...), as the desk sorts it.
func failureKind(err error) string { return desk.ErrorKind(err) }
