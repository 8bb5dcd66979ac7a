package reply

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// Requirement is one thing a rendered letter must say. Requirements are
// data so that the rules can be listed, tested and documented in one place;
// the package documentation lists every one with its words.
type Requirement struct {
	// What names the content for the error message, e.g. "the right to
	// complain to Datatilsynet".
	What string
	// Words says what the check looks for, in the notation of the package
	// documentation, so an administrator can fix a template.
	Words string
	// InSubject makes the check read the subject instead of the body.
	InSubject bool
	// Check reports whether text (the body, or the subject if InSubject)
	// holds the content. Text is given as rendered; checks normalise case
	// and white space themselves.
	Check func(d Data, text string) bool
}

// Requirements lists what a letter of kind k in lang must say for the case
// in d. They depend on d: a completion letter needs a section's essentials
// for each right on the case, and a value such as the refusal's reason must
// appear as given.
func Requirements(k Kind, lang string, d Data) []Requirement {
	d = d.prepared()
	en := lang == "en"
	pick := func(nb, english []string) []string {
		if en {
			return english
		}
		return nb
	}
	var rs []Requirement
	switch k {
	case Receipt:
		rs = append(rs, dueDate("the date we answer by at the latest", lang))
	case Identity:
		rs = append(rs, anyOf("that we need to confirm the person's identity", pick(
			[]string{"identitet*", "legitim*"},
			[]string{"identity", "identify*", "identification"})...))
	case Clarification:
		rs = append(rs, value("the question to the person", "Reason", func(d Data) string { return d.Reason }))
	case Extension:
		rs = append(rs,
			value("the reason for the extension", "ExtendReason", func(d Data) string { return d.ExtendReason }),
			dueDate("the new date we answer by", lang))
	case Refusal:
		rs = append(rs,
			value("the reasons for the refusal", "Reason", func(d Data) string { return d.Reason }),
			datatilsynet,
			// Not "rettslig*": "rettslig grunnlag" in the reasons would
			// pass for a mention of the courts.
			anyOf("the right to seek a judicial remedy", pick(
				[]string{"domstol*", "søksmål*", "tingrett*"},
				[]string{"court*", "judicial remedy"})...))
	case Answer:
		rs = append(rs, value("the answer", "Reason", func(d Data) string { return d.Reason }))
	case Completion:
		for _, r := range d.Rights {
			rs = append(rs, completionRequirements(r, en)...)
		}
	}
	// Every letter: the reference in the subject (threading finds the case
	// by it) and the company name in the body (the person must see who the
	// controller is).
	rs = append(rs,
		Requirement{
			What: "the case reference", Words: "the text of Ref", InSubject: true,
			Check: func(d Data, text string) bool { return d.Ref == "" || contains(text, d.Ref) },
		},
		value("the company name", "Company.Name", func(d Data) string { return d.Company.Name }),
	)
	// Sections may share a requirement (rectification and erasure both
	// need Art. 19); the words identify the check, so each is listed once.
	seen := map[string]bool{}
	out := rs[:0]
	for _, r := range rs {
		key := fmt.Sprint(r.InSubject, r.Words)
		if !seen[key] {
			seen[key] = true
			out = append(out, r)
		}
	}
	return out
}

var datatilsynet = anyOf("the right to complain to Datatilsynet", "datatilsynet*")

// completionRequirements are the essentials of one right's section in a
// completion letter.
func completionRequirements(r dsr.Right, en bool) []Requirement {
	pick := func(nb, english []string) []string {
		if en {
			return english
		}
		return nb
	}
	// Art. 19: rectification, erasure and restriction must be passed on to
	// the recipients of the data, and the person may ask who they are. A
	// bare "recipients" would be found in an access section's (c) as well,
	// so the sentence must also say they were told, or cite Art. 19.
	art19 := Requirement{
		What: "that recipients were told (Art. 19)",
	}
	art19Sentence := inSentence("", pick(
		[]string{"mottaker*"}, []string{"recipient*"}), pick(
		[]string{"beskjed", "varsl*", "informert", "underrett*"},
		[]string{"told", "notified", "informed", "let * know"}))
	art19Cite := anyOf("", pick(
		[]string{"art. 19", "artikkel 19"}, []string{"art. 19", "article 19"})...)
	art19.Words = art19Sentence.Words + ", or " + art19Cite.Words
	art19.Check = func(d Data, text string) bool {
		return art19Sentence.Check(d, text) || art19Cite.Check(d, text)
	}

	switch r {
	case dsr.Access:
		return []Requirement{
			anyOf("a copy of the data (Art. 15(3))", pick([]string{"kopi*"}, []string{"copy", "copies"})...),
			anyOf("(a) the purposes of the processing", pick([]string{"formål*"}, []string{"purpose*"})...),
			anyOf("(b) the categories of data", pick([]string{"kategori*"}, []string{"categor*"})...),
			anyOf("(c) the recipients", pick([]string{"mottaker*"}, []string{"recipient*"})...),
			anyOf("(d) how long the data is kept", pick(
				[]string{"lagringstid*", "lagringsperiode*", "oppbevaringstid*", "hvor lenge", "oppbevar*", "lagrer", "lagres"},
				[]string{"retention", "retain*", "how long", "storage period*", "stored for", "kept for"})...),
			anyOf("(e) the right to rectification", pick(
				[]string{"retting*", "rettelse*", "korriger*", "å rette"},
				[]string{"rectif*", "correct*"})...),
			anyOf("(e) the right to erasure", pick([]string{"slett*"}, []string{"erase*", "erasure", "delet*"})...),
			anyOf("(e) the right to restriction", pick([]string{"begrens*"}, []string{"restrict*"})...),
			anyOf("(e) the right to object", pick(
				[]string{"protest*", "innsigelse*", "motsett*"},
				[]string{"object*"})...),
			withWhat(datatilsynet, "(f) the right to complain to Datatilsynet"),
			anyOf("(g) the source of the data", pick(
				[]string{"kilde*", "kommer fra", "fått fra", "hentet fra"},
				[]string{"source*", "come from", "comes from", "came from", "obtained", "got it from"})...),
			anyOf("(h) automated decision-making", pick([]string{"automatiser*"}, []string{"automated"})...),
		}
	case dsr.Rectification:
		return []Requirement{
			anyOf("that the data was corrected", pick(
				[]string{"rettet", "korrigert", "oppdatert"},
				[]string{"corrected", "rectified", "updated"})...),
			art19,
		}
	case dsr.Erasure:
		return []Requirement{
			anyOf("that the data was erased", pick([]string{"slettet"}, []string{"deleted", "erased"})...),
			art19,
		}
	case dsr.Restriction:
		return []Requirement{
			anyOf("that processing is restricted", pick([]string{"begrens*"}, []string{"restrict*"})...),
			art19,
		}
	case dsr.Portability:
		return []Requirement{
			anyOf("the data in a machine-readable format", pick(
				[]string{"maskinlesbar*", "json", "csv"},
				[]string{"machine-readable", "machine readable", "json", "csv"})...),
		}
	case dsr.ObjectionMarketing:
		return []Requirement{withWhat(inSentence("", pick(
			[]string{"markedsfør*", "nyhetsbrev*", "reklame*"},
			[]string{"marketing", "newsletter*", "advertising"}), pick(
			[]string{"ikke lenger", "ikke mer", "stanset", "stoppet", "avsluttet"},
			[]string{"no longer", "not * any more", "not * anymore", "stopped"})),
			"that marketing to the person has stopped")}
	case dsr.Objection:
		return []Requirement{anyOf("the outcome of the objection (stopped, or compelling grounds)", pick(
			[]string{"stanset", "stoppet", "avsluttet", "tvingende"},
			[]string{"stopped", "ceased", "compelling"})...)}
	case dsr.WithdrawConsent:
		return []Requirement{withWhat(inSentence("", pick(
			[]string{"samtykk*"}, []string{"consent*"}), pick(
			[]string{"trukket tilbake", "trekke tilbake", "trekker tilbake", "tilbaketrek*"},
			[]string{"withdr*"})),
			"that the consent is recorded as withdrawn")}
	case dsr.Information:
		return []Requirement{
			anyOf("the purposes of the processing", pick([]string{"formål*"}, []string{"purpose*"})...),
			anyOf("the legal basis", pick(
				[]string{"behandlingsgrunnlag*", "rettslig grunnlag*", "grunnlaget for"},
				[]string{"legal basis", "lawful basis", "legal bases", "lawful bases"})...),
			datatilsynet,
		}
	case dsr.AutomatedDecision:
		return []Requirement{withWhat(inSentence("", pick(
			[]string{"automatiser*"}, []string{"automated"}), pick(
			[]string{"ingen", "ikke"},
			[]string{"no", "not", "never", "don't", "doesn't"})),
			"that we make no automated decisions (Art. 22)")}
	case dsr.Complaint:
		return []Requirement{
			value("the answer to the complaint", "Reason", func(d Data) string { return d.Reason }),
			datatilsynet,
		}
	}
	return nil
}

// needs lists what a letter of kind k cannot be written without, as
// messages for the handler ("an extension needs a reason"). These are
// missing inputs, not template faults, so they are reported apart.
func needs(k Kind, d Data) []string {
	var out []string
	if strings.TrimSpace(d.Ref) == "" {
		out = append(out, "a letter needs the case reference (Ref is empty)")
	}
	if strings.TrimSpace(d.Company.Name) == "" {
		out = append(out, "a letter needs the company name (Company.Name is empty; set it in the configuration)")
	}
	switch k {
	case Receipt:
		if d.Due.IsZero() {
			out = append(out, "a receipt needs the due date (Due is zero)")
		}
	case Clarification:
		if strings.TrimSpace(d.Reason) == "" {
			out = append(out, "a clarification request needs the question to ask (Reason is empty)")
		}
	case Extension:
		if strings.TrimSpace(d.ExtendReason) == "" {
			out = append(out, "an extension needs a reason (ExtendReason is empty)")
		}
		if !d.Extended || d.Due.IsZero() {
			out = append(out, "an extension notice needs the case extended first, so that Due is the new date")
		}
	case Refusal:
		if strings.TrimSpace(d.Reason) == "" {
			out = append(out, "a refusal needs the reasons (Reason is empty)")
		}
	case Answer:
		if strings.TrimSpace(d.Reason) == "" {
			out = append(out, "a general answer needs the answer text (Reason is empty)")
		}
	case Completion:
		if len(caseRights(d.Rights)) == 0 {
			out = append(out, "a completion letter needs at least one right on the case")
		}
		if d.Has(dsr.Complaint) && strings.TrimSpace(d.Reason) == "" {
			out = append(out, "an answer to a complaint needs your answer in the text (Reason is empty)")
		}
	}
	return out
}

// CheckError is a letter that cannot be sent: inputs it needs are missing,
// or its text lacks required content. Render returns it together with the
// letter, so a preview can show both.
type CheckError struct {
	Kind     Kind
	Language string
	// Template is set when the letter came straight from a template (by
	// Render), so the fault is the template's; unset for a letter the
	// handler edited.
	Template bool
	// File is the override file the template came from; empty for a
	// built-in template.
	File string
	// Needs are missing inputs, e.g. "an extension needs a reason".
	Needs []string
	// Missing are the requirements the text failed, each as What with the
	// words looked for.
	Missing []string
}

func (e *CheckError) Error() string {
	var parts []string
	parts = append(parts, e.Needs...)
	if len(e.Missing) > 0 {
		noun := "letter"
		if e.Template {
			noun = "template"
		}
		msg := fmt.Sprintf("the %s %s (%s) lacks required content: %s",
			e.Kind, noun, e.Language, strings.Join(e.Missing, "; "))
		if e.File != "" {
			msg += " (template file " + e.File + ")"
		}
		parts = append(parts, msg)
	}
	return "reply: " + strings.Join(parts, "; ")
}

// Check runs the mandatory checks for l.Kind in l.Language on a letter, as
// Render does. The desk calls it again on a letter the handler edited, so
// that an edit cannot drop what the law requires. It returns nil or a
// *CheckError.
func Check(l Letter, d Data) error {
	d = d.prepared()
	lang := l.Language
	if lang != "en" {
		lang = "nb"
	}
	e := &CheckError{Kind: l.Kind, Language: lang, Needs: needs(l.Kind, d)}
	for _, r := range Requirements(l.Kind, lang, d) {
		text := l.Body
		if r.InSubject {
			text = l.Subject
		}
		if !r.Check(d, text) {
			m := r.What
			if r.InSubject {
				m += " in the subject"
			}
			if r.Words != "" {
				m += " (looked for: " + r.Words + ")"
			}
			e.Missing = append(e.Missing, m)
		}
	}
	if len(e.Needs) == 0 && len(e.Missing) == 0 {
		return nil
	}
	return e
}

// anyOf requires one of the phrases somewhere in the text.
func anyOf(what string, phrases ...string) Requirement {
	return Requirement{
		What:  what,
		Words: wordsHint(phrases),
		Check: func(_ Data, text string) bool { return matchAny(normalise(text), phrases) },
	}
}

// inSentence requires one sentence holding a phrase from each group: "we
// make no automated decisions" must be said in one breath, not pieced
// together from "no" in one paragraph and "automated" in another.
func inSentence(what string, groups ...[]string) Requirement {
	hints := make([]string, len(groups))
	for i, g := range groups {
		hints[i] = "(" + strings.Join(g, " | ") + ")"
	}
	return Requirement{
		What:  what,
		Words: "one sentence with " + strings.Join(hints, " and "),
		Check: func(_ Data, text string) bool {
			for _, s := range sentences(text) {
				s = normalise(s)
				all := true
				for _, g := range groups {
					if !matchAny(s, g) {
						all = false
						break
					}
				}
				if all {
					return true
				}
			}
			return false
		},
	}
}

// value requires a text from the case data as given (case and white space
// aside). An empty value is reported by needs instead, so it passes here.
func value(what, field string, get func(Data) string) Requirement {
	return Requirement{
		What:  what,
		Words: "the text of " + field,
		Check: func(d Data, text string) bool { return contains(text, get(d)) },
	}
}

// dueDate requires d.Due written out: as the letter's language writes
// dates, as YYYY-MM-DD or as DD.MM.YYYY (all in Oslo), so an override may
// choose its format but not leave the date out.
func dueDate(what, lang string) Requirement {
	return Requirement{
		What:  what,
		Words: "Due as {{date .Due}}, YYYY-MM-DD or DD.MM.YYYY",
		Check: func(d Data, text string) bool {
			if d.Due.IsZero() {
				return true
			}
			t := d.Due.In(deadline.Oslo)
			return contains(text, FormatDate(t, lang)) ||
				contains(text, t.Format("2006-01-02")) ||
				contains(text, t.Format("02.01.2006"))
		},
	}
}

func withWhat(r Requirement, what string) Requirement {
	r.What = what
	return r
}

func wordsHint(phrases []string) string {
	if len(phrases) == 1 {
		return phrases[0]
	}
	return "one of " + strings.Join(phrases, ", ")
}

// contains reports whether text holds want, ignoring case and how white
// space is laid out; an empty want is always held.
func contains(text, want string) bool {
	return strings.Contains(normalise(text), normalise(want))
}

// normalise lower-cases s, turns every run of white space (line breaks,
// non-breaking spaces) into one space and typographic apostrophes into
// plain ones, so checks do not depend on how a template is laid out.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '’' || r == 'ʼ':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// matchAny reports whether normalised text holds one of the phrases. A
// phrase matches only from the start of a word (after a space or any other
// non-letter, so "pdf-kopi" holds "kopi*") and, unless it ends in "*", up
// to the end of one: "ikke" does not match "ikkje" and "no" does not match
// "not", while "slett*" matches "slettet". A "*" between words stands for
// one word: "let * know" matches "let them know".
func matchAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if matchPhrase(text, p) {
			return true
		}
	}
	return false
}

func matchPhrase(text, phrase string) bool {
	words := strings.Fields(phrase)
	for i := 0; i < len(text); {
		if atWordStart(text, i) && matchAt(text[i:], words) {
			return true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return false
}

func atWordStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// matchAt reports whether s begins with the phrase's words, one space
// apart (normalise leaves single spaces).
func matchAt(s string, words []string) bool {
	for wi, w := range words {
		if wi > 0 {
			if !strings.HasPrefix(s, " ") {
				return false
			}
			s = s[1:]
		}
		if w == "*" {
			j := strings.IndexByte(s, ' ')
			if j < 0 {
				j = len(s)
			}
			if j == 0 {
				return false
			}
			s = s[j:]
			continue
		}
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimSuffix(w, "*")
		if !strings.HasPrefix(s, w) {
			return false
		}
		s = s[len(w):]
		if prefix {
			for s != "" {
				r, n := utf8.DecodeRuneInString(s)
				if !isWordRune(r) {
					break
				}
				s = s[n:]
			}
		} else if s != "" {
			if r, _ := utf8.DecodeRuneInString(s); isWordRune(r) {
				return false
			}
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sentences splits text into sentences for inSentence: at blank lines, at
// lines that start a list item, and after ".", "!" or "?" followed by
// space and a capital letter. The capital matters: "art. 22" and
// "7. april" must not end a sentence. Lines within a paragraph are joined
// first, so a hard-wrapped sentence stays one.
func sentences(text string) []string {
	var items []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		var cur []string
		for _, line := range strings.Split(para, "\n") {
			t := strings.TrimSpace(line)
			if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ") {
				items = append(items, strings.Join(cur, " "))
				cur = nil
			}
			cur = append(cur, t)
		}
		items = append(items, strings.Join(cur, " "))
	}
	var out []string
	for _, item := range items {
		rs := []rune(item)
		start := 0
		for i, r := range rs {
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			j := i + 1
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if j > i+1 && j < len(rs) && unicode.IsUpper(rs[j]) {
				out = append(out, string(rs[start:i+1]))
				start = j
			}
		}
		if s := strings.TrimSpace(string(rs[start:])); s != "" {
			out = append(out, s)
		}
	}
	return out
}
