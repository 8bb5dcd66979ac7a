package reply

import (
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Kind names a reply template. The string values are the names the CLI
// takes (pvdesk reply REF --template NAME) and the first part of the
// template file names, so they are stable.
type Kind string

// The reply kinds.
const (
	// Receipt acknowledges a new request and says when we answer at the
	// latest.
	Receipt Kind = "receipt"
	// Identity asks the person to confirm who they are (Art. 12(6)).
	Identity Kind = "identity"
	// Clarification asks the person what they mean; the question is the
	// handler's text in Data.Reason.
	Clarification Kind = "clarification"
	// Extension tells the person the deadline is extended, why, and the
	// new date (Art. 12(3)).
	Extension Kind = "extension"
	// Completion answers a request that has been carried out, with one
	// section per right on the case.
	Completion Kind = "completion"
	// Refusal declines a request with reasons and the remedies of
	// Art. 12(4).
	Refusal Kind = "refusal"
	// Answer is a general answer whose substance is the handler's text.
	Answer Kind = "answer"
)

// Kinds lists every kind in the order a case usually meets them, which is
// also the order of pvdesk reply --list.
var Kinds = []Kind{Receipt, Identity, Clarification, Extension, Completion, Refusal, Answer}

// ParseKind returns the Kind named s (case and surrounding space ignored),
// or an error naming the valid kinds.
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("reply: unknown template %q (want one of %s)", s, strings.Join(names, ", "))
}

// describe holds the one-line descriptions: nb first, then en.
var describe = map[Kind][2]string{
	Receipt: {
		"Kvittering for mottatt forespørsel, med dato vi svarer innen",
		"Acknowledgement of receipt, with the date we answer by",
	},
	Identity: {
		"Be personen bekrefte identiteten sin (art. 12 nr. 6)",
		"Ask the person to confirm their identity (Art. 12(6))",
	},
	Clarification: {
		"Be personen utdype forespørselen (spørsmålet skrives inn)",
		"Ask the person to clarify the request (you write the question)",
	},
	Extension: {
		"Varsel om forlenget frist, med begrunnelse og ny dato (art. 12 nr. 3)",
		"Notice of extension, with the reason and the new date (Art. 12(3))",
	},
	Completion: {
		"Svar når forespørselen er gjennomført, en del per rettighet",
		"Answer when the request is done, one section per right",
	},
	Refusal: {
		"Avslag med begrunnelse, klagerett til Datatilsynet og adgang til domstolene (art. 12 nr. 4)",
		"Refusal with reasons, the right to complain to Datatilsynet and to go to court (Art. 12(4))",
	},
	Answer: {
		"Generelt svar med egen tekst",
		"General answer with your own text",
	},
}

// Describe returns a one-line description of the kind in lang ("en" for
// English, anything else for bokmål, as the UI languages go), for
// pvdesk reply --list and the compose screen.
func (k Kind) Describe(lang string) string {
	d, ok := describe[k]
	if !ok {
		return string(k)
	}
	if lang == "en" {
		return d[1]
	}
	return d[0]
}

// Suggest orders the kinds for the compose screen: first those that fit a
// case with these rights, status and extension flag, then the rest in
// Kinds order, each kind once.
//
// The identity request is suggested only when one of the rights needs the
// person identified (its checklist has the identity step): stopping
// marketing, for one, must not wait for ID. For the same reason a new case
// whose rights need no identity suggests the completion letter straight
// away. A completion needs rights to write sections for, so a case without
// rights does not get it first; nor does an extended case get a second
// extension notice first.
func Suggest(rights []dsr.Right, status dsr.Status, extended bool) []Kind {
	rights = caseRights(rights)
	needID := false
	for _, r := range rights {
		for _, s := range dsr.StepsFor(r) {
			if s.ID == "identity" {
				needID = true
			}
		}
	}
	var first []Kind
	add := func(k Kind, ok bool) {
		if ok {
			first = append(first, k)
		}
	}
	switch status {
	case dsr.StatusNew:
		add(Receipt, true)
		add(Identity, needID)
		add(Completion, len(rights) > 0 && !needID)
		add(Clarification, true)
	case dsr.StatusInProgress:
		add(Completion, len(rights) > 0)
		add(Extension, !extended)
		add(Refusal, true)
		add(Answer, true)
	case dsr.StatusAwaitingRequester:
		add(Clarification, true)
		add(Identity, true)
	default:
		// Answered, closed, refused, withdrawn or not a request: what is
		// left to say is a follow-up answer.
		add(Answer, true)
	}
	out := first
	for _, k := range Kinds {
		if !containsKind(first, k) {
			out = append(out, k)
		}
	}
	return out
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
