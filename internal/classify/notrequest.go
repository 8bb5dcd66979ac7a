package classify

import (
	"strings"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// machineReason returns why a message was written by a machine (an
// auto-reply, a delivery report), or "" for mail from a person. Headers
// decide first; the subject line catches systems that set no header.
func machineReason(in Input) string {
	as := strings.ToLower(strings.TrimSpace(in.AutoSubmitted))
	ct := strings.ToLower(in.ContentType)
	from := strings.ToLower(in.From)
	subj := strings.ToLower(in.Subject)
	local, _, _ := strings.Cut(from, "@")
	switch {
	case strings.HasPrefix(ct, "multipart/report"),
		local == "mailer-daemon" || local == "postmaster" || local == "mail-daemon",
		containsAny(subj, bounceSubjects):
		return "delivery report (bounce)"
	case as != "" && as != "no":
		return "auto-reply (Auto-Submitted: " + as + ")"
	case hasAnyPrefix(subj, autoReplySubjects) || containsAny(subj, []string{"out of office", "out of the office"}):
		return "auto-reply (absence note)"
	}
	return ""
}

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

// cueScores holds the strength of each not-a-request cue.
type cueScores map[dsr.Right]float64

// Levels at which a cue decides.
const (
	spamLevel   = 0.8 // two independent pitch or phishing signs
	signupLevel = 0.6
	// shortReply is the length, in words, below which a thanks or an ID
	// document can be the whole point of a message.
	shortReply = 45
	shortAway  = 80
)

// notARequest returns why the cleaned message is no request even though
// phrases may match: a pitch or phishing that name rights to sell
// something, an absence note without headers, a reply that only thanks or
// only adds an identity document.
func notARequest(cues cueScores, body doc, c cleaned, hasLabels bool) string {
	n := len(body.toks)
	asks := cues[cueRequest] >= 0.5
	switch {
	case cues[cueSpam] >= spamLevel:
		return "sales pitch, spam or phishing"
	case cues[cueAway] >= 0.8 && !asks && n <= shortAway:
		return "auto-reply (absence note)"
	case n <= shortReply && !asks && cues[cueID] >= 0.5:
		return "reply that only adds an identity document"
	case n <= shortReply && !asks && (cues[cueThanks] >= 0.5 || (!hasLabels && cues[cuePolite] >= 0.5) || thanks(c.stripped)):
		return "reply that only says thanks"
	}
	return ""
}

// thanks reports gratitude in a cut sign-off ("Takk!\nOla").
func thanks(s string) bool {
	if s == "" {
		return false
	}
	d := analyse(s)
	_, cues := eng.tally(eng.run(d, nil), d, make([]float64, len(eng.groupRight)))
	return cues[cueThanks] >= 0.5
}

// noneReason says why a message without labels invokes no right.
func noneReason(cues cueScores, body doc, c cleaned) string {
	switch {
	case c.ownMail:
		return "forward of our own mail without a request"
	case len(body.toks) == 0:
		return "no new text (only quoted or forwarded content)"
	case cues[cueSignup] >= signupLevel:
		return "newsletter sign-up"
	case cues[cueHowTo] >= 0.5:
		return "question on how something is done (self-service)"
	case cues[cueJob] >= 0.6:
		return "job application"
	case cues[cueOrder] >= 0.4:
		return "customer-service question (order, invoice, delivery, warranty)"
	}
	return "no data-protection request found"
}
