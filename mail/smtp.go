package mail

import (
	"cmp"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTPConfig says how to reach the submission server. As with IMAPConfig,
// the password is passed in, never read here.
type SMTPConfig struct {
	Host string
	// Port defaults by Security: 465 for tls, 587 for starttls, 25 for none.
	Port int
	// Security is tls (implicit TLS, the default), starttls, or none, which
	// is allowed only to a loopback host such as the demo server.
	Security string
	// Username turns on AUTH PLAIN; empty sends without logging in.
	Username string
	Password string
	CAFile   string // extra CA certificates (PEM) for a private server
	// Timeout is how long the server may stay silent, and the longest a
	// single read or write may take (default DefaultTimeout).
	Timeout time.Duration
}

// smtpLocalName is what pvdesk calls itself in EHLO. A submission server
// identifies the sender by the login, not this name, and the machine's
// real host name would tell the server more than it needs.
const smtpLocalName = "localhost"

// quitLimit bounds the wait for the answer to QUIT.
const quitLimit = 5 * time.Second

// Send submits raw to the server in cfg with the envelope sender from and
// the recipients to. Every failure is an *Error:
//
//   - KindConfig: the configuration cannot work (no host, security "none"
//     to a host that is not loopback, an unreadable CA file, a server that
//     does not offer AUTH PLAIN, a malformed envelope address); nothing is
//     dialled for the checks that need no server;
//   - KindUnreachable: no TCP connection;
//   - KindTLS: the certificate or the handshake failed, or the server does
//     not offer STARTTLS; the message names the host;
//   - KindAuth: the server refused the login (535) or demands one (530);
//   - KindTimeout: the server was silent for Timeout, or ctx expired;
//   - KindLost: the connection broke;
//   - KindOther: the server refused the sender, a recipient or the message,
//     with its own words; PermanentFailure tells a 5xx refusal, which a
//     retry will not cure, from a 4xx one.
//
// A failure while waiting for the answer to the end of DATA leaves it
// unknown whether the server took the message.
//
// The password goes only into AUTH PLAIN over TLS (or to a loopback host),
// and is cut out of any server text an error quotes.
func Send(ctx context.Context, cfg SMTPConfig, from string, to []string, raw []byte) error {
	if cfg.Host == "" {
		return &Error{Kind: KindConfig, Msg: "no SMTP host configured ([smtp] host)"}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	port := cfg.Port
	var tc *tls.Config
	switch cfg.Security {
	case "", "tls":
		cfg.Security = "tls"
		port = cmp.Or(port, 465)
	case "starttls":
		port = cmp.Or(port, 587)
	case "none":
		port = cmp.Or(port, 25)
		if !IsLoopback(cfg.Host) {
			return &Error{Kind: KindConfig, Msg: fmt.Sprintf(
				"smtp security \"none\" sends mail and password in clear text and is only allowed to a loopback host, not %s: use tls or starttls", cfg.Host)}
		}
	default:
		return &Error{Kind: KindConfig, Msg: fmt.Sprintf("unknown smtp security %q (want tls, starttls or none)", cfg.Security)}
	}
	if cfg.Security != "none" {
		var err error
		if tc, err = smtpTLSConfig(cfg.Host, cfg.CAFile); err != nil {
			return err
		}
	}
	if err := checkAddr("sender", from); err != nil {
		return &Error{Kind: KindConfig, Msg: "cannot send: bad envelope sender (smtp.from)", Err: err}
	}
	if len(to) == 0 {
		return &Error{Kind: KindConfig, Msg: "cannot send: no recipient"}
	}
	for _, rcpt := range to {
		if err := checkAddr("recipient", rcpt); err != nil {
			return &Error{Kind: KindConfig, Msg: "cannot send: bad envelope recipient", Err: err}
		}
	}

	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(port))
	d := net.Dialer{Timeout: min(cfg.Timeout, 30*time.Second)}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		if ctx.Err() != nil {
			return ctxError(ctx, "connecting to the SMTP server "+addr)
		}
		return &Error{Kind: KindUnreachable, Msg: "cannot reach the SMTP server " + addr, Err: cleanNetErr(err)}
	}
	defer conn.Close()
	// Closing on cancel unblocks whatever the client is waiting for.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	// go-smtp puts a deadline on each command but none on the DATA body,
	// and the greeting waits five minutes: the watchdog bounds every read
	// and write by the configured silence.
	w := &watchConn{Conn: conn}
	w.setLimit(cfg.Timeout)

	s := &smtpSend{ctx: ctx, cfg: cfg, addr: addr, watch: w}
	c, err := s.open(tc)
	if err != nil {
		return err
	}
	defer c.Close()
	c.CommandTimeout = cfg.Timeout
	c.SubmissionTimeout = cfg.Timeout

	if err := c.Hello(smtpLocalName); err != nil {
		return s.fail("greeting the SMTP server "+addr, "the SMTP server "+addr+" refused the greeting", err)
	}
	if cfg.Username != "" {
		if err := s.login(c); err != nil {
			return err
		}
	}
	var opts *smtp.MailOptions
	if !isASCII(from) || !allASCII(to) {
		if ok, _ := c.Extension("SMTPUTF8"); !ok {
			return &Error{Kind: KindConfig, Msg: fmt.Sprintf(
				"the SMTP server %s does not accept addresses with non-ASCII letters (no SMTPUTF8)", cfg.Host)}
		}
		opts = &smtp.MailOptions{UTF8: true}
	}
	if err := c.Mail(from, opts); err != nil {
		return s.fail("giving the sender to "+cfg.Host, fmt.Sprintf("the SMTP server %s refused the sender %s", cfg.Host, from), err)
	}
	for _, rcpt := range to {
		if err := c.Rcpt(rcpt, nil); err != nil {
			return s.fail("giving the recipients to "+cfg.Host, fmt.Sprintf("the SMTP server %s refused the recipient %s", cfg.Host, rcpt), err)
		}
	}
	wc, err := c.Data()
	if err != nil {
		return s.fail("starting to send the message to "+cfg.Host, fmt.Sprintf("the SMTP server %s refused to take the message", cfg.Host), err)
	}
	if _, err := wc.Write(raw); err != nil {
		return s.fail("sending the message to "+cfg.Host, fmt.Sprintf("the SMTP server %s refused the message", cfg.Host), err)
	}
	if err := wc.Close(); err != nil {
		return s.fail("waiting for "+cfg.Host+" to accept the message (it may have taken it)", fmt.Sprintf("the SMTP server %s rejected the message", cfg.Host), err)
	}
	// The message is accepted; a failed goodbye changes nothing, so a
	// server slow to say it is not waited for as long as for the message.
	w.setLimit(min(cfg.Timeout, quitLimit))
	_ = c.Quit()
	return nil
}

// PermanentFailure reports whether err is a refusal that sending the same
// letter again will meet too: the server answered 5xx. A 4xx answer, a
// timeout or a lost connection is worth another try.
func PermanentFailure(err error) bool {
	var se *smtp.SMTPError
	return errors.As(err, &se) && se.Code >= 500 && se.Code < 600
}

// smtpSend carries what the steps of one Send need to word their errors.
type smtpSend struct {
	ctx   context.Context
	cfg   SMTPConfig
	addr  string
	watch *watchConn
}

// open secures the connection as cfg.Security says and returns a client
// that has read the greeting (STARTTLS) or is ready to (tls, none).
func (s *smtpSend) open(tc *tls.Config) (*smtp.Client, error) {
	w := s.watch
	switch s.cfg.Security {
	case "tls":
		tconn := tls.Client(w, tc)
		if err := tconn.HandshakeContext(s.ctx); err != nil {
			if s.ctx.Err() != nil {
				return nil, ctxError(s.ctx, "TLS handshake with "+s.cfg.Host)
			}
			return nil, smtpTLSError(s.cfg.Host, err)
		}
		return smtp.NewClient(tconn), nil
	case "starttls":
		c, err := smtp.NewClientStartTLS(w, tc)
		if err == nil {
			return c, nil
		}
		var se *smtp.SMTPError
		var ne net.Error
		if s.ctx.Err() == nil && !isTLSErr(err) && !errors.As(err, &se) && !errors.As(err, &ne) {
			// go-smtp's only other error here is a plain "server doesn't
			// support STARTTLS". Without it the password and the letter
			// would go in clear text, and a relay that strips the offer
			// is an attack on TLS, hence KindTLS rather than KindConfig.
			return nil, &Error{Kind: KindTLS, Msg: fmt.Sprintf(
				"the SMTP server %s does not offer STARTTLS: check smtp.port, or use security tls for port 465", s.addr)}
		}
		return nil, s.fail("STARTTLS with the SMTP server "+s.addr, "the SMTP server "+s.addr+" refused STARTTLS", err)
	default: // "none", loopback only
		return smtp.NewClient(w), nil
	}
}

// login runs AUTH PLAIN, or LOGIN where the server offers only that.
func (s *smtpSend) login(c *smtp.Client) error {
	if _, isTLS := c.TLSConnectionState(); !isTLS && !IsLoopback(s.cfg.Host) {
		// Send refuses "none" to other hosts already; this guards the
		// password should a new security mode ever get here without TLS.
		return &Error{Kind: KindConfig, Msg: fmt.Sprintf(
			"refusing to send the password of %s to %s without TLS", s.cfg.Username, s.cfg.Host)}
	}
	if ok, _ := c.Extension("AUTH"); !ok {
		return &Error{Kind: KindConfig, Msg: fmt.Sprintf(
			"the SMTP server %s offers no login (AUTH) on this connection: check smtp.port and smtp.security, or leave smtp.username empty", s.addr)}
	}
	var mech sasl.Client
	switch {
	case c.SupportsAuth(sasl.Plain):
		mech = sasl.NewPlainClient("", s.cfg.Username, s.cfg.Password)
	case c.SupportsAuth(sasl.Login):
		// Some servers (Exchange among them) offer only the older LOGIN,
		// which carries the same user name and password, over TLS as
		// checked above.
		mech = &loginClient{user: s.cfg.Username, pass: s.cfg.Password}
	default:
		_, mechs := c.Extension("AUTH")
		return &Error{Kind: KindConfig, Msg: fmt.Sprintf(
			"the SMTP server %s offers neither AUTH PLAIN nor LOGIN (it offers %s)", s.cfg.Host, mechs)}
	}
	if err := c.Auth(mech); err != nil {
		return s.fail("logging in to "+s.cfg.Host, "the SMTP server "+s.cfg.Host+" refused the login", err)
	}
	return nil
}

// loginClient speaks AUTH LOGIN without an initial response and answers
// the server's prompts by what they ask for. go-sasl's client sends the
// user name with the command and then accepts only a prompt spelled
// "Password:", which servers that ask "Username:" first, or word their
// prompts otherwise, fail.
type loginClient struct {
	user, pass string
	step       int
}

func (a *loginClient) Start() (string, []byte, error) { return sasl.Login, nil, nil }

func (a *loginClient) Next(challenge []byte) ([]byte, error) {
	a.step++
	prompt := strings.ToLower(string(challenge))
	switch {
	case strings.HasPrefix(prompt, "user"):
		return []byte(a.user), nil
	case strings.HasPrefix(prompt, "pass"):
		return []byte(a.pass), nil
	case a.step == 1:
		return []byte(a.user), nil
	case a.step == 2:
		return []byte(a.pass), nil
	}
	return nil, sasl.ErrUnexpectedServerChallenge
}

// fail sorts an error from one step of the exchange into an *Error.
// doing names the step for a failure of the connection ("sending the
// message to X"); refused heads the server's own refusal.
func (s *smtpSend) fail(doing, refused string, err error) error {
	if s.ctx.Err() != nil {
		// The connection was closed under the client; its error says only
		// that.
		return ctxError(s.ctx, doing)
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if isTLSErr(err) {
		return smtpTLSError(s.cfg.Host, err)
	}
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		se = s.redact(se)
		switch {
		case se.Code == 535 || se.EnhancedCode == (smtp.EnhancedCode{5, 7, 8}):
			return &Error{Kind: KindAuth, Msg: fmt.Sprintf(
				"the SMTP server %s refused the login of %s: check the user name and the password (PVDESK_SMTP_PASSWORD or smtp.password_cmd)",
				s.cfg.Host, s.cfg.Username), Err: se}
		case se.Code == 530:
			return &Error{Kind: KindAuth, Msg: fmt.Sprintf(
				"the SMTP server %s wants a login before it takes mail: set smtp.username", s.cfg.Host), Err: se}
		}
		return &Error{Kind: KindOther, Msg: refused, Err: se}
	}
	var ne net.Error
	if s.watch.timedOut.Load() || errors.As(err, &ne) && ne.Timeout() {
		return &Error{Kind: KindTimeout, Msg: fmt.Sprintf("%s: the server did not answer for %s", doing, s.cfg.Timeout)}
	}
	return &Error{Kind: KindLost, Msg: doing + ": the connection was lost", Err: cleanNetErr(err)}
}

// redact returns a copy of se with the password, and the AUTH PLAIN
// response that carries it, cut from the server's text: a server may echo
// what it was sent, and errors end up in logs and on screen.
func (s *smtpSend) redact(se *smtp.SMTPError) *smtp.SMTPError {
	if s.cfg.Password == "" {
		return se
	}
	secrets := []string{
		base64.StdEncoding.EncodeToString([]byte("\x00" + s.cfg.Username + "\x00" + s.cfg.Password)),
		base64.StdEncoding.EncodeToString([]byte(s.cfg.Password)),
		s.cfg.Password,
	}
	msg := se.Message
	for _, sec := range secrets {
		msg = strings.ReplaceAll(msg, sec, "[redacted]")
	}
	if msg == se.Message {
		return se
	}
	c := *se
	c.Message = msg
	return &c
}

// ctxError words a cancelled or expired context; the context's error stays
// in the chain so that errors.Is(err, context.Canceled) holds.
func ctxError(ctx context.Context, msg string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &Error{Kind: KindTimeout, Msg: msg + ": gave up waiting", Err: ctx.Err()}
	}
	return &Error{Kind: KindOther, Msg: msg + ": cancelled", Err: ctx.Err()}
}

// smtpTLSConfig is tlsConfig with errors that name smtp.ca_file.
func smtpTLSConfig(host, caFile string) (*tls.Config, error) {
	return tlsConfigFor("smtp", host, caFile)
}

// smtpTLSError is tlsError with advice that names the [smtp] settings.
func smtpTLSError(host string, err error) error {
	return tlsErrorFor("smtp", "the SMTP server ", host, err)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func allASCII(list []string) bool {
	for _, s := range list {
		if !isASCII(s) {
			return false
		}
	}
	return true
}
