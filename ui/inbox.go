package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// casesLoadedMsg carries the inbox rows of one scope, with the filter index
// already built off the UI goroutine.
type casesLoadedMsg struct {
	seq int // drops a load that a later scope switch overtook
	// partial marks the first screenful, sent ahead of the whole list so
	// the first frame does not wait for 100,000 rows.
	partial bool
	scope   desk.Scope
	rows    []inboxRow
	ix      *rowIndex
	err     error
}

// openCaseMsg asks the root to open a case.
type openCaseMsg struct {
	id  int64
	ref string
}

// firstPage is how many rows are read ahead of the whole list: more than
// any terminal shows.
const firstPage = 200

// loadFirstPage reads the first screenful of the inbox of scope.
func loadFirstPage(d *desk.Desk, scope desk.Scope, seq int) tea.Cmd {
	return func() tea.Msg {
		compact, err := readRows(func(fn func(*desk.CaseRow) error) error {
			rows, err := d.InboxFirst(context.Background(), scope, firstPage)
			for i := range rows {
				if err == nil {
					err = fn(&rows[i])
				}
			}
			return err
		})
		if err != nil {
			return casesLoadedMsg{seq: seq, scope: scope, err: err}
		}
		return casesLoadedMsg{seq: seq, scope: scope, partial: true, rows: compact, ix: buildIndex(compact)}
	}
}

// loadCases reads the inbox of scope and indexes it for the filter.
func loadCases(d *desk.Desk, scope desk.Scope, seq int) tea.Cmd {
	return func() tea.Msg {
		compact, err := readRows(func(fn func(*desk.CaseRow) error) error {
			return d.InboxEach(context.Background(), scope, fn)
		})
		if err != nil {
			return casesLoadedMsg{seq: seq, scope: scope, err: err}
		}
		return casesLoadedMsg{seq: seq, scope: scope, rows: compact, ix: buildIndex(compact)}
	}
}

// filterLevel is the result of one filter query. The inbox keeps one per
// keystroke, so typing one more letter filters only the last matches and
// backspace is free.
type filterLevel struct {
	query string
	idx   []int32 // positions in rows; nil means every row
}

// maxQuery caps the filter text; nobody types more, and a paste of a whole
// message must not make every keystroke slow.
const maxQuery = 80

// inboxPage is the Innboks screen: the cases of one scope sorted by due date
// (as the desk returns them), a filter that narrows as you type, and a
// cursor. It draws only the rows that fit, so 100,000 cases cost no more
// per frame than thirty.
type inboxPage struct {
	c *Common

	scope   desk.Scope
	loadSeq int
	loading bool
	loaded  bool // at least one load has arrived
	quiet   bool // the load in flight is a background refresh

	rows []inboxRow
	ix   *rowIndex

	typing bool          // the filter line has the keyboard
	query  string        // the filter text
	levels []filterLevel // levels[0] is the unfiltered list

	refWidth int // the longest reference, for the first column

	cursor int // position in the filtered list
	offset int // first filtered position on screen

	width, height int
}

func newInboxPage(c *Common) *inboxPage {
	return &inboxPage{c: c, loading: true, levels: []filterLevel{{}}}
}

// reload starts a fresh load of the current scope: the first screenful
// at once, then the whole list.
func (p *inboxPage) reload() tea.Cmd {
	p.loadSeq++
	p.loading, p.quiet = true, false
	return tea.Sequence(loadFirstPage(p.c.Desk, p.scope, p.loadSeq), loadCases(p.c.Desk, p.scope, p.loadSeq))
}

// refresh is a reload nobody asked for (live intake, a saved change): the
// title does not say it is loading, since the rows on screen stay until
// the new ones replace them, and a sync refreshes every second. It loads
// the whole list only, or the screen would flash a shortened list.
func (p *inboxPage) refresh() tea.Cmd {
	p.loadSeq++
	p.loading, p.quiet = true, true
	return loadCases(p.c.Desk, p.scope, p.loadSeq)
}

// Init implements tea.Model.
func (p *inboxPage) Init() tea.Cmd { return nil }

// SetSize sets the area the page may draw in.
func (p *inboxPage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.clampScroll()
}

// Typing reports whether the filter line has the keyboard, so the root
// must not treat letters such as q as commands.
func (p *inboxPage) Typing() bool { return p.typing }

// visible is the number of rows in the filtered list.
func (p *inboxPage) visible() int {
	if top := p.levels[len(p.levels)-1]; top.idx != nil {
		return len(top.idx)
	}
	return len(p.rows)
}

// row is the case at a position of the filtered list.
func (p *inboxPage) row(pos int) *inboxRow {
	if top := p.levels[len(p.levels)-1]; top.idx != nil {
		return &p.rows[top.idx[pos]]
	}
	return &p.rows[pos]
}

// selected is the case under the cursor, or nil.
func (p *inboxPage) selected() *inboxRow {
	if p.cursor < 0 || p.cursor >= p.visible() {
		return nil
	}
	return p.row(p.cursor)
}

// Update implements tea.Model.
func (p *inboxPage) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case casesLoadedMsg:
		if msg.seq != p.loadSeq {
			return p, nil
		}
		p.loading = msg.partial
		if msg.err != nil {
			p.loading = false
			return p, nil // the root shows the error; keep the old rows
		}
		p.setRows(msg.rows, msg.ix)
	case tea.KeyMsg:
		if p.typing {
			return p, p.updateTyping(msg)
		}
		return p, p.updateKeys(msg)
	}
	return p, nil
}

// setRows replaces the rows, keeping the filter and, if it is still there,
// the case under the cursor, so a sync that lands while someone reads the
// list does not move them.
func (p *inboxPage) setRows(rows []inboxRow, ix *rowIndex) {
	var keep int64
	if r := p.selected(); r != nil {
		keep = r.ID
	}
	line := p.cursor - p.offset // the screen line the cursor is on
	p.rows, p.ix, p.loaded = rows, ix, true
	p.refWidth = 0
	for i := range rows {
		// Past PV-YYYY-9999 the reference grows a digit.
		p.refWidth = max(p.refWidth, len(rows[i].Ref))
	}
	q := p.query
	p.levels = p.levels[:1]
	p.query = ""
	p.setQuery(q)
	p.cursor = 0
	if keep != 0 {
		for pos := range p.visible() {
			if p.row(pos).ID == keep {
				p.cursor, p.offset = pos, pos-line
				break
			}
		}
	}
	p.clampScroll()
}

// setQuery applies a new filter text. Levels whose query is not a prefix
// of the new one are dropped; if the new query extends what is left, only
// those matches are scanned.
func (p *inboxPage) setQuery(q string) {
	if q == p.query && len(p.levels) > 0 {
		return
	}
	p.query = q
	for len(p.levels) > 1 && !strings.HasPrefix(q, p.levels[len(p.levels)-1].query) {
		p.levels = p.levels[:len(p.levels)-1]
	}
	top := p.levels[len(p.levels)-1]
	if top.query != q && p.ix != nil {
		terms := compileQuery(q, p.c.T)
		if len(terms) == 0 {
			p.levels = p.levels[:1]
		} else {
			p.levels = append(p.levels, filterLevel{query: q, idx: p.ix.filter(top.idx, terms)})
		}
	}
	// Narrowing puts the best candidate, the most urgent match, first.
	p.cursor, p.offset = 0, 0
}

func (p *inboxPage) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.PageUp):
		p.move(-p.listHeight())
	case key.Matches(msg, k.PageDown):
		p.move(p.listHeight())
	case key.Matches(msg, k.Home):
		p.move(-p.visible())
	case key.Matches(msg, k.End):
		p.move(p.visible())
	case key.Matches(msg, k.Open):
		return p.open()
	case key.Matches(msg, k.Filter):
		p.typing = true
		p.clampScroll()
	case key.Matches(msg, k.FilterClear) && p.query != "":
		p.setQuery("")
		p.clampScroll()
	case key.Matches(msg, k.Scope):
		p.scope = (p.scope + 1) % desk.Scope(len(p.c.T.Scopes))
		return p.reload()
	case key.Matches(msg, k.AssignMe):
		if r := p.selected(); r != nil {
			return p.c.assignToMe(r.ID)
		}
	case key.Matches(msg, k.Rights):
		if r := p.selected(); r != nil {
			return loadForRights(p.c.Desk, r.ID)
		}
	}
	return nil
}

func (p *inboxPage) updateTyping(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.FilterUp):
		p.move(-1)
	case key.Matches(msg, k.FilterDown):
		p.move(1)
	case key.Matches(msg, k.FilterAccept):
		p.typing = false
		return p.open()
	case key.Matches(msg, k.FilterCancel):
		p.typing = false
		p.setQuery("")
	case msg.Type == tea.KeyBackspace:
		if _, size := utf8.DecodeLastRuneInString(p.query); size > 0 {
			p.setQuery(p.query[:len(p.query)-size])
		}
	case msg.Type == tea.KeyCtrlW:
		q := strings.TrimRightFunc(p.query, unicode.IsSpace)
		p.setQuery(q[:strings.LastIndexFunc(q, unicode.IsSpace)+1])
	case msg.Type == tea.KeyCtrlU:
		p.setQuery("")
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		var b strings.Builder
		b.WriteString(p.query)
		for _, r := range msg.Runes {
			// Only printable text: a paste may carry anything.
			if unicode.IsPrint(r) && utf8.RuneCountInString(b.String()) < maxQuery {
				b.WriteRune(r)
			}
		}
		p.setQuery(b.String())
	}
	p.clampScroll()
	return nil
}

func (p *inboxPage) open() tea.Cmd {
	r := p.selected()
	if r == nil {
		return nil
	}
	id, ref := r.ID, r.Ref
	return func() tea.Msg { return openCaseMsg{id: id, ref: ref} }
}

func (p *inboxPage) move(delta int) {
	p.cursor += delta
	p.clampScroll()
}

// listHeight is how many case rows fit: the page minus the title, the
// column headers and the filter line when there is one.
func (p *inboxPage) listHeight() int {
	h := p.height - 2
	if p.typing || p.query != "" {
		h--
	}
	return max(h, 1)
}

// clampScroll keeps the cursor on a row and on screen.
func (p *inboxPage) clampScroll() {
	n := p.visible()
	p.cursor = max(0, min(p.cursor, n-1))
	h := p.listHeight()
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+h {
		p.offset = p.cursor - h + 1
	}
	p.offset = max(0, min(p.offset, n-h))
}

// View implements tea.Model. It renders exactly height lines.
func (p *inboxPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lines := make([]string, 0, p.height)
	lines = append(lines, p.titleLine())
	cols := p.columns()
	lines = append(lines, p.headerLine(cols))
	h := p.listHeight()
	switch {
	case !p.loaded:
		lines = append(lines, p.c.Styles.Subtle.Render(fit(p.c.T.Loading, p.width)))
	case p.visible() == 0 && p.query != "":
		lines = append(lines, p.c.Styles.Subtle.Render(fit(p.c.T.NoMatches, p.width)))
	case p.visible() == 0:
		lines = append(lines, p.c.Styles.Subtle.Render(fit(p.c.T.NoCases, p.width)))
	default:
		now := p.c.Now()
		end := min(p.offset+h, p.visible())
		for pos := p.offset; pos < end; pos++ {
			lines = append(lines, p.rowLine(cols, p.row(pos), pos == p.cursor, now))
		}
	}
	for len(lines) < 2+h {
		lines = append(lines, "")
	}
	if p.typing || p.query != "" {
		lines = append(lines, p.filterLine())
	}
	return strings.Join(lines[:min(len(lines), p.height)], "\n")
}

// titleLine is "Innboks · åpne 37" (or "3/37" under a filter) on the left
// and the user and today's date on the right.
func (p *inboxPage) titleLine() string {
	t, s := p.c.T, p.c.Styles
	count := fmt.Sprint(len(p.rows))
	if p.query != "" {
		count = fmt.Sprintf("%d/%d", p.visible(), len(p.rows))
	}
	if !p.loaded {
		count = "…"
	}
	left := s.Title.Render(t.Inbox) + s.Subtle.Render(" · "+t.Scopes[p.scope]+" "+count)
	if p.loading && p.loaded && !p.quiet {
		left += s.Subtle.Render(" · " + t.Loading)
	}
	right := s.Subtle.Render(textsafe.Line(p.c.Desk.User(), 24) + " · " + p.dateToday())
	return joinWidth(left, right, p.width)
}

func (p *inboxPage) dateToday() string {
	return deadline.Format(p.c.Now())
}

// filterLine shows the filter text, with a block cursor while typing.
func (p *inboxPage) filterLine() string {
	s := p.c.Styles
	prompt := "/"
	text := p.query
	if p.typing {
		text += "█"
	}
	line := s.Filter.Render(prompt) + " " + fit(text, p.width-2)
	return truncateStyled(line, p.width)
}

// ShortHelp lists the keys for the help bar.
func (p *inboxPage) ShortHelp() []key.Binding {
	k := p.c.Keys
	if p.typing {
		return []key.Binding{k.FilterUp, k.FilterDown, k.FilterAccept, k.FilterCancel}
	}
	// Up and down as one entry, and r only in the full help (intake is
	// live), leave room for the two case actions at 100 columns.
	b := []key.Binding{k.Move, k.Open, k.Filter}
	if p.query != "" {
		b = append(b, k.FilterClear)
	}
	return append(b, k.AssignMe, k.Rights, k.Scope, k.Help, k.Quit)
}

// FullHelp lists every key of the page, in columns.
func (p *inboxPage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	actions := []key.Binding{k.AssignMe, k.Rights}
	if d := p.c.Desk; d.IsLead(d.User()) {
		// Only in the full help: the short bar has no room at 100
		// columns, and a handler would only be told it is for leads.
		actions = append(actions, k.Overview)
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.Filter, k.FilterClear, k.Scope},
		actions,
		{k.Refresh, k.Help, k.Quit, k.ForceQuit},
	}
}
