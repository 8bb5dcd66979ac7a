package mail

import (
	"crypto/subtle"
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// DemoSMTP is an in-process SMTP server for the demo: it takes what pvdesk
// sends and hands each message to a callback instead of relaying it, so
// the demo's replies to its made-up requesters go nowhere. It speaks plain
// SMTP on loopback only; use it with SMTPConfig{Security: "none"}.
type DemoSMTP struct {
	Addr string // host:port on 127.0.0.1, a free port chosen at start

	srv       *smtp.Server
	ln        net.Listener
	served    chan struct{} // closed when Serve returns
	closeOnce sync.Once
	closeErr  error
}

// demoSMTPMaxBytes bounds one message; a reply with attachments fits.
const demoSMTPMaxBytes = 32 << 20

// StartDemoSMTP starts a demo SMTP server on 127.0.0.1. It takes mail with
// or without AUTH PLAIN; a login must be the demo account's (the user and
// password of DemoServer), as a real server would insist, so that the
// demo exercises the same configuration as production. Each message is
// passed to deliver with its envelope and the DATA bytes as sent (CRLF,
// dot-unstuffed); an error from deliver refuses the message with a
// temporary 451, which Send reports.
func StartDemoSMTP(deliver func(from string, to []string, raw []byte) error) (*DemoSMTP, error) {
	if deliver == nil {
		return nil, errors.New("demo SMTP: no deliver function")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &demoSMTPSession{deliver: deliver}, nil
	}))
	srv.Domain = "localhost"
	// No TLS on loopback: there is no one in between to read the
	// password (see DemoServer).
	srv.AllowInsecureAuth = true
	srv.MaxMessageBytes = demoSMTPMaxBytes
	srv.MaxRecipients = 50
	srv.ReadTimeout = time.Minute
	srv.WriteTimeout = time.Minute
	// The demo runs under a full-screen TUI; log lines would tear it.
	srv.ErrorLog = log.New(io.Discard, "", 0)

	s := &DemoSMTP{Addr: ln.Addr().String(), srv: srv, ln: ln, served: make(chan struct{})}
	go func() {
		defer close(s.served)
		_ = srv.Serve(ln) // returns once Close closes the listener
	}()
	return s, nil
}

// Close stops the server and drops every connection. It is safe to call
// more than once.
func (s *DemoSMTP) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = s.srv.Close()
		// Serve may not have registered the listener yet, in which case
		// the server's Close did not close it.
		if err := s.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) && s.closeErr == nil {
			s.closeErr = err
		}
		<-s.served
	})
	return s.closeErr
}

// demoSMTPSession is one connection's transaction state.
type demoSMTPSession struct {
	deliver func(from string, to []string, raw []byte) error
	from    string
	to      []string
}

var _ smtp.AuthSession = (*demoSMTPSession)(nil)

func (s *demoSMTPSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *demoSMTPSession) Auth(mech string) (sasl.Server, error) {
	if mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(identity, username, password string) error {
		// Constant time out of habit; the demo password is public anyway.
		okUser := subtle.ConstantTimeCompare([]byte(username), []byte(demoUser)) == 1
		okPass := subtle.ConstantTimeCompare([]byte(password), []byte(demoPassword)) == 1
		if !okUser || !okPass || (identity != "" && identity != username) {
			// A *smtp.SMTPError is sent as it is: 535, as real servers
			// answer a wrong password, rather than go-smtp's 454.
			return smtp.ErrAuthFailed
		}
		return nil
	}), nil
}

func (s *demoSMTPSession) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	s.to = nil
	return nil
}

func (s *demoSMTPSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *demoSMTPSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := s.deliver(s.from, append([]string(nil), s.to...), raw); err != nil {
		return &smtp.SMTPError{
			Code:         451,
			EnhancedCode: smtp.EnhancedCode{4, 3, 0},
			// One line: the reply must not break the protocol.
			Message: "demo delivery failed: " + strings.Join(strings.Fields(err.Error()), " "),
		}
	}
	return nil
}

func (s *demoSMTPSession) Reset() {
	s.from = ""
	s.to = nil
}

func (s *demoSMTPSession) Logout() error { return nil }
