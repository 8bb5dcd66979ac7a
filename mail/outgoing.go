package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	netmail "net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	gomail "github.com/emersion/go-message/mail"
)

// Outgoing is a plain-text letter pvdesk sends: a reply to one requester.
// There is exactly one recipient and no Cc or Bcc, so a reply can never
// disclose one person's request to another.
type Outgoing struct {
	From    Address
	To      Address
	Subject string
	// InReplyTo is the message ID (without angle brackets) of the letter
	// answered; empty for a letter that starts a thread.
	InReplyTo string
	// References are the thread's message IDs, oldest first, without angle
	// brackets. InReplyTo is appended when it is missing, as RFC 5322
	// section 3.6.4 asks.
	References []string
	Body       string // plain text, UTF-8; any line ends
	// Date is the Date header; the zero time means now. Its location is
	// kept, so pass Oslo time to show the recipient Norwegian time.
	Date time.Time
	// MessageID is the letter's own ID, without angle brackets; empty means
	// a random one at the From domain.
	MessageID string
}

// BuildMessage renders o as an RFC 5322 message: one text/plain part in
// UTF-8, quoted-printable, CRLF line ends throughout. It returns the bytes
// and the Message-ID (without angle brackets), to be stored with the case
// so that the requester's answer threads back onto it.
//
// No field can add a header line. The fields that name a destination or
// identify a message are refused with an error when they hold anything
// that does not belong there (line breaks, other controls, spaces, angle
// brackets): From.Addr, To.Addr, InReplyTo, References and MessageID. A
// silently repaired address or ID would send the letter elsewhere or
// break the thread, so it is better not to send at all. Free text, the
// Subject and the display names, is repaired instead: each run of control
// characters (C0, DEL, C1) becomes one space and invalid UTF-8 becomes
// U+FFFD, because a requester's subject with a stray line break must not
// stop the reply.
func BuildMessage(o Outgoing) (raw []byte, messageID string, err error) {
	if err := checkAddr("From", o.From.Addr); err != nil {
		return nil, "", err
	}
	if err := checkAddr("To", o.To.Addr); err != nil {
		return nil, "", err
	}
	// The requester's Message-ID comes back here. One too long for a header
	// line cannot be written whole, and folding would cut it; a reference
	// is only a hint (the case tag in the subject threads the reply too),
	// so such an ID is left out rather than the letter refused.
	if len(o.InReplyTo) > maxMsgIDLen {
		o.InReplyTo = ""
	}
	o.References = slices.DeleteFunc(slices.Clone(o.References), func(id string) bool { return len(id) > maxMsgIDLen })
	if o.InReplyTo != "" {
		if err := checkMsgID("In-Reply-To", o.InReplyTo); err != nil {
			return nil, "", err
		}
	}
	refs := make([]string, 0, len(o.References)+1)
	for _, id := range o.References {
		if err := checkMsgID("References", id); err != nil {
			return nil, "", err
		}
		if !slices.Contains(refs, id) {
			refs = append(refs, id)
		}
	}
	if o.InReplyTo != "" {
		// The parent goes last, wherever the caller had it.
		if i := slices.Index(refs, o.InReplyTo); i >= 0 {
			refs = slices.Delete(refs, i, i+1)
		}
		refs = append(refs, o.InReplyTo)
	}
	messageID = o.MessageID
	if messageID == "" {
		if messageID, err = newMessageID(o.From.Addr); err != nil {
			return nil, "", err
		}
	} else if err := checkMsgID("Message-ID", messageID); err != nil {
		return nil, "", err
	}
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}

	// go-message writes header fields in the reverse order of Set, so they
	// are set bottom up to read in the usual order.
	var h gomail.Header
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("MIME-Version", "1.0")
	h.SetMsgIDList("References", refs)
	if o.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{o.InReplyTo})
	}
	h.SetMessageID(messageID)
	h.Set("Subject", encodeText(cleanText(o.Subject)))
	h.Set("To", formatAddr(o.To))
	h.Set("From", formatAddr(o.From))
	h.SetDate(date)

	var buf bytes.Buffer
	w, err := gomail.CreateSingleInlineWriter(&buf, h)
	if err != nil {
		return nil, "", fmt.Errorf("build message: %w", err)
	}
	if _, err := w.Write([]byte(crlfText(o.Body))); err != nil {
		return nil, "", fmt.Errorf("build message: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, "", fmt.Errorf("build message: %w", err)
	}
	return buf.Bytes(), messageID, nil
}

// formatAddr writes a checked address with its cleaned display name.
// net/mail's Address.String is not used: for a name with both non-ASCII
// letters and a backslash it writes an encoded word that the address
// parsers, its own included, then refuse.
func formatAddr(a Address) string {
	name := cleanText(a.Name)
	switch {
	case name == "":
		return "<" + a.Addr + ">"
	case isASCII(name):
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name)
		return `"` + q + `" <` + a.Addr + ">"
	}
	return encodeText(name) + " <" + a.Addr + ">"
}

// maxAddrLen is the longest address SMTP can carry: a path of 256 octets
// less its angle brackets.
const maxAddrLen = 254

// checkAddr accepts a bare addr-spec, local@domain, of the kind an SMTP
// envelope can carry as it is: no quoting, comments, spaces or controls.
// Quoted local parts are legal in RFC 5322 but are written differently in
// the header and the envelope, and no requester's address needs them.
func checkAddr(field, addr string) error {
	if addr == "" {
		return fmt.Errorf("outgoing %s: no address", field)
	}
	// SMTP carries a path of at most 256 octets, brackets included (RFC
	// 5321 4.5.3.1.3), and a longer one could not fit on one header line.
	if len(addr) > maxAddrLen {
		return fmt.Errorf("outgoing %s address: %d bytes, more than an address can have (%d)", field, len(addr), maxAddrLen)
	}
	if !utf8.ValidString(addr) {
		return fmt.Errorf("outgoing %s address %q: invalid UTF-8", field, addr)
	}
	for _, r := range addr {
		if isControl(r) || r == ' ' || strings.ContainsRune(`"(),:;<>[\]`, r) {
			return fmt.Errorf("outgoing %s address %q: %q may not appear in an address", field, addr, r)
		}
	}
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 || strings.Count(addr, "@") != 1 {
		return fmt.Errorf("outgoing %s address %q: want local@domain", field, addr)
	}
	// The mail parser is the final word: what it reads back must be what
	// was given, or a reader of the header would see another address.
	a, err := netmail.ParseAddress("<" + addr + ">")
	if err != nil || a.Address != addr {
		return fmt.Errorf("outgoing %s address %q: not a valid address", field, addr)
	}
	return nil
}

// maxMsgIDLen is the longest message ID written: with its brackets and
// the field's name it must fit the 998 octets of a header line (RFC 5322
// 2.1.1), which folding cannot help, as an ID has no spaces to fold at.
const maxMsgIDLen = 900

// checkMsgID accepts what goes between the angle brackets of a msg-id:
// printable characters, no spaces, no brackets, at most maxMsgIDLen bytes.
func checkMsgID(field, id string) error {
	if id == "" {
		return fmt.Errorf("outgoing %s: empty message ID", field)
	}
	if len(id) > maxMsgIDLen {
		return fmt.Errorf("outgoing %s: %d bytes, longer than a message ID can be written (%d)", field, len(id), maxMsgIDLen)
	}
	if !utf8.ValidString(id) {
		return fmt.Errorf("outgoing %s %q: invalid UTF-8", field, id)
	}
	for _, r := range id {
		if isControl(r) || r == ' ' || r == '<' || r == '>' {
			return fmt.Errorf("outgoing %s %q: %q may not appear in a message ID", field, id, r)
		}
	}
	return nil
}

// isControl reports C0 controls (CR and LF among them), DEL and C1.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// cleanText makes free text fit for one header line: each run of control
// characters becomes a single space, as unfolding a header would make of a
// line break, and the result is trimmed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	inCtl := false
	for _, r := range s {
		if isControl(r) {
			if !inCtl {
				b.WriteByte(' ')
			}
			inCtl = true
			continue
		}
		inCtl = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// maxEncodedWord bounds one RFC 2047 encoded word. Go's mime encoder
// fills words to the 75 octets RFC 2047 allows, which after "Subject: "
// overruns the 76-octet line RFC 2047 also sets; shorter words let the
// header folding break between them. Go's encoder also leaves a run of
// ASCII unencoded, and a cut there would add a space that decoding keeps.
const maxEncodedWord = 60

// encodeText returns ASCII text as it is and anything else, whole, as
// RFC 2047 Q-encoded words of at most maxEncodedWord octets. The space
// between two encoded words vanishes when they are decoded, so where the
// text is cut does not show.
func encodeText(s string) string {
	if isASCII(s) {
		return s
	}
	const prefix, suffix = "=?utf-8?q?", "?="
	room := maxEncodedWord - len(prefix) - len(suffix)
	var b strings.Builder
	n := 0 // encoded length of the current word's text
	b.WriteString(prefix)
	for _, r := range s {
		var buf [utf8.UTFMax]byte
		enc := buf[:utf8.EncodeRune(buf[:], r)]
		cost := 0
		for _, c := range enc {
			cost += qLen(c)
		}
		// A rune is never split: its octets decode only together.
		if n > 0 && n+cost > room {
			b.WriteString(suffix + " " + prefix)
			n = 0
		}
		for _, c := range enc {
			switch {
			case c == ' ':
				b.WriteByte('_')
			case qLen(c) == 1:
				b.WriteByte(c)
			default:
				fmt.Fprintf(&b, "=%02X", c)
			}
		}
		n += cost
	}
	b.WriteString(suffix)
	return b.String()
}

// qLen is the encoded length of c in a Q-encoded word. Only the characters
// RFC 2047 section 5 allows in a display name stay literal, so the same
// words are safe in any header.
func qLen(c byte) int {
	if c == ' ' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!*+-/", c) >= 0 {
		return 1
	}
	return 3
}

// crlfText gives every line of s a CRLF end, the last one too, whatever
// ends the editor or template used. Invalid UTF-8 becomes U+FFFD, since the
// part declares charset=utf-8.
func crlfText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// msgIDEncoding spells random bytes in lower-case letters and digits, all
// valid in the left part of a msg-id.
var msgIDEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// newMessageID returns <random>@<domain of from>. 128 random bits make a
// clash impossible in practice without keeping any state; the domain ties
// the ID to the sender, as RFC 5322 recommends.
func newMessageID(from string) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("message ID: %w", err)
	}
	domain := strings.ToLower(from[strings.LastIndexByte(from, '@')+1:])
	for _, r := range domain {
		if r >= utf8.RuneSelf {
			// An IDN domain in a msg-id would need punycode; an ID only
			// has to be unique, so a reserved name does.
			domain = "pvdesk.invalid"
			break
		}
	}
	return strings.ToLower(msgIDEncoding.EncodeToString(b[:])) + "@" + domain, nil
}
