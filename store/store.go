// Package store keeps pvdesk's cases, messages and audit trail in one SQLite
// file (pure-Go modernc.org/sqlite, WAL, foreign keys). The schema lives in
// embedded, numbered migrations; queries are methods on Store (reads) and Tx
// (writes inside one transaction), so a use case in internal/desk can commit
// messages, cases, events and the sync cursor together.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open pvdesk database.
type Store struct {
	db   *sql.DB
	path string
	// kick tells the checkpointer that a write committed; done stops it
	// and stopped says it has.
	kick      chan struct{}
	urgent    chan struct{} // see CheckpointNow
	pause     time.Duration // checkpointPause but in tests
	done      chan struct{}
	stopped   chan struct{}
	closeOnce sync.Once
	stmts     stmtCache
	// bulk is the open lock file while this Store runs a bulk load (see
	// DeferIndexes), nil otherwise; bulkMu guards it.
	bulkMu sync.Mutex
	bulk   *os.File
	// view is the read transaction of a view made by ReadView (nil for
	// the store itself).
	view *sql.Tx
}

// Open opens (creating if needed) the database at path with mode 0600 and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, 0, checkpointPause)
}

// open is Open with the schema brought up to migration upTo only (0: all),
// so that tests can make a database as an older pvdesk left it, and the
// checkpointer pausing for pause between checkpoints.
func open(ctx context.Context, path string, upTo int, pause time.Duration) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: no database path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// Create the file ourselves so it gets 0600: SQLite would use the umask,
	// and the file holds people's personal data. The WAL and shared-memory
	// files inherit this mode from the database file.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// The path is percent-escaped: SQLite reads "file:" names as URIs, in
	// which "?", "#" and "%" would otherwise cut or change the file name.
	//
	// wal_autocheckpoint is only a backstop (see checkpointer): a commit
	// that pushes the log past it copies the log into the database itself.
	//
	// A new database gets 16 KiB pages, not SQLite's 4 KiB: a stored
	// message (raw bytes and text) fills most of a small page, so a first
	// sync wrote a log frame, and two system calls, per message; with four
	// times fewer frames the single writer spent 15% less time per message
	// (BenchmarkWrite). The size is fixed when the file is first written,
	// so an existing database keeps its own. The driver applies _pragma
	// values sorted by name, which would switch to WAL (and write the
	// file) before page_size; walMode does that afterwards instead.
	dsn := "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path) + "?_pragma=busy_timeout(10000)&_pragma=page_size(16384)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", backstopPages) + "&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, kick: make(chan struct{}, 1), urgent: make(chan struct{}, 1), pause: pause, done: make(chan struct{}), stopped: make(chan struct{})}
	s.stmts.db = db
	// Two processes opening a brand-new file at once can meet SQLITE_BUSY
	// while one of them switches it to WAL, which busy_timeout does not
	// cover; a short retry lets the second find the file ready.
	for attempt := 0; ; attempt++ {
		err = s.migrate(ctx, upTo)
		if err == nil || attempt == 20 || !IsBusy(err) {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(time.Duration(10*(attempt+1)) * time.Millisecond):
			continue
		}
		break
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	// Indexes a bulk load left dropped when its process died are built
	// now. That is best effort: every query gives the same answers
	// without them, and a file that could not be opened until (say) the
	// disk has room again would be far worse than a slow one. A load
	// that is still alive keeps them (see DeferIndexes).
	if err := s.RestoreIndexes(ctx); err != nil && ctx.Err() != nil {
		db.Close()
		return nil, ctx.Err()
	}
	go s.checkpointer()
	return s, nil
}

// backstopPages is the size of the write-ahead log, in pages, at which a
// committing writer copies it into the database itself: 64 MiB of 16 KiB
// pages (16 MiB in a database from before those). The checkpointer copies
// the log far sooner; this bounds it if it cannot.
const backstopPages = 4096

// checkpointPause is the least time between two background checkpoints:
// a burst of commits (a first sync makes dozens a second) is copied into
// the database in a few checkpoints, not one each.
const checkpointPause = 100 * time.Millisecond

// checkpointer copies the write-ahead log into the database after writes,
// on its own connection and goroutine. SQLite's automatic checkpoint runs
// inside the commit that crosses the threshold, on the writer that every
// other write waits for; a first sync spent a sixth of its writing time
// there. A passive checkpoint runs beside the writer and never blocks it.
func (s *Store) checkpointer() {
	defer close(s.stopped)
	for {
		select {
		case <-s.done:
			return
		case <-s.kick:
		case <-s.urgent:
		}
		// Errors are not worth reporting: the log is copied at the next
		// write, by the backstop, or when the last connection closes.
		_, _ = s.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
		select {
		case <-s.done:
			return
		case <-s.urgent:
			// Asked for again: copy what came since, with no pause.
			select {
			case s.urgent <- struct{}{}:
			default:
			}
		case <-time.After(s.pause):
		}
	}
}

// CheckpointNow has the checkpointer copy the log into the database now
// rather than after its pause, and returns at once. A sync calls it after
// its last commit: the copy then runs beside the sync's last work instead
// of in Close, which would otherwise copy the last batches itself while
// the process waits to exit.
func (s *Store) CheckpointNow() {
	select {
	case s.urgent <- struct{}{}:
	default: // one is due already
	}
}

// IsBusy reports whether err is SQLite's "database is locked": another
// process held the write lock for longer than the busy timeout. Trying
// again later is all there is to do, and screens say so. It reads the
// driver's result code, so a mail server's reply that happens to say
// "database is locked" is not taken for ours.
func IsBusy(err error) bool {
	var se *sqlite.Error
	// Extended codes (SQLITE_BUSY_SNAPSHOT, ...) keep the primary code in
	// the low byte.
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// querier runs queries: the database, or one read transaction of a view.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// read is where the read methods query: the view's transaction, or the
// database.
func (s *Store) read() querier {
	if s.view != nil {
		return s.view
	}
	return s.db
}

// errView is the error of writing or closing through a read view.
var errView = errors.New("store: a read view only reads")

// ReadView runs fn with a view of the store whose reads all see one
// consistent state (one read-only transaction): a page that shows a case
// with its messages, events and steps does not show a message whose
// threading event it missed. The view only reads; it lasts until fn
// returns.
func (s *Store) ReadView(ctx context.Context, fn func(*Store) error) error {
	if s.view != nil {
		return fn(s)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Store{db: s.db, path: s.path, view: tx})
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database; closing the last connection copies the
// write-ahead log into it.
func (s *Store) Close() error {
	if s.view != nil {
		return errView
	}
	s.closeOnce.Do(func() { close(s.done) })
	<-s.stopped
	s.stmts.close()
	err := s.db.Close()
	// A load not ended by RestoreIndexes ends here, as if the process had
	// died: the next Open builds what it deferred.
	s.bulkMu.Lock()
	s.unlockBulk()
	s.bulkMu.Unlock()
	return err
}

// DB exposes the handle for tests and benchmarks that need raw SQL (for
// instance to tamper with an audit row on purpose).
func (s *Store) DB() *sql.DB { return s.db }

// walMode puts the database in write-ahead-log mode, which lasts in the
// file: readers (the TUI, `pvdesk list`) then never wait for a sync's
// writes, nor it for them.
func walMode(ctx context.Context, db *sql.DB) error {
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("store: switch to WAL: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("store: the database stays in %s journal mode, not WAL (does the file system support shared memory?)", mode)
	}
	return nil
}

// migrate runs every embedded migration newer than PRAGMA user_version, all
// in one transaction so a failed upgrade leaves the old schema untouched.
func (s *Store) migrate(ctx context.Context, upTo int) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	type mig struct {
		n    int
		name string
	}
	var ms []mig
	for _, name := range names {
		base := filepath.Base(name)
		num, _, _ := strings.Cut(base, "_")
		n, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("store: migration %s: bad number", base)
		}
		if upTo == 0 || n <= upTo {
			ms = append(ms, mig{n, name})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].n < ms[j].n })

	if err := walMode(ctx, s.db); err != nil {
		return err
	}
	// Most opens find the schema current: check without the write lock, so
	// `pvdesk list` during a sync does not queue behind it.
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	if len(ms) > 0 && current == ms[len(ms)-1].n {
		return nil
	}

	// A migration that rebuilds a table (SQLite's one way to drop a
	// constraint) drops the old table, which with foreign keys enforced
	// would first delete every child row. Enforcement is switched off on
	// the migration's own connection (PRAGMA foreign_keys does nothing
	// inside a transaction) and PRAGMA foreign_key_check stands in for it
	// before the commit; the connection gets it back before the pool does.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: begin migration: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("store: begin migration: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); err != nil {
			// Never hand the pool a connection that lets children lose
			// their parents: make database/sql throw it away.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin migration: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	if len(ms) > 0 && version > ms[len(ms)-1].n {
		return fmt.Errorf("store: database schema version %d is newer than this pvdesk (%d); upgrade pvdesk", version, ms[len(ms)-1].n)
	}
	// Indexes a bulk load left dropped are built first, whoever left them:
	// a migration may rely on them, or change what their saved
	// definitions name.
	if len(ms) > 0 && version < ms[len(ms)-1].n {
		if err := restoreIndexes(ctx)(tx); err != nil {
			return fmt.Errorf("store: build deferred indexes before migrating: %w", err)
		}
	}
	applied := false
	for _, m := range ms {
		if m.n <= version {
			continue
		}
		body, err := migrations.ReadFile(m.name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("store: migration %s: %w", filepath.Base(m.name), err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.n)); err != nil {
			return err
		}
		applied = true
	}
	if !applied {
		return nil
	}
	if err := foreignKeyCheck(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// foreignKeyCheck fails if any row refers to a row that is not there.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("store: check foreign keys: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return fmt.Errorf("store: check foreign keys: %w", err)
		}
		return fmt.Errorf("store: migration left row %d of %s without its %s", rowid.Int64, table, parent)
	}
	return rows.Err()
}

// Tx is a write transaction. Begin it with Store.Write.
type Tx struct {
	tx *stmtTx
	// lastHash is the hash of the newest audit event once this transaction
	// has read or written one ("" before). The transaction holds the write
	// lock and every event goes through AppendEvent, so no other writer can
	// move the end of the chain meanwhile.
	lastHash string
	// maxUID is the highest UID stored per mailbox, once HasIMAP has
	// asked (see there).
	maxUID map[imapBox]uint32
	// byMessageID holds the stored messages of the Message-IDs that
	// PreloadMessageIDs looked up (an empty list: none stored), kept up to
	// date by InsertMessage.
	byMessageID map[string][]MessageMatch
	// seqs are the case numbers handed out by NextRef, written back to
	// case_seq when the transaction commits.
	seqs map[int]int
}

// stmtTx is a transaction that prepares each distinct statement once and
// reuses it until the transaction ends. A sync commits hundreds of messages
// per transaction, each with the same dozen statements, and the driver
// otherwise parses the SQL again on every call: that parsing was a third
// of the CPU of a first sync. Statements prepared on a *sql.Tx are closed
// when it commits or rolls back.
//
// A cached statement is one SQLite statement, so the rows of a query must
// be closed before the same query runs again in the transaction (SQLite
// refuses to rebind a statement that is still being stepped, so a nested
// run fails loudly rather than silently).
type stmtTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
	// shared are the store's statements, prepared once for all
	// transactions; a transaction uses them on its own connection.
	shared *stmtCache
}

func (t *stmtTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if t.shared != nil {
		shared, err := t.shared.get(ctx, query)
		if err != nil {
			return nil, err
		}
		st = t.Tx.StmtContext(ctx, shared)
	} else {
		var err error
		if st, err = t.Tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	if t.stmts == nil {
		t.stmts = make(map[string]*sql.Stmt)
	}
	t.stmts[query] = st
	return st, nil
}

// stmtCache holds statements prepared on the database handle. database/sql
// prepares each on a connection the first time a transaction on that
// connection uses it (Tx.StmtContext) and keeps it there, so a sync that
// commits a batch every few milliseconds no longer parses the same dozen
// statements for every batch.
type stmtCache struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = make(map[string]*sql.Stmt)
	}
	c.stmts[query] = st
	return st, nil
}

// close closes the statements; the store is closing.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// ExecContext runs query as sql.Tx.ExecContext does, prepared once.
func (t *stmtTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs query as sql.Tx.QueryContext does, prepared once.
func (t *stmtTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs query as sql.Tx.QueryRowContext does, prepared once.
func (t *stmtTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		// A *sql.Row can only carry an error that comes from database/sql:
		// the unprepared call fails the same way and returns it.
		return t.Tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// Write runs fn in one immediate (write-locking) transaction and commits it
// if fn returns nil. Taking the write lock up front means two desks on one
// file queue on busy_timeout instead of failing halfway with SQLITE_BUSY.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	if s.view != nil {
		return errView
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &Tx{tx: &stmtTx{Tx: tx, shared: &s.stmts}}
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if err := t.saveSeqs(ctx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	select {
	case s.kick <- struct{}{}:
	default: // one is due already
	}
	return nil
}
