package ui

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/magnetharstad/pvdesk/store"
)

func TestScratchStore(t *testing.T) {
	path := "/tmp/pvbench-allopen.db"
	if _, err := os.Stat(path); err != nil {
		if err := seedBench(path, true); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	plan := func(q string) {
		rows, _ := db.Query("EXPLAIN QUERY PLAN " + q)
		for rows.Next() {
			var a, b, c int
			var s string
			rows.Scan(&a, &b, &c, &s)
			fmt.Println("   plan:", s)
		}
		rows.Close()
	}
	time1 := func(name, q string, scan bool) {
		best := time.Hour
		var n int
		for range 5 {
			start := time.Now()
			rows, err := db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			n = 0
			for rows.Next() {
				if scan {
					rows.Scan(vals...)
				}
				n++
			}
			rows.Close()
			best = min(best, time.Since(start))
		}
		fmt.Printf("%-40s rows=%d best=%v\n", name, n, best)
		plan(q)
	}
	cols := `id, ref, requester, requester_name, subject, rights, status, assignee, received_at, due_at, paused_at, extended`
	time1("inbox all, ORDER BY due_at,id", `SELECT `+cols+` FROM cases ORDER BY due_at, id`, true)
	time1("inbox all, no ORDER BY", `SELECT `+cols+` FROM cases`, true)
	time1("inbox all, ORDER BY, Next only", `SELECT `+cols+` FROM cases ORDER BY due_at, id`, false)
	time1("id only ORDER BY", `SELECT id FROM cases ORDER BY due_at, id`, true)
	time1("count", `SELECT count(*) FROM cases`, true)
	time1("inbox open", `SELECT `+cols+` FROM cases WHERE status IN ('new', 'in_progress', 'awaiting_requester') ORDER BY due_at, id`, true)
	time1("all, ORDER BY via table sort", `SELECT `+cols+` FROM cases NOT INDEXED ORDER BY due_at, id`, true)
	start := time.Now()
	for range 3 {
		st.Inbox(ctx, store.InboxQuery{})
	}
	fmt.Println("store.Inbox all avg", time.Since(start)/3)
	var pc, ps int
	db.QueryRow("PRAGMA page_count").Scan(&pc)
	db.QueryRow("PRAGMA page_size").Scan(&ps)
	fmt.Println("db size MB", pc*ps>>20)
}
