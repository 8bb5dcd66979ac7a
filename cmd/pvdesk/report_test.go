package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// seedReport tells a first quarter of 2025 through the desk with a fixed
// clock, every request settled long before today, so the command (which
// runs on the real clock) gives the same figures whenever it runs:
//
//	A 01-06 access                     answered 01-20: 14 days, on time (due 02-06)
//	B 01-13 erasure,objection_mkt      extended 02-03 (due 04-14), answered 03-20: 18+28+20 = 66 days
//	C 02-10 rectification              refused 02-12 (a reason with a terminal escape): 2 days
//	D 02-17 access                     answered 03-20, late (due 03-17): 11+20 = 31 days
//	E 03-03 withdraw_consent           withdrawn 03-05
//	F 03-10 none                       not a request
func seedReport(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var now time.Time
	// The subject names the rights, so each case has exactly the rights
	// the story says.
	rights := func(in classify.Input) classify.Result {
		var res classify.Result
		for _, s := range strings.Split(in.Subject, ",") {
			if r, err := dsr.ParseRight(s); err == nil && r != dsr.None {
				res.Labels = append(res.Labels, classify.Label{Right: r, Confidence: 1})
			}
		}
		return res
	}
	d := desk.New(st, desk.Options{Now: func() time.Time { return now }, User: "kari", Classify: rights})
	at := func(m time.Month, day int) { now = time.Date(2025, m, day, 10, 0, 0, 0, deadline.Oslo) }
	ids := map[string]int64{}
	receive := func(name, subject string) {
		res, err := d.Ingest(ctx, desk.Incoming{Mailbox: "INBOX", UIDValidity: 1, UID: uint32(len(ids) + 1), InternalDate: now,
			Raw: fmt.Appendf(nil, "From: %s@example.no\r\nSubject: %s\r\nMessage-ID: <%s@example.no>\r\n\r\nHei.\r\n", name, subject, name)})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = res.CaseID
	}
	act := func(name string, fn func(id, v int64) (*dsr.Case, error)) {
		det, err := d.Case(ctx, ids[name])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fn(det.Case.ID, det.Case.Version); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	status := func(name string, to dsr.Status, note string) {
		act(name, func(id, v int64) (*dsr.Case, error) { return d.SetStatus(ctx, id, v, to, note) })
	}
	at(1, 6)
	receive("A", "access")
	at(1, 13)
	receive("B", "erasure,objection_marketing")
	at(1, 20)
	status("A", dsr.StatusAnswered, "")
	at(2, 3)
	act("B", func(id, v int64) (*dsr.Case, error) { return d.Extend(ctx, id, v, "Data in five systems") })
	at(2, 10)
	receive("C", "rectification")
	at(2, 12)
	status("C", dsr.StatusRefused, "Manifestly unfounded, \x1b[31mrepeated\x1b[0m")
	at(2, 17)
	receive("D", "access")
	at(3, 3)
	receive("E", "withdraw_consent")
	at(3, 5)
	status("E", dsr.StatusWithdrawn, "")
	at(3, 10)
	receive("F", "none")
	at(3, 20)
	status("B", dsr.StatusAnswered, "")
	status("D", dsr.StatusAnswered, "")
}

func reportDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "pv.db")
	seedReport(t, db)
	return db
}

// The figures of the story, by hand:
//
//	received 5: January A B, February C D, March E (F is not a request)
//	answered 4 (A B C D), on time 3 (A B C), late 1 (D); without answer 1 (E)
//	on time 3 of 4 = 0.75
//	days 2 14 31 66: median rank ⌈0.5·4⌉ = 2 → 14; p90 rank ⌈0.9·4⌉ = 4 → 66
//	open at month end: January B; February B D (C refused 02-12); March none
func TestReportJSON(t *testing.T) {
	db := reportDB(t)
	out, errOut, code := runCmd(t, "--db", db, "report", "--from", "2025-01-01", "--to", "2025-03-31", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := time.Parse(time.RFC3339, got["as_of"].(string)); err != nil {
		t.Errorf("as_of: %v", err)
	}
	delete(got, "as_of")
	rights := func(set map[string]float64) map[string]any {
		out := map[string]any{}
		for _, r := range dsr.AllRights {
			out[string(r)] = set[string(r)]
		}
		return out
	}
	want := map[string]any{
		"period":             map[string]any{"from": "2025-01-01", "to": "2025-03-31"},
		"months":             []any{"2025-01", "2025-02", "2025-03"},
		"received_per_month": map[string]any{"2025-01": 2.0, "2025-02": 2.0, "2025-03": 1.0},
		"received_per_right_per_month": map[string]any{
			"2025-01": rights(map[string]float64{"access": 1, "erasure": 1, "objection_marketing": 1}),
			"2025-02": rights(map[string]float64{"rectification": 1, "access": 1}),
			"2025-03": rights(map[string]float64{"withdraw_consent": 1}),
		},
		"received": 5.0, "answered": 4.0, "on_time": 3.0, "late": 1.0,
		"overdue_open": 0.0, "pending": 0.0, "without_answer": 1.0,
		"on_time_share": 0.75, "median_days": 14.0, "p90_days": 66.0,
		"extensions": []any{map[string]any{"ref": "PV-2025-0002", "reason": "Data in five systems"}},
		// Machine output keeps the reason as typed; JSON escapes it.
		"refusals": []any{map[string]any{"ref": "PV-2025-0003", "reason": "Manifestly unfounded, \x1b[31mrepeated\x1b[0m"}},
		"backlog": []any{
			map[string]any{"month": "2025-01", "at": "2025-02-01T00:00:00+01:00", "open": 1.0},
			map[string]any{"month": "2025-02", "at": "2025-03-01T00:00:00+01:00", "open": 2.0},
			map[string]any{"month": "2025-03", "at": "2025-04-01T00:00:00+02:00", "open": 0.0},
		},
	}
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %#v\nwant %#v", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected key %q", k)
		}
	}
}

func TestReportCSV(t *testing.T) {
	db := reportDB(t)
	out, errOut, code := runCmd(t, "--db", db, "report", "--from", "2025-01-01", "--to", "2025-03-31", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], []string{"section", "month", "key", "value"}) {
		t.Errorf("header %v", recs[0])
	}
	got := map[string]string{}
	for _, r := range recs[1:] {
		if len(r) != 4 {
			t.Fatalf("row %v", r)
		}
		k := r[0] + "," + r[1] + "," + r[2]
		if _, dup := got[k]; dup {
			t.Errorf("row %s twice", k)
		}
		got[k] = r[3]
	}
	// 3 period rows; 3 months × (total + 11 rights); 10 answer figures;
	// 1 extension, 1 refusal; 3 months × (open, at).
	if want := 3 + 3*(1+len(dsr.AllRights)) + 10 + 2 + 3*2; len(got) != want {
		t.Errorf("%d rows, want %d:\n%s", len(got), want, out)
	}
	for k, w := range map[string]string{
		"period,,from": "2025-01-01", "period,,to": "2025-03-31",
		"received,2025-01,total": "2", "received,2025-01,access": "1", "received,2025-01,erasure": "1",
		"received,2025-01,objection_marketing": "1", "received,2025-01,portability": "0",
		"received,2025-02,total": "2", "received,2025-02,rectification": "1", "received,2025-02,access": "1",
		"received,2025-03,total": "1", "received,2025-03,withdraw_consent": "1",
		"answers,,received": "5", "answers,,answered": "4", "answers,,on_time": "3", "answers,,late": "1",
		"answers,,overdue_open": "0", "answers,,pending": "0", "answers,,without_answer": "1",
		"answers,,on_time_share": "0.75", "answers,,median_days": "14", "answers,,p90_days": "66",
		"extension,,PV-2025-0002":  "Data in five systems",
		"refusal,,PV-2025-0003":    "Manifestly unfounded, \x1b[31mrepeated\x1b[0m",
		"backlog,2025-01,open":     "1",
		"backlog,2025-02,open":     "2",
		"backlog,2025-03,open":     "0",
		"backlog,2025-03,at":       "2025-04-01T00:00:00+02:00",
		"received,2025-03,erasure": "0",
	} {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}

func TestReportTable(t *testing.T) {
	db := reportDB(t)
	out, errOut, code := runCmd(t, "--db", db, "report", "--from", "2025-01-01", "--to", "2025-03-31")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("a terminal escape reached the table:\n%q", out)
	}
	for _, want := range []string{
		"Figures for 2025-01-01 – 2025-03-31, as of ",
		"                       2025-01  2025-02  2025-03    total\n",
		"  access                     1        1        0        2\n",
		"  objection_marketing        1        0        0        1\n",
		"  portability                0        0        0        0\n",
		"  requests                   2        2        1        5\n",
		"  answered or refused       4  on time 3, late 1\n",
		"  closed without an answer  1\n",
		"  answered on time          75.0% (3 of 4: the answered ones and those open past the deadline)\n",
		"  days to answer            median 14, 90th percentile 66 (nearest rank, 4 answers)\n",
		"Extensions (1)\n  PV-2025-0002  Data in five systems\n",
		"Refusals (1)\n  PV-2025-0003  Manifestly unfounded, repeated\n",
		"Open requests at the end of each month\n  2025-01  1\n  2025-02  2\n  2025-03  0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

// A period that ends mid-month counts its last backlog at the end of the
// period and says so; one with nothing answered has no share or timing.
func TestReportTablePartialMonth(t *testing.T) {
	db := reportDB(t)
	out, _, code := runCmd(t, "--db", db, "report", "--from", "2025-03-01", "--to", "2025-03-04")
	if code != 0 {
		t.Fatal(out)
	}
	// Received 03-01..03-04: E only, withdrawn on 03-05, still open at the
	// end of 03-04; B and D still open too.
	for _, want := range []string{
		"  answered on time          –\n",
		"  days to answer            –\n",
		"  2025-03  3  (at 2025-03-05 00:00)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestReportUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pv.db")
	for _, args := range [][]string{
		{"report", "--format", "xml"},
		{"report", "--from", "2025-02-30"},
		{"report", "--to", "31.12.2025"},
		{"report", "--from", "2025-03-01", "--to", "2025-02-28"},
		{"report", "2025"},
	} {
		_, errOut, code := runCmd(t, append([]string{"--db", db}, args...)...)
		if code != 2 || !strings.Contains(errOut, "report") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

func TestReportPeriodDefaults(t *testing.T) {
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, deadline.Oslo)
	for _, c := range []struct{ from, to, want string }{
		{"", "", "2026-01-01..2026-04-10"},
		{"2025-07-01", "", "2025-07-01..2026-04-10"},
		{"", "2025-12-31", "2025-01-01..2025-12-31"},
		{"2025-03-01", "2025-03-01", "2025-03-01..2025-03-01"},
	} {
		p, err := reportPeriod(now, c.from, c.to)
		if err != nil {
			t.Errorf("%q %q: %v", c.from, c.to, err)
			continue
		}
		if got := deadline.Format(p.From) + ".." + deadline.Format(p.To); got != c.want {
			t.Errorf("%q %q: %s, want %s", c.from, c.to, got, c.want)
		}
	}
}
