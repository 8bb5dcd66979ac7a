package ui

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// openComposeMsg asks the root to open the reply screen for a case.
type openComposeMsg struct{ cs dsr.Case }

// composeDoneMsg asks the root to close the reply screen and go back to
// the case: with ok or errText for the footer, and sent when a letter went
// out, so the case and the inbox are read again.
type composeDoneMsg struct {
	id      int64
	ok      string
	errText string
	sent    bool
}

// draftsLoadedMsg carries a case's unsent drafts, newest first.
type draftsLoadedMsg struct {
	id     int64
	drafts []desk.Draft
	err    error
}

// execFunc runs a program on the terminal, as tea.ExecProcess does; tests
// run it directly.
type execFunc func(*exec.Cmd, tea.ExecCallback) tea.Cmd

// composeStep is where the reply screen is.
type composeStep int

const (
	stepPick    composeStep = iota // choose a draft to resume or a template
	stepReason                     // write the handler's text the letter carries
	stepPreview                    // read, then edit, save or send
	stepEdit                       // the body in a textarea
)

// maxReason caps the reason textarea: a reason is a few paragraphs, and
// it goes into the letter and the draft. The body has no cap, since a cap
// would cut a long letter short without a word.
const maxReason = 4000

// composeItem is one line of the list to choose from.
type composeItem struct {
	draft *desk.Draft // resume this draft; nil for a fresh letter
	kind  reply.Kind
	fits  bool // the template fits the case's rights and state
}

// composePage is the Svar screen: pick a template (or a draft to resume),
// give the text the letter needs from the handler, preview what the desk
// wrote, edit it in place or in $EDITOR, save it as a draft or send it.
// Nothing typed is lost on the way: an edit is saved as a draft as soon
// as it ends, and a failed send keeps the draft and says why, with s to
// try again. The views are in compose_view.go, the editors in
// compose_edit.go, and what it asks of the desk in compose_desk.go.
type composePage struct {
	c    *Common
	cs   dsr.Case // the case as the case page had it
	exec execFunc

	step    composeStep
	loaded  bool // the drafts have been read
	drafts  []desk.Draft
	items   []composeItem
	cursor  int
	listTop int // first list line on screen

	kind          reply.Kind
	reason        textarea.Model
	reasonMissing bool

	draft     *desk.Draft // the letter in hand; the page's own copy
	saved     bool        // the store has the draft as shown
	edited    bool        // the body changed since the desk checked it
	check     *reply.CheckError
	failTitle string // why the last send failed: a heading ...
	failure   string // ... and the error, until the next try
	// confirmed says the handler answered yes to the recipient for this
	// text, so a retry after a failure is one key. An edit asks again.
	confirmed bool
	// busy names what is running (sending, saving); keys wait for it, so
	// a second send cannot race the first.
	busy string

	box  []string // the problem box, drawn by layout
	vp   viewport.Model
	body textarea.Model

	width, height int
}

func newComposePage(c *Common, cs dsr.Case, run execFunc) *composePage {
	if run == nil {
		run = tea.ExecProcess
	}
	return &composePage{c: c, cs: cs, exec: run, vp: viewport.New(0, 0),
		reason: c.newTextarea(maxReason), body: c.newTextarea(0)}
}

// Init implements tea.Model: the drafts are read first, so the handler
// can resume one before writing a second letter of the same kind.
func (p *composePage) Init() tea.Cmd { return loadDrafts(p.c.Desk, p.cs.ID) }

func loadDrafts(d *desk.Desk, id int64) tea.Cmd {
	return func() tea.Msg {
		drafts, err := d.Drafts(context.Background(), id)
		return draftsLoadedMsg{id: id, drafts: drafts, err: err}
	}
}

// Typing reports whether a textarea has the keyboard, so the root must
// not treat letters such as q and r as commands.
func (p *composePage) Typing() bool { return p.step == stepReason || p.step == stepEdit }

// SetSize sets the area the page may draw in.
func (p *composePage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.layout()
}

// Update implements tea.Model.
func (p *composePage) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	t := p.c.T
	switch msg := msg.(type) {
	case draftsLoadedMsg:
		if msg.id != p.cs.ID {
			return p, nil
		}
		p.loaded, p.drafts = true, msg.drafts
		p.buildItems()
		if msg.err != nil {
			return p, notice(t.DraftsFailed+msg.err.Error(), true)
		}
	case replyComposedMsg:
		if msg.id != p.cs.ID {
			return p, nil
		}
		return p, p.composed(msg)
	case draftSavedMsg:
		p.busy = ""
		if msg.err != nil {
			return p, notice(t.ActionFailed+msg.err.Error(), true)
		}
		p.draft, p.saved = &msg.draft, true
		p.layout()
		return p, notice(t.DraftSavedOK, false)
	case replySentMsg:
		return p, p.sentReply(msg)
	case editorReadyMsg:
		if msg.err != nil {
			p.busy = ""
			return p, notice(t.EditorFailed+msg.err.Error(), true)
		}
		path := msg.path
		return p, p.exec(msg.cmd, func(err error) tea.Msg { return editorExitedMsg{path: path, err: err} })
	case editorExitedMsg:
		return p, readEditorFile(msg.path, msg.err)
	case editorReadMsg:
		p.busy = ""
		if msg.err != nil {
			return p, notice(t.EditorFailed+msg.err.Error(), true)
		}
		return p, p.setBody(msg.body)
	case tea.KeyMsg:
		if p.busy != "" {
			return p, notice(t.ActionBusy, false)
		}
		switch p.step {
		case stepPick:
			return p, p.pickKey(msg)
		case stepReason:
			return p, p.reasonKey(msg)
		case stepPreview:
			return p, p.previewKey(msg)
		case stepEdit:
			return p, p.editKey(msg)
		}
	}
	return p, nil
}

// buildItems lists the drafts to resume, then every template in the
// desk's order, the ones that fit the case first.
func (p *composePage) buildItems() {
	kinds := p.c.Desk.SuggestReplies(&p.cs)
	fit := fittingKinds(&p.cs)
	p.items = p.items[:0]
	for i := range p.drafts {
		p.items = append(p.items, composeItem{draft: &p.drafts[i], kind: reply.Kind(p.drafts[i].Kind)})
	}
	for i, k := range kinds {
		p.items = append(p.items, composeItem{kind: k, fits: i < fit})
	}
	p.cursor = max(0, min(p.cursor, len(p.items)-1))
}

func (p *composePage) pickKey(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		id := p.cs.ID
		return func() tea.Msg { return composeDoneMsg{id: id} }
	case !p.loaded || len(p.items) == 0:
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, len(p.items)-1)
	case key.Matches(msg, k.Home):
		p.cursor = 0
	case key.Matches(msg, k.End):
		p.cursor = len(p.items) - 1
	case key.Matches(msg, k.Open):
		return p.choose(p.items[p.cursor])
	}
	return nil
}

// choose resumes a draft, asks for the handler's text, or has the desk
// write the letter.
func (p *composePage) choose(it composeItem) tea.Cmd {
	p.kind = it.kind
	if it.draft != nil {
		dr := *it.draft
		p.showLetter(&dr, nil)
		p.saved = true
		if dr.LastError != "" {
			p.failTitle, p.failure = p.c.T.LastFailedTitle, dr.LastError
		}
		p.layout()
		return nil
	}
	if needsReason(it.kind, &p.cs) {
		p.step, p.reasonMissing = stepReason, false
		p.layout()
		return p.reason.Focus()
	}
	return p.compose("")
}

// showLetter puts a letter on the preview, fresh: not yet saved, checked
// as the desk says, confirmed by nobody.
func (p *composePage) showLetter(dr *desk.Draft, check *reply.CheckError) {
	p.draft, p.check = dr, check
	p.saved, p.edited, p.confirmed = false, false, false
	p.failTitle, p.failure = "", ""
	p.step = stepPreview
	p.reason.Blur()
	p.layout()
	p.vp.GotoTop()
}

func (p *composePage) reasonKey(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	p.reasonMissing = false
	switch {
	case key.Matches(msg, k.Finish):
		r := strings.TrimSpace(p.reason.Value())
		if r == "" {
			p.reasonMissing = true
			return nil
		}
		return p.compose(r)
	case key.Matches(msg, k.Cancel):
		// The text stays in the textarea for the next try.
		p.reason.Blur()
		p.step = stepPick
		p.layout()
		return nil
	}
	var cmd tea.Cmd
	p.reason, cmd = p.reason.Update(cleanKey(msg))
	return cmd
}

func (p *composePage) previewKey(msg tea.KeyMsg) tea.Cmd {
	k, t := p.c.Keys, p.c.T
	switch {
	case key.Matches(msg, k.Back):
		// Back to the list, which reads the drafts again: one saved
		// here is there to resume.
		p.step, p.draft, p.check = stepPick, nil, nil
		p.failTitle, p.failure = "", ""
		p.loaded = false
		p.layout()
		return loadDrafts(p.c.Desk, p.cs.ID)
	case key.Matches(msg, k.Send):
		if p.confirmed {
			return p.send()
		}
		title := fmt.Sprintf(t.SendConfirmFmt, p.cs.Requester)
		return openDialog(newConfirm(p.c, title, func() tea.Cmd {
			p.confirmed = true
			return p.send()
		}))
	case key.Matches(msg, k.SaveDraft):
		return p.save()
	case key.Matches(msg, k.Edit):
		p.step = stepEdit
		p.body.SetValue(textsafe.Clean(p.draft.Body))
		textareaToTop(&p.body)
		p.layout()
		return p.body.Focus()
	case key.Matches(msg, k.EditExternal):
		p.busy = t.Editing
		return writeEditorFile(p.draft.Body)
	case k.scroll(&p.vp, msg):
	}
	return nil
}

func (p *composePage) editKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, p.c.Keys.EditDone) {
		p.body.Blur()
		p.step = stepPreview
		// The textarea holds the body as drawn, cleaned; untouched, it
		// is the same letter and nothing needs saving.
		if p.body.Value() == textsafe.Clean(p.draft.Body) {
			p.layout()
			return nil
		}
		return p.setBody(p.body.Value())
	}
	var cmd tea.Cmd
	p.body, cmd = p.body.Update(cleanKey(msg))
	return cmd
}

// setBody takes an edited body and saves the draft at once, so an edit
// survives whatever happens next. A body that differs only in the line
// breaks an editor adds at the end is no edit.
func (p *composePage) setBody(body string) tea.Cmd {
	p.step = stepPreview
	body = strings.TrimRight(body, "\r\n")
	if body == strings.TrimRight(p.draft.Body, "\r\n") {
		p.layout()
		return nil
	}
	dr := *p.draft
	dr.Body = body
	p.draft = &dr
	// The desk checked the text it wrote, not this one; it checks again
	// before anything is sent.
	p.check, p.edited, p.saved, p.confirmed = nil, true, false, false
	p.layout()
	return p.save()
}

// ShortHelp lists the keys of the step the screen is at.
func (p *composePage) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch p.step {
	case stepReason:
		return []key.Binding{k.Finish, k.Cancel}
	case stepPreview:
		// Scrolling last: it is the key everybody knows.
		return []key.Binding{k.Send, k.SaveDraft, k.Edit, k.EditExternal, k.Back, k.Help, k.Move}
	case stepEdit:
		return []key.Binding{k.EditDone}
	}
	return []key.Binding{k.Move, k.Open, k.Back, k.Help}
}

// FullHelp lists every key of the step, in columns.
func (p *composePage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	switch p.step {
	case stepPreview:
		return [][]key.Binding{
			{k.Send, k.SaveDraft, k.Edit, k.EditExternal},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
			{k.Back, k.Help, k.Quit, k.ForceQuit},
		}
	case stepPick:
		return [][]key.Binding{{k.Up, k.Down, k.Home, k.End}, {k.Open, k.Back}, {k.Refresh, k.Help, k.Quit, k.ForceQuit}}
	}
	return [][]key.Binding{p.ShortHelp(), {k.ForceQuit}}
}
