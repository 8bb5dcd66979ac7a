package mail

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"mime"
	"strings"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	mimetext "github.com/emersion/go-message/textproto"
)

// header is a message or part header. Headers read by scanHeader, which
// accepts exactly what go-message's textproto.ReadHeader accepts and reads
// the same values, keep them as offsets into one string instead of a map
// and a few strings per field; of the fields Parse looks at (knownKeys),
// the first of each is found while scanning, so that neither a list of
// all fields nor a search per lookup is needed, and the values are cut
// out on demand. Headers read leniently keep go-message's representation.
type header struct {
	s      string                 // the header text, for fields
	known  [len(knownKeys)]hfield // the first field of each known key; end 0 if none
	folded uint16                 // bit i set: known[i] has continuation lines
	slow   bool                   // mh holds the header
	mh     message.Header
}

// knownKeys are the fields Parse reads, in canonical form.
var knownKeys = [...]string{
	"From", "To", "Subject", "Date", "Message-Id", "In-Reply-To", "References",
	"Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
	"Content-Type", "Content-Disposition", "Content-Transfer-Encoding",
}

// knownKey returns the index of k in knownKeys, compared as Get compares
// keys, or -1. It runs for every field scanned, so it picks the one
// candidate by length and first letter before comparing.
func knownKey(k string) int {
	i := -1
	switch len(k) {
	case 2:
		i = 1
	case 4:
		switch k[0] | 0x20 {
		case 'f':
			i = 0
		case 'd':
			i = 3
		}
	case 7:
		i = 2
	case 10:
		switch k[0] | 0x20 {
		case 'm':
			i = 4
		case 'r':
			i = 6
		case 'p':
			i = 10
		}
	case 11:
		switch k[0] | 0x20 {
		case 'i':
			i = 5
		case 'x':
			i = 8
		}
	case 12:
		i = 11
	case 13:
		i = 9
	case 14:
		i = 7
	case 19:
		i = 12
	case 25:
		i = 13
	}
	if i < 0 || !equalFoldASCII(k, knownKeys[i]) {
		return -1
	}
	return i
}

// equalFoldASCII is strings.EqualFold for a key of letters and dashes:
// no other byte folds to one of those, so folding ASCII letters is enough.
func equalFoldASCII(s, key string) bool {
	if s == key {
		return true // the usual spelling, and Get's own constants
	}
	if len(s) != len(key) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c, k := s[i], key[i]
		if c != k && (c|0x20 != k|0x20 || k|0x20 < 'a' || k|0x20 > 'z') {
			return false
		}
	}
	return true
}

// hfield is one field of a scanned header: its value starts after the
// colon at s[colon], and its lines, line ends included, end at s[end].
// The offsets are 32 bits wide to keep part headers small; longer headers
// are read by go-message.
type hfield struct {
	colon, end int32
}

// Get returns the value of the first field named k, as
// message.Header.Get would. k must be in canonical form and consist of
// letters and dashes only, so a case-insensitive comparison gives the same
// answer as canonicalising the field names.
func (h *header) Get(k string) string {
	if h.slow {
		return h.mh.Get(k)
	}
	if i := knownKey(k); i >= 0 {
		if f := h.known[i]; f.end > 0 {
			return h.value(int(f.colon), int(f.end), h.folded&(1<<i) != 0)
		}
		return ""
	}
	// Not a key Parse reads: scan the fields again.
	for p := 0; p < len(h.s); {
		line, next, folded := fieldAt(h.s, p)
		if colon := strings.IndexByte(line, ':'); colon >= 0 {
			if key := trimWSP(line[:colon]); len(key) == len(k) && strings.EqualFold(key, k) {
				return h.value(p+colon, next, folded)
			}
		}
		p = next
	}
	return ""
}

// value unfolds a field as textproto's trimAroundNewlines does: each line
// without its line end, trimmed of spaces and tabs, empty ones left out,
// joined by single spaces.
func (h *header) value(colon, end int, folded bool) string {
	first, rest := lineContent(h.s[colon+1 : end])
	first = trimWSP(first)
	if !folded {
		return first
	}
	var b strings.Builder
	b.Grow(end - colon)
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
	if end > math.MaxInt32 {
		mh, err := mimetext.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return header{}, 0, false
		}
		return header{slow: true, mh: message.Header{Header: mh}}, bodyStart, true
	}
	h.s = string(raw[:end])
	s := h.s
	for p := 0; p < len(s); {
		line, next, folded := fieldAt(s, p)
		// The key ends at the first colon of the field; one on a
		// continuation line would leave a line end in the key, which
		// ReadHeader refuses. It is printable ASCII, and may be followed
		// by spaces and tabs; a line never starts with them.
		n := 0
		for n < len(line) && keyChar[line[n]] {
			n++
		}
		colon := n
		for colon < len(line) && (line[colon] == ' ' || line[colon] == '\t') {
			colon++
		}
		if colon == len(line) || line[colon] != ':' {
			return header{}, 0, false
		}
		key := line[:n]
		// ReadHeader skips fields without a name, which knownKey refuses.
		if i := knownKey(key); i >= 0 && h.known[i].end == 0 {
			h.known[i] = hfield{colon: int32(p + colon), end: int32(next)}
			if folded {
				h.folded |= 1 << i
			}
		}
		p = next
	}
	return h, bodyStart, true
}

// keyChar marks the bytes of a field name: printable ASCII but ":".
var keyChar = func() (t [256]bool) {
	for c := 33; c <= 126; c++ {
		t[c] = c != ':'
	}
	return t
}()

// fieldAt returns the first line of the field starting at s[p], without
// its line end, the offset of the next field, and whether continuation
// lines follow the first.
func fieldAt(s string, p int) (line string, next int, folded bool) {
	line, next = lineAt(s, p)
	for next < len(s) && (s[next] == ' ' || s[next] == '\t') {
		_, next = lineAt(s, next)
		folded = true
	}
	return line, next, folded
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
// go-message's Header.ContentType does. The value comes back in lower case, as
// both readers give it.
func parseWithParams(v string) (string, mediaParams, error) {
	f, params, ok := simpleMediaType(v)
	if !ok {
		var pm map[string]string
		var err error
		if f, pm, err = mime.ParseMediaType(v); err != nil {
			return v, mediaParams{}, err
		}
		params = mediaParams{m: pm}
	}
	for k, p := range params.m {
		if strings.Contains(p, "=?") {
			params.m[k] = decodeParam(p)
		}
	}
	for i := range params.n {
		if p := &params.kv[i]; strings.Contains(p.v, "=?") {
			p.v = decodeParam(p.v)
		}
	}
	return f, params, nil
}

// mediaParams holds the parameters of a Content-Type or
// Content-Disposition: the usual few in an array, read by simpleMediaType
// without allocating, or else in a map.
type mediaParams struct {
	kv [4]struct{ k, v string }
	n  int
	m  map[string]string
}

// get returns the value of parameter k (in lower case), or "".
func (p *mediaParams) get(k string) string {
	if p.m != nil {
		return p.m[k]
	}
	for i := range p.n {
		if p.kv[i].k == k {
			return p.kv[i].v
		}
	}
	return ""
}

// simpleMediaType reads v as mime.ParseMediaType does, for values of the
// usual form: a type, and parameters whose names have no "*" (RFC 2231)
// and whose values are tokens or quoted strings without escapes or line
// ends, separated by spaces and tabs at most. It reports false for anything else, including every value
// ParseMediaType refuses, which ParseMediaType then reads. That spares
// the usual Content-Type its allocations for quoted strings and lookups
// of continuations.
func simpleMediaType(v string) (string, mediaParams, bool) {
	var params mediaParams
	// Other bytes than printable ASCII, spaces and tabs are refused where
	// they occur: tokens hold none, and quoted strings are checked.
	base, rest, _ := strings.Cut(v, ";")
	mt := strings.ToLower(trimWSP(base))
	typ := tokenLen(mt)
	if typ == 0 {
		return "", mediaParams{}, false
	}
	if typ < len(mt) {
		if mt[typ] != '/' {
			return "", mediaParams{}, false
		}
		if sub := tokenLen(mt[typ+1:]); sub == 0 || typ+1+sub != len(mt) {
			return "", mediaParams{}, false
		}
	}
	if len(base) == len(v) {
		return mt, params, true
	}
	// rest follows the first ";".
	for {
		rest = trimLeftWSP(rest)
		n := tokenLen(rest)
		if n == 0 {
			if rest == "" {
				return mt, params, true // a trailing ";" is ignored
			}
			return "", mediaParams{}, false
		}
		key := rest[:n]
		if strings.IndexByte(key, '*') >= 0 {
			return "", mediaParams{}, false
		}
		key = strings.ToLower(key)
		rest = trimLeftWSP(rest[n:])
		if rest == "" || rest[0] != '=' {
			return "", mediaParams{}, false
		}
		rest = trimLeftWSP(rest[1:])
		var value string
		if rest != "" && rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 || strings.ContainsAny(rest[1:1+end], "\\\r\n") {
				return "", mediaParams{}, false
			}
			value, rest = rest[1:1+end], rest[2+end:]
		} else {
			n := tokenLen(rest)
			if n == 0 {
				return "", mediaParams{}, false
			}
			value, rest = rest[:n], rest[n:]
		}
		dup := false
		for i := range params.n {
			if p := &params.kv[i]; p.k == key {
				if p.v != value {
					return "", mediaParams{}, false
				}
				dup = true
			}
		}
		if !dup {
			if params.n == len(params.kv) {
				return "", mediaParams{}, false // unusually many
			}
			params.kv[params.n].k, params.kv[params.n].v = key, value
			params.n++
		}
		rest = trimLeftWSP(rest)
		if rest == "" {
			return mt, params, true
		}
		if rest[0] != ';' {
			return "", mediaParams{}, false
		}
		rest = rest[1:]
	}
}

// tokenLen returns the length of the RFC 2045 token at the start of s.
func tokenLen(s string) int {
	for i := 0; i < len(s); i++ {
		if !tokenChar[s[i]] {
			return i
		}
	}
	return len(s)
}

// tokenChar marks the bytes of an RFC 2045 token: printable ASCII but
// tspecials.
var tokenChar = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, c)
	}
	return t
}()

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
func msgIDList(key, v string, dst []string) ([]string, error) {
	if ids, ok := simpleMsgIDs(dst, v); ok {
		return ids, nil
	}
	var h gomail.Header
	h.Set(key, v)
	return h.MsgIDList(key)
}

// simpleMsgIDs reads v if it holds only "<left@right>" IDs of plain ASCII
// atext, separated by spaces or tabs.
//
// The IDs are appended to dst, which must be empty.
func simpleMsgIDs(dst []string, v string) ([]string, bool) {
	n := strings.Count(v, "<")
	if n == 0 {
		return nil, false
	}
	ids := dst
	if cap(ids) < n {
		ids = make([]string, 0, n)
	}
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

// simpleAddressList reads an address list as gomail.ParseAddressList does,
// for lists of the usual forms: addr-spec, or a phrase of atoms, quoted
// strings and encoded words followed by an <addr-spec>. It reports false
// for anything else (comments, groups, escapes, domain literals, unusual
// spacing, non-ASCII addresses, errors), which the full parser then reads.
// v must be valid UTF-8.
//
// The addresses are appended to dst, which must be empty.
func simpleAddressList(dst []Address, v string) ([]Address, bool) {
	out := dst
	s := v
	for {
		s = trimLeftWSP(s)
		if s != "" && s[0] == ',' {
			s = s[1:]
			continue // empty entries are allowed
		}
		if s == "" {
			return nil, false // net/mail: "no address"
		}
		var a Address
		var ok bool
		if a, s, ok = simpleAddress(s); !ok {
			return nil, false
		}
		out = append(out, a)
		s = trimLeftWSP(s)
		if s == "" {
			return out, true
		}
		if s[0] != ',' {
			return nil, false
		}
		for s != "" && s[0] == ',' {
			s = trimLeftWSP(s[1:])
		}
		if s == "" {
			return out, true
		}
	}
}

// simpleAddress reads one address at the start of s, which starts with
// neither a space nor a comma.
func simpleAddress(s string) (a Address, rest string, ok bool) {
	// net/mail first tries a bare addr-spec.
	if s[0] != '"' && s[0] != '<' {
		n := atomLen(s)
		if n < len(s) && s[n] == '@' {
			addr, rest, ok := simpleAddrSpec(s)
			if !ok {
				return a, "", false
			}
			if r := trimLeftWSP(rest); r != "" && r[0] == '(' {
				return a, "", false // a display name in a comment
			}
			return Address{Addr: addr}, rest, true
		}
	}
	var name string
	if s[0] != '<' {
		if name, s, ok = simplePhrase(s); !ok {
			return a, "", false
		}
		s = trimLeftWSP(s)
		if s == "" || s[0] != '<' {
			return a, "", false
		}
	}
	addr, s, ok := simpleAddrSpec(s[1:])
	if !ok || s == "" || s[0] != '>' {
		return a, "", false
	}
	return Address{Name: name, Addr: addr}, s[1:], true
}

// simpleAddrSpec reads local@domain, both dot-atoms of ASCII atext, at the
// start of s.
func simpleAddrSpec(s string) (addr, rest string, ok bool) {
	n := atomLen(s)
	if n == len(s) || s[n] != '@' || !dotAtom(s[:n]) {
		return "", "", false
	}
	d := atomLen(s[n+1:])
	if !dotAtom(s[n+1 : n+1+d]) {
		return "", "", false
	}
	end := n + 1 + d
	return s[:end], s[end:], true
}

// dotAtom reports whether s is a strict dot-atom of ASCII atext.
func dotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8RuneSelf {
			return false
		}
	}
	return true
}

const utf8RuneSelf = 0x80

// atomLen returns the length of the atext (dots and multi-byte characters
// included) at the start of s.
func atomLen(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8RuneSelf && !atextDot[c] {
			return i
		}
	}
	return len(s)
}

// simplePhrase reads a display name as net/mail's consumePhrase does:
// words are atoms (decoded if encoded words; adjacent encoded words are
// joined without a space) or quoted strings, joined by single spaces.
func simplePhrase(s string) (phrase, rest string, ok bool) {
	// Names have a few words: keep them on the stack.
	var wordBuf [8]string
	words := wordBuf[:0]
	var enc strings.Builder
	// While the words are plain atoms one space apart, the phrase is
	// a piece of s.
	start, end, verbatim := -1, 0, true
	orig := s
	for {
		if len(words) > 0 || enc.Len() > 0 || start >= 0 {
			if r := trimLeftWSP(s); r != "" && r[0] == '(' {
				return "", "", false
			}
		}
		s = trimLeftWSP(s)
		if s == "" {
			break
		}
		pos := len(orig) - len(s)
		if s[0] == '"' {
			w, r, ok := simpleQuoted(s)
			if !ok {
				return "", "", false
			}
			if enc.Len() > 0 {
				words = append(words, enc.String())
				enc.Reset()
			}
			words = append(words, w)
			verbatim = false
			s = r
			continue
		}
		n := atomLen(s)
		if n == 0 {
			break
		}
		w := s[:n]
		s = s[n:]
		if strings.HasPrefix(w, "=?") {
			d, isEnc, ok := decodeWord(w)
			if !ok {
				return "", "", false
			}
			if isEnc {
				enc.WriteString(d)
				verbatim = false
				continue
			}
		}
		if enc.Len() > 0 {
			words = append(words, enc.String())
			enc.Reset()
		}
		words = append(words, w)
		if verbatim {
			switch {
			case start < 0:
				start = pos
			case pos != end+1 || orig[end] != ' ':
				verbatim = false
			}
			end = pos + n
		}
	}
	if enc.Len() > 0 {
		words = append(words, enc.String())
	}
	if len(words) == 0 {
		return "", "", false
	}
	if verbatim {
		return orig[start:end], s, true
	}
	return strings.Join(words, " "), s, true
}

// simpleQuoted reads a quoted string without escapes at the start of s.
func simpleQuoted(s string) (word, rest string, ok bool) {
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return s[1:i], s[i+1:], true
		case c == '\\' || c < ' ' && c != '\t' || c == 0x7f:
			return "", "", false
		}
	}
	return "", "", false // unclosed
}

// decodeWord decodes an encoded word in a display name as net/mail does
// with go-message's charsets. It reports !ok where net/mail would fail.
func decodeWord(w string) (word string, isEncoded, ok bool) {
	charsetFailed := false
	d := mime.WordDecoder{CharsetReader: func(label string, in io.Reader) (io.Reader, error) {
		r, err := message.CharsetReader(label, in)
		if err != nil {
			charsetFailed = true
		}
		return r, err
	}}
	out, err := d.Decode(w)
	switch {
	case err == nil:
		return out, true, true
	case charsetFailed:
		return "", false, false
	}
	return w, false, true // not an encoded word after all
}

func trimLeftWSP(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	return s
}

// mimePart is a part found by splitMultipart.
type mimePart struct {
	h    header
	body wholeBody
}

// maxBoundaryLine keeps splitMultipart to lines that go-message's reader,
// which reads them through a 4 KB buffer, does not refuse as too long.
const maxBoundaryLine = 4000

// splitMultipart splits a multipart body that is all at hand into its
// parts, with the headers and bodies go-message's MultipartReader would
// give. It reports false for any body on which that reader would fail, or
// might: then the reader is used instead, and reports the failure where it
// meets it.
func splitMultipart(b []byte, boundary string) ([]mimePart, bool) {
	if strings.ContainsAny(boundary, "\r\n") {
		return nil, false
	}
	// Line end, then the delimiter; as bytes once, since a conversion per
	// use of a long boundary would allocate.
	ndb := append(append(make([]byte, 0, 4+len(boundary)), "\r\n--"...), boundary...)
	nl, db := "\r\n", ndb[2:]
	// Most multiparts have two parts, text and HTML.
	parts := make([]mimePart, 0, 2)
	expectNewPart := false
	for pos := 0; ; {
		// As MultipartReader.NextPart reads lines.
		line := b[pos:]
		next := len(b)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i+1], pos+i+1
		}
		if len(line) > maxBoundaryLine {
			return nil, false
		}
		if len(line) == 0 || line[len(line)-1] != '\n' {
			// The last line: only a final boundary ends well.
			return parts, isFinalBoundary(line, db, nl)
		}
		if bytes.HasPrefix(line, db) {
			rest := trimLeftWSPBytes(line[len(db):])
			if len(parts) == 0 && string(rest) == "\n" {
				nl, ndb = "\n", ndb[1:]
			}
			if string(rest) == nl {
				h, hb, ok := scanHeader(b[next:])
				if !ok {
					return nil, false
				}
				start := next + hb
				end, ok := partEnd(b, start, ndb, db)
				if !ok {
					return nil, false
				}
				parts = append(parts, mimePart{h: h, body: wholeBody{b: b[start:end]}})
				expectNewPart = false
				pos = end
				continue
			}
		}
		switch {
		case isFinalBoundary(line, db, nl):
			return parts, true
		case expectNewPart:
			return nil, false
		case len(parts) == 0: // the preamble
		case string(line) == nl:
			expectNewPart = true
		default:
			return nil, false
		}
		pos = next
	}
}

func isFinalBoundary(line, db []byte, nl string) bool {
	if !bytes.HasPrefix(line, db) || !bytes.HasPrefix(line[len(db):], []byte("--")) {
		return false
	}
	rest := trimLeftWSPBytes(line[len(db)+2:])
	return len(rest) == 0 || string(rest) == nl
}

// partEnd finds where the part starting at b[start] ends, as go-message's
// part reader does: before the first line end and delimiter followed by a
// space, tab, line end or dash (or right away, if the part starts with
// such a delimiter).
func partEnd(b []byte, start int, ndb, db []byte) (int, bool) {
	pos := start
	if bytes.HasPrefix(b[start:], db) {
		a := start + len(db)
		if a == len(b) {
			return 0, false // the reader would then fail on "--boundary"
		}
		if boundaryFollows(b[a]) {
			return start, true
		}
		pos = a
	}
	for {
		i := bytes.Index(b[pos:], ndb)
		if i < 0 {
			return 0, false
		}
		j := pos + i
		a := j + len(ndb)
		if a == len(b) || boundaryFollows(b[a]) {
			return j, true
		}
		pos = a
	}
}

func boundaryFollows(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-'
}

func trimLeftWSPBytes(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}
