package mail

import (
	"bytes"
	"errors"
	"time"

	"github.com/emersion/go-imap/v2"
)

// DeliverSent stores raw in the demo mailbox's Sent folder, marked \Seen,
// with INTERNALDATE at, as a mail client does after sending. Clients in
// IDLE on Sent are told. Bare LF line ends become CRLF. It goes straight
// into the store, without a login, for a demo SMTP callback that files
// what it was given; a desk that saves its letters over IMAP
// (Conn.AppendSent) does not need it, and doing both stores each letter
// twice.
func (s *DemoServer) DeliverSent(raw []byte, at time.Time) error {
	if s.closed.Load() {
		return errors.New("demo server is closed")
	}
	if at.IsZero() {
		// As in Deliver: the wall clock would make the mailbox depend on
		// when the demo ran.
		return errors.New("deliver sent: time is zero")
	}
	_, err := s.user.Append("Sent", bytes.NewReader(toCRLF(raw)), &imap.AppendOptions{
		Flags: []imap.Flag{imap.FlagSeen},
		Time:  at.Truncate(time.Second).In(s.oslo),
	})
	return err
}
