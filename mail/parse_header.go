package mail

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"strings"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
)

// header is a message or part header. The top-level header is read by
// scanHeader, which accepts exactly what go-message's textproto.ReadHeader
// accepts and reads the same values, but keeps them as offsets into one
// string instead of allocating a map and a few strings per field; the few
// fields Parse looks at are cut out on demand. Part headers, and headers
// read leniently, keep go-message's representation.
type header struct {
	s      string   // the header text, for fields
	fields []hfield // in their original order
	slow   bool     // mh holds the header
	mh     message.Header
}

// hfield is one field of a scanned header: s[start:end] holds its lines,
// line ends included, and the value starts after the colon at s[colon].
type hfield struct {
	key               string
	start, colon, end int
	folded            bool // has continuation lines
}

// Get returns the value of the first field named k, as
// message.Header.Get would. k must be in canonical form and consist of
// letters and dashes only, so a case-insensitive comparison gives the same
// answer as canonicalising the field names.
func (h *header) Get(k string) string {
	if h.slow {
		return h.mh.Get(k)
	}
	for i := range h.fields {
		f := &h.fields[i]
		if len(f.key) == len(k) && strings.EqualFold(f.key, k) {
			return h.value(f)
		}
	}
	return ""
}

// value unfolds a field as textproto's trimAroundNewlines does: each line
// without its line end, trimmed of spaces and tabs, empty ones left out,
// joined by single spaces.
func (h *header) value(f *hfield) string {
	first, rest := lineContent(h.s[f.colon+1 : f.end])
	first = trimWSP(first)
	if !f.folded {
		return first
	}
	var b strings.Builder
	b.Grow(f.end - f.colon)
	b.WriteString(first)
	for rest != "" {
		var line string
		line, rest = lineContent(rest)
		if line = trimWSP(line); line != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(line)
		}
	}
	return b.String()
}

// lineContent returns the first line of s as bufio.Reader.ReadLine gives
// it: without "\n" and a CR just before it, but with a CR that ends s.
func lineContent(s string) (line, rest string) {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return s, ""
	}
	line, rest = s[:i], s[i+1:]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	return line, rest
}

// trimWSP trims spaces and tabs only, as textproto does.
func trimWSP(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := len(s)
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j]
}

// scanHeader reads the header at the start of raw. It reports ok only if
// textproto.ReadHeader would read raw without error; then it returns the
// fields ReadHeader would return and the offset of the body.
func scanHeader(raw []byte) (h header, bodyStart int, ok bool) {
	if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
		return header{}, 0, false // "malformed MIME header initial line"
	}
	// Find the end of the header first so that one string holds it all.
	end, bodyStart := headerEnd(raw)
	s := string(raw[:end])
	nf := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			nf++
		}
	}
	fields := make([]hfield, 0, nf+1)
	for p := 0; p < len(s); {
		start := p
		line, next := lineAt(s, p)
		folded := false
		for next < len(s) && (s[next] == ' ' || s[next] == '\t') {
			_, next = lineAt(s, next)
			folded = true
		}
		p = next
		// The key ends at the first colon of the field; one on a
		// continuation line would leave a line end in the key, which
		// ReadHeader refuses.
		colon := strings.IndexByte(line, ':')
		if colon < 0 {
			return header{}, 0, false
		}
		key := trimWSP(line[:colon])
		for i := 0; i < len(key); i++ {
			if c := key[i]; c < 33 || c > 126 {
				return header{}, 0, false
			}
		}
		if key == "" {
			continue // ReadHeader skips fields without a name
		}
		fields = append(fields, hfield{key: key, start: start, colon: start + colon, end: next, folded: folded})
	}
	return header{s: s, fields: fields}, bodyStart, true
}

// lineAt returns the line starting at s[p], without its line end, and the
// offset of the next line.
func lineAt(s string, p int) (line string, next int) {
	i := strings.IndexByte(s[p:], '\n')
	if i < 0 {
		return s[p:], len(s)
	}
	return s[p : p+i], p + i + 1
}

// headerEnd returns the end of the header fields in raw and the start of
// the body: after the first empty line (one holding nothing but its line
// end, which ReadLine treats as "\n" or "\r\n"), or the end of raw.
func headerEnd(raw []byte) (end, body int) {
	for p := 0; p < len(raw); {
		switch {
		case raw[p] == '\n':
			return p, p + 1
		case raw[p] == '\r' && p+1 < len(raw) && raw[p+1] == '\n':
			return p, p + 2
		}
		i := bytes.IndexByte(raw[p:], '\n')
		if i < 0 {
			return len(raw), len(raw)
		}
		p += i + 1
	}
	return len(raw), len(raw)
}

// parseWithParams reads a Content-Type or Content-Disposition value as
// go-message's Header.ContentType does.
func parseWithParams(v string) (string, map[string]string, error) {
	f, params, err := mime.ParseMediaType(v)
	if err != nil {
		return v, nil, err
	}
	for k, p := range params {
		if strings.Contains(p, "=?") {
			params[k] = decodeParam(p)
		}
	}
	return f, params, nil
}

// decodeParam decodes encoded words in a parameter as go-message does,
// keeping the value as written if that fails.
func decodeParam(s string) string {
	d := mime.WordDecoder{CharsetReader: goMessageCharsetReader}
	out, err := d.DecodeHeader(s)
	if err != nil {
		return s
	}
	return out
}

// goMessageCharsetReader is the charset reader go-message uses for
// parameters.
func goMessageCharsetReader(label string, in io.Reader) (io.Reader, error) {
	label = strings.ToLower(label)
	if label == "utf-8" || label == "us-ascii" {
		return in, nil
	}
	if message.CharsetReader == nil {
		return nil, errors.New("unhandled charset")
	}
	return message.CharsetReader(label, in)
}

// msgIDList reads a list of message IDs as gomail.Header.MsgIDList does.
// The usual "<left@right>" IDs separated by spaces are read here; anything
// else goes to go-message.
func msgIDList(key, v string) ([]string, error) {
	if ids, ok := simpleMsgIDs(v); ok {
		return ids, nil
	}
	var h gomail.Header
	h.Set(key, v)
	return h.MsgIDList(key)
}

// simpleMsgIDs reads v if it holds only "<left@right>" IDs of plain ASCII
// atext, separated by spaces or tabs.
func simpleMsgIDs(v string) ([]string, bool) {
	n := strings.Count(v, "<")
	if n == 0 {
		return nil, false
	}
	ids := make([]string, 0, n)
	s := trimWSP(v)
	for s != "" {
		if s[0] != '<' {
			return nil, false
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return nil, false
		}
		id := s[1:end]
		at := strings.IndexByte(id, '@')
		if at <= 0 || at == len(id)-1 || id[at+1] == '[' || !isAtextDot(id[:at]) || !isAtextDot(id[at+1:]) {
			return nil, false
		}
		ids = append(ids, id)
		s = trimWSP(s[end+1:])
	}
	return ids, true
}

// isAtextDot reports whether s is nothing but ASCII atext and dots.
func isAtextDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if !atextDot[s[i]] {
			return false
		}
	}
	return true
}

// atextDot marks the ASCII bytes of RFC 5322 atext, and the dot.
var atextDot = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = !strings.ContainsRune(`()<>[]:;@\,"`, c)
	}
	return t
}()
