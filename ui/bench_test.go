package ui

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/store"
)

// benchCases is how many cases the benchmark desks hold: years of mail at
// a large retailer.
const benchCases = 100_000

// benchOpen is how many of them are open in the realistic desk.
const benchOpen = 300

// benchDBs caches one seeded database per variant for the whole process;
// seeding 100,000 cases takes seconds and every benchmark reads the same.
var benchDBs struct {
	sync.Mutex
	dir   string
	paths map[bool]string
}

// benchDB returns the path of a database of benchCases cases: benchOpen of
// them open and the rest closed, or, with allOpen, every one open.
func benchDB(b *testing.B, allOpen bool) string {
	b.Helper()
	benchDBs.Lock()
	defer benchDBs.Unlock()
	if p, ok := benchDBs.paths[allOpen]; ok {
		return p
	}
	if benchDBs.dir == "" {
		dir, err := os.MkdirTemp("", "pvdesk-ui-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDBs.dir, benchDBs.paths = dir, map[bool]string{}
	}
	path := filepath.Join(benchDBs.dir, fmt.Sprintf("pv-allopen-%v.db", allOpen))
	start := time.Now()
	if err := seedBench(path, allOpen); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases (all open: %v) in %v", benchCases, allOpen, time.Since(start).Round(time.Millisecond))
	benchDBs.paths[allOpen] = path
	return path
}

// removeBenchDBs deletes the seeded databases when the test binary exits.
func removeBenchDBs() {
	if benchDBs.dir != "" {
		os.RemoveAll(benchDBs.dir)
	}
}

var (
	benchFirst = []string{"Ola", "Kari", "Per", "Anne", "Jon", "Ingrid", "Lars", "Sofie", "Bjørn", "Åse",
		"Emily", "James", "Tomasz", "Fatima", "Mohammed", "Sigrid", "Øystein", "Hanne", "Erik", "Maja"}
	benchLast = []string{"Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen",
		"Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
		"Haugen", "Hagen", "Sørensen", "Åsheim", "Carter"}
	benchSubjects = []string{"Slett meg", "Innsyn i mine personopplysninger", "Subject access request",
		"Avmelding nyhetsbrev", "Ny adresse", "Feil navn i kundeklubben", "Delete my account",
		"Kopi av opptak fra kamera", "Klage på behandling", "Trekk samtykke", "Stopp SMS",
		"Hva gjør dere med dataene mine?", "Dataportabilitet - kjøpshistorikk", "Re: Sak om sletting",
		"Protest mot profilering", "Invoice refused by a computer"}
	closedStatuses = []dsr.Status{dsr.StatusClosed, dsr.StatusClosed, dsr.StatusClosed, dsr.StatusAnswered,
		dsr.StatusRefused, dsr.StatusWithdrawn, dsr.StatusNotARequest}
	openStatuses = []dsr.Status{dsr.StatusNew, dsr.StatusInProgress, dsr.StatusAwaitingRequester}
)

// seedBench writes the cases in one transaction, through the store's own
// inserts, as fast as the store allows.
func seedBench(path string, allOpen bool) error {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	// Closed cases spread over the last four years; open ones over the
	// last six weeks, as a desk that keeps up would have. They are
	// inserted in order of arrival, as ingest does, so ids and references
	// rise with time as in a real file.
	type arrival struct {
		age  time.Duration
		open bool
	}
	arrivals := make([]arrival, benchCases)
	for i := range arrivals {
		a := arrival{open: allOpen || i >= benchCases-benchOpen}
		span := 4 * 365 * 24 * time.Hour
		if a.open {
			span = 42 * 24 * time.Hour
		}
		a.age = time.Duration(rng.Int64N(int64(span)))
		arrivals[i] = a
	}
	slices.SortFunc(arrivals, func(a, b arrival) int { return cmp.Compare(b.age, a.age) })
	return st.Write(ctx, func(tx *store.Tx) error {
		for _, a := range arrivals {
			open := a.open
			received := fixedNow.Add(-a.age)
			ref, err := tx.NextRef(ctx, received.In(deadline.Oslo).Year())
			if err != nil {
				return err
			}
			first, last := benchFirst[rng.IntN(len(benchFirst))], benchLast[rng.IntN(len(benchLast))]
			c := &dsr.Case{
				Ref: ref, RequesterName: first + " " + last,
				Requester:  strings.ToLower(fmt.Sprintf("%s.%s%d@example.no", first, last, rng.IntN(1000))),
				Subject:    benchSubjects[rng.IntN(len(benchSubjects))],
				Language:   "nb",
				ReceivedAt: received, DueAt: deadline.Due(received),
			}
			if open {
				c.Status = openStatuses[rng.IntN(len(openStatuses))]
			} else {
				c.Status = closedStatuses[rng.IntN(len(closedStatuses))]
			}
			switch rng.IntN(3) {
			case 0:
				c.Assignee = "kari"
			case 1:
				c.Assignee = "ola"
			}
			for range 1 + rng.IntN(3) {
				r := dsr.AllRights[rng.IntN(len(dsr.AllRights))]
				if !dsr.NewRightSet(c.RightList()...).Has(r) {
					c.Rights = append(c.Rights, dsr.CaseRight{Right: r, Source: dsr.SourceAuto, Confidence: 0.8})
				}
			}
			if err := tx.InsertCase(ctx, c, desk.SystemActor, fixedNow); err != nil {
				return err
			}
		}
		return nil
	})
}

// benchDesk opens a seeded database with the fixed clock.
func benchDesk(b *testing.B, allOpen bool) *desk.Desk {
	b.Helper()
	st, err := store.Open(context.Background(), benchDB(b, allOpen))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return desk.New(st, desk.Options{Now: func() time.Time { return fixedNow }, User: "kari"})
}

// benchVariants are the desks the inbox benchmarks run on: a realistic one
// (a few hundred open among 100,000) and the worst case (all 100,000 open,
// listed with ScopeAll).
var benchVariants = []struct {
	name    string
	allOpen bool
	scope   desk.Scope
}{
	{"open300of100k", false, desk.ScopeOpen},
	{"all100k", true, desk.ScopeAll},
}

// loadedInbox is a root model at 100x30 that has loaded the inbox of
// scope, the way the program does it: the load command, then its message.
func loadedInbox(b *testing.B, d *desk.Desk, scope desk.Scope) *model {
	b.Helper()
	m := newBenchModel(d, scope)
	m.inbox.loadSeq++
	loadInto(b, m, loadCases(d, scope, m.inbox.loadSeq))
	return m
}

// firstFrameInbox is a root model that has received the first screenful,
// which reload sends ahead of the whole list.
func firstFrameInbox(b *testing.B, d *desk.Desk, scope desk.Scope) *model {
	b.Helper()
	m := newBenchModel(d, scope)
	m.inbox.loadSeq++
	loadInto(b, m, loadFirstPage(d, scope, m.inbox.loadSeq))
	return m
}

func newBenchModel(d *desk.Desk, scope desk.Scope) *model {
	m := New(Options{Desk: d, Language: "nb"}).(*model)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.inbox.scope = scope
	return m
}

func loadInto(b *testing.B, m *model, cmd tea.Cmd) {
	b.Helper()
	msg := cmd()
	if lm := msg.(casesLoadedMsg); lm.err != nil {
		b.Fatal(lm.err)
	}
	m.Update(msg)
}

// BenchmarkInboxFirstFrame is the time from the inbox query to the first
// drawn frame: the first screenful (sent ahead of the whole list), its
// filter index, the model and one View.
func BenchmarkInboxFirstFrame(b *testing.B) {
	for _, v := range benchVariants {
		b.Run(v.name, func(b *testing.B) {
			d := benchDesk(b, v.allOpen)
			loadedInbox(b, d, v.scope) // warm the page cache, as a second start would be
			b.ResetTimer()
			for b.Loop() {
				m := firstFrameInbox(b, d, v.scope)
				_ = m.View()
			}
		})
	}
}

// BenchmarkInboxFullLoad is the time until the whole list is loaded and
// drawn: desk.InboxEach, the compact rows, the filter index and one View.
// The list is usable from the first frame on; this is when filtering and
// scrolling reach every case.
func BenchmarkInboxFullLoad(b *testing.B) {
	for _, v := range benchVariants {
		b.Run(v.name, func(b *testing.B) {
			d := benchDesk(b, v.allOpen)
			loadedInbox(b, d, v.scope)
			var m *model
			b.ResetTimer()
			for b.Loop() {
				m = loadedInbox(b, d, v.scope)
				_ = m.View()
			}
			b.StopTimer()
			reportHeap(b, m)
		})
	}
}

// BenchmarkDeskInbox is the store query alone, to tell its share of the
// first frame.
func BenchmarkDeskInbox(b *testing.B) {
	for _, v := range benchVariants {
		b.Run(v.name, func(b *testing.B) {
			d := benchDesk(b, v.allOpen)
			for b.Loop() {
				if _, err := d.Inbox(context.Background(), v.scope); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInboxCursorMove is one j: Update and the View that follows.
func BenchmarkInboxCursorMove(b *testing.B) {
	for _, v := range benchVariants {
		b.Run(v.name, func(b *testing.B) {
			m := loadedInbox(b, benchDesk(b, v.allOpen), v.scope)
			j := keyMsg("j")
			n := m.inbox.visible()
			for b.Loop() {
				if m.inbox.cursor == n-1 {
					m.inbox.cursor = 0
				}
				m.Update(j)
				_ = m.View()
			}
		})
	}
}

// BenchmarkInboxFilterKeystroke is one more character typed into the
// filter, over every row of the 100,000-case inbox, and the View after it.
//
//   - first: the first character, which scans every row;
//   - next: a character that narrows the previous matches;
//   - miss: a first character almost no row has, so every row also runs
//     the fuzzy scan, the slowest path.
func BenchmarkInboxFilterKeystroke(b *testing.B) {
	m := loadedInbox(b, benchDesk(b, true), desk.ScopeAll)
	m.Update(keyMsg("/"))
	for _, tc := range []struct{ name, before, key string }{
		{"first", "", "s"},
		{"next", "sl", "e"},
		{"miss", "", "z"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m.inbox.setQuery("")
			for _, r := range tc.before {
				m.Update(keyMsg(string(r)))
			}
			k := keyMsg(tc.key)
			var rows int
			for b.Loop() {
				// Back to the query before the keystroke; its matches are
				// kept, so this costs nothing.
				m.inbox.setQuery(tc.before)
				m.Update(k)
				_ = m.View()
				rows = m.inbox.visible()
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

// reportHeap reports the Go heap in use with the model alive, after a
// collection: what the loaded inbox costs.
func reportHeap(b *testing.B, keep *model) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	runtime.KeepAlive(keep)
}

// BenchmarkInboxRSS measures the resident memory of a fresh process that
// opens the all-open 100,000-case desk, loads every case into the inbox and
// draws it: the whole desk as a handler would run it, without the seeding
// this process did. It runs TestRSSChild in a child process and reports the
// resident set after the load (MB-rss) and its peak (MB-rss-peak).
func BenchmarkInboxRSS(b *testing.B) {
	path := benchDB(b, true)
	var rss, peak float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRSSChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "PVDESK_RSS_DB="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) != 2 {
				continue
			}
			kb, _ := strconv.ParseFloat(f[1], 64)
			switch f[0] {
			case "VmRSS:":
				rss = kb / 1024
			case "VmHWM:":
				peak = kb / 1024
			}
		}
	}
	b.ReportMetric(rss, "MB-rss")
	b.ReportMetric(peak, "MB-rss-peak")
}

// TestRSSChild is the child of BenchmarkInboxRSS; it does nothing unless
// PVDESK_RSS_DB names a database.
func TestRSSChild(t *testing.T) {
	path := os.Getenv("PVDESK_RSS_DB")
	if path == "" {
		t.Skip("run by BenchmarkInboxRSS")
	}
	limitMemory() // as Run does
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := desk.New(st, desk.Options{Now: func() time.Time { return fixedNow }, User: "kari"})
	// Every case is open in this file, so the start-up load of the open
	// scope is all 100,000.
	dr := newDriver(t, Options{Desk: d}, 100, 30)
	if n := dr.m.inbox.visible(); n != benchCases {
		t.Fatalf("inbox holds %d cases", n)
	}
	_ = dr.m.View()
	// What the process holds now, not the garbage of the load.
	runtime.GC()
	debug.FreeOSMemory()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc here")
	}
	// The resident set now, and its peak during the load, when the
	// desk's rows and the inbox's copy of them were both alive.
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmRSS:") || strings.HasPrefix(l, "VmHWM:") {
			fmt.Println(strings.TrimSuffix(l, " kB"))
		}
	}
	runtime.KeepAlive(dr)
}
