package classify

import (
	"math"
	"strings"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/dsr"
)

func TestFold(t *testing.T) {
	same := [][2]string{
		{"ønsker", "onsker"}, {"ønsker", "oensker"}, {"på", "paa"}, {"være", "vaere"},
		{"Löschen", "loeschen"}, {"e-post", "epost"}, {"don't", "dont"}, {"SLETT", "slett"},
	}
	for _, p := range same {
		if fold(p[0]) != fold(p[1]) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q; want equal", p[0], fold(p[0]), p[1], fold(p[1]))
		}
	}
	// "være" (be) must not become "vare" (goods): product vetoes use it.
	if fold("være") == fold("vare") {
		t.Errorf("være and vare fold alike")
	}
}

func TestTokeniseBoundaries(t *testing.T) {
	d := tokenise("Jeg viser til GDPR art. 15. Slett meg, takk!\n\n- kopi av data\n1. retting")
	sent := map[string]int32{}
	clause := map[string]int32{}
	for _, tk := range d.toks {
		sent[tk.s], clause[tk.s] = tk.sent, tk.clause
	}
	if sent["art"] != sent["15"] {
		t.Errorf("'art. 15' split across sentences")
	}
	if sent["15"] == sent["slett"] {
		t.Errorf("'15. Slett' not split")
	}
	if clause["meg"] == clause["takk"] {
		t.Errorf("comma did not end the clause")
	}
	if sent["takk"] == sent["kopi"] || sent["data"] == sent["retting"] {
		t.Errorf("list items not split into sentences")
	}
	if got := d.text[d.toks[0].start:d.toks[0].end]; got != "Jeg" {
		t.Errorf("first token spans %q, want the original spelling", got)
	}
}

func TestCompilePatternsOptional(t *testing.T) {
	ps := compilePatterns("kopi ~2 [alle|all] opplysning*")
	if len(ps) != 2 {
		t.Fatalf("got %d variants, want 2", len(ps))
	}
	d := analyse("Jeg vil ha kopi av opplysningene.")
	matched := false
	for _, p := range ps {
		for i := range d.toks {
			if _, ok := p.matchAt(d.toks, i); ok {
				matched = true
			}
		}
	}
	if !matched {
		t.Errorf("optional word left out should still match")
	}
}

func TestCleanQuotes(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"gmail", "Slett meg.\n\nOn Tue, 3 Mar 2026 at 10:00, Magnet <post@magnetharstad.no>\nwrote:\n> Innsyn og sletting", "Slett meg."},
		{"outlook", "Slett også nyhetsbrevet.\n\nFra: Magnet AS\nSendt: 3. mars\nTil: meg\nEmne: x\n\nInnsyn", "Slett også nyhetsbrevet."},
		{"bottom posting", "Den 3. mars skrev Magnet AS <a@b.no>:\n> Vil du ha innsyn?\n\nJa, send meg kopi.", "Ja, send meg kopi."},
		{"signature", "Slett kontoen.\n\nMed vennlig hilsen\nKari Nordmann\nTlf 123", "Slett kontoen."},
		{"device line", "Unsubscribe me.\n\nSent from my iPhone", "Unsubscribe me."},
		{"dash signature", "Hei.\n-- \nKari, personvernombud: innsyn og sletting", "Hei."},
	}
	for _, c := range cases {
		if got := clean(c.body, "").text; got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCleanForward(t *testing.T) {
	body := "Se under.\n\n---------- Forwarded message ---------\nFrom: Kari <kari@example.no>\nSubject: x\n\nSlett meg, takk.\n\nHilsen Kari"
	c := clean(body, "Fwd: x")
	if c.text != "Slett meg, takk." {
		t.Errorf("forward: got %+v", c)
	}
	own := "FYI\n\n---------- Forwarded message ---------\nFrom: Magnet AS <nyhetsbrev@magnetharstad.no>\n\nMeld deg av her."
	if c := clean(own, "Fwd: Tilbud"); !c.ownMail || c.text != "" {
		t.Errorf("own newsletter: got %+v", c)
	}
}

func TestEvaluate(t *testing.T) {
	gold := map[string][]dsr.Right{
		"a": {dsr.Access},
		"b": {dsr.Erasure, dsr.ObjectionMarketing},
		"c": nil,
		"d": {dsr.Access},
	}
	pred := map[string][]dsr.Right{
		"a": {dsr.Access},
		"b": {dsr.Erasure},
		"c": {dsr.Access},
		// d missing: predicted none
	}
	r := Evaluate(gold, pred)
	get := func(l dsr.Right) Score {
		for _, s := range r.Labels {
			if s.Label == l {
				return s
			}
		}
		t.Fatalf("no row for %s", l)
		return Score{}
	}
	acc := get(dsr.Access)
	if acc.TP != 1 || acc.FP != 1 || acc.FN != 1 || math.Abs(acc.F1-0.5) > 1e-9 {
		t.Errorf("access %+v", acc)
	}
	if none := get(dsr.None); none.TP != 0 || none.FP != 1 || none.FN != 1 {
		t.Errorf("none %+v", none)
	}
	if r.ExactMatch != 1 || r.Messages != 4 {
		t.Errorf("exact %d of %d", r.ExactMatch, r.Messages)
	}
	if tab := r.Table(); !strings.Contains(tab, "macro-F1") || !strings.Contains(tab, "objection_marketing") {
		t.Errorf("table:\n%s", tab)
	}
}
