package store

import (
	"context"
	"database/sql"
	"fmt"
)

// deferrable selects the indexes a bulk load drops: those on the tables
// intake fills with a row or two per message that every new request goes
// into and that no statement of intake reads through. Not the unique
// ones, for they are constraints, not shortcuts; not the partial indexes
// no new case enters (confirmed, ended or extended cases), which cost a
// load nothing and a rebuild a scan each; and none of messages, which
// intake looks messages up by (Message-ID, hash, UID) and whose table
// holds the raw mail, so that an index built over it reads every message.
const deferrable = `SELECT name, sql FROM sqlite_master
	WHERE type = 'index' AND sql IS NOT NULL AND name IN (
	    'cases_open_due', 'cases_due', 'cases_requester',
	    'cases_requests_received', 'cases_requests_rights', 'events_case')
	ORDER BY name`

// DeferIndexes drops the indexes that only screens and reports read (see
// deferrable), so that a load of many new cases writes each row without
// also inserting it into six indexes; RestoreIndexes builds them again,
// once, from all rows, which SQLite does by sorting and far faster. On a
// first sync that is a quarter of the single writer's time per message.
//
// The dropped definitions are saved in deferred_indexes in the same
// transaction, so a process that dies before RestoreIndexes leaves the
// file no worse than slow: the next Open builds them. Queries give the
// same answers meanwhile, only by scanning. While the load runs, this
// Store holds an advisory lock on the file's "-bulk" companion, which
// tells other processes that the load is alive, so that their Open leaves
// the indexes alone.
//
// It returns how many it dropped: none when another live load holds them
// deferred (it will build them), or when they are deferred already.
func (s *Store) DeferIndexes(ctx context.Context) (int, error) {
	if s.view != nil {
		return 0, errView
	}
	s.bulkMu.Lock()
	defer s.bulkMu.Unlock()
	if s.bulk == nil {
		f, err := tryLock(s.path + "-bulk")
		if err != nil {
			return 0, fmt.Errorf("store: defer indexes: %w", err)
		}
		if f == nil {
			return 0, nil // another load is alive
		}
		s.bulk = f
	}
	n := 0
	err := s.ddl(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, deferrable)
		if err != nil {
			return err
		}
		type index struct{ name, sql string }
		var found []index
		for rows.Next() {
			var ix index
			if err := rows.Scan(&ix.name, &ix.sql); err != nil {
				rows.Close()
				return err
			}
			found = append(found, ix)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, ix := range found {
			if _, err := tx.ExecContext(ctx, `INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)`, ix.name, ix.sql); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DROP INDEX "`+ix.name+`"`); err != nil {
				return err
			}
		}
		n = len(found)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: defer indexes: %w", err)
	}
	return n, nil
}

// RestoreIndexes builds every index DeferIndexes dropped, by this Store or
// by a process that died before it could, in one transaction, and ends
// this Store's load. Indexes a live load of another process holds deferred
// are left to it. With nothing deferred it costs two small reads.
func (s *Store) RestoreIndexes(ctx context.Context) error {
	if s.view != nil {
		return errView
	}
	s.bulkMu.Lock()
	defer s.bulkMu.Unlock()
	owned := s.bulk != nil
	if !owned {
		deferred, err := s.hasDeferred(ctx)
		if err != nil || !deferred {
			return err
		}
		f, err := tryLock(s.path + "-bulk")
		if err != nil {
			return fmt.Errorf("store: build deferred indexes: %w", err)
		}
		if f == nil {
			return nil // a live load of another process builds them
		}
		s.bulk = f
	}
	err := s.ddl(ctx, restoreIndexes(ctx))
	if err != nil {
		if !owned {
			// Not this Store's load: let the next one try.
			s.unlockBulk()
		}
		return fmt.Errorf("store: build deferred indexes: %w", err)
	}
	s.unlockBulk()
	return nil
}

// unlockBulk ends this Store's hold on the load lock. The caller holds
// bulkMu.
func (s *Store) unlockBulk() {
	if s.bulk != nil {
		s.bulk.Close()
		s.bulk = nil
	}
}

// restoreIndexes builds the indexes listed in deferred_indexes and empties
// it. A file without the table (older than migration 12) has none.
func restoreIndexes(ctx context.Context) func(*sql.Tx) error {
	return func(tx *sql.Tx) error {
		if has, err := deferredTable(ctx, tx); err != nil || !has {
			return err
		}
		// One that is back already (a person ran its CREATE INDEX by
		// hand) is not built twice, which would fail, and every Open
		// with it.
		defs, err := column(ctx, tx, `SELECT sql FROM deferred_indexes
			WHERE name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index') ORDER BY name`)
		if err != nil {
			return err
		}
		for _, def := range defs {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM deferred_indexes`)
		return err
	}
}

// hasDeferred reports, without taking the write lock, whether a bulk load
// left indexes to build.
func (s *Store) hasDeferred(ctx context.Context) (bool, error) {
	if has, err := deferredTable(ctx, s.db); err != nil || !has {
		return false, err
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deferred_indexes)`).Scan(&n)
	return n == 1, err
}

// deferredTable reports whether the file has deferred_indexes: one older
// than migration 12 has none, and so nothing deferred.
func deferredTable(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'`).Scan(&n)
	return n > 0, err
}

// ddl runs fn in one write transaction, outside the statement cache: the
// statements are one-offs.
func (s *Store) ddl(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// An index built is many pages of log: copy them in the background
	// as after any write.
	select {
	case s.kick <- struct{}{}:
	default:
	}
	return nil
}

// Indexes lists the database's indexes by name, and those a bulk load
// dropped and has not built again, for a check that none went missing.
func (s *Store) Indexes(ctx context.Context) (built, deferred []string, err error) {
	if built, err = column(ctx, s.db, `SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`); err != nil {
		return nil, nil, fmt.Errorf("store: list indexes: %w", err)
	}
	if has, err := s.hasDeferred(ctx); err != nil || !has {
		return built, nil, err
	}
	if deferred, err = column(ctx, s.db, `SELECT name FROM deferred_indexes ORDER BY name`); err != nil {
		return nil, nil, fmt.Errorf("store: list deferred indexes: %w", err)
	}
	return built, deferred, nil
}

// column runs a query of one text column and returns its values.
func column(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string) ([]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
