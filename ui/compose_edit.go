package ui

import (
	"os"
	"os/exec"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
	"github.com/magnetharstad/pvdesk/internal/textsafe"
)

// editorReadyMsg carries the temporary file holding the body and the
// editor command that will open it.
type editorReadyMsg struct {
	path string
	cmd  *exec.Cmd
	err  error
}

// editorExitedMsg says the editor returned, and how.
type editorExitedMsg struct {
	path string
	err  error
}

// editorReadMsg carries the body as the editor left it.
type editorReadMsg struct {
	body string
	err  error
}

// writeEditorFile puts the body in a temporary file for $EDITOR.
// os.CreateTemp makes it readable by its owner only (0600): the letter
// names the person it is to.
func writeEditorFile(body string) tea.Cmd {
	return func() tea.Msg {
		f, err := os.CreateTemp("", "pvdesk-reply-*.txt")
		if err != nil {
			return editorReadyMsg{err: err}
		}
		path := f.Name()
		// Editors expect a text file to end in a line break.
		_, err = f.WriteString(strings.TrimRight(body, "\r\n") + "\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return editorReadyMsg{err: err}
		}
		return editorReadyMsg{path: path, cmd: editorCommand(path)}
	}
}

// editorCommand opens path in $EDITOR, which may carry arguments
// ("code --wait"), or in vi when it is unset.
func editorCommand(path string) *exec.Cmd {
	args := strings.Fields(os.Getenv("EDITOR"))
	if len(args) == 0 {
		args = []string{"vi"}
	}
	return exec.Command(args[0], append(args[1:], path)...)
}

// readEditorFile reads the body back and removes the file, whatever
// happened. An editor that exits with an error (vim's :cq) has been told
// to throw the edit away, so its text is not taken.
func readEditorFile(path string, runErr error) tea.Cmd {
	return func() tea.Msg {
		defer os.Remove(path)
		if runErr != nil {
			return editorReadMsg{err: runErr}
		}
		b, err := os.ReadFile(path)
		return editorReadMsg{body: string(b), err: err}
	}
}

// newTextarea is a bubbles textarea in the desk's styles: no line
// numbers, a bar to show where typing goes, a cursor that does not blink
// (a blink is a redraw every half second for nothing), and room for a
// whole letter rather than textarea's default of 99 lines. limit caps the
// characters; 0 takes any number.
func (c *Common) newTextarea(limit int) textarea.Model {
	s := c.Styles
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = limit
	ta.MaxHeight = 0
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.Cursor.Style = s.Caret
	st := textarea.Style{Base: s.Input, CursorLine: s.Input, CursorLineNumber: s.Faint,
		EndOfBuffer: s.Faint, LineNumber: s.Faint, Placeholder: s.Subtle, Prompt: s.Accent, Text: s.Input}
	ta.FocusedStyle, ta.BlurredStyle = st, st
	ta.Blur()
	return ta
}

// cleanKey filters typed or pasted text the way textsafe cleans what is
// drawn. The textarea drops control characters itself but keeps bidi
// overrides and other invisible format characters, which would then be
// drawn, and sent.
func cleanKey(msg tea.KeyMsg) tea.KeyMsg {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 0 {
		msg.Runes = []rune(textsafe.Clean(string(msg.Runes)))
	}
	return msg
}

// textareaToTop puts the cursor at the start of the text, where reading
// starts; SetValue leaves it at the end.
func textareaToTop(ta *textarea.Model) {
	// Each step goes up one screen line, and there are no more of those
	// than characters; the bound only guards against a textarea bug.
	for n := ta.Length(); ta.Line() > 0 && n >= 0; n-- {
		ta.CursorUp()
	}
	ta.CursorStart()
}

// fittingKinds is how many kinds at the head of the desk's order
// (SuggestReplies) are there because they fit the case. The desk gives the
// order but not where the fitting ones end, so this follows the rules
// reply.Suggest documents; TestFittingKindsFollowTheDesk compares the two
// for every status and set of rights, and fails when they part.
func fittingKinds(c *dsr.Case) int {
	rights := dsr.SortRights(c.RightList())
	needID := false
	for _, r := range rights {
		for _, s := range dsr.StepsFor(r) {
			needID = needID || s.ID == "identity"
		}
	}
	n := 0
	count := func(ok bool) {
		if ok {
			n++
		}
	}
	switch c.Status {
	case dsr.StatusNew:
		// Receipt, identity, completion, clarification.
		count(true)
		count(needID)
		count(len(rights) > 0 && !needID)
		count(true)
	case dsr.StatusInProgress:
		// Completion, extension, refusal, answer.
		count(len(rights) > 0)
		count(!c.Extended)
		count(true)
		count(true)
	case dsr.StatusAwaitingRequester:
		n = 2 // clarification, identity
	default:
		n = 1 // a follow-up answer
	}
	return n
}

// needsReason reports whether a letter of kind k carries text only the
// handler can write: the reasons for a refusal, the question to ask, a
// general answer, and the answer to a complaint in a completion letter.
// The screen asks for it before the desk writes the letter.
func needsReason(k reply.Kind, c *dsr.Case) bool {
	switch k {
	case reply.Refusal, reply.Clarification, reply.Answer:
		return true
	case reply.Completion:
		for _, r := range c.RightList() {
			if r == dsr.Complaint {
				return true
			}
		}
	}
	return false
}
