package reply

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

func mustLoad(t *testing.T, dir string) *Set {
	t.Helper()
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// overrideDir writes files (name → content) into a fresh directory.
func overrideDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuiltinsValidate(t *testing.T) {
	if err := mustLoad(t, "").Validate(); err != nil {
		t.Fatal(err)
	}
}

// A custom refusal that drops Datatilsynet must not render cleanly, and
// the error must say what is missing, where, and in which language.
func TestRefusalWithoutDatatilsynet(t *testing.T) {
	dir := overrideDir(t, map[string]string{"refusal.nb.tmpl": `Subject: Avslag [{{.Ref}}]

Hei,

Vi kan ikke hjelpe deg. Begrunnelse: {{.Reason}}

Du kan gå til domstolene.

Hilsen {{.Company.Name}}
`})
	s := mustLoad(t, dir)
	d := fixture(Refusal, "nb")
	l, err := s.Render(Refusal, d)
	if err == nil {
		t.Fatal("refusal without Datatilsynet rendered without error")
	}
	var ce *CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("error is %T, want *CheckError: %v", err, err)
	}
	msg := err.Error()
	for _, want := range []string{
		"reply: the refusal template (nb) lacks required content: the right to complain to Datatilsynet",
		filepath.Join(dir, "refusal.nb.tmpl"),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if strings.Contains(msg, "judicial") || strings.Contains(msg, "reasons for the refusal") {
		t.Errorf("error names content that is there: %q", msg)
	}
	if !strings.Contains(l.Body, "Vi kan ikke hjelpe deg") {
		t.Errorf("the letter should come back with the error for a preview; got %q", l.Body)
	}
	// The English built-in refusal is untouched by the Norwegian override.
	if _, err := s.Render(Refusal, fixture(Refusal, "en")); err != nil {
		t.Errorf("built-in English refusal: %v", err)
	}
}

// Every missing item is listed, not just the first.
func TestAllMissingListed(t *testing.T) {
	dir := overrideDir(t, map[string]string{"refusal.en.tmpl": "Subject: No\n\nNo.\n"})
	_, err := mustLoad(t, dir).Render(Refusal, fixture(Refusal, "en"))
	var ce *CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a *CheckError", err)
	}
	want := []string{
		"the reasons for the refusal",
		"the right to complain to Datatilsynet",
		"the right to seek a judicial remedy",
		"the case reference in the subject",
		"the company name",
	}
	if len(ce.Missing) != len(want) {
		t.Fatalf("missing %q, want %d items", ce.Missing, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(ce.Missing[i], w) {
			t.Errorf("missing[%d] = %q, want it to start with %q", i, ce.Missing[i], w)
		}
	}
}

func TestExtensionWithoutReasonInTemplate(t *testing.T) {
	dir := overrideDir(t, map[string]string{"extension.nb.tmpl": `Subject: Forlenget frist [{{.Ref}}]

Vi trenger mer tid. Ny frist: {{date .Due}}.

{{.Company.Name}}
`})
	_, err := mustLoad(t, dir).Render(Extension, fixture(Extension, "nb"))
	if err == nil || !strings.Contains(err.Error(), "lacks required content: the reason for the extension") {
		t.Fatalf("got %v, want the missing reason named", err)
	}
	if strings.Contains(err.Error(), "new date") {
		t.Errorf("the date is there, but the error names it: %v", err)
	}
}

func TestExtensionNeedsReasonAndExtendedCase(t *testing.T) {
	s := mustLoad(t, "")
	d := fixture(Extension, "en")
	d.ExtendReason = "  "
	_, err := s.Render(Extension, d)
	if err == nil || !strings.Contains(err.Error(), "an extension needs a reason") {
		t.Fatalf("got %v, want \"an extension needs a reason\"", err)
	}
	if strings.Contains(err.Error(), "lacks required content") {
		t.Errorf("a missing input should not also be blamed on the template: %v", err)
	}
	d = fixture(Extension, "en")
	d.Extended = false
	if _, err := s.Render(Extension, d); err == nil || !strings.Contains(err.Error(), "extended first") {
		t.Fatalf("got %v, want the case to be extended first", err)
	}
}

func TestNeeds(t *testing.T) {
	s := mustLoad(t, "")
	for _, tc := range []struct {
		kind Kind
		edit func(*Data)
		want string
	}{
		{Refusal, func(d *Data) { d.Reason = "" }, "a refusal needs the reasons"},
		{Clarification, func(d *Data) { d.Reason = "" }, "a clarification request needs the question"},
		{Answer, func(d *Data) { d.Reason = "" }, "a general answer needs the answer text"},
		{Receipt, func(d *Data) { d.Due = time.Time{} }, "a receipt needs the due date"},
		{Completion, func(d *Data) { d.Rights = []dsr.Right{dsr.None} }, "a completion letter needs at least one right"},
		{Answer, func(d *Data) { d.Ref = "" }, "a letter needs the case reference"},
		{Receipt, func(d *Data) { d.Company.Name = "" }, "a letter needs the company name"},
	} {
		d := fixture(tc.kind, "nb")
		tc.edit(&d)
		_, err := s.Render(tc.kind, d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.kind, err, tc.want)
		}
	}
}

func TestOverridePrecedence(t *testing.T) {
	dir := overrideDir(t, map[string]string{
		"receipt.nb.tmpl": "Subject: Mottatt [{{.Ref}}]\n\nVi svarer innen {{date .Due}}.\n\n{{.Company.Name}}\n",
		"notes.txt":       "not a template, ignored",
	})
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := mustLoad(t, dir)
	l, err := s.Render(Receipt, fixture(Receipt, "nb"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Subject != "Mottatt [PV-2026-0042]" || l.Body != "Vi svarer innen 7. april 2026.\n\nMagnet AS\n" {
		t.Errorf("override not used: %q / %q", l.Subject, l.Body)
	}
	if got, want := s.Source(Receipt, "nb"), filepath.Join(dir, "receipt.nb.tmpl"); got != want {
		t.Errorf("Source = %q, want %q", got, want)
	}
	if got := s.Source(Receipt, "en"); got != "" {
		t.Errorf("Source of the built-in English receipt = %q, want \"\"", got)
	}
	text, err := s.Text(Receipt, "nb")
	if err != nil || !strings.HasPrefix(text, "Subject: Mottatt") {
		t.Errorf("Text = %q, %v", text, err)
	}
	// The English receipt is still the built-in one.
	l, err = s.Render(Receipt, fixture(Receipt, "en"))
	if err != nil || !strings.Contains(l.Body, "Exercising your rights is free of charge") {
		t.Errorf("English receipt: %v\n%s", err, l.Body)
	}
}

func TestLoadMissingDir(t *testing.T) {
	s := mustLoad(t, filepath.Join(t.TempDir(), "does-not-exist"))
	if s.Source(Refusal, "nb") != "" {
		t.Error("a missing directory should give the built-in set")
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             string
	}{
		{"parse error names file and line", "refusal.nb.tmpl",
			"Subject: x [{{.Ref}}]\n\nline three\n{{.Reason\n", "refusal.nb.tmpl:4"},
		{"unknown function", "answer.en.tmpl",
			"Subject: x\n\n\n\n{{shout .Reason}}\n", "answer.en.tmpl:5:"},
		{"subject parse error", "answer.en.tmpl",
			"Subject: x {{.Ref\n\nbody\n", "answer.en.tmpl (Subject line):1:"},
		{"no subject line", "answer.nb.tmpl",
			"Hei,\n\nbody\n", "answer.nb.tmpl:1: the first line must be \"Subject: ...\""},
		{"no blank line", "answer.nb.tmpl",
			"Subject: x\nHei,\n", "answer.nb.tmpl:2: want a blank line"},
		{"empty body", "answer.nb.tmpl",
			"Subject: x\n\n  \n", "answer.nb.tmpl: the body after the Subject line is empty"},
		{"misspelt kind", "refusl.nb.tmpl", "Subject: x\n\nbody\n", "not a template name"},
		{"unknown language", "refusal.no.tmpl", "Subject: x\n\nbody\n", "not a template name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := overrideDir(t, map[string]string{tc.file: tc.text})
			_, err := Load(dir)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q does not name %q in %s", err, tc.want, dir)
			}
		})
	}
}

// Windows editors leave a byte-order mark and CRLF line ends; neither may
// break the Subject line or reach the letter.
func TestLoadCRLF(t *testing.T) {
	dir := overrideDir(t, map[string]string{
		"answer.nb.tmpl": "\uFEFFSUBJECT: Svar [{{.Ref}}]\r\n\r\n{{.Reason}}\r\n\r\n{{.Company.Name}}\r\n",
	})
	l, err := mustLoad(t, dir).Render(Answer, fixture(Answer, "nb"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Subject != "Svar [PV-2026-0042]" || strings.Contains(l.Body, "\r") {
		t.Errorf("got %q / %q", l.Subject, l.Body)
	}
}

// missingkey=error, and Data being a struct, make a field the data set
// does not have an error rather than "<no value>" in a letter.
func TestRenderMissingField(t *testing.T) {
	dir := overrideDir(t, map[string]string{
		"answer.en.tmpl": "Subject: [{{.Ref}}]\n\nDear {{.RequesterFirstName}},\n\n{{.Reason}}\n{{.Company.Name}}\n",
	})
	_, err := mustLoad(t, dir).Render(Answer, fixture(Answer, "en"))
	if err == nil || !strings.Contains(err.Error(), "RequesterFirstName") {
		t.Fatalf("got %v, want an error naming the field", err)
	}
	if !strings.Contains(err.Error(), "render the answer template (en)") {
		t.Errorf("error %q does not say which template", err)
	}
}

func TestHasUnknownRight(t *testing.T) {
	dir := overrideDir(t, map[string]string{
		"completion.nb.tmpl": "Subject: [{{.Ref}}]\n\n{{if has \"acess\"}}x{{end}}\n",
	})
	_, err := mustLoad(t, dir).Render(Completion, fixture(Completion, "nb"))
	if err == nil || !strings.Contains(err.Error(), `unknown right "acess"`) {
		t.Fatalf("got %v, want the unknown right named", err)
	}
}

// A header is one line: a name with a line break must not add headers.
func TestSubjectOneLine(t *testing.T) {
	dir := overrideDir(t, map[string]string{
		"answer.nb.tmpl": "Subject: Til {{.RequesterName}} [{{.Ref}}]\n\n{{.Reason}}\n{{.Company.Name}}\n",
	})
	d := fixture(Answer, "nb")
	d.RequesterName = "Kari\r\nBcc: victim@example.org\t\x00x"
	l, err := mustLoad(t, dir).Render(Answer, d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(l.Subject, "\r\n\t\x00") || l.Subject != "Til Kari Bcc: victim@example.org x [PV-2026-0042]" {
		t.Errorf("subject %q", l.Subject)
	}
}

// Check is run again on a letter the handler edited before sending.
func TestCheckEditedLetter(t *testing.T) {
	s := mustLoad(t, "")
	d := fixture(Completion, "nb")
	l, err := s.Render(Completion, d)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(l.Body, "\n") {
		if !strings.Contains(line, "artikkel 19") {
			kept = append(kept, line)
		}
	}
	edited := l
	edited.Body = strings.Join(kept, "\n")
	err = Check(edited, d)
	if err == nil {
		t.Fatal("dropping the Art. 19 paragraph passed the check")
	}
	if want := "the completion letter (nb) lacks required content: that recipients were told (Art. 19)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
}

// Removing any one of the Art. 15(1) items from an access letter is caught,
// and named.
func TestAccessItems(t *testing.T) {
	s := mustLoad(t, "")
	for _, lang := range Languages {
		d := fixture(Completion, lang)
		d.Rights = []dsr.Right{dsr.Access}
		l, err := s.Render(Completion, d)
		if err != nil {
			t.Fatal(err)
		}
		items := map[string]string{
			"nb:- Formål":                    "(a) the purposes",
			"nb:- Kategorier":                "(b) the categories",
			"nb:- Mottakere":                 "(c) the recipients",
			"nb:- Lagringstid":               "(d) how long",
			"nb:- Klagerett":                 "(f) the right to complain to Datatilsynet",
			"nb:- Kilde":                     "(g) the source",
			"nb:- Automatiserte avgjørelser": "(h) automated decision-making",
			"en:- Purposes":                  "(a) the purposes",
			"en:- Categories":                "(b) the categories",
			"en:- Recipients":                "(c) the recipients",
			"en:- Retention":                 "(d) how long",
			"en:- Complaints":                "(f) the right to complain to Datatilsynet",
			"en:- Source":                    "(g) the source",
			"en:- Automated decisions":       "(h) automated decision-making",
		}
		for key, want := range items {
			l2, prefix, ok := strings.Cut(key, ":")
			if !ok || l2 != lang {
				continue
			}
			var kept []string
			for _, line := range strings.Split(l.Body, "\n") {
				if !strings.HasPrefix(line, prefix) {
					kept = append(kept, line)
				}
			}
			if len(kept) == strings.Count(l.Body, "\n")+1 {
				t.Fatalf("%s: no line starts with %q", lang, prefix)
			}
			edited := l
			edited.Body = strings.Join(kept, "\n")
			err := Check(edited, d)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s without %q: got %v, want %q", lang, prefix, err, want)
			}
		}
	}
}

// The checks read meaning through layout: case, line breaks and extra
// spaces in a rephrased override do not matter.
func TestCheckIgnoresLayout(t *testing.T) {
	dir := overrideDir(t, map[string]string{"refusal.nb.tmpl": `Subject: Svar i sak {{.Ref}}

Vi sier nei, fordi:
{{.Reason}}

Klage kan sendes til
DATATILSYNET. Saken kan også
prøves for   Domstolene.

{{.Company.Name}}
`})
	d := fixture(Refusal, "nb")
	d.Reason = "Forespørselen   gjentar\n  en tidligere forespørsel."
	if _, err := mustLoad(t, dir).Render(Refusal, d); err != nil {
		t.Fatal(err)
	}
}

func TestRenderSortsRights(t *testing.T) {
	s := mustLoad(t, "")
	d := fixture(Completion, "en")
	d.Rights = []dsr.Right{dsr.Erasure, dsr.None, dsr.Access, dsr.Erasure}
	l, err := s.Render(Completion, d)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(l.Body, "\nErasure (Art. 17)\n"); n != 1 {
		t.Errorf("erasure section appears %d times", n)
	}
	if strings.Index(l.Body, "Access (Art. 15)") > strings.Index(l.Body, "Erasure (Art. 17)") {
		t.Error("sections are not in canonical order")
	}
	if !strings.Contains(l.Body, "about access (Art. 15) and erasure (Art. 17).") {
		t.Errorf("rights list: %s", l.Body)
	}
}

// Render is used from several goroutines (the TUI previews while the CLI
// sends); binding has per render must not leak between them.
func TestRenderConcurrent(t *testing.T) {
	s := mustLoad(t, "")
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := dsr.AllRights[i%len(dsr.AllRights)]
			d := fixture(Completion, "en")
			d.Rights = []dsr.Right{r}
			d.Reason = "Our answer."
			l, err := s.Render(Completion, d)
			if err != nil {
				t.Error(err)
				return
			}
			for _, other := range dsr.AllRights {
				if other != r && strings.Contains(l.Body, "\n"+heading(other)+"\n") {
					t.Errorf("%s letter has the %s section", r, other)
				}
			}
		}()
	}
	wg.Wait()
}

func heading(r dsr.Right) string {
	return map[dsr.Right]string{
		dsr.Access: "Access (Art. 15)", dsr.Rectification: "Rectification (Art. 16)",
		dsr.Erasure: "Erasure (Art. 17)", dsr.Restriction: "Restriction of processing (Art. 18)",
		dsr.Portability: "Data portability (Art. 20)", dsr.ObjectionMarketing: "Marketing (Art. 21(2) and (3))",
		dsr.Objection: "Objection to processing (Art. 21(1))", dsr.WithdrawConsent: "Consent (Art. 7(3))",
		dsr.Information: "Information about our processing (Art. 13 and 14)", dsr.AutomatedDecision: "Automated decision-making (Art. 22)",
		dsr.Complaint: "Your complaint",
	}[r]
}

func TestLanguageFor(t *testing.T) {
	for in, want := range map[string]string{
		"nb": "nb", "nn": "nb", "no": "nb", "sv": "nb", "da": "nb", "": "nb", " NB ": "nb", "nb-NO": "nb", "sv_SE": "nb",
		"en": "en", "de": "en", "fr": "en", "en-GB": "en", "EN": "en",
	} {
		if got := LanguageFor(in); got != want {
			t.Errorf("LanguageFor(%q) = %q, want %q", in, got, want)
		}
	}
	// A German request gets the English letter.
	l, err := mustLoad(t, "").Render(Receipt, fixture(Receipt, "de"))
	if err != nil || l.Language != "en" || !strings.HasPrefix(l.Body, "Dear Kari Nordmann,") {
		t.Errorf("German request: %v %q %q", err, l.Language, l.Body)
	}
}

func TestSuggest(t *testing.T) {
	access := []dsr.Right{dsr.Access}
	marketing := []dsr.Right{dsr.ObjectionMarketing}
	for _, tc := range []struct {
		rights   []dsr.Right
		status   dsr.Status
		extended bool
		first    []Kind
	}{
		{access, dsr.StatusNew, false, []Kind{Receipt, Identity, Clarification}},
		{marketing, dsr.StatusNew, false, []Kind{Receipt, Completion, Clarification}},
		{nil, dsr.StatusNew, false, []Kind{Receipt, Clarification}},
		{access, dsr.StatusInProgress, false, []Kind{Completion, Extension, Refusal, Answer}},
		{access, dsr.StatusInProgress, true, []Kind{Completion, Refusal, Answer}},
		{nil, dsr.StatusInProgress, false, []Kind{Extension, Refusal, Answer}},
		{access, dsr.StatusAwaitingRequester, false, []Kind{Clarification, Identity}},
		{access, dsr.StatusAnswered, false, []Kind{Answer}},
		{access, dsr.StatusClosed, true, []Kind{Answer}},
		{access, dsr.StatusRefused, false, []Kind{Answer}},
	} {
		got := Suggest(tc.rights, tc.status, tc.extended)
		name := fmt.Sprintf("%v/%s/%v", tc.rights, tc.status, tc.extended)
		if !slices.Equal(got[:len(tc.first)], tc.first) {
			t.Errorf("%s: first %v, want %v", name, got[:len(tc.first)], tc.first)
		}
		// Every kind is offered exactly once.
		sorted := slices.Clone(got)
		slices.Sort(sorted)
		all := slices.Clone(Kinds)
		slices.Sort(all)
		if !slices.Equal(sorted, all) {
			t.Errorf("%s: %v is not a permutation of Kinds", name, got)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds {
		got, err := ParseKind(" " + strings.ToUpper(string(k)) + " ")
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
		if k.Describe("nb") == "" || k.Describe("en") == "" || k.Describe("nb") == k.Describe("en") {
			t.Errorf("%s: descriptions %q / %q", k, k.Describe("nb"), k.Describe("en"))
		}
	}
	for _, bad := range []string{"", "avslag", "refusals", "receipt.nb"} {
		_, err := ParseKind(bad)
		if err == nil {
			t.Errorf("ParseKind(%q) succeeded", bad)
			continue
		}
		if !strings.Contains(err.Error(), "receipt, identity, clarification, extension, completion, refusal, answer") {
			t.Errorf("ParseKind(%q): error %q does not list the kinds", bad, err)
		}
	}
	if _, err := mustLoad(t, "").Render(Kind("avslag"), fixture(Refusal, "nb")); err == nil {
		t.Error("Render of an unknown kind succeeded")
	}
}

func TestFormatDate(t *testing.T) {
	// 22:30 UTC on 6 April is 00:30 on 7 April in Oslo (summer time).
	tm := time.Date(2026, 4, 6, 22, 30, 0, 0, time.UTC)
	if got := FormatDate(tm, "nb"); got != "7. april 2026" {
		t.Errorf("nb: %q", got)
	}
	if got := FormatDate(tm, "en"); got != "7 April 2026" {
		t.Errorf("en: %q", got)
	}
	if got := FormatDate(time.Date(2026, 12, 1, 0, 0, 0, 0, deadline.Oslo), "nb"); got != "1. desember 2026" {
		t.Errorf("nb December: %q", got)
	}
	if got := FormatDate(time.Time{}, "nb"); got != "" {
		t.Errorf("zero: %q", got)
	}
}

func TestRightsList(t *testing.T) {
	rs := []dsr.Right{dsr.ObjectionMarketing, dsr.Access, dsr.None, dsr.Erasure, dsr.Access}
	if got, want := RightsList(rs, "nb"), "innsyn (art. 15), sletting (art. 17) og reservasjon mot direkte markedsføring (art. 21 nr. 2)"; got != want {
		t.Errorf("nb: %q, want %q", got, want)
	}
	if got, want := RightsList(rs[:2], "en"), "access (Art. 15) and objection to direct marketing (Art. 21(2))"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got := RightsList(nil, "en"); got != "" {
		t.Errorf("empty: %q", got)
	}
	for _, r := range dsr.AllRights {
		if RightName(r, "nb") == string(r) || RightName(r, "en") == string(r) {
			t.Errorf("%s has no name", r)
		}
	}
}

func TestMatchPhrase(t *testing.T) {
	for _, tc := range []struct {
		text, phrase string
		want         bool
	}{
		{"vi har slettet alt", "slett*", true},
		{"vi har slettet alt", "slett", false},
		{"dette er ikkje rett", "ikke", false},
		{"we do not make", "no", false},
		{"we make no automated", "no", true},
		{"direkte markedsføring", "rette", false},
		{"klage til datatilsynet, som", "datatilsynet*", true},
		{"slik (art. 19).", "art. 19", true},
		{"slik art. 190 sier", "art. 19", false},
		{"we let them know", "let * know", true},
		{"we let know", "let * know", false},
		{"du vil ikke lenger motta", "ikke lenger", true},
		{"«datatilsynet»", "datatilsynet", true},
		{"vedlagt er en pdf-kopi", "kopi*", true},
		{"non-automated", "no", false},
		{"machine-readable format", "machine-readable", true},
		{"retting", "rett", false},
	} {
		if got := matchPhrase(normalise(tc.text), tc.phrase); got != tc.want {
			t.Errorf("matchPhrase(%q, %q) = %v", tc.text, tc.phrase, got)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Vi treffer ingen avgjørelser etter art. 22 den 7. april. Vi bruker automatiserte\nverktøy til lager.\n\n- Første punkt\n- Andre punkt. Tredje setning"
	got := sentences(text)
	want := []string{
		"Vi treffer ingen avgjørelser etter art. 22 den 7. april.",
		"Vi bruker automatiserte verktøy til lager.",
		"- Første punkt",
		"- Andre punkt.",
		"Tredje setning",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	// "ingen" and "automatiserte" are in different sentences: no claim
	// that we make no automated decisions.
	r := completionRequirements(dsr.AutomatedDecision, false)[0]
	if r.Check(Data{}, text) {
		t.Error("negation and subject from different sentences were joined")
	}
}

// The package documentation lists the words of every requirement, so an
// administrator writing an override can find them; keep it in step.
func TestDocListsRequirementWords(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		lines = append(lines, strings.TrimPrefix(l, "//"))
	}
	doc := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	for _, k := range Kinds {
		for _, lang := range Languages {
			for _, r := range Requirements(k, lang, sampleData(lang)) {
				if !strings.Contains(doc, r.Words) {
					t.Errorf("doc.go does not list the words %q (%s, %s: %s)", r.Words, k, lang, r.What)
				}
			}
		}
	}
}
