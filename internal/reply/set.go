package reply

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

//go:embed templates/*.tmpl
var builtin embed.FS

// Set is the templates in use: the built-in ones with any overrides from
// the configuration directory. It is safe for concurrent use.
type Set struct {
	m map[key]*tmpl
}

type key struct {
	kind Kind
	lang string
}

// tmpl is one parsed template file.
type tmpl struct {
	name string // file name, e.g. refusal.nb.tmpl
	file string // override path; "" for a built-in template
	text string // the file as read, for Text
	t    *template.Template
}

// subjectName names the associated template that renders the subject, so
// that an error in it points at the file's first line.
func subjectName(file string) string { return file + " (Subject line)" }

// FileName is the template file name for a kind and language, e.g.
// "refusal.nb.tmpl"; an override in the templates directory must have it.
func FileName(k Kind, lang string) string { return string(k) + "." + lang + ".tmpl" }

// Load returns the built-in templates, each replaced by the file of the
// same name in dir if there is one. An empty dir, or one that does not
// exist, gives the built-in set. A file in dir that cannot be read or
// parsed, or a *.tmpl file whose name is not a kind and language (a typo
// would otherwise be silently ignored and the built-in letter sent), is an
// error naming the file and, for a parse error, the line.
func Load(dir string) (*Set, error) {
	s := &Set{m: map[key]*tmpl{}}
	for _, k := range Kinds {
		for _, lang := range Languages {
			name := FileName(k, lang)
			b, err := builtin.ReadFile("templates/" + name)
			if err != nil {
				return nil, fmt.Errorf("reply: built-in template %s: %w", name, err)
			}
			t, err := parse(name, "", string(b), lang)
			if err != nil {
				// A broken built-in template is a bug caught by the tests.
				return nil, err
			}
			s.m[key{k, lang}] = t
		}
	}
	if dir == "" {
		return s, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reply: templates directory: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".tmpl") {
			continue
		}
		k, lang, ok := splitName(name)
		if !ok {
			return nil, fmt.Errorf("reply: %s: not a template name; want KIND.LANG.tmpl with KIND one of %s and LANG nb or en",
				filepath.Join(dir, name), kindNames())
		}
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reply: %w", err)
		}
		t, err := parse(name, path, string(b), lang)
		if err != nil {
			return nil, err
		}
		s.m[key{k, lang}] = t
	}
	return s, nil
}

func splitName(name string) (Kind, string, bool) {
	base := strings.TrimSuffix(name, ".tmpl")
	ks, lang, ok := strings.Cut(base, ".")
	if !ok || (lang != "nb" && lang != "en") {
		return "", "", false
	}
	k, err := ParseKind(ks)
	if err != nil || string(k) != ks {
		return "", "", false
	}
	return k, lang, true
}

func kindNames() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// subjectLine matches a template file's first line.
var subjectLine = regexp.MustCompile(`(?i)^subject:[ \t]*`)

// parse reads one template file: "Subject: ..." on the first line, a blank
// line, then the body. Errors name the file (path if given) and line.
func parse(name, path, text, lang string) (*tmpl, error) {
	where := name
	if path != "" {
		where = path
	}
	// Files edited on Windows carry a byte-order mark and CRLF; neither
	// should reach a mail or fail the Subject line.
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	first, rest, _ := strings.Cut(text, "\n")
	loc := subjectLine.FindStringIndex(first)
	if loc == nil {
		return nil, fmt.Errorf("reply: %s:1: the first line must be \"Subject: ...\"", where)
	}
	subject := first[loc[1]:]
	blank, body, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(blank) != "" {
		return nil, fmt.Errorf("reply: %s:2: want a blank line between the Subject line and the body", where)
	}
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("reply: %s: the body after the Subject line is empty", where)
	}
	t := template.New(where).Option("missingkey=error").Funcs(funcs(lang, nil))
	// Two newlines stand in for the Subject and blank lines so that the
	// line numbers of body errors match the file; the blank lines they
	// make are trimmed from the rendered body.
	if _, err := t.Parse("\n\n" + body); err != nil {
		return nil, fmt.Errorf("reply: %w", err)
	}
	if _, err := t.New(subjectName(where)).Parse(subject); err != nil {
		return nil, fmt.Errorf("reply: %w", err)
	}
	return &tmpl{name: name, file: path, text: text, t: t}, nil
}

// funcs are the functions templates may call. The language is fixed by the
// template file; has needs the case's rights and is bound at Render, with
// a stand-in at parse time.
func funcs(lang string, rights []dsr.Right) template.FuncMap {
	return template.FuncMap{
		"date":       func(t time.Time) string { return FormatDate(t, lang) },
		"rightName":  func(r dsr.Right) string { return RightName(r, lang) },
		"rightsList": func(rs []dsr.Right) string { return RightsList(rs, lang) },
		"has": func(name string) (bool, error) {
			r, err := dsr.ParseRight(name)
			if err != nil {
				// A typo such as has "acess" would otherwise quietly drop
				// a section from every letter.
				return false, err
			}
			for _, x := range rights {
				if x == r {
					return true, nil
				}
			}
			return false, nil
		},
	}
}

func (s *Set) get(k Kind, lang string) (*tmpl, error) {
	t, ok := s.m[key{k, lang}]
	if !ok {
		if _, err := ParseKind(string(k)); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("reply: no %s template in %q", k, lang)
	}
	return t, nil
}

// Text returns the template file for k in lang as it was loaded (the
// override if there is one), for an administrator to copy and adapt.
func (s *Set) Text(k Kind, lang string) (string, error) {
	t, err := s.get(k, lang)
	if err != nil {
		return "", err
	}
	return t.text, nil
}

// Source returns the path of the override file for k in lang, or "" when
// the built-in template is used.
func (s *Set) Source(k Kind, lang string) string {
	if t, err := s.get(k, lang); err == nil {
		return t.file
	}
	return ""
}

// Render writes the letter of kind k for the case in d, in
// LanguageFor(d.Language). The template is executed with missingkey=error,
// so a field it names that Data lacks is an error. The subject is made one
// line; the body has trailing spaces and surplus blank lines removed.
//
// The letter is then checked (see Check). If the check fails, Render
// returns the letter together with a *CheckError, so a preview can show
// the draft and what is wrong with it; such a letter must not be sent.
func (s *Set) Render(k Kind, d Data) (Letter, error) {
	lang := LanguageFor(d.Language)
	tp, err := s.get(k, lang)
	if err != nil {
		return Letter{}, err
	}
	d = d.prepared()
	// Clone so that binding has to this case's rights cannot race with
	// another Render; the parse trees are shared, so it is cheap.
	t, err := tp.t.Clone()
	if err != nil {
		return Letter{}, fmt.Errorf("reply: %w", err)
	}
	t.Funcs(funcs(lang, d.Rights))
	var subject, body strings.Builder
	if err := t.ExecuteTemplate(&subject, subjectName(t.Name()), d); err != nil {
		return Letter{}, fmt.Errorf("reply: render the %s template (%s): %w", k, lang, err)
	}
	if err := t.Execute(&body, d); err != nil {
		return Letter{}, fmt.Errorf("reply: render the %s template (%s): %w", k, lang, err)
	}
	l := Letter{Kind: k, Language: lang, Subject: oneLine(subject.String()), Body: tidy(body.String())}
	if err := Check(l, d); err != nil {
		var ce *CheckError
		if errors.As(err, &ce) {
			ce.Template = true
			ce.File = tp.file
		}
		return l, err
	}
	return l, nil
}

// Validate renders every template with sample cases (each kind once with
// every right, so every completion section is reached) and returns the
// errors of all that fail. Render checks each letter anyway; Validate lets
// the desk report a broken override when it starts rather than when a
// handler needs the letter.
func (s *Set) Validate() error {
	var errs []error
	for _, k := range Kinds {
		for _, lang := range Languages {
			d := sampleData(lang)
			if _, err := s.Render(k, d); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// sampleData is a case with every right and every field set, for Validate.
func sampleData(lang string) Data {
	received := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	return Data{
		Ref:           "PV-2026-0001",
		RequesterName: "Sample Person",
		RequesterAddr: "sample@example.invalid",
		Rights:        dsr.AllRights,
		Received:      received,
		Due:           received.AddDate(0, 3, 0),
		Extended:      true,
		ExtendReason:  "sample extension reason",
		Reason:        "sample reason text",
		Handler:       "Sample Handler",
		Company:       DefaultCompany(),
		Language:      lang,
		Now:           received,
	}
}

// oneLine makes a rendered subject a single line: a subject is a mail
// header, and a line break in it (from a name, say) could forge headers.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r < 0x20 || r == 0x7f || r == '\u00a0' || r == '\u2028' || r == '\u2029'
	}), " ")
}

// tidy normalises a rendered body: no trailing spaces, at most one blank
// line in a row, none at the start, one newline at the end. Templates can
// then use {{if}} blocks freely without counting blank lines.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	var out []string
	blank := true // drops leading blank lines
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}
