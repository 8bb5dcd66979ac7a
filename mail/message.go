// Package mail moves mail in and out of pvdesk: IMAP sync (UIDs,
// UIDVALIDITY), MIME parsing with go-message, and the embedded demo servers.
// It knows nothing of cases; internal/desk turns messages into cases.
package mail

import "time"

// Address is a parsed mailbox address.
type Address struct {
	Name string
	Addr string // lower case
}

// Attachment describes one attached part; its bytes stay in the raw message.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int64
}

// Message is a parsed message. Parse never fails: what it could not read is
// recorded in Warnings and the raw bytes are always kept, so nothing is lost.
type Message struct {
	MessageID  string   // without angle brackets; "" if missing
	InReplyTo  []string // message IDs without angle brackets
	References []string // message IDs without angle brackets
	From       Address
	To         []Address
	Subject    string    // decoded (RFC 2047)
	Date       time.Time // zero if missing or unparseable
	Text       string    // plain-text body; HTML-only mail converted to text
	HTMLOnly   bool      // the body came from an HTML part
	// AutoSubmitted is the Auto-Submitted header value, or "auto-replied"
	// when X-Autoreply/X-Autorespond or Precedence: auto_reply is present.
	AutoSubmitted string
	ContentType   string // top-level media type, e.g. "multipart/report"
	Attachments   []Attachment
	Warnings      []string
	Raw           []byte
}
