package classify

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleaned is the part of a message its sender wrote now.
type cleaned struct {
	text string
	// ownMail: the sender forwarded or quoted only mail of ours, with
	// nothing to do beyond "see below".
	ownMail bool
	// stripped holds what was cut as signature or closing, which still
	// tells whether the sender said thanks.
	stripped string
	// fwdText is the cleaned text of a forwarded message (not our own) that
	// was not used because the sender wrote more than "please handle"; it
	// counts if what the sender wrote asks for nothing itself.
	fwdText string
}

// ownDomain marks mail Magnet sent: forwarding our own newsletter adds no
// request of its own.
const ownDomain = "magnetharstad.no"

// clean removes what the sender did not write now: quoted replies, the
// header blocks and attribution lines that introduce them, signatures,
// device lines and mailing footers. A forward whose new text only says
// "please handle" is replaced by the forwarded text, since that is what the
// sender asks us to act on.
func clean(body, subject string) cleaned {
	return new(lineScratch).clean(body, subject)
}

// lineScratch is clean's working storage, kept in the per-message scratch
// so splitting a message into lines allocates nothing once warm. Lines are
// kept as indexes into lines, so text that comes out as one run of lines
// is a slice of the body, not a copy.
type lineScratch struct {
	lines []string
	offs  []int // where each line starts in the body
	kept  []int32
	out   []int32
}

func (ls *lineScratch) clean(body, subject string) cleaned {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	lines, offs := ls.split(body)
	defer clear(lines) // the pool must not keep the message alive
	fwdSubject := isForwardSubject(subject)

	kept := ls.kept[:0]
	var fwd []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		marker := markerOf(l)
		switch {
		case strings.HasPrefix(l, ">"):
			continue
		case marker == forwardMark:
			fwd = lines[i+1:]
			i = len(lines)
			continue
		case marker == originalMark || isHeaderBlock(lines, i):
			if fwdSubject {
				fwd = lines[i:]
				if marker == originalMark {
					fwd = lines[i+1:]
				}
			}
			i = len(lines)
			continue
		case isAttribution(l):
			// A wrapped attribution ("On Tue, 10 Mar 2026 at 13:47, X\nwrote:")
			// started on the line before.
			if len(kept) > 0 && startsAttribution(strings.TrimSpace(lines[kept[len(kept)-1]])) {
				kept = kept[:len(kept)-1]
			}
			if !nextIsQuoted(lines, i+1) {
				i = len(lines) // the quote is not marked: all of it goes
			}
			continue
		}
		kept = append(kept, int32(i))
	}
	ls.kept = kept
	text, stripped := ls.stripSignature(body, lines, offs, kept)
	c := cleaned{text: text, stripped: stripped}
	if fwd != nil {
		from, fbody := splitForwardHeaders(fwd)
		own := strings.Contains(strings.ToLower(from), ownDomain)
		switch {
		case own && onlyHandling(text):
			c.text, c.ownMail = "", true
		case !own:
			inner := clean(strings.Join(fbody, "\n"), "").text
			if onlyHandling(text) {
				c.text = inner
			} else {
				c.fwdText = inner
			}
		}
	}
	return c
}

// split is strings.Split(body, "\n") into reused storage, with where each
// line starts.
func (ls *lineScratch) split(body string) ([]string, []int) {
	lines, offs := ls.lines[:0], ls.offs[:0]
	for start := 0; ; {
		i := strings.IndexByte(body[start:], '\n')
		if i < 0 {
			lines, offs = append(lines, body[start:]), append(offs, start)
			break
		}
		lines, offs = append(lines, body[start:start+i]), append(offs, start)
		start += i + 1
	}
	ls.lines, ls.offs = lines, offs
	return lines, offs
}

// join returns the lines idx of body joined by "\n", each followed by one
// more "\n" when nl is set. Lines that follow each other in the body are
// returned as the slice of the body they already are.
func join(body string, lines []string, offs []int, idx []int32, nl bool) string {
	if len(idx) == 0 {
		return ""
	}
	run := true
	for k := 1; k < len(idx) && run; k++ {
		run = idx[k] == idx[k-1]+1
	}
	first, last := idx[0], idx[len(idx)-1]
	end := offs[last] + len(lines[last])
	if nl && end < len(body) {
		end++ // the "\n" after the last line
	}
	// A run that ends the body lacks the last "\n" that nl asks for; the
	// sign-off, the only text joined so, is read as words, and a final
	// line break adds none.
	if run {
		return body[offs[first]:end]
	}
	var sb strings.Builder
	for k, i := range idx {
		if k > 0 && !nl {
			sb.WriteByte('\n')
		}
		sb.WriteString(lines[i])
		if nl {
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func isForwardSubject(s string) bool {
	l := strings.TrimSpace(s)
	for _, p := range []string{"fwd:", "fw:", "vs:", "wg:", "tr:", "vb:", "doorst:", "videresend:"} {
		if lowerHasPrefix(l, p) {
			return true
		}
	}
	return false
}

// isReplySubject reports a subject of a reply or forward, which repeats
// someone else's words; only the body counts then.
func isReplySubject(s string) bool {
	l := strings.TrimSpace(s)
	for _, p := range []string{"re:", "sv:", "aw:", "antw:", "vs:", "fwd:", "fw:", "wg:", "tr:", "vb:", "ynt:"} {
		if lowerHasPrefix(l, p) {
			return true
		}
	}
	return false
}

var forwardMarkers = []string{
	"forwarded message", "videresendt melding", "videresendt e-post", "videresendt epost",
	"vidaresendt melding", "weitergeleitete nachricht", "vidarebefordrat meddelande",
	"videresendt meddelelse", "begin forwarded message", "start på videresendt melding",
	"anfang der weitergeleiteten nachricht", "forwarded email",
}

var originalMarkers = []string{
	"original message", "opprinnelig melding", "opphavleg melding", "ursprüngliche nachricht",
	"ursprungligt meddelande", "oprindelig meddelelse", "originalmelding",
}

// The markers and verbs as phraseIndexes: one pass over a line finds any
// of them, where a strings.Contains per phrase read the line once each.
var (
	forwardIndex     = newPhraseIndex(forwardMarkers)
	originalIndex    = newPhraseIndex(originalMarkers)
	attributionIndex = newPhraseIndex(attributionVerbs)
)

type marker uint8

const (
	noMark marker = iota
	forwardMark
	originalMark
)

// markerOf reports whether l is a separator line such as "----- X -----"
// or "X:" that starts a forwarded or an original (replied-to) message.
func markerOf(l string) marker {
	if len(l) > 90 || (!strings.HasPrefix(l, "-") && !strings.HasSuffix(l, ":") && !strings.HasSuffix(l, "-")) {
		return noMark
	}
	low := strings.ToLower(l)
	switch {
	case forwardIndex.inString(low):
		return forwardMark
	case originalIndex.inString(low):
		return originalMark
	}
	return noMark
}

var (
	fromFields = newPrefixTable([]string{"fra:", "from:", "von:", "från:", "de:", "van:", "frå:"})
	// The second line of an Outlook header block.
	headerFields = newPrefixTable([]string{"sendt:", "sent:", "dato:", "date:", "gesendet:", "skickat:", "datum:",
		"til:", "to:", "an:", "emne:", "subject:", "betreff:", "ämne:"})
	copyFields = newPrefixTable([]string{"cc:", "kopi:", "reply-to:"})
)

func hasFieldPrefix(l string, fields *prefixTable) bool {
	if strings.IndexByte(l, ':') < 0 {
		return false // no field at all, as in most lines
	}
	l = strings.TrimLeft(strings.TrimSpace(l), "*") // Outlook's bold "*From:*"
	if len(l) < 3 || !strings.Contains(l[:min(len(l), 12)], ":") {
		return false // most lines are not header fields; decide cheaply
	}
	_, ok := fields.match(l)
	return ok
}

// isHeaderBlock reports an Outlook-style quoted header ("Fra: ... / Sendt:
// ..."), which starts the quoted message in clients that do not use ">".
func isHeaderBlock(lines []string, i int) bool {
	if !hasFieldPrefix(lines[i], fromFields) {
		return false
	}
	for k := i + 1; k < len(lines) && k <= i+3; k++ {
		if hasFieldPrefix(lines[k], headerFields) {
			return true
		}
	}
	return false
}

var attributionVerbs = []string{"wrote", "skrev", "schrieb", "skrivit", "kirjoitti", "a écrit", "escribió", "scrisse", "skreiv"}

// isAttribution reports "On ..., X wrote:" / "Den ... skrev X:" lines.
func isAttribution(l string) bool {
	i := 0
	for i < len(l) && (l[i] == '>' || l[i] == ' ') {
		i++ // strings.TrimLeft(l, "> "), which builds its set per call
	}
	l = strings.TrimSpace(l[i:])
	if !strings.HasSuffix(l, ":") || len(l) > 200 {
		return false
	}
	return attributionIndex.inString(strings.ToLower(l))
}

func startsAttribution(l string) bool {
	low := strings.ToLower(l)
	for _, p := range []string{"on ", "den ", "am ", "le ", "op ", "el "} {
		if strings.HasPrefix(low, p) && !strings.HasSuffix(low, ".") {
			return true
		}
	}
	return false
}

func nextIsQuoted(lines []string, i int) bool {
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		return strings.HasPrefix(l, ">")
	}
	return false
}

// splitForwardHeaders separates the header lines at the top of a forwarded
// message from its text, and returns the From line.
func splitForwardHeaders(lines []string) (from string, body []string) {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if hasFieldPrefix(l, fromFields) {
			from = l
			continue
		}
		if hasFieldPrefix(l, headerFields) || hasFieldPrefix(l, copyFields) {
			continue
		}
		break
	}
	return from, lines[i:]
}

// set folds words into a look-up set, for text that is tokenised but not
// annotated.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold(w)] = true
	}
	return m
}

// handling words are all a forward says when it only passes a request on.
var handlingWords = set("hei", "hi", "hello", "hallo", "hej", "please", "pls", "handle", "see",
	"below", "se", "nedenfor", "nedanfor", "under", "nedan", "videresender", "vidaresender",
	"forwarding", "forwarded", "fyi", "til", "info", "vennligst", "behandle", "handsam", "ta",
	"dere", "de", "av", "dette", "this", "kan", "could", "can", "you", "the", "email", "e-mail",
	"mail", "e-post", "eposten", "e-posten", "mailen", "meldinga", "meldingen", "fra", "frå",
	"from", "a", "an", "en", "ei", "ein", "et", "eit", "kunde", "customer", "kunden", "siehe",
	"unten", "bitte", "bearbeiten", "weiter", "thanks", "takk", "tack", "danke", "følg", "opp",
	"follow", "up", "på", "om", "for", "og", "and", "jeg", "eg", "i", "here", "her", "is", "er",
	"request", "forespørsel", "henvendelse", "førespurnad", "message", "melding", "vidarebefordrar",
	"ser", "sjå", "nedst", "which", "this", "sak", "saken", "case", "me", "meg", "got", "fikk", "fekk",
	"mottok", "received", "som", "that", "dette", "denne", "der", "vedlagt", "attached")

// maxHandlingNote is the longest text, in bytes, that can be a bare "please
// handle this" note.
const maxHandlingNote = 300

// onlyHandling reports whether new text in front of a forward is empty or
// only says "please handle this"; then the forward is the request.
func onlyHandling(text string) bool {
	if len(text) > maxHandlingNote {
		return false
	}
	d := tokenise(text)
	other := 0
	for _, t := range d.toks {
		if !handlingWords[t.s] {
			other++
		}
	}
	return other <= 2
}

var deviceLines = []string{
	"sendt fra min", "sent from my", "sendt frå min", "sendt frå mobilen", "sendt fra mobilen",
	"skickat från min", "von meinem", "gesendet von", "get outlook for", "hent outlook for",
	"sent from outlook", "sendt fra outlook", "sent from mail for", "sendt fra e-post for",
	"sent with proton", "sendt med", "sent via", "skickat från outlook", "sendt fra yahoo",
}

// footers are lines mailing tools add; they speak for the sender of a
// newsletter or pitch, not for the person writing to us.
var footers = []string{
	"du mottar denne e-posten", "du mottar denne eposten", "du får denne e-posten", "du får denne eposten",
	"meld deg av her", "meld deg av nyhetsbrevet her", "you are receiving this", "you received this email",
	"you have received this", "click here to unsubscribe", "unsubscribe here", "to unsubscribe",
	"ønsker du ikke flere e-poster", "ønsker du ikke å motta", "if you don't want to hear from",
	"if you do not want to hear from", "if you no longer wish to receive", "this e-mail and any attachments",
	"this email and any attachments", "denne e-posten kan inneholde", "denne e-posten og eventuelle vedlegg",
	"manage your preferences", "administrer abonnement", "reply stop to", "svar stopp",
	"om du inte längre vill ha", "wenn sie diesen newsletter nicht mehr", "hvis du ikke længere ønsker",
	"vil du ikke lenger motta", "vil du ikkje lenger ha", "unsubscribe |", "unsubscribe from this list",
	"unsubscribe from these emails", "update your preferences", "view in browser", "view this email in your browser",
	"vis i nettleser", "se nyhetsbrevet i nettleseren", "avmeld deg her", "klikk her for å melde deg av",
	// Confidentiality disclaimers: their "please delete it" is no erasure.
	"this e-mail may contain", "this email may contain", "this message may contain", "this e-mail is confidential",
	"this email is confidential", "this message is confidential", "confidentiality notice", "if you have received this e-mail in error",
	"if you have received this email in error", "if you received this e-mail in error", "if you received this email in error",
	"if you are not the intended recipient", "denne meldingen kan inneholde", "denne e-posten er konfidensiell",
	"dette e-postmeddelande kan innehålla", "detta e-postmeddelande kan innehålla", "detta mejl kan innehålla",
	"denne e-mail kan indeholde", "denne mail kan indeholde", "diese e-mail kann vertrauliche", "diese e-mail enthält vertrauliche",
	"diese nachricht kann vertrauliche",
}

// closings open the sign-off at the end of a mail; what follows them is a
// name, a title or an address.
var closings = []string{
	"hilsen", "hilsner", "mvh", "m.v.h", "med vennlig hilsen", "vennlig hilsen", "venleg helsing",
	"vennleg helsing", "helsing", "beste hilsen", "med hilsen", "vh", "best regards", "kind regards",
	"regards", "best wishes", "best,", "cheers", "thanks", "thank you", "many thanks", "takk", "tusen takk",
	"yours faithfully", "yours sincerely", "sincerely", "mit freundlichen grüßen", "mit freundlichen grüssen",
	"viele grüße", "beste grüße", "liebe grüße", "grüße", "lg", "med vänlig hälsning", "vänliga hälsningar",
	"vänlig hälsning", "hälsningar", "mvh", "med venlig hilsen", "venlig hilsen", "kh", "klem", "ha en fin dag",
	"tack", "tak", "danke", "all the best", "warm regards", "kv.", "hilsen fra",
}

// stripSignature cuts the sign-off, signature, device lines and footers
// from the end of the new text (the lines kept of body) and returns the
// text and what was cut.
func (ls *lineScratch) stripSignature(body string, lines []string, offs []int, kept []int32) (text, stripped string) {
	out := ls.out[:0]
	for _, k := range kept {
		t := strings.TrimSpace(lines[k])
		if t == "--" || strings.HasPrefix(t, "_____") {
			break
		}
		if _, ok := deviceTable.match(t); ok {
			continue
		}
		if _, ok := footerTable.match(t); ok {
			continue
		}
		out = append(out, k)
	}
	ls.out = out
	for len(out) > 0 && strings.TrimSpace(lines[out[len(out)-1]]) == "" {
		out = out[:len(out)-1]
	}
	// The sign-off: the last closing line followed only by a few short lines.
	cut := len(out)
	for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
		t := strings.TrimSpace(lines[out[i]])
		if t == "" {
			continue
		}
		if isClosing(t) {
			cut = i
			continue
		}
		if !nameLike(t) {
			break
		}
	}
	return strings.TrimSpace(join(body, lines, offs, out[:cut], false)), join(body, lines, offs, out[cut:], true)
}

var (
	deviceTable  = newPrefixTable(deviceLines)
	footerTable  = newPrefixTable(footers)
	closingTable = newPrefixTable(closings)
)

func isClosing(line string) bool {
	n, ok := closingTable.match(line)
	if !ok {
		return false
	}
	rest := line[n:]
	// "Takk for hjelpen!" closes; "Takk for svaret, men kan dere..." does not.
	if len(rest) > 30 || strings.Contains(rest, "?") {
		return false
	}
	return rest == "" || !isLetter(rest[0])
}

// prefixTable finds which of many phrases a line starts with, ignoring
// case, without lower-casing the line: the phrases are grouped by their
// first letter, ASCII ones in an array.
type prefixTable struct {
	ascii [utf8.RuneSelf][]string
	other map[rune][]string
	// second holds, per ASCII first letter, the ASCII letters the phrases
	// go on with (all bits when one phrase is a single letter): most lines
	// are ruled out by their first two bytes.
	second [utf8.RuneSelf][2]uint64
}

func newPrefixTable(phrases []string) *prefixTable {
	t := &prefixTable{other: map[rune][]string{}}
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(p)
		if r < utf8.RuneSelf {
			t.ascii[r] = append(t.ascii[r], p)
			switch {
			case len(p) == 1:
				t.second[r] = [2]uint64{^uint64(0), ^uint64(0)}
			case p[1] < utf8.RuneSelf:
				t.second[r][p[1]/64] |= 1 << (p[1] % 64)
			}
			// A phrase going on with a non-ASCII letter cannot match a
			// line going on with an ASCII byte: prefixFold lower-cases the
			// line's runes, and no ASCII byte lower-cases to a non-ASCII
			// letter.
		} else {
			t.other[r] = append(t.other[r], p)
		}
	}
	// Longest first, so "med vennlig hilsen" wins over "med".
	longest := func(a, b string) int { return len(b) - len(a) }
	for _, ps := range t.ascii {
		slices.SortFunc(ps, longest)
	}
	for _, ps := range t.other {
		slices.SortFunc(ps, longest)
	}
	return t
}

// match returns the length in line of the longest phrase it starts with.
func (t *prefixTable) match(line string) (int, bool) {
	if line == "" {
		return 0, false
	}
	var ps []string
	if c := line[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if len(line) > 1 && line[1] < utf8.RuneSelf {
			c2 := line[1]
			if 'A' <= c2 && c2 <= 'Z' {
				c2 += 'a' - 'A'
			}
			if t.second[c][c2/64]&(1<<(c2%64)) == 0 {
				return 0, false
			}
		}
		ps = t.ascii[c]
	} else {
		r, _ := utf8.DecodeRuneInString(line)
		ps = t.other[unicode.ToLower(r)]
	}
	for _, p := range ps {
		if n, ok := prefixFold(line, p); ok {
			return n, true
		}
	}
	return 0, false
}

// prefixFold reports whether s starts with prefix ignoring case, and how
// many bytes of s the prefix covers (case changes can change byte length).
func prefixFold(s, prefix string) (int, bool) {
	// ASCII first: most lines and phrases are, and a byte compare is cheap.
	n := 0
	for n < len(prefix) && n < len(s) && prefix[n] < utf8.RuneSelf && s[n] < utf8.RuneSelf {
		c := s[n]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[n] {
			return 0, false
		}
		n++
	}
	if n == len(prefix) {
		return n, true
	}
	i := n
	for _, pr := range prefix[n:] {
		if i >= len(s) {
			return 0, false
		}
		sr, size := utf8.DecodeRuneInString(s[i:])
		if sr != pr && unicode.ToLower(sr) != pr {
			return 0, false
		}
		i += size
	}
	return i, true
}

// nameLike reports a line that can follow a closing: a name, a title, a
// town, a phone number; not a sentence.
func nameLike(l string) bool {
	if len(l) > 50 || countFields(l) > 6 {
		return false
	}
	switch l[len(l)-1] {
	case '.', '?', '!':
		return false
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// countFields is len(strings.Fields(s)) without the slice.
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		// ASCII spaces are \t-\r and ' ' for unicode.IsSpace too; other
		// bytes are decoded as the range loop would.
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c-'\t' <= '\r'-'\t'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), p) for an ASCII
// p, without building the lower-cased string: only a rune that lower-cases
// to an ASCII letter can match a byte of p.
func lowerHasPrefix(s, p string) bool {
	// ASCII a byte at a time: subjects and addresses mostly start in it,
	// and most tests fail on the first byte. The rune loop takes over at
	// a byte that is not ASCII, which may still lower-case to one.
	i := 0
	for ; i < len(s) && i < len(p); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	if i == len(p) || i == len(s) {
		return i == len(p)
	}
	for _, r := range s[i:] {
		if i == len(p) {
			return true
		}
		if lr := unicode.ToLower(r); lr >= utf8.RuneSelf || byte(lr) != p[i] {
			return false
		}
		i++
	}
	return i == len(p)
}

// lowerPrefixLen returns the byte length of the first n runes of s: after
// lowerHasPrefix(s, p), the part of s that p matched.
func lowerPrefixLen(s string, n int) int {
	i := 0
	for k := range s {
		if i == n {
			return k
		}
		i++
	}
	return len(s)
}

// lowerEqual is strings.ToLower(s) == p for an ASCII p.
func lowerEqual(s, p string) bool {
	return len(s) >= len(p) && lowerHasPrefix(s, p) && lowerLen(s) == len(p)
}

// lowerLen is len(strings.ToLower(s)).
func lowerLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf8.RuneLen(unicode.ToLower(r))
	}
	return n
}
