package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// machineReason returns why a message was written by a machine (an
// auto-reply, a delivery report), or "" for mail from a person. Headers
// decide first; the subject line catches systems that set no header.
func machineReason(in Input) string {
	as := strings.TrimSpace(in.AutoSubmitted)
	// Most headers and subjects are no machine's: the tests below read them
	// lower-cased without building the lower-cased copies, and the subject's
	// is built on the stack.
	var buf [160]byte
	subj := appendLower(buf[:0], in.Subject)
	switch {
	case lowerHasPrefix(in.ContentType, "multipart/report"),
		isLocalPart(in.From, "mailer-daemon") || isLocalPart(in.From, "postmaster") || isLocalPart(in.From, "mail-daemon"),
		bounceIndex.in(subj):
		return "delivery report (bounce)"
	case as != "" && !lowerEqual(as, "no"):
		return "auto-reply (Auto-Submitted: " + strings.ToLower(as) + ")"
	case autoReplyIndex.startsIn(subj) || outOfOffice.in(subj):
		return "auto-reply (absence note)"
	}
	return ""
}

// isLocalPart reports whether the lower-cased address from has local as
// the part before its first "@" (or is local, with no "@").
func isLocalPart(from, local string) bool {
	if !lowerHasPrefix(from, local) {
		return false
	}
	rest := from[lowerPrefixLen(from, len(local)):]
	return rest == "" || rest[0] == '@'
}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	// ASCII a byte at a time, as most subjects are all ASCII: the rune loop
	// below takes over at the first byte that is not.
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// phraseIndex finds any of a list of phrases in a lower-cased subject or
// line in one pass: the phrases are grouped by first byte, so most bytes
// cost one look-up, where a Contains per phrase read the text once for
// each of them.
type phraseIndex struct {
	// first has a bit per byte that starts a phrase: one cache line
	// answers for most bytes, where byFirst spans a hundred.
	first   [4]uint64
	byFirst [256][]string
}

func newPhraseIndex(phrases []string) *phraseIndex {
	x := &phraseIndex{}
	for _, p := range phrases {
		x.byFirst[p[0]] = append(x.byFirst[p[0]], p)
		x.first[p[0]/64] |= 1 << (p[0] % 64)
	}
	return x
}

// in reports whether s contains one of the phrases.
func (x *phraseIndex) in(s []byte) bool { return phraseIn(x, s) }

// inString is in for a string.
func (x *phraseIndex) inString(s string) bool { return phraseIn(x, s) }

func phraseIn[S string | []byte](x *phraseIndex, s S) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if x.first[c/64]&(1<<(c%64)) == 0 {
			continue
		}
		for _, p := range x.byFirst[c] {
			if len(s)-i >= len(p) && string(s[i:i+len(p)]) == p {
				return true
			}
		}
	}
	return false
}

// startsIn reports whether s starts with one of the phrases.
func (x *phraseIndex) startsIn(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for _, p := range x.byFirst[s[0]] {
		if len(s) >= len(p) && string(s[:len(p)]) == p {
			return true
		}
	}
	return false
}

var (
	bounceIndex    = newPhraseIndex(bounceSubjects)
	autoReplyIndex = newPhraseIndex(autoReplySubjects)
	outOfOffice    = newPhraseIndex([]string{"out of office", "out of the office"})
)

var bounceSubjects = []string{
	"delivery status notification", "undeliverable", "undelivered mail", "returned mail",
	"mail delivery failed", "delivery failure", "failure notice", "unzustellbar",
	"kunne ikke leveres", "kan ikke leveres", "olevererbart", "non remis", "delivery has failed",
	"leveringsfeil", "returned to sender", "zustellung fehlgeschlagen",
}

var autoReplySubjects = []string{
	"automatic reply", "auto reply", "autoreply", "auto-reply", "autosvar", "automatisk svar",
	"automatisch antwoord", "fravær", "fråvær", "fraværsmelding", "fråværsmelding", "frånvaro",
	"abwesenheit", "abwesend", "auto:", "out of office", "ikke til stede", "ikkje til stades",
	"réponse automatique", "autoantwort", "automatisch antwoord", "autosvar:",
}

// cueScores holds the strength of each not-a-request cue, by cueNumber: an
// array, so tallying a message makes no map.
type cueScores [len(cueList)]float64

// cueList lists the pseudo-rights by cue number.
var cueList = [...]dsr.Right{iSpam: cueSpam, iSignup: cueSignup, iThanks: cueThanks, iPolite: cuePolite, iID: cueID,
	iRequest: cueRequest, iJob: cueJob, iOrder: cueOrder, iAway: cueAway, iHowTo: cueHowTo, iGeneral: cueGeneral}

func cueNumber(r dsr.Right) int {
	for i, c := range cueList {
		if c == r {
			return i
		}
	}
	panic("classify: unknown cue " + string(r))
}

// Cue numbers, for reading cueScores.
const (
	iSpam = iota
	iSignup
	iThanks
	iPolite
	iID
	iRequest
	iJob
	iOrder
	iAway
	iHowTo
	iGeneral
)

// Levels at which a cue decides.
const (
	spamLevel   = 0.8 // two independent pitch or phishing signs
	signupLevel = 0.6
	// generalLevel: a question marked as general in so many words.
	generalLevel = 0.8
	// shortReply is the length, in words, below which a thanks or an ID
	// document can be the whole point of a message.
	shortReply = 45
	shortAway  = 80
)

// notARequest returns why the cleaned message is no request even though
// phrases may match: a pitch or phishing that name rights to sell
// something, an absence note without headers, a reply that only thanks or
// only adds an identity document.
func notARequest(cues cueScores, body doc, c cleaned, hasLabels bool, sc *scratch) string {
	n := len(body.toks)
	asks := cues[iRequest] >= 0.5
	switch {
	case cues[iSpam] >= spamLevel:
		return "sales pitch, spam or phishing"
	case cues[iAway] >= 0.8 && !asks && n <= shortAway:
		return "auto-reply (absence note)"
	case n <= shortReply && !asks && cues[iID] >= 0.5 && !(hasLabels && sc.questioned(body)):
		return "reply that only adds an identity document"
	case n <= shortReply && !asks && (cues[iThanks] >= 0.5 || (!hasLabels && cues[iPolite] >= 0.5) || sc.thanks(c.stripped)) &&
		!(hasLabels && sc.questioned(body)):
		return "reply that only says thanks"
	}
	return ""
}

// questioned reports a right's phrase inside a question: "Varför behöver
// ni det? Sparas det någonstans?" asks to be answered, and neither the ID
// card it mentions nor a "Takk for svar" in front of the name makes it a
// reply that only adds a document or thanks. It reads the body's hits,
// which sc.hits still holds.
func (sc *scratch) questioned(body doc) bool {
	for _, h := range sc.hits {
		if int(h.right) < len(dsr.AllRights) && inQuestion(body.toks, h.start) {
			return true
		}
	}
	return false
}

// thanks reports gratitude in a cut sign-off ("Takk!\nOla").
func (sc *scratch) thanks(s string) bool {
	if s == "" {
		return false
	}
	d := sc.strippedDoc(s)
	sc.aux = theEngine().runWith(d, sc.aux, &sc.sents)
	_, cues := theEngine().tally(sc.aux, d, sc.bestOf())
	return cues[iThanks] >= 0.5
}

// noneReason says why a message without labels invokes no right.
func noneReason(cues cueScores, body doc, c cleaned) string {
	switch {
	case c.ownMail:
		return "forward of our own mail without a request"
	case len(body.toks) == 0:
		return "no new text (only quoted or forwarded content)"
	case cues[iSignup] >= signupLevel:
		return "newsletter sign-up"
	case cues[iHowTo] >= 0.5:
		return "question on how something is done (self-service)"
	case cues[iJob] >= 0.6:
		return "job application"
	case cues[iOrder] >= 0.4:
		return "customer-service question (order, invoice, delivery, warranty)"
	}
	return "no data-protection request found"
}
