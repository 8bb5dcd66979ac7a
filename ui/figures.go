package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// figuresLoadedMsg carries the figures of a period.
type figuresLoadedMsg struct {
	seq int
	f   *desk.Figures
	err error
}

// loadFigures computes the figures of period p.
func loadFigures(d *desk.Desk, p desk.Period, seq int) tea.Cmd {
	return func() tea.Msg {
		f, err := d.Figures(context.Background(), p)
		return figuresLoadedMsg{seq: seq, f: f, err: err}
	}
}

// figuresPage is the Tall screen, for team leads: the figures of a year or
// a quarter, drawn as charts (figures_view.go) in a viewport that scrolls
// when the terminal is short. The period starts as this year to today by
// the desk's clock and steps a year or a quarter at a time, never past
// today, since the desk counts as of now.
type figuresPage struct {
	c *Common

	year    int
	quarter int // 1–4; 0 shows the whole year

	seq     int
	loading bool
	f       *desk.Figures // nil until the first load arrives
	shown   desk.Period   // the period f is about
	content string
	vp      viewport.Model

	width, height int
}

func newFiguresPage(c *Common) *figuresPage {
	return &figuresPage{c: c, year: c.Now().In(deadline.Oslo).Year(), vp: viewport.New(0, 0)}
}

// reload computes the figures of the period chosen now.
func (p *figuresPage) reload() tea.Cmd {
	p.seq++
	p.loading = true
	return loadFigures(p.c.Desk, p.period(), p.seq)
}

// today is the desk's date at midnight in Oslo.
func (p *figuresPage) today() time.Time {
	y, m, d := p.c.Now().In(deadline.Oslo).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, deadline.Oslo)
}

// period is the chosen year or quarter, cut at today.
func (p *figuresPage) period() desk.Period {
	from := time.Date(p.year, time.January, 1, 0, 0, 0, 0, deadline.Oslo)
	to := time.Date(p.year, time.December, 31, 0, 0, 0, 0, deadline.Oslo)
	if p.quarter > 0 {
		first := time.Month(3*(p.quarter-1) + 1)
		from = time.Date(p.year, first, 1, 0, 0, 0, 0, deadline.Oslo)
		to = time.Date(p.year, first+3, 0, 0, 0, 0, 0, deadline.Oslo) // day 0: the last of the month before
	}
	if today := p.today(); to.After(today) {
		to = today
	}
	return desk.Period{From: from, To: to}
}

// quarterOf is the quarter of t, 1–4.
func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// step moves the period by delta years or quarters; it reports false when
// that would start after today.
func (p *figuresPage) step(delta int) bool {
	today := p.today()
	if p.quarter == 0 {
		y := p.year + delta
		if y > today.Year() {
			return false
		}
		p.year = y
		return true
	}
	// Quarters counted from year 0, so stepping crosses years.
	n := p.year*4 + p.quarter - 1 + delta
	if n > today.Year()*4+quarterOf(today)-1 {
		return false
	}
	p.year, p.quarter = n/4, n%4+1
	return true
}

// toggleKind switches between the whole year and one of its quarters:
// the current one this year, the last one of a past year.
func (p *figuresPage) toggleKind() {
	if p.quarter > 0 {
		p.quarter = 0
		return
	}
	p.quarter = 4
	if today := p.today(); p.year == today.Year() {
		p.quarter = quarterOf(today)
	}
}

// Init implements tea.Model.
func (p *figuresPage) Init() tea.Cmd { return nil }

// SetSize sets the area the page may draw in and draws the charts again
// for the width.
func (p *figuresPage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.layout()
}

// layout renders the charts and sizes the viewport under the title.
func (p *figuresPage) layout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	p.vp.Width, p.vp.Height = p.width, max(p.height-1, 1)
	if p.f == nil {
		p.content = ""
	} else {
		p.content = p.render(p.f, p.width)
	}
	y := p.vp.YOffset
	p.vp.SetContent(p.content)
	p.vp.SetYOffset(y)
}

// Update implements tea.Model.
func (p *figuresPage) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case figuresLoadedMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.loading = false
		if msg.err == nil {
			// Another period starts at its top; the same one, read
			// again, keeps its place.
			if p.f == nil || !msg.f.From.Equal(p.shown.From) || !msg.f.To.Equal(p.shown.To) {
				p.vp.SetYOffset(0)
			}
			p.f, p.shown = msg.f, msg.f.Period
			p.layout()
		}
	case tea.KeyMsg:
		return p, p.updateKeys(msg)
	}
	return p, nil
}

func (p *figuresPage) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.PrevPeriod):
		if p.step(-1) {
			return p.reload()
		}
	case key.Matches(msg, k.NextPeriod):
		if p.step(1) {
			return p.reload()
		}
	case key.Matches(msg, k.PeriodKind):
		p.toggleKind()
		return p.reload()
	case k.scroll(&p.vp, msg):
	}
	return nil
}

// periodName is "2026" or "4. kvartal 2026".
func (p *figuresPage) periodName() string {
	if p.quarter > 0 {
		return fmt.Sprintf(p.c.T.QuarterFmt, p.quarter, p.year)
	}
	return fmt.Sprint(p.year)
}

// View implements tea.Model. It renders exactly height lines.
func (p *figuresPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lines := []string{p.titleLine()}
	switch {
	case p.f == nil && p.loading:
		lines = append(lines, p.c.Styles.Subtle.Render(fit(p.c.T.Loading, p.width)))
	case p.f != nil:
		lines = append(lines, p.vp.View())
	}
	all := strings.Split(strings.Join(lines, "\n"), "\n")
	for len(all) < p.height {
		all = append(all, "")
	}
	return strings.Join(all[:p.height], "\n")
}

// titleLine names the period and its dates, and says as of when the
// figures were counted.
func (p *figuresPage) titleLine() string {
	t, s := p.c.T, p.c.Styles
	per := p.period()
	left := s.Title.Render(t.Figures+" · "+p.periodName()) +
		s.Subtle.Render(" · "+deadline.Format(per.From)+" – "+deadline.Format(per.To))
	if p.loading && p.f != nil {
		left += s.Subtle.Render(" · " + t.Loading)
	}
	asOf := p.c.Now()
	if p.f != nil {
		asOf = p.f.AsOf
	}
	right := s.Subtle.Render(fmt.Sprintf(t.AsOfFmt, textsafe.Line(p.c.clock(asOf), 20)))
	if p.vp.TotalLineCount() > p.vp.Height {
		right = s.Subtle.Render(fmt.Sprintf("%3.0f%%", p.vp.ScrollPercent()*100)) + "  " + right
	}
	return joinWidth(left, right, p.width)
}

// ShortHelp lists the keys for the help bar.
func (p *figuresPage) ShortHelp() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.PrevPeriod, k.NextPeriod, k.PeriodKind, k.Move, k.Help, k.Back, k.Quit}
}

// FullHelp lists every key of the page, in columns.
func (p *figuresPage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	return [][]key.Binding{
		{k.PrevPeriod, k.NextPeriod, k.PeriodKind},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Back, k.Refresh, k.Help, k.Quit},
	}
}
