package mail

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToText renders the body of an HTML-only message as plain text for
// reading and classifying: scripts, styles and the head are dropped, blocks
// and <br> become line breaks, list items get "- ", links keep their text
// followed by the address in parentheses when it says something the text
// does not, entities are decoded, whitespace runs collapse, and no more than
// one blank line appears in a row. Blockquoted lines start with "> ", as in
// plain-text replies, so the classifier can leave quoted mail aside.
//
// It uses the tokenizer rather than the tree parser: mail HTML is often
// malformed, the tokenizer is linear in its input whatever the nesting, and
// text extraction needs no tree.
func htmlToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var t htmlText
	for {
		switch z.Next() {
		case html.ErrorToken:
			// io.EOF, or a read error a strings.Reader cannot have.
			t.closeLinks()
			return strings.ToValidUTF8(strings.TrimSpace(t.b.String()), "\uFFFD")
		case html.TextToken:
			if t.skip == 0 && !t.inHead {
				t.text(strings.ReplaceAll(string(z.Text()), "\x00", ""))
			}
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			t.start(atom.Lookup(name), z, hasAttr, false)
		case html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			t.start(atom.Lookup(name), z, hasAttr, true)
		case html.EndTagToken:
			name, _ := z.TagName()
			t.end(atom.Lookup(name))
		}
	}
}

// maxIndent bounds the levels of list indentation and quote marks shown, so
// that deeply nested markup cannot make the text grow with the square of
// its size.
const maxIndent = 8

// htmlText accumulates the text of an HTML document.
type htmlText struct {
	b      strings.Builder
	nl     int  // line breaks due before the next text, at most 2
	space  bool // a space is due before the next word
	skip   int  // depth inside script, style, template and the like
	inHead bool
	pre    int // depth inside <pre>
	lists  int // depth of nested lists
	quote  int // depth of nested blockquotes; their lines get "> "
	// nlQuote is the quote depth of the blank lines due: the lowest depth
	// seen since they were asked for, so the gap before or after a quote
	// is not marked as quoted.
	nlQuote int
	links   []link
	// msoP is set inside a Word-made <p class="MsoNormal">: Outlook gives
	// those no margins and marks blank lines with empty paragraphs, so they
	// are lines, not paragraphs.
	msoP   bool
	pStart int // b.Len() where the MsoNormal paragraph began
}

// link is an open <a> whose text starts at b.Len() == start.
type link struct {
	href  string
	start int
}

// skipped holds the elements whose content is not text to read.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Title: true,
	atom.Noscript: true, atom.Object: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Iframe: true,
}

// paragraphs are blocks set off by a blank line; lineBlocks by a line break.
var (
	paragraphs = map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
		atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
		atom.Table: true, atom.Hr: true, atom.Dl: true, atom.Figure: true,
		atom.Ul: true, atom.Ol: true,
	}
	lineBlocks = map[atom.Atom]bool{
		atom.Div: true, atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true,
		atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
		atom.Nav: true, atom.Aside: true, atom.Main: true, atom.Form: true,
		atom.Fieldset: true, atom.Legend: true, atom.Caption: true, atom.Details: true,
		atom.Summary: true, atom.Center: true, atom.Figcaption: true, atom.Address: true,
		atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Body: true,
		atom.Html: true,
	}
)

// start handles a start tag; selfClosing is set for "<x/>", which has no end
// tag to wait for.
func (t *htmlText) start(a atom.Atom, z *html.Tokenizer, hasAttr, selfClosing bool) {
	switch {
	case skipped[a]:
		if !selfClosing {
			t.skip++
		}
		return
	case a == atom.Head:
		t.inHead = true
		return
	case a == atom.Body:
		t.inHead = false
	}
	if t.skip > 0 || t.inHead {
		return
	}
	switch {
	case a == atom.Br:
		t.newline()
	case a == atom.Li:
		t.breakLines(1)
		t.write(strings.Repeat("  ", min(max(t.lists-1, 0), maxIndent)) + "- ")
	case a == atom.Td || a == atom.Th:
		t.space = true
	case a == atom.A && !selfClosing:
		t.links = append(t.links, link{href: attr(z, hasAttr, "href"), start: t.b.Len()})
	case a == atom.Ul || a == atom.Ol:
		if t.lists == 0 {
			t.breakLines(2)
		} else {
			t.breakLines(1)
		}
		t.lists++
	case a == atom.Pre:
		t.breakLines(2)
		t.pre++
	case a == atom.Blockquote:
		t.breakLines(2)
		t.quote++
	case a == atom.P:
		t.msoP = strings.Contains(attr(z, hasAttr, "class"), "Mso")
		if t.msoP {
			t.breakLines(1)
			t.pStart = t.b.Len()
		} else {
			t.breakLines(2)
		}
	case paragraphs[a]:
		t.breakLines(2)
	case lineBlocks[a]:
		t.breakLines(1)
	}
}

func (t *htmlText) end(a atom.Atom) {
	switch {
	case skipped[a]:
		t.skip = max(t.skip-1, 0)
		return
	case a == atom.Head:
		t.inHead = false
		return
	}
	if t.skip > 0 || t.inHead {
		return
	}
	switch {
	case a == atom.Br: // </br> is read as <br> by browsers
		t.newline()
	case a == atom.A:
		if len(t.links) > 0 {
			t.closeLink()
		}
	case a == atom.Ul || a == atom.Ol:
		t.lists = max(t.lists-1, 0)
		if t.lists == 0 {
			t.breakLines(2)
		} else {
			t.breakLines(1)
		}
	case a == atom.Pre:
		t.pre = max(t.pre-1, 0)
		t.breakLines(2)
	case a == atom.Blockquote:
		t.quote = max(t.quote-1, 0)
		t.breakLines(2)
	case a == atom.P && t.msoP:
		t.msoP = false
		if t.b.Len() == t.pStart {
			t.newline() // an empty paragraph is Word's blank line
		}
		t.breakLines(1)
	case paragraphs[a]:
		t.breakLines(2)
	case lineBlocks[a]:
		t.breakLines(1)
	}
}

// attr returns the value of the attribute key of the current tag.
func attr(z *html.Tokenizer, more bool, key string) string {
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == key {
			return strings.TrimSpace(string(v))
		}
	}
	return ""
}

// closeLink ends the innermost open link, adding its address if the text
// does not already say it.
func (t *htmlText) closeLink() {
	l := t.links[len(t.links)-1]
	t.links = t.links[:len(t.links)-1]
	if !showHref(l.href) {
		return
	}
	text := ""
	if l.start <= t.b.Len() {
		text = t.b.String()[l.start:]
	}
	if sameTarget(text, l.href) {
		return
	}
	t.text(" (" + l.href + ")")
}

// closeLinks ends links left open at the end of the document.
func (t *htmlText) closeLinks() {
	for len(t.links) > 0 {
		t.closeLink()
	}
}

// showHref reports whether an address is worth showing: in-page anchors,
// scripts, inline data and references to other parts are not.
func showHref(href string) bool {
	h := strings.ToLower(href)
	return h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(h, "javascript:") &&
		!strings.HasPrefix(h, "data:") && !strings.HasPrefix(h, "cid:")
}

// sameTarget reports whether a link's text already shows its address, as in
// "www.example.no" for "https://www.example.no/" or "kari@example.no" for
// "mailto:kari@example.no".
func sameTarget(text, href string) bool {
	if len(text) > 2*len(href)+16 {
		return false // far longer than the address, so not it; and cheap
	}
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimLeft(s, "> \n"))
		s = strings.TrimSpace(s)
		for _, p := range []string{"mailto:", "https://", "http://", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimRight(s, "/")
	}
	return norm(text) == norm(href)
}

// text adds character data, collapsing whitespace unless inside <pre>.
func (t *htmlText) text(s string) {
	if t.pre > 0 {
		for _, line := range strings.SplitAfter(s, "\n") {
			if line == "" {
				continue
			}
			if strings.HasSuffix(line, "\n") {
				t.write(strings.TrimRight(line, "\n"))
				t.newline()
			} else {
				t.write(line)
			}
		}
		return
	}
	for len(s) > 0 {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			if t.space && t.nl == 0 && t.b.Len() > 0 {
				t.b.WriteByte(' ')
			}
			t.write(s[:i])
			t.space = false
		}
		s = s[i:]
		if j := strings.IndexFunc(s, func(r rune) bool { return !isHTMLSpace(r) }); j < 0 {
			if s != "" {
				t.space = true
			}
			s = ""
		} else {
			if j > 0 {
				t.space = true
			}
			s = s[j:]
		}
	}
}

// isHTMLSpace counts no-break spaces as spaces: mail HTML uses &nbsp; for
// layout and empty paragraphs, not to glue words.
func isHTMLSpace(r rune) bool {
	return unicode.IsSpace(r) // includes U+00A0
}

// write appends s, which holds no newline, after the line breaks due
// before it. Breaks are only written once text follows them, so the result
// never ends in blank lines. A line inside a blockquote starts with "> " per
// level, and a blank one with ">", as quoted plain-text mail does, so that
// quoted text can be told from new text.
func (t *htmlText) write(s string) {
	if s == "" {
		return
	}
	for i := range t.nl {
		if i > 0 {
			t.b.WriteString(strings.Repeat(">", min(t.nlQuote, maxIndent)))
		}
		t.b.WriteByte('\n')
	}
	if t.quote > 0 && (t.nl > 0 || t.b.Len() == 0) {
		t.b.WriteString(strings.Repeat(">", min(t.quote, maxIndent)) + " ")
	}
	t.b.WriteString(s)
	t.nl = 0
}

// newline adds a line break, as <br> does; never a second blank line.
func (t *htmlText) newline() {
	t.space = false
	t.due(min(t.nl+1, 2))
}

// breakLines makes sure at least n line breaks come before the next text,
// unless nothing has been written yet.
func (t *htmlText) breakLines(n int) {
	t.space = false
	t.due(max(t.nl, n))
}

// due sets the number of line breaks due before the next text; none are
// due before the first.
func (t *htmlText) due(n int) {
	if t.b.Len() == 0 {
		return
	}
	if t.nl == 0 || t.quote < t.nlQuote {
		t.nlQuote = t.quote
	}
	t.nl = n
}
