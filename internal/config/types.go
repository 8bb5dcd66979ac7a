package config

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Duration is a time.Duration written in the file as a Go duration string,
// such as "60s" or "2m30s". A bare number is refused: it would be unclear
// whether it meant seconds or nanoseconds.
type Duration struct {
	time.Duration
}

// UnmarshalText reads a Go duration string.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return fmt.Errorf("%q is not a duration such as \"60s\"", text)
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration the way UnmarshalText reads it, so a
// Config can be written back out.
func (d Duration) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// Mailboxes are the IMAP mailboxes to read. The file may give one name as a
// string (mailbox = "INBOX") or several as a list (mailbox = ["INBOX",
// "Personvern"]).
type Mailboxes []string

// UnmarshalTOML accepts a string or a non-empty list of distinct, non-empty
// strings.
func (m *Mailboxes) UnmarshalTOML(v any) error {
	var names []string
	switch v := v.(type) {
	case string:
		names = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("%v is not a mailbox name (a string)", e)
			}
			names = append(names, s)
		}
	default:
		return fmt.Errorf("want a name or a list of names, not %T", v)
	}
	if len(names) == 0 {
		return errors.New("the list is empty; leave it out to read INBOX")
	}
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			return errors.New("an empty mailbox name")
		}
		// INBOX is the one name IMAP treats case-insensitively (RFC 9051
		// §5.1), so "inbox" and "INBOX" are the same mailbox read twice.
		key := n
		if strings.EqualFold(n, "INBOX") {
			key = "INBOX"
		}
		if seen[key] {
			return fmt.Errorf("%q is listed twice", n)
		}
		seen[key] = true
	}
	*m = names
	return nil
}
