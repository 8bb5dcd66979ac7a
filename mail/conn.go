package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// ErrorKind sorts connection failures by what the person at the desk must
// do about them, so the TUI, the CLI and the exit code can each say it.
type ErrorKind int

// Error kinds. Auth, Mailbox and TLS are configuration problems that a retry
// will not fix; Unreachable, Timeout and Lost are worth retrying.
const (
	KindOther       ErrorKind = iota
	KindAuth                  // the server refused the user name or password
	KindMailbox               // the configured mailbox does not exist
	KindUnreachable           // no connection: DNS, refused, no route
	KindTLS                   // certificate or handshake failure
	KindTimeout               // the server stopped answering (watchdog)
	KindLost                  // the connection broke (kicked, reset, closed)
	KindConfig                // the configuration itself is unusable
)

func (k ErrorKind) String() string {
	switch k {
	case KindAuth:
		return "auth"
	case KindMailbox:
		return "mailbox"
	case KindUnreachable:
		return "unreachable"
	case KindTLS:
		return "tls"
	case KindTimeout:
		return "timeout"
	case KindLost:
		return "lost"
	case KindConfig:
		return "config"
	}
	return "other"
}

// Retryable reports whether trying again later can succeed without a change
// of configuration.
func (k ErrorKind) Retryable() bool {
	switch k {
	case KindUnreachable, KindTimeout, KindLost, KindOther:
		return true
	}
	return false
}

// Error is a failure to talk to the mail server, with a human message. It
// never carries the password: messages are built from the host, the user
// name, the mailbox and the server's own words.
type Error struct {
	Kind ErrorKind
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of err, KindOther for errors that are not *Error.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindOther
}

// IsLoopback reports whether host names this machine only. It resolves
// nothing: "localhost" and loopback literals only.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// DefaultTimeout is how long the server may stay silent during a command
// before the connection is given up.
const DefaultTimeout = 60 * time.Second

// watchConn puts a deadline on every read and write: go-imap v2 has none
// between responses, so a server that stops answering would otherwise hang
// a command forever. The limit can change while the connection lives (IDLE
// waits longer than a FETCH).
type watchConn struct {
	net.Conn
	limit atomic.Int64 // nanoseconds; 0 = no deadline
	// timedOut is set once a read or write ran into its deadline. go-imap
	// formats the errors of its reader with %v, which drops the net.Error,
	// so outside a body literal a silent server would otherwise be
	// reported as a lost connection.
	timedOut atomic.Bool
}

func (w *watchConn) setLimit(d time.Duration) {
	w.limit.Store(int64(d))
	// Apply it to a read that is already blocked, too.
	if d > 0 {
		w.Conn.SetReadDeadline(time.Now().Add(d))
	} else {
		w.Conn.SetReadDeadline(time.Time{})
	}
}

func (w *watchConn) Read(p []byte) (int, error) {
	// Once the watchdog has fired the connection is given up: go-imap's
	// decoder reads once more after a failed read, and without this the
	// caller would wait out the limit a second time.
	if w.timedOut.Load() {
		return 0, os.ErrDeadlineExceeded
	}
	if d := time.Duration(w.limit.Load()); d > 0 {
		w.Conn.SetReadDeadline(time.Now().Add(d))
	}
	n, err := w.Conn.Read(p)
	w.noteTimeout(err)
	return n, err
}

func (w *watchConn) Write(p []byte) (int, error) {
	if w.timedOut.Load() {
		return 0, os.ErrDeadlineExceeded
	}
	if d := time.Duration(w.limit.Load()); d > 0 {
		w.Conn.SetWriteDeadline(time.Now().Add(d))
	}
	n, err := w.Conn.Write(p)
	w.noteTimeout(err)
	return n, err
}

func (w *watchConn) noteTimeout(err error) {
	var ne net.Error
	if err != nil && errors.As(err, &ne) && ne.Timeout() {
		w.timedOut.Store(true)
	}
}

// Conn is a logged-in IMAP connection with a watchdog.
type Conn struct {
	*imapclient.Client
	cfg   IMAPConfig
	watch *watchConn
	// newMail is signalled (without blocking the client's reader) when the
	// server reports a new message count for the selected mailbox.
	newMail chan struct{}
}

func (c *Conn) signalNewMail() {
	select {
	case c.newMail <- struct{}{}:
	default:
	}
}

// SetSilenceLimit changes how long the server may stay silent.
func (c *Conn) SetSilenceLimit(d time.Duration) { c.watch.setLimit(d) }

// Connect dials, secures and logs in, each failure sorted into an *Error.
func Connect(ctx context.Context, cfg IMAPConfig) (*Conn, error) {
	if cfg.Host == "" {
		return nil, &Error{Kind: KindConfig, Msg: "no IMAP host configured ([imap] host)"}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	port := cfg.Port
	if port == 0 {
		port = 993
		if cfg.Security == "starttls" || cfg.Security == "none" {
			port = 143
		}
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(port))
	var tc *tls.Config
	switch cfg.Security {
	case "", "tls", "starttls":
		var err error
		if tc, err = tlsConfig(cfg.Host, cfg.CAFile); err != nil {
			return nil, err
		}
	case "none":
		if !IsLoopback(cfg.Host) {
			return nil, &Error{Kind: KindConfig, Msg: fmt.Sprintf(
				"security \"none\" sends the password in clear text and is only allowed to a loopback host, not %s: use tls or starttls", cfg.Host)}
		}
	default:
		return nil, &Error{Kind: KindConfig, Msg: fmt.Sprintf("unknown imap security %q (want tls, starttls or none)", cfg.Security)}
	}

	d := net.Dialer{Timeout: min(cfg.Timeout, 30*time.Second)}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, &Error{Kind: KindUnreachable, Msg: "cannot reach the mail server " + addr, Err: cleanNetErr(err)}
	}
	w := &watchConn{Conn: raw}
	w.setLimit(cfg.Timeout)
	c := &Conn{cfg: cfg, watch: w, newMail: make(chan struct{}, 1)}
	opts := &imapclient.Options{TLSConfig: tc, UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(data *imapclient.UnilateralDataMailbox) {
			if data.NumMessages != nil {
				c.signalNewMail()
			}
		},
	}}
	// Closing on cancel unblocks whatever the client is waiting for.
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	defer stop()

	switch cfg.Security {
	case "", "tls":
		tconn := tls.Client(w, tc)
		if err := tconn.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, tlsError(cfg.Host, err)
		}
		c.Client = imapclient.New(tconn, opts)
	case "starttls":
		cl, err := imapclient.NewStartTLS(w, opts)
		if err != nil {
			raw.Close()
			if isTLSErr(err) {
				return nil, tlsError(cfg.Host, err)
			}
			return nil, c.classify(err, "STARTTLS with "+cfg.Host+" failed")
		}
		c.Client = cl
	case "none":
		c.Client = imapclient.New(w, opts)
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, c.classify(err, "no greeting from "+addr)
	}
	if err := c.Login(cfg.Username, cfg.Password).Wait(); err != nil {
		c.Close()
		var ie *imap.Error
		if errors.As(err, &ie) {
			return nil, &Error{Kind: KindAuth, Msg: fmt.Sprintf(
				"the server %s refused the login of %s: check the user name and the password (PVDESK_IMAP_PASSWORD or imap.password_cmd)",
				cfg.Host, cfg.Username), Err: errors.New(redactSecret(ie.Text, cfg.Password))}
		}
		return nil, c.classify(err, "login to "+cfg.Host+" failed")
	}
	return c, nil
}

// classify sorts an error from a command on an open connection.
func (c *Conn) classify(err error, msg string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var ne net.Error
	if c.watch.timedOut.Load() || errors.As(err, &ne) && ne.Timeout() {
		return &Error{Kind: KindTimeout, Msg: fmt.Sprintf("%s: the server %s did not answer for %s", msg, c.cfg.Host, time.Duration(c.watch.limit.Load())), Err: nil}
	}
	var ie *imap.Error
	if errors.As(err, &ie) {
		return &Error{Kind: KindOther, Msg: msg, Err: err}
	}
	return &Error{Kind: KindLost, Msg: msg + ": the connection to " + c.cfg.Host + " was lost", Err: cleanNetErr(err)}
}

// Select opens mailbox read-only (so nothing, not even \Recent, changes) and
// sorts a missing mailbox into KindMailbox.
func (c *Conn) selectMailbox(mailbox string) (*imap.SelectData, error) {
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && (ie.Type == imap.StatusResponseTypeNo) {
			return nil, &Error{Kind: KindMailbox, Msg: fmt.Sprintf("the mailbox %q does not exist on %s (or %s may not open it): check imap.mailbox", mailbox, c.cfg.Host, c.cfg.Username), Err: errors.New(ie.Text)}
		}
		return nil, c.classify(err, "select "+mailbox)
	}
	return sel, nil
}

func tlsConfig(host, caFile string) (*tls.Config, error) { return tlsConfigFor("imap", host, caFile) }

// tlsConfigFor verifies host against the system roots plus caFile; errors
// name the setting of section ("imap" or "smtp").
func tlsConfigFor(section, host, caFile string) (*tls.Config, error) {
	tc := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return tc, nil
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, &Error{Kind: KindConfig, Msg: "cannot read " + section + ".ca_file", Err: err}
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, &Error{Kind: KindConfig, Msg: fmt.Sprintf("%s.ca_file %s holds no PEM certificate", section, caFile)}
	}
	tc.RootCAs = pool
	return tc, nil
}

func isTLSErr(err error) bool {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	var ae tls.AlertError
	var rh tls.RecordHeaderError
	return errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &hn) ||
		errors.As(err, &ci) || errors.As(err, &ae) || errors.As(err, &rh)
}

func tlsError(host string, err error) error { return tlsErrorFor("imap", "", host, err) }

// tlsErrorFor sorts a TLS failure with advice naming the setting of
// section; server prefixes the host in messages ("the SMTP server ").
func tlsErrorFor(section, server, host string, err error) error {
	msg := "TLS with " + server + host + " failed"
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	switch {
	case errors.As(err, &ua):
		msg = "the certificate of " + server + host + " is not signed by a trusted authority: set " + section + ".ca_file to its CA if it is a private server"
	case errors.As(err, &hn):
		msg = "the certificate of " + server + host + " is not valid for that name"
	}
	if !isTLSErr(err) {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return &Error{Kind: KindTimeout, Msg: "TLS handshake with " + server + host + " timed out"}
		}
	}
	return &Error{Kind: KindTLS, Msg: msg, Err: err}
}

// cleanNetErr drops the *net.OpError wrapping ("dial tcp 1.2.3.4:993: ")
// that repeats what our message already says.
func cleanNetErr(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	return err
}

// redactSecret cuts secret out of a server's text: a server may quote
// what it was sent when it refuses a login, and errors end up in logs, on
// screen and in the database (as smtpSend.redact does for SMTP).
func redactSecret(text, secret string) string {
	if secret == "" {
		return text
	}
	return strings.ReplaceAll(text, secret, "[redacted]")
}
