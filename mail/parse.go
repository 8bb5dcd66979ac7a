package mail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	netmail "net/mail"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/charset"
	gomail "github.com/emersion/go-message/mail"
	mimetext "github.com/emersion/go-message/textproto"
	"golang.org/x/text/encoding/charmap"
)

// maxDepth bounds how deeply multiparts and attached messages are followed;
// real mail stays far below it, and it keeps hostile nesting cheap.
const maxDepth = 10

// maxRawText bounds the raw body shown as text when the MIME structure is
// unreadable, since such a body may hold megabytes of encoded attachments.
const maxRawText = 100 << 10

// forwardedMarker introduces the text of an attached message in Text.
const forwardedMarker = "---------- Forwarded message ----------"

// internalErrorPrefix starts the warning Parse records if it recovers from a
// bug of its own; tests look for it.
const internalErrorPrefix = "internal error while parsing"

// Parse reads a raw RFC 5322 message. It never fails and never panics: what
// cannot be read is described in Warnings, in words a handler can act on, and
// the best text that could be got is returned anyway. Raw is raw itself, not
// a copy.
//
// The body text is the first text/plain part that is not an attachment; if
// there is none (or it is blank), the first text/html part converted to text,
// with HTMLOnly set. Attached messages (message/rfc822) are appended to Text
// under a "Forwarded message" line so that forwarded requests can be
// classified, except in delivery reports, where the returned message is our
// own. Line ends in Text are "\n".
//
// Attachments lists every part that is an attachment by disposition, has a
// file name, or is not text, including those inside attached messages.
func Parse(raw []byte) (m *Message) {
	m = &Message{Raw: raw}
	defer func() {
		if r := recover(); r != nil {
			// A bug here must not lose a request: keep what was read and
			// show the raw body.
			m.Text = rawText(bodyOf(raw))
			m.Warnings = append(m.Warnings, fmt.Sprintf("%s (%v); the text shown is the raw body", internalErrorPrefix, r))
		}
	}()
	if len(raw) == 0 {
		m.warnf("the message is empty")
		return m
	}
	parseInto(m, raw, 0)
	return m
}

// parseInto fills m from raw; depth counts the levels of nesting above it.
func parseInto(m *Message, raw []byte, depth int) {
	// h is a value so that it can stay on the stack.
	h, body := m.readHeader(raw)
	m.readFields(&h)
	mt, params := m.contentType(&h)
	m.ContentType = mt

	w := walker{m: m}
	wb := &wholeBody{b: body}
	wb.Reset(body)
	w.entity(&h, mt, params, wb, depth, "")
	w.finish(body)
}

// wholeBody is a body whose bytes are all at hand, so that they need not
// be read into a copy.
type wholeBody struct {
	bytes.Reader
	b []byte
}

// readBody returns the bytes of body, read into scratch unless they are
// at hand.
func readBody(body io.Reader, scratch *bytes.Buffer) ([]byte, error) {
	if wb, ok := body.(*wholeBody); ok && wb.Len() == len(wb.b) {
		wb.Reset(nil)
		return wb.b, nil
	}
	_, err := scratch.ReadFrom(body)
	return scratch.Bytes(), err
}

// scratchPool holds buffers for part bodies on their way to strings.
var scratchPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getScratch() *bytes.Buffer {
	b := scratchPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// putScratch returns b to the pool unless it grew big: one huge message
// should not pin its memory for good.
func putScratch(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		scratchPool.Put(b)
	}
}

// copyBufPool holds the buffers decodedSize copies through; io.Copy would
// allocate 32 KB per attachment.
var copyBufPool = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// maxWarnings bounds Warnings: past a few, more help nobody, and a hostile
// message could otherwise make thousands.
const maxWarnings = 20

// warnf records a warning once.
func (m *Message) warnf(format string, args ...any) {
	if len(m.Warnings) > maxWarnings {
		return
	}
	s := fmt.Sprintf(format, args...)
	for _, w := range m.Warnings {
		if w == s {
			return
		}
	}
	if len(m.Warnings) == maxWarnings {
		s = "further warnings were left out"
	}
	m.Warnings = append(m.Warnings, s)
}

// quote shows untrusted text in a warning: Go-quoted, so control characters
// are escaped, and short.
func quote(s string) string {
	return strconv.Quote(truncate(s, 60))
}

// truncate cuts s after limit runes, marking the cut with "…".
func truncate(s string, limit int) string {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// ---- header ----

// readHeader splits raw into its header and body. go-message reads the
// header; if it refuses, a lenient reader keeps every field it can.
func (m *Message) readHeader(raw []byte) (header, []byte) {
	if h, body, ok := scanHeader(raw); ok {
		return h, raw[body:]
	}
	// Only for the error to report: scanHeader refuses just what
	// ReadHeader does.
	_, err := mimetext.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	lh, body, fields := lenientHeader(raw)
	if fields == 0 {
		m.warnf("the message has no readable header; all of it is shown as text")
	} else {
		m.warnf("malformed header (%v); read leniently", shortErr(err))
	}
	return header{slow: true, mh: lh}, body
}

// describe puts an error met while reading the body in words; most are the
// message stopping short, which the libraries report as some form of EOF.
func describe(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || strings.HasSuffix(err.Error(), "EOF") {
		return "the message ends before its last MIME boundary"
	}
	return shortErr(err)
}

// shortErr keeps error text from untrusted input short and escaped.
func shortErr(err error) string {
	q := strconv.Quote(truncate(err.Error(), 80))
	return q[1 : len(q)-1]
}

// lenientHeader reads "Key: value" lines and their continuations up to the
// first blank line. A stray line between fields is skipped; a stray line
// followed by something that is not a field is taken as the start of a body
// that lacks its blank separator line.
func lenientHeader(raw []byte) (message.Header, []byte, int) {
	type field struct{ k, v string }
	var fields []field
	rest := raw
lines:
	for len(rest) > 0 {
		line, next := cutLine(rest)
		switch {
		case len(line) == 0:
			rest = next
			break lines
		case (line[0] == ' ' || line[0] == '\t') && len(fields) > 0:
			f := &fields[len(fields)-1]
			f.v = strings.TrimSpace(f.v + " " + strings.TrimSpace(string(line)))
		default:
			// An indented first line is read as a field too.
			k, v, ok := headerLine(bytes.TrimLeft(line, " \t"))
			if ok {
				fields = append(fields, field{k, v})
				break
			}
			if nextLine, _ := cutLine(next); !isHeaderLine(nextLine) {
				break lines // the body starts here
			}
			// A stray line between fields: skip it.
		}
		rest = next
	}
	var h mimetext.Header
	// Add puts a field before the others of its key, so add them backwards
	// to keep the original order.
	for i := len(fields) - 1; i >= 0; i-- {
		h.Add(fields[i].k, fields[i].v)
	}
	return message.Header{Header: h}, rest, len(fields)
}

// cutLine returns the first line of b without its line end, and the rest.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.TrimSuffix(b, []byte("\r")), nil
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:]
}

func isHeaderLine(line []byte) bool {
	_, _, ok := headerLine(line)
	return ok
}

// headerLine splits a "Key: value" line; the key must be printable ASCII.
func headerLine(line []byte) (key, value string, ok bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	k := bytes.TrimRight(line[:i], " \t")
	if len(k) == 0 {
		return "", "", false
	}
	for _, c := range k {
		if c <= ' ' || c > '~' {
			return "", "", false
		}
	}
	return textproto.CanonicalMIMEHeaderKey(string(k)), strings.TrimSpace(string(line[i+1:])), true
}

// bodyOf returns what follows the first blank line, or all of raw if the
// header cannot be told apart. It is the fallback of last resort.
func bodyOf(raw []byte) []byte {
	_, body, _ := lenientHeader(raw)
	return body
}

// readFields fills the header fields of m.
func (m *Message) readFields(h *header) {
	// Only the first Message-ID and From address are kept, so their
	// lists can be read into arrays on the stack.
	var idBuf [2]string
	var fromBuf [2]Address
	m.MessageID = firstID(msgIDs(h, "Message-Id", idBuf[:0]))
	m.InReplyTo = msgIDs(h, "In-Reply-To", nil)
	m.References = msgIDs(h, "References", nil)

	if v := h.Get("From"); v == "" {
		m.warnf("the message has no From header")
	} else if from := m.addresses("From", v, fromBuf[:0]); len(from) > 0 {
		m.From = from[0]
	}
	if v := h.Get("To"); v != "" {
		m.To = m.addresses("To", v, nil)
	}
	m.Subject = m.headerText("Subject", h.Get("Subject"))
	m.Date = m.date(h.Get("Date"))
	m.AutoSubmitted = autoSubmitted(h)
}

func firstID(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// msgIDs reads a Message-ID, In-Reply-To or References field. go-message's
// strict reader comes first; on mail it rejects (comments, commas, missing
// brackets, no "@") every <...> is taken, or failing that every word.
//
// The IDs are appended to dst where the fast reader reads them.
func msgIDs(h *header, key string, dst []string) []string {
	v := h.Get(key)
	if v == "" {
		return nil
	}
	ids, err := msgIDList(key, v, dst)
	if err != nil || len(ids) == 0 {
		ids = lenientIDs(v)
	}
	out := ids[:0]
	for _, id := range ids {
		if id = cleanID(id); id != "" {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func lenientIDs(v string) []string {
	var ids []string
	for s := v; ; {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		ids = append(ids, s[i+1:i+j])
		s = s[i+j+1:]
	}
	if len(ids) > 0 {
		return ids
	}
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '<' || r == '>'
	})
}

// cleanID drops what cannot belong in a message ID: whitespace, controls and
// invalid UTF-8.
func cleanID(id string) string {
	// Most IDs are printable ASCII without brackets: nothing to drop.
	clean := true
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c >= 0x7f || c == '<' || c == '>' {
			clean = false
			break
		}
	}
	if clean {
		return id
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r == utf8.RuneError || r == '<' || r == '>' {
			return -1
		}
		return r
	}, id)
}

// fixHeaderBytes turns a header value into valid UTF-8. RFC 6532 allows raw
// UTF-8 in headers; bytes that are not UTF-8 are nearly always Latin-1 or
// windows-1252 from old clients.
func (m *Message) fixHeaderBytes(key, v string) string {
	if utf8.ValidString(v) {
		return v
	}
	m.warnf("the %s header holds bytes that are not UTF-8; they were read as windows-1252", key)
	return fromWindows1252([]byte(v))
}

// headerText decodes an unstructured header field (RFC 2047 encoded words,
// raw 8-bit bytes).
func (m *Message) headerText(key, v string) string {
	v = m.fixHeaderBytes(key, v)
	if !strings.Contains(v, "=?") {
		return v
	}
	d := mime.WordDecoder{CharsetReader: func(label string, in io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(m.decodeCharset(label, b, part{header: key}, false)), nil
	}}
	out, err := d.DecodeHeader(v)
	if err != nil {
		m.warnf("the %s header could not be decoded (%v); shown as written", key, shortErr(err))
		return v
	}
	return fixDecodedHeader(out)
}

// fixDecodedHeader repairs what the standard word decoder lets through: an
// encoded word labelled utf-8 may hold bytes that are not, and one labelled
// iso-8859-1 may use windows-1252's printable 0x80–0x9F, which Go decodes as
// C1 controls.
func fixDecodedHeader(s string) string {
	if isASCII(s) {
		return s // valid UTF-8 without C1 controls
	}
	if !utf8.ValidString(s) {
		s = fromWindows1252([]byte(s))
	}
	if !strings.ContainsFunc(s, isC1) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isC1(r) {
			if w := charmap.Windows1252.DecodeByte(byte(r)); w != utf8.RuneError {
				return w
			}
		}
		return r
	}, s)
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// addresses reads an address list. An unreadable list is scanned for things
// that look like addresses, with a warning.
//
// Addresses the fast reader reads are appended to dst, which must be empty.
func (m *Message) addresses(key, v string, dst []Address) []Address {
	v = m.fixHeaderBytes(key, v)
	if list, ok := simpleAddressList(dst, v); ok {
		for i, a := range list {
			list[i] = Address{
				Name: fixDecodedHeader(strings.TrimSpace(a.Name)),
				Addr: strings.ToLower(fixDecodedHeader(a.Addr)),
			}
		}
		return list
	}
	list, err := gomail.ParseAddressList(v)
	if err == nil {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{
				Name: fixDecodedHeader(strings.TrimSpace(a.Name)),
				Addr: strings.ToLower(fixDecodedHeader(a.Address)),
			})
		}
		return out
	}
	out := m.guessAddresses(key, v)
	if len(out) == 0 {
		m.warnf("the %s header %s holds no readable address", key, quote(v))
		return nil
	}
	m.warnf("the %s header could not be parsed (%s); the address %s was guessed from it", key, shortErr(err), quote(out[0].Addr))
	return out
}

// guessAddresses finds address-like words: the inside of <...>, else a word
// with an "@", each with the text before it as the name.
func (m *Message) guessAddresses(key, v string) []Address {
	var out []Address
	for _, chunk := range strings.Split(v, ",") {
		var name, addr string
		if i := strings.LastIndexByte(chunk, '<'); i >= 0 && strings.Contains(chunk[i:], "@") {
			name, addr = chunk[:i], chunk[i+1:]
			if j := strings.IndexByte(addr, '>'); j >= 0 {
				addr = addr[:j]
			}
		} else {
			for _, word := range strings.Fields(chunk) {
				if strings.Contains(word, "@") {
					addr = word
					name = strings.Replace(chunk, word, "", 1)
					break
				}
			}
		}
		addr = strings.Trim(addr, " \t\"'<>()[];:")
		if !strings.Contains(addr, "@") {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), "\"'")
		out = append(out, Address{
			Name: strings.TrimSpace(m.headerText(key, name)),
			Addr: strings.ToLower(addr),
		})
	}
	return out
}

// obsZones gives the offsets of zone names that Go would otherwise read as
// UTC (or as whatever the local zone calls by that name): RFC 5322's
// obsolete US zones and the European ones our senders use.
var obsZones = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2, "EEST": 3,
}

// dateLayouts are tried when net/mail cannot read a Date; they are forms
// seen from broken mailers.
var dateLayouts = []string{
	time.ANSIC,
	time.UnixDate,
	time.RFC3339,
	"Monday, 2 January 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 GMT-0700",
	// ISO dates with a space, from scripts and some web forms (Python's
	// str(datetime) among them); Z07:00 reads "Z" as well as "+01:00".
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04 Z07:00",
	"2006-01-02 15:04Z07:00",
}

// date reads the Date field; zero if missing or unreadable.
func (m *Message) date(v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	// The usual form first: net/mail tries dozens of layouts, and each
	// miss costs an allocation.
	t, ok := simpleDate(v)
	var err error
	if !ok {
		t, err = time.Parse(rfc5322Date, v)
	}
	if err != nil {
		t, err = netmail.ParseDate(v)
	}
	if err != nil && strings.HasSuffix(v, " Z") {
		// The one military zone still written, and the only one whose
		// meaning never was in doubt (RFC 5322 4.3): UTC.
		t, err = netmail.ParseDate(strings.TrimSuffix(v, "Z") + "+0000")
	}
	if err != nil {
		for _, layout := range dateLayouts {
			if t, err = time.Parse(layout, v); err == nil {
				break
			}
		}
	}
	if err != nil {
		m.warnf("the Date header %s is unreadable; the message has no date", quote(v))
		return time.Time{}
	}
	if name, _ := t.Zone(); obsZones[name] != 0 || name == "WET" {
		y, mo, d := t.Date()
		hh, mm, ss := t.Clock()
		t = time.Date(y, mo, d, hh, mm, ss, t.Nanosecond(), time.FixedZone(name, obsZones[name]*3600))
	}
	return t
}

// rfc5322Date is the usual form of a Date field.
const rfc5322Date = "Mon, 2 Jan 2006 15:04:05 -0700"

// simpleDate reads v as time.Parse(rfc5322Date, v) does, if v is written
// the way nearly every mailer writes it: day names and months spelt as in
// the layout, two-digit hours and a zone offset within ±14:59. It reports
// false for anything else, which time.Parse then reads.
func simpleDate(v string) (time.Time, bool) {
	// "Mon, 2 Jan 2006 15:04:05 -0700", with the day in one or two digits.
	if len(v) < len("Mon, 2 Jan 2006 15:04:05 -0700") || v[3] != ',' || v[4] != ' ' {
		return time.Time{}, false
	}
	if !slices.Contains(dayNames[:], v[:3]) {
		return time.Time{}, false
	}
	s := v[5:]
	day, ok := digits(s[:1])
	if !ok {
		return time.Time{}, false
	}
	if d2, ok := digits(s[1:2]); ok {
		day, s = day*10+d2, s[2:]
	} else {
		s = s[1:]
	}
	const rest = " Jan 2006 15:04:05 -0700"
	if len(s) != len(rest) || s[0] != ' ' || s[4] != ' ' || s[9] != ' ' || s[12] != ':' || s[15] != ':' || s[18] != ' ' {
		return time.Time{}, false
	}
	month := slices.Index(monthNames[:], s[1:4]) + 1
	year, ok1 := digits(s[5:9])
	hour, ok2 := digits(s[10:12])
	minute, ok3 := digits(s[13:15])
	sec, ok4 := digits(s[16:18])
	zh, ok5 := digits(s[20:22])
	zm, ok6 := digits(s[22:24])
	sign := s[19]
	if month == 0 || !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || (sign != '+' && sign != '-') ||
		day < 1 || day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 || zh > 14 || zm > 59 {
		return time.Time{}, false
	}
	offset := (zh*60 + zm) * 60
	if sign == '-' {
		offset = -offset
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC).Add(-time.Duration(offset) * time.Second)
	// As time.Parse does: the local zone if it has that offset then,
	// else a fixed zone without a name.
	if _, off := t.In(time.Local).Zone(); off == offset {
		return t.In(time.Local), true
	}
	return t.In(time.FixedZone("", offset)), true
}

var (
	dayNames   = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// digits reads s, which must be all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn returns the number of days in month of year.
func daysIn(month time.Month, year int) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// autoSubmitted reads Auto-Submitted, or its older equivalents.
func autoSubmitted(h *header) string {
	v, _, _ := strings.Cut(h.Get("Auto-Submitted"), ";")
	v = strings.ToLower(strings.TrimSpace(v))
	if v != "" && v != "no" {
		return strings.ToValidUTF8(v, "\uFFFD")
	}
	if h.Get("X-Autoreply") != "" || h.Get("X-Autorespond") != "" ||
		strings.EqualFold(strings.TrimSpace(h.Get("Precedence")), "auto_reply") {
		return "auto-replied"
	}
	return ""
}

// ---- content type and disposition ----

// contentType returns the lower-cased media type and parameters of h,
// "text/plain" if it has none. A malformed field is read leniently, and one
// that is no media type at all counts as text/plain, as RFC 2045 §5.2 says.
func (m *Message) contentType(h *header) (string, mediaParams) {
	v := h.Get("Content-Type")
	if v == "" {
		return "text/plain", mediaParams{}
	}
	mt, params, err := parseWithParams(v)
	if err == nil {
		return mt, params // lower case already
	}
	mt, lp := lenientParams(v)
	params = mediaParams{m: lp}
	if !validMediaType(mt) {
		m.warnf("the Content-Type %s is unreadable; read as text/plain", quote(v))
		return "text/plain", params
	}
	m.warnf("the Content-Type %s is malformed (%s); read leniently", quote(v), shortErr(err))
	return mt, params
}

// disposition returns the lower-cased disposition of h and its parameters.
func (m *Message) disposition(h *header) (string, mediaParams) {
	v := h.Get("Content-Disposition")
	if v == "" {
		return "", mediaParams{}
	}
	d, params, err := parseWithParams(v)
	if err == nil {
		return d, params // lower case already
	}
	d, lp := lenientParams(v)
	return d, mediaParams{m: lp}
}

func validMediaType(mt string) bool {
	typ, sub, ok := strings.Cut(mt, "/")
	return ok && typ != "" && sub != "" && !strings.ContainsAny(mt, " \t\"()<>@,;:\\[]?=")
}

// lenientParams reads `value; key=value; key="quoted"` the way a forgiving
// mail client would: later duplicates are ignored, RFC 2231 extended values
// are percent-decoded, RFC 2047 words are decoded.
func lenientParams(v string) (string, map[string]string) {
	parts := splitParams(v)
	value := strings.ToLower(strings.TrimSpace(parts[0]))
	params := map[string]string{}
	for _, p := range parts[1:] {
		k, val, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		val = strings.TrimSpace(val)
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = strings.ReplaceAll(val[1:len(val)-1], `\"`, `"`)
		}
		if base, ok := strings.CutSuffix(k, "*"); ok {
			k = base
			if _, rest, ok := strings.Cut(val, "''"); ok {
				if u, err := url.PathUnescape(rest); err == nil {
					val = u
				}
			}
		}
		k, _, _ = strings.Cut(k, "*") // an RFC 2231 continuation: keep the first piece
		if _, dup := params[k]; dup || k == "" {
			continue
		}
		if d, err := new(mime.WordDecoder).DecodeHeader(val); err == nil {
			val = d
		}
		params[k] = val
	}
	return value, params
}

// splitParams splits at semicolons outside double quotes.
func splitParams(v string) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			quoted = !quoted
		case ';':
			if !quoted {
				parts = append(parts, v[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, v[start:])
}

// ---- body ----

// walker visits the parts of a message and gathers its text, attachments and
// forwarded messages.
type walker struct {
	m *Message

	plain, html       string
	hasPlain, hasHTML bool
	forwards          []string
	broken            error // the first structural error
}

// entity visits one entity, multipart or not.
func (w *walker) entity(h *header, mt string, params mediaParams, body io.Reader, depth int, parent string) {
	if !strings.HasPrefix(mt, "multipart/") {
		w.leaf(h, mt, params, body, depth, parent)
		return
	}
	if depth >= maxDepth {
		w.m.warnf("MIME parts nested more than %d deep were skipped", maxDepth)
		return
	}
	boundary := params.get("boundary")
	if boundary == "" {
		w.fail(fmt.Errorf("%s without a boundary", mt))
		return
	}
	if wb, ok := body.(*wholeBody); ok && wb.Len() == len(wb.b) {
		if parts, ok := splitMultipart(wb.b, boundary); ok {
			for i := range parts {
				p := &parts[i]
				p.body.Reset(p.body.b)
				pmt, pparams := w.m.contentType(&p.h)
				w.entity(&p.h, pmt, pparams, &p.body, depth+1, mt)
			}
			return
		}
	}
	mr := mimetext.NewMultipartReader(body, boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			w.fail(err)
			return
		}
		ph := &header{slow: true, mh: message.Header{Header: p.Header}}
		pmt, pparams := w.m.contentType(ph)
		w.entity(ph, pmt, pparams, p, depth+1, mt)
	}
}

// fail records a structural error; finish turns it into a warning.
func (w *walker) fail(err error) {
	if w.broken == nil {
		w.broken = err
	}
}

// leaf visits a part that is not multipart.
func (w *walker) leaf(h *header, mt string, params mediaParams, body io.Reader, depth int, parent string) {
	disp, dparams := w.m.disposition(h)
	filename := dparams.get("filename")
	if filename == "" {
		filename = params.get("name")
	}
	filename = cleanFilename(filename)
	cte := transferEncoding(h)
	what := part{mt: mt, filename: filename}

	switch {
	case mt == "message/rfc822" || mt == "message/global":
		w.attached(cte, mt, filename, body, depth, parent)
	case disp == "attachment" || filename != "" || !strings.HasPrefix(mt, "text/"):
		if !knownEncoding(cte) {
			w.m.warnf("%s has the unknown transfer encoding %s; its size is that of the encoded data", what.String(), quote(cte))
		}
		size, err := decodedSize(cte, body)
		if err != nil {
			w.m.warnf("%s could not be fully decoded (%s); its size is approximate", what.String(), describe(err))
		}
		w.m.Attachments = append(w.m.Attachments, Attachment{Filename: filename, ContentType: mt, Size: size})
	case mt == "text/plain" && !w.hasPlain:
		w.plain, w.hasPlain = w.readText(cte, params.get("charset"), body, what, true), true
	case mt == "text/html" && !w.hasHTML:
		w.html, w.hasHTML = w.readText(cte, params.get("charset"), body, what, false), true
	}
}

// attached handles a message/rfc822 part: it is listed as an attachment, and
// its own text, attachments and warnings become part of the outer message.
func (w *walker) attached(cte, mt, filename string, body io.Reader, depth int, parent string) {
	// Nothing read from data is kept but as copies, so it may live in
	// scratch buffers.
	in, out := getScratch(), getScratch()
	defer putScratch(in)
	defer putScratch(out)
	raw, err := readBody(body, in)
	if err != nil {
		w.fail(err)
	}
	data := w.m.decodeTransfer(cte, raw, part{name: "the attached message"}, out)
	w.m.Attachments = append(w.m.Attachments, Attachment{Filename: filename, ContentType: mt, Size: int64(len(data))})
	if depth+1 >= maxDepth {
		w.m.warnf("messages attached more than %d deep were not read", maxDepth)
		return
	}
	sub := &Message{Raw: data}
	parseInto(sub, data, depth+1)
	w.m.Attachments = append(w.m.Attachments, sub.Attachments...)
	for _, s := range sub.Warnings {
		w.m.warnf("forwarded message: %s", s)
	}
	if parent == "multipart/report" {
		return // a bounce: the returned message is one we sent
	}
	w.forwards = append(w.forwards, forwardedText(sub))
}

// forwardedText renders an attached message the way mail clients quote a
// forward, so the classifier and the handler see who wrote what.
func forwardedText(sub *Message) string {
	var b strings.Builder
	b.WriteString(forwardedMarker + "\n")
	if sub.From != (Address{}) {
		b.WriteString("From: " + formatAddress(sub.From) + "\n")
	}
	if !sub.Date.IsZero() {
		b.WriteString("Date: " + sub.Date.Format("Mon, 2 Jan 2006 15:04:05 -0700") + "\n")
	}
	if sub.Subject != "" {
		b.WriteString("Subject: " + sub.Subject + "\n")
	}
	if len(sub.To) > 0 {
		to := make([]string, len(sub.To))
		for i, a := range sub.To {
			to[i] = formatAddress(a)
		}
		b.WriteString("To: " + strings.Join(to, ", ") + "\n")
	}
	if sub.Text != "" {
		b.WriteString("\n" + sub.Text)
	}
	return b.String()
}

func formatAddress(a Address) string {
	switch {
	case a.Name == "":
		return a.Addr
	case a.Addr == "":
		return a.Name
	}
	return a.Name + " <" + a.Addr + ">"
}

// finish chooses the text once all parts are seen.
func (w *walker) finish(body []byte) {
	m := w.m
	var text string
	switch {
	case w.hasPlain && (strings.TrimSpace(w.plain) != "" || !w.hasHTML):
		text = w.plain
	case w.hasHTML:
		text = htmlToText(w.html)
		m.HTMLOnly = true
	case w.broken != nil:
		text = rawText(body)
	}
	if w.broken != nil {
		if !w.hasPlain && !w.hasHTML {
			m.warnf("unreadable MIME structure: %s; the text shown is the raw body", describe(w.broken))
		} else {
			m.warnf("unreadable MIME structure: %s; the text shown may be incomplete", describe(w.broken))
		}
	}
	text = strings.TrimRight(normalizeNewlines(text), " \t\n")
	for _, f := range w.forwards {
		if text != "" {
			text += "\n\n"
		}
		text += strings.TrimRight(f, " \t\n")
	}
	m.Text = text
}

// rawText shows an undecodable body as text, cut to maxRawText.
func rawText(body []byte) string {
	if len(body) > maxRawText {
		body = body[:maxRawText]
	}
	return windows1252String(body, true)
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n". "\r\n" cannot
// overlap itself, so one pass gives what replacing it first and lone CRs
// after does.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '\r')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte('\n')
		if i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// readText reads a text part to a UTF-8 string.
// With plain set, line ends become "\n" on the way, as finish would do.
func (w *walker) readText(cte, charset string, body io.Reader, what part, plain bool) string {
	in, out := getScratch(), getScratch()
	defer putScratch(in)
	defer putScratch(out)
	raw, err := readBody(body, in)
	if err != nil {
		w.fail(err)
	}
	data := w.m.decodeTransfer(cte, raw, what, out)
	return w.m.decodeCharset(charset, data, what, plain)
}

// part is what a warning is about. It is put in words only when a
// warning is made, since most parts need none.
type part struct {
	mt, filename string // a MIME part
	header       string // or a header field
	name         string // or this
}

func (p part) String() string {
	switch {
	case p.name != "":
		return p.name
	case p.header != "":
		return "the " + p.header + " header"
	}
	return partName(p.mt, p.filename)
}

// partName names a part in a warning.
func partName(mt, filename string) string {
	if filename != "" {
		return "the attachment " + quote(filename)
	}
	return "the " + mt + " part"
}

// cleanFilename makes a file name fit to show: valid UTF-8, and without the
// directories some clients send along.
func cleanFilename(name string) string {
	name = fixDecodedHeader(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

func transferEncoding(h *header) string {
	return strings.ToLower(strings.Trim(h.Get("Content-Transfer-Encoding"), " \t\"'"))
}

// ---- transfer encodings ----

// decodeTransfer undoes a part's Content-Transfer-Encoding. Base64 that ends
// early keeps what it decoded; base64 with bytes outside its alphabet is
// likely not base64 at all, so the raw text is kept instead. Decoded bytes
// go to buf.
func (m *Message) decodeTransfer(cte string, raw []byte, what part, buf *bytes.Buffer) []byte {
	switch cte {
	case "", "7bit", "8bit", "binary":
		return raw
	case "quoted-printable":
		buf.Grow(len(raw))
		d := qpDecoder{buf: buf.AvailableBuffer()}
		d.Write(raw)
		d.Close()
		return d.buf
	case "base64":
		buf.Grow(len(raw) * 3 / 4)
		d := base64Decoder{out: buf}
		d.Write(raw)
		d.Close()
		switch {
		case d.invalid > 0:
			m.warnf("%s is marked base64 but is not valid base64; its raw text is shown", what.String())
			return raw
		case d.truncated:
			m.warnf("the base64 of %s ends early; the text shown stops where it does", what.String())
		}
		return buf.Bytes()
	}
	m.warnf("%s has the unknown transfer encoding %s; its raw text is shown", what.String(), quote(cte))
	return raw
}

func knownEncoding(cte string) bool {
	switch cte {
	case "", "7bit", "8bit", "binary", "quoted-printable", "base64":
		return true
	}
	return false
}

// decodedSize counts the decoded bytes of an attachment without keeping
// them.
func decodedSize(cte string, body io.Reader) (int64, error) {
	var n counter
	var err error
	buf := copyBufPool.Get().(*[32 << 10]byte)
	defer copyBufPool.Put(buf)
	switch cte {
	case "quoted-printable":
		d := qpDecoder{out: &n}
		_, err = io.CopyBuffer(&d, body, buf[:])
		d.Close()
	case "base64":
		var d base64Counter
		_, err = io.CopyBuffer(&d, body, buf[:])
		d.Close()
		n = counter(d.size)
		if err == nil && (d.invalid > 0 || d.truncated) {
			err = fmt.Errorf("broken base64")
		}
	default:
		_, err = io.CopyBuffer(&n, body, buf[:])
	}
	return int64(n), err
}

// counter is an io.Writer that only counts.
type counter int64

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

// base64Values maps a byte to its base64 value, or 0xff. The URL-safe
// letters are accepted too, since some mailers use them.
var base64Values = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'], t['_'] = 62, 63
	return t
}()

// base64Decoder is a forgiving streaming base64 decoder: whitespace is
// skipped, padding may close a quantum anywhere (bodies glued together from
// separately encoded pieces), and a missing end is tolerated. It counts what
// it could not use instead of failing.
type base64Decoder struct {
	out       io.Writer
	q         [4]byte
	n         int
	buf       [1024]byte
	nbuf      int
	invalid   int  // bytes outside the alphabet
	truncated bool // ended inside a quantum
}

func (d *base64Decoder) Write(p []byte) (int, error) {
	for _, c := range p {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '=':
			d.flushQuantum()
			continue
		}
		v := base64Values[c]
		if v == 0xff {
			d.invalid++
			continue
		}
		d.q[d.n] = v
		d.n++
		if d.n == 4 {
			d.flushQuantum()
		}
	}
	return len(p), nil
}

// flushQuantum emits the bytes of a complete or partial quantum.
func (d *base64Decoder) flushQuantum() {
	if d.nbuf+3 > len(d.buf) {
		d.flush()
	}
	q := d.q
	switch d.n {
	case 1:
		d.truncated = true // six bits make no byte
	case 2:
		d.buf[d.nbuf] = q[0]<<2 | q[1]>>4
		d.nbuf++
	case 3:
		d.buf[d.nbuf] = q[0]<<2 | q[1]>>4
		d.buf[d.nbuf+1] = q[1]<<4 | q[2]>>2
		d.nbuf += 2
	case 4:
		d.buf[d.nbuf] = q[0]<<2 | q[1]>>4
		d.buf[d.nbuf+1] = q[1]<<4 | q[2]>>2
		d.buf[d.nbuf+2] = q[2]<<6 | q[3]
		d.nbuf += 3
	}
	d.n = 0
}

func (d *base64Decoder) flush() {
	d.out.Write(d.buf[:d.nbuf])
	d.nbuf = 0
}

// Close emits what is left; a body that stops inside a quantum is marked
// truncated.
func (d *base64Decoder) Close() {
	if d.n != 0 {
		d.truncated = true
		d.flushQuantum()
	}
	d.flush()
}

// qpDecoder is a forgiving streaming quoted-printable decoder (RFC 2045
// §6.7): "=XX" is a byte, "=" at a line end is a soft break, whitespace at a
// line end is transport padding, and anything malformed, such as "=ZZ" or
// raw 8-bit bytes, passes through literally, as mail clients do.
//
// Without out, the decoded bytes stay in buf.
type qpDecoder struct {
	out  io.Writer
	buf  []byte
	esc  []byte // "=" and what followed it, not yet understood
	wsp  []byte // spaces and tabs that may turn out to end a line
	last byte   // previous byte of a soft break, to swallow its LF
}

// base64Counter counts what base64Decoder would decode, and what it
// could not use, without decoding: attachments are only measured.
type base64Counter struct {
	n         int // letters of the current quantum
	size      int64
	invalid   int
	truncated bool
}

func (d *base64Counter) Write(p []byte) (int, error) {
	for _, c := range p {
		if base64Values[c] != 0xff {
			if d.n++; d.n == 4 {
				d.size += 3
				d.n = 0
			}
			continue
		}
		switch c {
		case ' ', '\t', '\r', '\n':
		case '=':
			d.flushQuantum()
		default:
			d.invalid++
		}
	}
	return len(p), nil
}

// flushQuantum counts the bytes of a partial quantum.
func (d *base64Counter) flushQuantum() {
	switch d.n {
	case 1:
		d.truncated = true // six bits make no byte
	case 2, 3:
		d.size += int64(d.n - 1)
	}
	d.n = 0
}

// Close counts what is left, as base64Decoder.Close does.
func (d *base64Counter) Close() {
	if d.n != 0 {
		d.truncated = true
		d.flushQuantum()
	}
}

// qpStop marks the bytes that end a run Write copies: within a run,
// spaces and tabs are text unless a line end or the end of the input
// follows them.
var qpStop = [256]bool{'=': true, '\r': true, '\n': true}

// hexValues maps a hex digit to its value, and every other byte to 0xff.
var hexValues = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'A'; c <= 'F'; c++ {
		t[c] = byte(c-'A') + 10
		t[c+'a'-'A'] = byte(c-'A') + 10
	}
	return t
}()

// Write decodes p. While nothing is pending, the usual sequences (runs of
// text, a run ending in a line end, "=XX", soft breaks) are decoded here
// in one step each, giving what the state machine in byte gives for them
// and leaving it as empty as it was; anything else, or a sequence cut off
// by the end of p, goes through byte.
func (d *qpDecoder) Write(p []byte) (int, error) {
	buf := d.buf
	for i := 0; i < len(p); {
		if d.last != 0 || len(d.esc) != 0 || len(d.wsp) != 0 {
			d.buf = buf
			d.byte(p[i])
			buf = d.buf
			i++
			continue
		}
		j := i
		for j < len(p) && !qpStop[p[j]] {
			j++
		}
		// Spaces and tabs at the end of the run are padding before a
		// line end, and may be at the end of the input.
		k := j
		for k > i && (p[k-1] == ' ' || p[k-1] == '\t') {
			k--
		}
		if j < len(p) {
			switch c := p[j]; c {
			case '\r', '\n':
				buf = append(buf, p[i:k]...)
				buf = append(buf, c)
				i = j + 1
				continue
			case '=':
				if j+2 < len(p) {
					if hi, lo := hexValues[p[j+1]], hexValues[p[j+2]]; hi < 16 && lo < 16 {
						buf = append(buf, p[i:j]...)
						buf = append(buf, hi<<4|lo)
						i = j + 3
						// Non-ASCII text is runs of "=XX".
						for i+2 < len(p) && p[i] == '=' {
							hi, lo := hexValues[p[i+1]], hexValues[p[i+2]]
							if hi >= 16 || lo >= 16 {
								break
							}
							buf = append(buf, hi<<4|lo)
							i += 3
						}
						continue
					}
					if p[j+1] == '\r' && p[j+2] == '\n' {
						buf = append(buf, p[i:j]...) // spaces before a soft break are text
						i = j + 3
						continue
					}
				}
				if j+1 < len(p) && p[j+1] == '\n' {
					buf = append(buf, p[i:j]...)
					i = j + 2
					continue
				}
				j++ // the "=" goes to byte too
			}
		}
		buf = append(buf, p[i:k]...)
		d.buf = buf
		for ; k < j; k++ {
			d.byte(p[k])
		}
		buf = d.buf
		i = j
	}
	d.buf = buf
	if d.out != nil && len(d.buf) >= 1024 {
		d.out.Write(d.buf)
		d.buf = d.buf[:0]
	}
	return len(p), nil
}

func (d *qpDecoder) byte(c byte) {
	if d.last == '\r' {
		d.last = 0
		if c == '\n' {
			return // the LF of a soft "=\r\n"
		}
	}
	if len(d.esc) > 0 {
		d.escaped(c)
		return
	}
	switch c {
	case '=':
		d.esc = append(d.esc, c)
	case ' ', '\t':
		d.wsp = append(d.wsp, c)
	case '\r', '\n':
		d.wsp = d.wsp[:0] // padding before a line end
		d.buf = append(d.buf, c)
	default:
		d.buf = append(d.buf, d.wsp...)
		d.wsp = d.wsp[:0]
		d.buf = append(d.buf, c)
	}
}

// escaped continues an "=" sequence with c.
func (d *qpDecoder) escaped(c byte) {
	// d.esc holds "=", "=X" (one hex digit) or "=" plus spaces.
	switch {
	case c == '\r' || c == '\n':
		if len(d.esc) == 1 || isBlank(d.esc[1:]) {
			// A soft line break; spaces before its "=" are text.
			d.flushWsp()
			d.esc = d.esc[:0]
			if c == '\r' {
				d.last = c
			}
			return
		}
	case (c == ' ' || c == '\t') && (len(d.esc) == 1 || isBlank(d.esc[1:])):
		d.esc = append(d.esc, c)
		return
	case len(d.esc) == 1 && hexValue(c) >= 0:
		d.esc = append(d.esc, c)
		return
	case len(d.esc) == 2 && hexValue(d.esc[1]) >= 0 && hexValue(c) >= 0:
		d.flushWsp()
		d.buf = append(d.buf, byte(hexValue(d.esc[1])<<4|hexValue(c)))
		d.esc = d.esc[:0]
		return
	}
	// Not an escape after all: keep it literally and read c afresh.
	d.flushWsp()
	d.buf = append(d.buf, d.esc...)
	d.esc = d.esc[:0]
	d.byte(c)
}

func (d *qpDecoder) flushWsp() {
	d.buf = append(d.buf, d.wsp...)
	d.wsp = d.wsp[:0]
}

// Close writes what is pending. A trailing "=" is a soft break at the end;
// trailing whitespace is padding.
func (d *qpDecoder) Close() {
	if len(d.esc) > 1 && !isBlank(d.esc[1:]) {
		d.flushWsp()
		d.buf = append(d.buf, d.esc...)
	}
	if d.out != nil {
		d.out.Write(d.buf)
		d.buf = nil
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c - 'A' + 10)
	case c >= 'a' && c <= 'f':
		return int(c - 'a' + 10)
	}
	return -1
}

// ---- charsets ----

// decodeCharset turns the bytes of a text part (or an encoded word) into
// UTF-8 according to its charset label, falling back to UTF-8 and then
// windows-1252 when the label is missing, unknown or wrong. With nl set,
// line ends become "\n".
func (m *Message) decodeCharset(label string, b []byte, what part, nl bool) string {
	l := strings.ToLower(strings.Trim(label, " \t\"'"))
	switch l {
	case "", "us-ascii", "ascii", "utf-8", "utf8", "unicode-1-1-utf-8":
		if utf8.Valid(b) {
			return bytesString(b, nl)
		}
		if l == "" {
			m.warnf("%s names no charset and is not UTF-8; it was read as windows-1252", what.String())
		} else {
			m.warnf("%s is marked %s but is not valid UTF-8; the bytes that are not were read as windows-1252", what.String(), quote(label))
		}
		return windows1252String(b, nl)
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819",
		"windows-1252", "cp1252", "x-cp1252":
		if isMultibyteUTF8(b) {
			m.warnf("%s is marked %s but is UTF-8; it was read as UTF-8", what.String(), quote(label))
			return bytesString(b, nl)
		}
		// Senders who say Latin-1 mean windows-1252 (WHATWG reads it so
		// too), which only differs in the printable 0x80–0x9F.
		return windows1252String(b, nl)
	}
	r, err := charset.Reader(l, bytes.NewReader(b))
	if err != nil {
		if utf8.Valid(b) {
			m.warnf("%s has the unknown charset %s; it was read as UTF-8", what.String(), quote(label))
			return bytesString(b, nl)
		}
		m.warnf("%s has the unknown charset %s; it was read as windows-1252", what.String(), quote(label))
		return windows1252String(b, nl)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		m.warnf("%s could not be fully decoded from %s (%s)", what.String(), quote(label), shortErr(err))
	}
	text := strings.ToValidUTF8(string(out), "\uFFFD")
	if nl {
		text = normalizeNewlines(text)
	}
	return text
}

// isMultibyteUTF8 reports whether b is valid UTF-8 with at least one
// multi-byte character: Latin-1 text practically never is.
func isMultibyteUTF8(b []byte) bool {
	return utf8.Valid(b) && bytes.ContainsFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
}

// fromWindows1252 keeps the valid UTF-8 in b and reads every other byte as
// windows-1252, so both pure Latin-1 text and UTF-8 with a stray Latin-1
// byte come out readable.
func fromWindows1252(b []byte) string {
	return windows1252String(b, false)
}

// windows1252String is fromWindows1252, and with nl set turns line ends
// into "\n" on the way. Bytes read as windows-1252 are never CR or LF, so
// that gives what normalizeNewlines would.
func windows1252String(b []byte, nl bool) string {
	var s strings.Builder
	s.Grow(len(b) + len(b)/4)
	for len(b) > 0 {
		// Runs of ASCII are copied whole.
		i := 0
		for i < len(b) && b[i] < utf8.RuneSelf && (!nl || b[i] != '\r') {
			i++
		}
		if i > 0 {
			s.Write(b[:i])
			b = b[i:]
			continue
		}
		if b[0] == '\r' {
			s.WriteByte('\n')
			if len(b) > 1 && b[1] == '\n' {
				b = b[1:]
			}
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			s.WriteRune(charmap.Windows1252.DecodeByte(b[0]))
		} else {
			s.Write(b[:size])
		}
		b = b[size:]
	}
	return s.String()
}

// bytesString is string(b), and with nl set turns line ends into "\n" on
// the way, as normalizeNewlines would.
func bytesString(b []byte, nl bool) string {
	if !nl || bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var s strings.Builder
	s.Grow(len(b))
	appendNewlines(&s, b)
	return s.String()
}

// appendNewlines writes b to s with "\r\n" and lone "\r" turned into "\n",
// as normalizeNewlines does.
func appendNewlines(s *strings.Builder, b []byte) {
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			s.Write(b)
			return
		}
		s.Write(b[:i])
		s.WriteByte('\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		b = b[i+1:]
	}
}
