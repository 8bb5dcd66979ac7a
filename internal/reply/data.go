package reply

import (
	"fmt"
	"strings"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Company is the controller that signs the letters. Its fields come from
// the configuration; DefaultCompany fills them when the configuration has
// none.
type Company struct {
	Name    string // legal name, e.g. "Magnet AS"; every letter must carry it
	OrgNr   string // organisation number (Enhetsregisteret), e.g. "123 456 789"
	Address string // postal address on one line
	Email   string // where the person writes to use their rights
	Web     string // web site with the privacy policy, without scheme
}

// DefaultCompany is Magnet AS as far as the design documents know it.
func DefaultCompany() Company {
	return Company{
		Name: "Magnet AS",
		// PLACEHOLDER: not the real organisation number. Set the one
		// from Enhetsregisteret in the configuration before sending mail.
		OrgNr: "000 000 000",
		// PLACEHOLDER: an invented street address. Set the real one in
		// the configuration before sending mail.
		Address: "Storgata 1, 9405 Harstad",
		Email:   "post@magnetharstad.no",
		// Assumed from the mail domain; set in the configuration.
		Web: "www.magnetharstad.no",
	}
}

// Data is what a template is rendered with. Templates see its fields as
// {{.Ref}}, {{.Company.Name}} and so on, plus the functions listed in the
// package documentation.
type Data struct {
	// Ref is the case reference, PV-YYYY-NNNN. Every subject must carry it,
	// because a reply from the person is threaded onto the case by it.
	Ref string
	// RequesterName is the person's name as we know it; it may be empty,
	// and the built-in templates then greet without a name.
	RequesterName string
	// RequesterAddr is the person's e-mail address.
	RequesterAddr string
	// Rights are the rights the case invokes. Render sorts them into the
	// canonical order and drops duplicates and dsr.None, so a completion
	// letter has each right's section once.
	Rights []dsr.Right
	// Received is when the request arrived.
	Received time.Time
	// Due is the date we answer by: the one-month deadline, or the
	// extended one once Extended is set. An extension notice states it as
	// the new date.
	Due time.Time
	// Extended reports whether the deadline has been extended by two
	// months (Art. 12(3)); an extension notice needs it set, so that Due
	// is the new date.
	Extended bool
	// ExtendReason is why the deadline was extended, as stored with the
	// case; an extension notice must give it to the person.
	ExtendReason string
	// Reason is the handler's own text: the reasons for a refusal, the
	// question in a clarification request, the substance of a general
	// answer, what to send in an identity request, the answer to a
	// complaint, or a closing note in another completion letter. Refusal,
	// clarification, answer and a completion with a complaint need it.
	Reason string
	// Handler is the name the letter is signed with.
	Handler string
	// Company is the controller, from the configuration.
	Company Company
	// Language is the request's detected language (nb, nn, sv, da, de, en
	// or empty); Render writes in LanguageFor(Language).
	Language string
	// Now is when the letter is written; Render sets it to the current
	// time when it is zero.
	Now time.Time
}

// Has reports whether the case invokes right r.
func (d Data) Has(r dsr.Right) bool {
	for _, x := range d.Rights {
		if x == r {
			return true
		}
	}
	return false
}

// Overdue reports whether the due date had passed when the letter was
// written (Now is after the end of the due day, Oslo time), so a late
// receipt apologises instead of promising a date already gone.
func (d Data) Overdue() bool {
	return !d.Due.IsZero() && !d.Now.IsZero() && !d.Now.Before(deadline.Expires(d.Due))
}

// prepared is d as templates and checks see it: rights in canonical order
// without duplicates or None, and Now filled in.
func (d Data) prepared() Data {
	d.Rights = caseRights(d.Rights)
	if d.Now.IsZero() {
		d.Now = time.Now()
	}
	return d
}

// caseRights is rs in canonical order, each once, without None (which
// dsr.SortRights leaves out with any other label not in dsr.AllRights).
func caseRights(rs []dsr.Right) []dsr.Right { return dsr.SortRights(rs) }

// Letter is a rendered reply, ready to preview, edit or send.
type Letter struct {
	Kind     Kind
	Language string // "nb" or "en"
	Subject  string // one line; carries the case reference
	Body     string // plain text, paragraphs separated by a blank line
}

// Languages are the languages templates are written in.
var Languages = []string{"nb", "en"}

// LanguageFor picks the language to answer in from a request's detected
// language: bokmål for the Scandinavian languages (nb, nn, no, sv, da),
// whose readers understand it better than English; English for everything
// else that was detected (en, de, ...).
//
// An unknown language ("") gets bokmål: Magnet AS is a Norwegian shop, most
// of its mail is Norwegian, and a language is undetected mostly when a mail
// is too short to tell, which says nothing in favour of English. Region
// suffixes are ignored ("nb-NO", "en_GB").
func LanguageFor(detected string) string {
	l := strings.ToLower(strings.TrimSpace(detected))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "", "nb", "nn", "no", "sv", "da":
		return "nb"
	}
	return "en"
}

var monthsNB = [12]string{
	"januar", "februar", "mars", "april", "mai", "juni",
	"juli", "august", "september", "oktober", "november", "desember",
}

// FormatDate writes t's date in Oslo the way a letter in lang does:
// "7. april 2026" in bokmål, "7 April 2026" in English. A zero time gives
// "", so a template can test for it with {{with date .Due}}.
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	// Deadlines are Oslo calendar days; a due date at 00:00 Oslo is the
	// day before in UTC, so the zone matters.
	t = t.In(deadline.Oslo)
	if lang == "en" {
		return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), monthsNB[t.Month()-1], t.Year())
}

// rightNames holds each right as a letter names it, with its article:
// nb first, then en. A complaint about our handling has no article of its
// own (Art. 77 is the complaint to Datatilsynet, not to us), so it has none.
var rightNames = map[dsr.Right][2]string{
	dsr.Access:             {"innsyn (art. 15)", "access (Art. 15)"},
	dsr.Rectification:      {"retting (art. 16)", "rectification (Art. 16)"},
	dsr.Erasure:            {"sletting (art. 17)", "erasure (Art. 17)"},
	dsr.Restriction:        {"begrensning av behandlingen (art. 18)", "restriction of processing (Art. 18)"},
	dsr.Portability:        {"dataportabilitet (art. 20)", "data portability (Art. 20)"},
	dsr.ObjectionMarketing: {"reservasjon mot direkte markedsføring (art. 21 nr. 2)", "objection to direct marketing (Art. 21(2))"},
	dsr.Objection:          {"protest mot behandling (art. 21 nr. 1)", "objection to processing (Art. 21(1))"},
	dsr.WithdrawConsent:    {"tilbaketrekking av samtykke (art. 7 nr. 3)", "withdrawal of consent (Art. 7(3))"},
	dsr.Information:        {"informasjon om behandlingen (art. 13 og 14)", "information about our processing (Art. 13 and 14)"},
	dsr.AutomatedDecision:  {"automatiserte avgjørelser (art. 22)", "automated decision-making (Art. 22)"},
	dsr.Complaint:          {"klage på behandlingen av personopplysninger", "complaint about our handling of personal data"},
}

// RightName names right r in lang, with its article: "innsyn (art. 15)",
// "access (Art. 15)". An unknown right is returned as its label.
func RightName(r dsr.Right, lang string) string {
	n, ok := rightNames[r]
	if !ok {
		return string(r)
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}

// RightsList names rights in lang as a phrase: "innsyn (art. 15) og
// sletting (art. 17)". Rights are listed in canonical order, each once;
// no rights give "".
func RightsList(rs []dsr.Right, lang string) string {
	rs = caseRights(rs)
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = RightName(r, lang)
	}
	and := " og "
	if lang == "en" {
		and = " and "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}
