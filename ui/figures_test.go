package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
)

func TestFiguresGolden(t *testing.T) {
	tm := seedTeam(t)
	m := New(Options{Desk: tm.desks["kari"], Language: "nb"})
	tt := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tt, "Innboks · åpne 8")
	tt.Type("o")
	waitFor(t, tt, "Belastning")
	tt.Type("f")
	waitFor(t, tt, "Mottatt per rettighet og måned", "Forlengelser (1)")
	golden.RequireEqual(t, []byte(finalView(t, tt)))
}

// figuresDriver is a driver on the figures screen of the seeded team.
func figuresDriver(t *testing.T, lang string, w, h int) (*team, *driver) {
	t.Helper()
	tm := seedTeam(t)
	dr := overviewDriver(t, tm.desks["kari"], lang, w, h)
	dr.keys("f")
	if dr.m.page != pageFigures || dr.m.figures == nil || dr.m.figures.f == nil {
		t.Fatalf("f did not open the figures; footer %q", footer(dr))
	}
	return tm, dr
}

// The screen shows what the desk computes for this year to date: the
// numbers behind every chart are on it.
func TestFiguresShowTheDesksFigures(t *testing.T) {
	_, dr := figuresDriver(t, "nb", 160, 50)
	f := dr.m.figures.f
	if got := deadline.Format(f.From) + ".." + deadline.Format(f.To); got != "2026-01-01..2026-11-25" {
		t.Fatalf("period %s, want this year to today", got)
	}
	// Kristin, Ole, Mari, Geir, Hanne, Knut, Berit, and the eight open.
	if f.Received != 15 {
		t.Errorf("received %d", f.Received)
	}
	v := dr.m.View()
	settled := f.Answered + f.OverdueOpen
	for _, s := range []string{
		"15 henvendelser",
		fmt.Sprintf("%d av %d i tide", f.OnTime, settled),
		fmt.Sprintf("%d %%", f.OnTime*100/settled),
		fmt.Sprintf("median          %d d", int(f.MedianDays)),
		"Forlengelser (1)", "Opplysninger i fem systemer",
		"Avslag (1)", "Åpenbart grunnløst: fjerde like krav i år",
		"jan feb mar apr mai jun jul aug sep okt nov sum",
	} {
		if !strings.Contains(v, s) {
			t.Errorf("%q missing:\n%s", s, v)
		}
	}
	lo, hi := backlogRange(f.Backlog)
	if !strings.Contains(v, fmt.Sprintf("min %d · maks %d", lo, hi)) {
		t.Errorf("backlog range %d..%d missing:\n%s", lo, hi, v)
	}
}

// [ and ] step by year, m switches to quarters, and nothing steps past
// today.
func TestFiguresPeriods(t *testing.T) {
	_, dr := figuresDriver(t, "en", 100, 30)
	period := func() string {
		f := dr.m.figures.f
		return deadline.Format(f.From) + ".." + deadline.Format(f.To)
	}
	steps := []struct {
		key, want, title string
	}{
		{"]", "2026-01-01..2026-11-25", "Figures · 2026"}, // not into next year
		{"[", "2025-01-01..2025-12-31", "Figures · 2025"},
		{"m", "2025-10-01..2025-12-31", "Figures · Q4 2025"},
		{"right", "2026-01-01..2026-03-31", "Figures · Q1 2026"},
		{"]", "2026-04-01..2026-06-30", "Q2 2026"},
		{"]", "2026-07-01..2026-09-30", "Q3 2026"},
		{"]", "2026-10-01..2026-11-25", "Q4 2026"},
		{"]", "2026-10-01..2026-11-25", "Q4 2026"},
		{"left", "2026-07-01..2026-09-30", "Q3 2026"},
		{"m", "2026-01-01..2026-11-25", "Figures · 2026"},
	}
	for _, st := range steps {
		k := st.key
		switch k {
		case "left":
			dr.send(tea.KeyMsg{Type: tea.KeyLeft})
		case "right":
			dr.send(tea.KeyMsg{Type: tea.KeyRight})
		default:
			dr.keys(k)
		}
		if got := period(); got != st.want {
			t.Errorf("after %s: %s, want %s", k, got, st.want)
		}
		if v := dr.m.View(); !strings.Contains(v, st.title) {
			t.Errorf("after %s: title %q missing:\n%s", k, st.title, strings.SplitN(v, "\n", 2)[0])
		}
	}
}

// A quarter shows its three months only.
func TestFiguresQuarterMonths(t *testing.T) {
	_, dr := figuresDriver(t, "nb", 100, 30)
	dr.keys("m")
	v := dr.m.View()
	if !strings.Contains(v, "okt nov") || strings.Contains(v, "sep okt") {
		t.Errorf("the fourth quarter's months:\n%s", v)
	}
	if !strings.Contains(v, "4. kvartal 2026") {
		t.Errorf("title:\n%s", v)
	}
}

func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		n, lo, hi int
		want      rune
	}{
		{0, 0, 0, '▁'}, {3, 3, 3, '▄'}, {1, 1, 9, '▁'}, {9, 1, 9, '█'}, {5, 1, 9, '▅'}, {1, 0, 8, '▂'},
	} {
		if got := sparkOf(c.n, c.lo, c.hi); got != c.want {
			t.Errorf("sparkOf(%d, %d, %d) = %c, want %c", c.n, c.lo, c.hi, got, c.want)
		}
	}
	b := []desk.MonthCount{{Count: 4}, {Count: 2}, {Count: 7}}
	if lo, hi := backlogRange(b); lo != 2 || hi != 7 {
		t.Errorf("range %d..%d", lo, hi)
	}
	if got := bigNumber(7); got[1] != "  █ %" {
		t.Errorf("big 7 = %q", got)
	}
}
