package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/magnetharstad/pvdesk/internal/deadline"
	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
)

// report runs `pvdesk report [--from DATE] [--to DATE] [--format F]`: the
// team lead's figures for a period (desk.Figures, whose doc comment defines
// every figure), for the annual report.
//
// The period is whole days in Oslo, both included; --to defaults to today
// and --from to 1 January of --to's year, so no flags give this year to
// date.
//
// Formats:
//   - table (default): sections for people; staff-typed reasons are made
//     safe for the terminal.
//   - csv: one long table with the header section,month,key,value, for a
//     spreadsheet; every figure is a row (see writeReportCSV).
//   - json: one object with stable snake_case keys (see reportJSON).
func (a *app) report(ctx context.Context, args []string) error {
	fs := newFlags("report")
	from := fs.String("from", "", "first day of the period, YYYY-MM-DD (default: 1 January of --to's year)")
	to := fs.String("to", "", "last day of the period, YYYY-MM-DD (default: today)")
	format := fs.String("format", "table", "table, csv or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("report: unexpected argument %q", fs.Arg(0))}
	}
	var write func(io.Writer, *desk.Figures) error
	switch *format {
	case "table":
		write = writeReportTable
	case "csv":
		write = writeReportCSV
	case "json":
		write = writeReportJSON
	default:
		return usageError{fmt.Sprintf("report: --format %q: want table, csv or json", *format)}
	}
	_, d, closeDesk, err := a.configAndDesk(ctx)
	if err != nil {
		return err
	}
	defer closeDesk()
	p, err := reportPeriod(d.Now(), *from, *to)
	if err != nil {
		return usageError{"report: " + err.Error()}
	}
	f, err := d.Figures(ctx, p)
	if err != nil {
		return err
	}
	return write(a.stdout, f)
}

// reportPeriod reads --from and --to: to defaults to now's date, from to
// 1 January of to's year.
func reportPeriod(now time.Time, from, to string) (desk.Period, error) {
	p := desk.YearToDate(now)
	if to != "" {
		t, err := deadline.Parse(to)
		if err != nil {
			return p, fmt.Errorf("--to %q is not a date (YYYY-MM-DD)", to)
		}
		p = desk.YearToDate(t)
	}
	if from != "" {
		f, err := deadline.Parse(from)
		if err != nil {
			return p, fmt.Errorf("--from %q is not a date (YYYY-MM-DD)", from)
		}
		p.From = f
	}
	if err := p.Validate(); err != nil {
		if errors.Is(err, desk.ErrPeriod) {
			return p, fmt.Errorf("--from %s is after --to %s", deadline.Format(p.From), deadline.Format(p.To))
		}
		return p, err
	}
	return p, nil
}

// rightCount is how many requests of the month invoked r; the desk leaves
// rights without requests out of its map, the outputs show them as 0.
func rightCount(f *desk.Figures, month string, r dsr.Right) int {
	return f.ReceivedPerRightPerMonth[month][r]
}

// dash is the table's word for a figure that has no value yet.
const dash = "–"

func writeReportTable(w io.Writer, f *desk.Figures) error {
	fmt.Fprintf(w, "Figures for %s – %s, as of %s\n", deadline.Format(f.From), deadline.Format(f.To),
		f.AsOf.In(deadline.Oslo).Format("2006-01-02 15:04"))

	// Rights are named by their stable identifiers, as elsewhere on the
	// command line; labels left, numbers right under their months.
	fmt.Fprintf(w, "\nRequests received, per right and month (a request with two rights counts under both)\n")
	width := len("requests")
	for _, r := range dsr.AllRights {
		width = max(width, len(r))
	}
	fmt.Fprintf(w, "  %-*s", width, "")
	for _, m := range f.Months {
		fmt.Fprintf(w, "  %7s", m)
	}
	fmt.Fprintf(w, "  %7s\n", "total")
	row := func(label string, count func(month string) int) {
		fmt.Fprintf(w, "  %-*s", width, label)
		total := 0
		for _, m := range f.Months {
			n := count(m)
			total += n
			fmt.Fprintf(w, "  %7d", n)
		}
		fmt.Fprintf(w, "  %7d\n", total)
	}
	for _, r := range dsr.AllRights {
		row(string(r), func(m string) int { return rightCount(f, m, r) })
	}
	row("requests", func(m string) int { return f.ReceivedPerMonth[m] })

	share := dash
	if settled := f.Answered + f.OverdueOpen; settled > 0 {
		share = fmt.Sprintf("%.1f%% (%d of %d: the answered ones and those open past the deadline)",
			100*f.OnTimeShare, f.OnTime, settled)
	}
	timing := dash
	if f.Answered > 0 {
		timing = fmt.Sprintf("median %g, 90th percentile %g (nearest rank, %d answers)", f.MedianDays, f.P90Days, f.Answered)
	}
	fmt.Fprintf(w, "\nRequests received in the period\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  received\t%d\n", f.Received)
	fmt.Fprintf(tw, "  answered or refused\t%d\ton time %d, late %d\n", f.Answered, f.OnTime, f.Late)
	fmt.Fprintf(tw, "  open past the deadline\t%d\n", f.OverdueOpen)
	fmt.Fprintf(tw, "  open, not yet due\t%d\n", f.Pending)
	fmt.Fprintf(tw, "  closed without an answer\t%d\n", f.WithoutAnswer)
	fmt.Fprintf(tw, "  answered on time\t%s\n", share)
	fmt.Fprintf(tw, "  days to answer\t%s\n", timing)
	if err := tw.Flush(); err != nil {
		return err
	}

	reasons := func(title string, rs []desk.Reason) error {
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(rs))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range rs {
			reason := safeCell(r.Reason)
			if reason == "" {
				reason = dash
			}
			fmt.Fprintf(tw, "  %s\t%s\n", r.Ref, reason)
		}
		return tw.Flush()
	}
	if err := reasons("Extensions", f.Extensions); err != nil {
		return err
	}
	if err := reasons("Refusals", f.Refusals); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nOpen requests at the end of each month\n")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, b := range f.Backlog {
		fmt.Fprintf(tw, "  %s\t%d", b.Month, b.Count)
		if end := monthEnd(b.Month); !b.At.Equal(end) {
			fmt.Fprintf(tw, "\t(at %s)", b.At.In(deadline.Oslo).Format("2006-01-02 15:04"))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// monthEnd is the end of a "2006-01" month in Oslo: the start of the next.
func monthEnd(month string) time.Time {
	t, err := time.ParseInLocation("2006-01", month, deadline.Oslo)
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(0, 1, 0)
}

// writeReportCSV writes the figures as one long table, a row per figure:
//
//	section,month,key,value
//	period,,from,2026-01-01            also to, and as_of (RFC 3339)
//	received,2026-01,total,4           per month: total, then every right
//	received,2026-01,access,2            (0 included), in RIGHTS.md order
//	answers,,received,11               also answered, on_time, late,
//	                                     overdue_open, pending, without_answer,
//	                                     on_time_share (0..1, empty if nothing
//	                                     was settled), median_days, p90_days
//	extension,,PV-2026-0003,<reason>   one per extended request
//	refusal,,PV-2026-0004,<reason>     one per refused request
//	backlog,2026-01,open,5             per month, and the instant counted
//	backlog,2026-01,at,2026-02-01T00:00:00+01:00
//
// Reasons are written as typed (CSV quotes what needs quoting); whoever
// shows them on a terminal must make them safe.
func writeReportCSV(w io.Writer, f *desk.Figures) error {
	cw := csv.NewWriter(w)
	put := func(section, month, key, value string) { _ = cw.Write([]string{section, month, key, value}) }
	itoa := strconv.Itoa
	put("section", "month", "key", "value")
	put("period", "", "from", deadline.Format(f.From))
	put("period", "", "to", deadline.Format(f.To))
	put("period", "", "as_of", f.AsOf.In(deadline.Oslo).Format(time.RFC3339))
	for _, m := range f.Months {
		put("received", m, "total", itoa(f.ReceivedPerMonth[m]))
		for _, r := range dsr.AllRights {
			put("received", m, string(r), itoa(rightCount(f, m, r)))
		}
	}
	share := ""
	if f.Answered+f.OverdueOpen > 0 {
		share = strconv.FormatFloat(f.OnTimeShare, 'f', -1, 64)
	}
	for _, kv := range [][2]string{
		{"received", itoa(f.Received)}, {"answered", itoa(f.Answered)}, {"on_time", itoa(f.OnTime)},
		{"late", itoa(f.Late)}, {"overdue_open", itoa(f.OverdueOpen)}, {"pending", itoa(f.Pending)},
		{"without_answer", itoa(f.WithoutAnswer)}, {"on_time_share", share},
		{"median_days", strconv.FormatFloat(f.MedianDays, 'f', -1, 64)},
		{"p90_days", strconv.FormatFloat(f.P90Days, 'f', -1, 64)},
	} {
		put("answers", "", kv[0], kv[1])
	}
	for _, r := range f.Extensions {
		put("extension", "", r.Ref, r.Reason)
	}
	for _, r := range f.Refusals {
		put("refusal", "", r.Ref, r.Reason)
	}
	for _, b := range f.Backlog {
		put("backlog", b.Month, "open", itoa(b.Count))
		put("backlog", b.Month, "at", b.At.In(deadline.Oslo).Format(time.RFC3339))
	}
	cw.Flush()
	return cw.Error()
}

// reportJSON is the stable machine form of desk.Figures: the same fields in
// snake_case, dates as YYYY-MM-DD, instants as RFC 3339 in Oslo time, every
// right under every month (0 included), empty lists as [], and
// on_time_share null when nothing was settled.
type reportJSON struct {
	Period struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"period"`
	AsOf                     string                    `json:"as_of"`
	Months                   []string                  `json:"months"`
	ReceivedPerMonth         map[string]int            `json:"received_per_month"`
	ReceivedPerRightPerMonth map[string]map[string]int `json:"received_per_right_per_month"`
	Received                 int                       `json:"received"`
	Answered                 int                       `json:"answered"`
	OnTime                   int                       `json:"on_time"`
	Late                     int                       `json:"late"`
	OverdueOpen              int                       `json:"overdue_open"`
	Pending                  int                       `json:"pending"`
	WithoutAnswer            int                       `json:"without_answer"`
	OnTimeShare              *float64                  `json:"on_time_share"`
	MedianDays               float64                   `json:"median_days"`
	P90Days                  float64                   `json:"p90_days"`
	Extensions               []reasonJSON              `json:"extensions"`
	Refusals                 []reasonJSON              `json:"refusals"`
	Backlog                  []backlogJSON             `json:"backlog"`
}

type reasonJSON struct {
	Ref    string `json:"ref"`
	Reason string `json:"reason"`
}

type backlogJSON struct {
	Month string `json:"month"`
	At    string `json:"at"`
	Open  int    `json:"open"`
}

func writeReportJSON(w io.Writer, f *desk.Figures) error {
	out := reportJSON{
		AsOf: f.AsOf.In(deadline.Oslo).Format(time.RFC3339), Months: f.Months,
		ReceivedPerMonth:         f.ReceivedPerMonth,
		ReceivedPerRightPerMonth: map[string]map[string]int{},
		Received:                 f.Received, Answered: f.Answered, OnTime: f.OnTime, Late: f.Late,
		OverdueOpen: f.OverdueOpen, Pending: f.Pending, WithoutAnswer: f.WithoutAnswer,
		MedianDays: f.MedianDays, P90Days: f.P90Days,
		Extensions: reasonsJSON(f.Extensions), Refusals: reasonsJSON(f.Refusals), Backlog: []backlogJSON{},
	}
	out.Period.From, out.Period.To = deadline.Format(f.From), deadline.Format(f.To)
	if out.Months == nil {
		out.Months = []string{}
	}
	for _, m := range f.Months {
		per := make(map[string]int, len(dsr.AllRights))
		for _, r := range dsr.AllRights {
			per[string(r)] = rightCount(f, m, r)
		}
		out.ReceivedPerRightPerMonth[m] = per
	}
	if f.Answered+f.OverdueOpen > 0 {
		share := f.OnTimeShare
		out.OnTimeShare = &share
	}
	for _, b := range f.Backlog {
		out.Backlog = append(out.Backlog, backlogJSON{Month: b.Month, At: b.At.In(deadline.Oslo).Format(time.RFC3339), Open: b.Count})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func reasonsJSON(rs []desk.Reason) []reasonJSON {
	out := make([]reasonJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, reasonJSON{Ref: r.Ref, Reason: r.Reason})
	}
	return out
}
