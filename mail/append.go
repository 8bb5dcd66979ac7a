package mail

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
)

// DefaultSentMailbox is the Sent folder's name when the server marks none
// with \Sent and has no folder of that name deeper in its hierarchy.
const DefaultSentMailbox = "Sent"

// AppendSent stores raw, a letter just sent, in mailbox (see
// FindSentMailbox) with the \Seen flag, so that the team's own mail client
// shows the reply in Sent, read, next to the requester's mail. at becomes
// its INTERNALDATE, in whole seconds as IMAP carries it; the zero time
// leaves the date to the server's clock. Bare LF line ends are made CRLF,
// which IMAP requires.
//
// A mailbox that does not exist is not created: the name may be a guess
// (FindSentMailbox falls back to "Sent"), and a folder made by a guess
// beside the real one, in a shared mailbox, would hide the replies from
// everyone looking in the right place. Instead the error is of
// KindMailbox and says so; the letter has been sent all the same.
func (c *Conn) AppendSent(mailbox string, raw []byte, at time.Time) error {
	if mailbox == "" {
		return &Error{Kind: KindConfig, Msg: "no mailbox for sent mail"}
	}
	raw = toCRLF(raw)
	opts := &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}}
	if !at.IsZero() {
		opts.Time = at.Truncate(time.Second)
	}
	cmd := c.Append(mailbox, int64(len(raw)), opts)
	_, werr := cmd.Write(raw)
	cerr := cmd.Close()
	// The server's answer explains a failed write (it may refuse the
	// literal before taking it), so it comes first.
	if _, err := cmd.Wait(); err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && (ie.Code == imap.ResponseCodeTryCreate || ie.Code == imap.ResponseCodeNonExistent) {
			return &Error{Kind: KindMailbox, Msg: fmt.Sprintf(
				"the mailbox %q for sent mail does not exist on %s; pvdesk does not create it: make it in a mail client (the letter itself was sent)",
				mailbox, c.cfg.Host), Err: errors.New(ie.Text)}
		}
		return c.classify(err, "saving the sent letter in "+mailbox)
	}
	if err := cmp.Or(werr, cerr); err != nil {
		return c.classify(err, "saving the sent letter in "+mailbox)
	}
	return nil
}

// FindSentMailbox names the mailbox for sent mail: the one the server marks
// with the \Sent special-use attribute (RFC 6154), asked for with LIST
// RETURN (SPECIAL-USE) where the server supports it, else read from a
// plain LIST, where many servers show it too. Without a mark, a mailbox
// whose last name part is "Sent" (any case; "INBOX.Sent" on servers that
// keep folders under INBOX) is taken, and failing that, or when LIST
// fails, DefaultSentMailbox. It never creates anything; AppendSent
// reports a missing mailbox.
func FindSentMailbox(c *Conn) string {
	var opts *imap.ListOptions
	caps := c.Caps()
	// RETURN options need LIST-EXTENDED, which IMAP4rev2 includes; so is
	// SPECIAL-USE in IMAP4rev2.
	if caps.Has(imap.CapListExtended) && (caps.Has(imap.CapSpecialUse) || caps.Has(imap.CapIMAP4rev2)) {
		opts = &imap.ListOptions{ReturnSpecialUse: true}
	}
	list, err := c.List("", "*", opts).Collect()
	if err != nil && opts != nil {
		// A server that claims the extension but chokes on it still
		// answers the plain command.
		list, err = c.List("", "*", nil).Collect()
	}
	if err != nil {
		return DefaultSentMailbox
	}
	return sentMailbox(list)
}

// sentMailbox picks from a LIST answer as FindSentMailbox describes. The
// first match in the server's order wins, so the choice is stable.
func sentMailbox(list []*imap.ListData) string {
	for _, l := range list {
		if slices.Contains(l.Attrs, imap.MailboxAttrSent) && !slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) {
			return l.Mailbox
		}
	}
	for _, l := range list {
		leaf := l.Mailbox
		if l.Delim != 0 {
			leaf = leaf[strings.LastIndex(leaf, string(l.Delim))+1:]
		}
		if strings.EqualFold(leaf, DefaultSentMailbox) && !slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) {
			return l.Mailbox
		}
	}
	return DefaultSentMailbox
}
