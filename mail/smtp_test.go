package mail_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/magnetharstad/pvdesk/mail"
)

const (
	testUser     = "post@magnetharstad.no"
	testPassword = "s3cret-Pa55word"
)

// testPKI is a private CA and a server certificate it signed, made fresh
// for each test so that nothing on the machine can vouch for it.
type testPKI struct {
	caFile string // the CA certificate, PEM
	cert   tls.Certificate
}

func newPKI(t *testing.T, dnsNames []string, ips []net.IP) testPKI {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "pvdesk test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "pvdesk test server"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     dnsNames,
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return testPKI{caFile: caFile, cert: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}}
}

// loopbackPKI certifies 127.0.0.1, the host the tests dial.
func loopbackPKI(t *testing.T) testPKI {
	return newPKI(t, []string{"localhost"}, []net.IP{net.ParseIP("127.0.0.1")})
}

// received is one message as the test server took it.
type received struct {
	from string
	to   []string
	data []byte
	user string // who logged in; "" for nobody
	tls  bool
}

// testBackend is a go-smtp backend whose answers the test chooses. A nil
// hook accepts.
type testBackend struct {
	offerAuth bool
	// loginPrompts, when set, makes the server offer AUTH LOGIN only,
	// asking for the user name and the password with these prompts.
	loginPrompts *[2]string
	auth         func(user, pass string) error
	rcpt         func(to string) error
	data         func(raw []byte) error

	mu  sync.Mutex
	got []received
}

func (b *testBackend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	_, isTLS := c.TLSConnectionState()
	s := &testSession{b: b, cur: received{tls: isTLS}}
	if b.offerAuth {
		return &testAuthSession{s}, nil
	}
	return s, nil
}

func (b *testBackend) messages() []received {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.got)
}

type testSession struct {
	b   *testBackend
	cur received
}

func (s *testSession) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.from = from
	return nil
}

func (s *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if s.b.rcpt != nil {
		if err := s.b.rcpt(to); err != nil {
			return err
		}
	}
	s.cur.to = append(s.cur.to, to)
	return nil
}

func (s *testSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if s.b.data != nil {
		if err := s.b.data(raw); err != nil {
			return err
		}
	}
	s.cur.data = raw
	s.b.mu.Lock()
	s.b.got = append(s.b.got, s.cur)
	s.b.mu.Unlock()
	return nil
}

func (s *testSession) Reset()        { s.cur.from, s.cur.to, s.cur.data = "", nil, nil }
func (s *testSession) Logout() error { return nil }

// testAuthSession adds AUTH PLAIN; go-smtp offers AUTH only to sessions
// that implement it.
type testAuthSession struct{ *testSession }

func (s *testAuthSession) AuthMechanisms() []string {
	if s.b.loginPrompts != nil {
		return []string{sasl.Login}
	}
	return []string{sasl.Plain}
}

func (s *testAuthSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		if s.b.auth != nil {
			if err := s.b.auth(user, pass); err != nil {
				return err
			}
		} else if user != testUser || pass != testPassword {
			return smtp.ErrAuthFailed
		}
		s.cur.user = user
		return nil
	}
	if mech == sasl.Login {
		return &loginServer{prompts: *s.b.loginPrompts, check: check}, nil
	}
	return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
}

// loginServer is the server side of AUTH LOGIN, which go-sasl does not
// have: a prompt for the user name (unless it came with the command), one
// for the password, then the check.
type loginServer struct {
	prompts [2]string
	check   func(user, pass string) error
	step    int
	user    string
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step = 1
		if response == nil {
			return []byte(l.prompts[0]), false, nil
		}
		fallthrough
	case 1:
		l.user, l.step = string(response), 2
		return []byte(l.prompts[1]), false, nil
	}
	return nil, true, l.check(l.user, string(response))
}

// startSMTP runs a go-smtp server on 127.0.0.1 speaking security ("none",
// "starttls" or "tls") and returns its port.
func startSMTP(t *testing.T, security string, be *testBackend, pki *testPKI) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(be)
	srv.Domain = "localhost"
	srv.ErrorLog = log.New(io.Discard, "", 0)
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	switch security {
	case "none":
		srv.AllowInsecureAuth = true
	case "starttls":
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{pki.cert}}
	case "tls":
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{pki.cert}}
		ln = tls.NewListener(ln, srv.TLSConfig)
	default:
		t.Fatalf("security %q", security)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		srv.Close()
		ln.Close()
		<-done
	})
	return ln.Addr().(*net.TCPAddr).Port
}

// stallingServer accepts connections on 127.0.0.1 and never says a word:
// no greeting, no TLS handshake.
func stallingServer(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().(*net.TCPAddr).Port
}

// wantKind fails unless err is a *mail.Error of kind k whose text holds
// every one of parts and never the password.
func wantKind(t *testing.T, err error, k mail.ErrorKind, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", k)
	}
	var me *mail.Error
	if !errors.As(err, &me) {
		t.Fatalf("error %T %v is not a *mail.Error", err, err)
	}
	if me.Kind != k {
		t.Errorf("kind %s, want %s: %v", me.Kind, k, err)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not say %q", err, p)
		}
	}
	if strings.Contains(err.Error(), testPassword) {
		t.Errorf("error %q carries the password", err)
	}
}

func TestSendDeliversOverEachSecurity(t *testing.T) {
	pki := loopbackPKI(t)
	o := norwegianReply()
	raw, id, err := mail.BuildMessage(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range []string{"tls", "starttls", "none"} {
		t.Run(sec, func(t *testing.T) {
			be := &testBackend{offerAuth: true}
			port := startSMTP(t, sec, be, &pki)
			cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: sec,
				Username: testUser, Password: testPassword, CAFile: pki.caFile, Timeout: 5 * time.Second}
			if err := mail.Send(context.Background(), cfg, o.From.Addr, []string{o.To.Addr}, raw); err != nil {
				t.Fatal(err)
			}
			got := be.messages()
			if len(got) != 1 {
				t.Fatalf("server took %d messages, want 1", len(got))
			}
			m := got[0]
			if m.from != "post@magnetharstad.no" || !slices.Equal(m.to, []string{"bjorn@example.no"}) {
				t.Errorf("envelope from %q to %v", m.from, m.to)
			}
			if m.user != testUser {
				t.Errorf("logged in as %q, want %q", m.user, testUser)
			}
			if m.tls != (sec != "none") {
				t.Errorf("TLS %v over %s", m.tls, sec)
			}
			if !bytes.Equal(m.data, raw) {
				t.Errorf("server took\n%q\nsent\n%q", m.data, raw)
			}
			h, body := readBack(t, m.data)
			if s, _ := h.Subject(); s != o.Subject {
				t.Errorf("Subject %q", s)
			}
			if got, _ := h.MessageID(); got != id {
				t.Errorf("Message-ID %q, want %q", got, id)
			}
			if got, _ := h.MsgIDList("In-Reply-To"); !slices.Equal(got, []string{o.InReplyTo}) {
				t.Errorf("In-Reply-To %v", got)
			}
			if got, _ := h.MsgIDList("References"); !slices.Equal(got, o.References) {
				t.Errorf("References %v", got)
			}
			if d, _ := h.Date(); !d.Equal(o.Date) {
				t.Errorf("Date %v", d)
			}
			if to, _ := h.AddressList("To"); len(to) != 1 || to[0].Name != o.To.Name || to[0].Address != o.To.Addr {
				t.Errorf("To %v", to)
			}
			if mt, p, _ := h.ContentType(); mt != "text/plain" || p["charset"] != "utf-8" || h.Get("Content-Transfer-Encoding") != "quoted-printable" {
				t.Errorf("Content-Type %q, CTE %q", h.Get("Content-Type"), h.Get("Content-Transfer-Encoding"))
			}
			if want := strings.ReplaceAll(o.Body, "\n", "\r\n") + "\r\n"; body != want {
				t.Errorf("body\n%q\nwant\n%q", body, want)
			}
		})
	}
}

func TestSendWithoutLogin(t *testing.T) {
	be := &testBackend{}
	port := startSMTP(t, "none", be, nil)
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "none", Timeout: 5 * time.Second}
	to := []string{"kari@example.no", "per@example.no"}
	if err := mail.Send(context.Background(), cfg, "post@magnetharstad.no", to, []byte("Subject: x\r\n\r\nhei\r\n")); err != nil {
		t.Fatal(err)
	}
	if got := be.messages(); len(got) != 1 || got[0].user != "" || !slices.Equal(got[0].to, to) {
		t.Errorf("server took %+v", got)
	}
}

func TestSendRefusesUntrustedCertificates(t *testing.T) {
	pki := loopbackPKI(t)
	other := loopbackPKI(t) // a CA that did not sign the server's certificate
	misnamed := newPKI(t, []string{"mail.example.net"}, nil)
	for _, sec := range []string{"tls", "starttls"} {
		t.Run(sec, func(t *testing.T) {
			be := &testBackend{offerAuth: true}
			port := startSMTP(t, sec, be, &pki)
			cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: sec,
				Username: testUser, Password: testPassword, Timeout: 5 * time.Second}
			send := func(cfg mail.SMTPConfig) error {
				return mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
			}

			// System roots only: a private CA is not trusted.
			wantKind(t, send(cfg), mail.KindTLS, "127.0.0.1", "not signed by a trusted authority", "smtp.ca_file")
			// Another private CA.
			cfg.CAFile = other.caFile
			wantKind(t, send(cfg), mail.KindTLS, "127.0.0.1", "not signed by a trusted authority")
			if n := len(be.messages()); n != 0 {
				t.Errorf("server took %d messages over an untrusted connection", n)
			}

			// The right CA, the wrong name.
			port = startSMTP(t, sec, be, &misnamed)
			cfg.Port, cfg.CAFile = port, misnamed.caFile
			wantKind(t, send(cfg), mail.KindTLS, "127.0.0.1", "not valid for that name")
		})
	}
}

func TestSendLoginRefused(t *testing.T) {
	pki := loopbackPKI(t)
	be := &testBackend{offerAuth: true}
	port := startSMTP(t, "tls", be, &pki)
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "tls",
		Username: testUser, Password: "wrong", CAFile: pki.caFile, Timeout: 5 * time.Second}
	err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
	wantKind(t, err, mail.KindAuth, "127.0.0.1", testUser, "535")
	if mail.KindOf(err).Retryable() {
		t.Error("a refused login is retryable")
	}

	// A server that quotes what it was sent back in its refusal.
	echo := base64.StdEncoding.EncodeToString([]byte("\x00" + testUser + "\x00" + testPassword))
	be = &testBackend{offerAuth: true, auth: func(user, pass string) error {
		return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8},
			Message: "no such login " + user + " / " + pass + " (" + echo + ")"}
	}}
	cfg.Port, cfg.Password = startSMTP(t, "tls", be, &pki), testPassword
	err = mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
	wantKind(t, err, mail.KindAuth, "no such login", "[redacted]")
	if strings.Contains(err.Error(), echo) {
		t.Errorf("error %q carries the AUTH PLAIN response", err)
	}

	// A server that will not take mail without a login.
	needsLogin := &testBackend{rcpt: func(string) error {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}}
	cfg.Port, cfg.Username, cfg.Password = startSMTP(t, "tls", needsLogin, &pki), "", ""
	err = mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
	wantKind(t, err, mail.KindAuth, "smtp.username")
}

// A server that offers AUTH LOGIN only (Exchange, some older ones) gets
// it, whatever its prompts say; a wrong password is refused as with PLAIN.
func TestSendLoginMechanism(t *testing.T) {
	pki := loopbackPKI(t)
	for _, prompts := range [][2]string{{"Username:", "Password:"}, {"User Name", "password"}, {"", ""}} {
		be := &testBackend{offerAuth: true, loginPrompts: &prompts}
		port := startSMTP(t, "starttls", be, &pki)
		cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "starttls",
			Username: testUser, Password: testPassword, CAFile: pki.caFile, Timeout: 5 * time.Second}
		if err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n")); err != nil {
			t.Fatalf("prompts %q: %v", prompts, err)
		}
		if got := be.messages(); len(got) != 1 || got[0].user != testUser {
			t.Errorf("prompts %q: server took %+v", prompts, got)
		}
		cfg.Password = "wrong"
		err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
		wantKind(t, err, mail.KindAuth, "127.0.0.1", testUser)
	}
}

func TestSendNoneOnlyToLoopback(t *testing.T) {
	// A cancelled context makes any dial fail with "cancelled", so a
	// KindConfig answer shows the refusal came before dialling.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, host := range []string{"192.0.2.1", "mail.example.com", "10.0.0.1", "::ffff:192.0.2.1"} {
		start := time.Now()
		err := mail.Send(ctx, mail.SMTPConfig{Host: host, Security: "none", Username: testUser, Password: testPassword},
			testUser, []string{"kari@example.no"}, []byte("x"))
		wantKind(t, err, mail.KindConfig, host, "loopback")
		if time.Since(start) > 100*time.Millisecond {
			t.Errorf("%s: took %v", host, time.Since(start))
		}
	}
}

func TestSendConfigErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	ok := mail.SMTPConfig{Host: "127.0.0.1", Port: 1}
	cases := []struct {
		name string
		cfg  mail.SMTPConfig
		from string
		to   []string
		want string
	}{
		{"no host", mail.SMTPConfig{}, testUser, []string{"a@b.no"}, "[smtp] host"},
		{"unknown security", mail.SMTPConfig{Host: "127.0.0.1", Security: "ssl"}, testUser, []string{"a@b.no"}, `"ssl"`},
		{"missing CA file", mail.SMTPConfig{Host: "127.0.0.1", CAFile: "/nonexistent/ca.pem"}, testUser, []string{"a@b.no"}, "smtp.ca_file"},
		{"CA file without PEM", mail.SMTPConfig{Host: "127.0.0.1", CAFile: notPEM}, testUser, []string{"a@b.no"}, "no PEM"},
		{"hostile sender", ok, testUser + "\r\nRCPT TO:<evil@example.com>", []string{"a@b.no"}, "sender"},
		{"no recipient", ok, testUser, nil, "no recipient"},
		{"hostile recipient", ok, testUser, []string{"a@b.no>\r\nRCPT TO:<evil@example.com"}, "recipient"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantKind(t, mail.Send(ctx, c.cfg, c.from, c.to, []byte("x")), mail.KindConfig, c.want)
		})
	}
}

func TestSendRejections(t *testing.T) {
	raw := []byte("Subject: x\r\n\r\nx\r\n")
	cases := []struct {
		name      string
		be        *testBackend
		parts     []string
		permanent bool
	}{
		{"message 550", &testBackend{data: func([]byte) error {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "Message rejected as spam by content filter"}
		}}, []string{"rejected the message", "550", "Message rejected as spam by content filter"}, true},
		{"recipient 550", &testBackend{rcpt: func(to string) error {
			if to == "nobody@example.no" {
				return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
			}
			return nil
		}}, []string{"refused the recipient nobody@example.no", "No such user here"}, true},
		{"message 451", &testBackend{data: func([]byte) error {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}
		}}, []string{"451", "Try again later"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			port := startSMTP(t, "none", c.be, nil)
			cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "none", Timeout: 5 * time.Second}
			err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no", "nobody@example.no"}, raw)
			wantKind(t, err, mail.KindOther, c.parts...)
			if mail.PermanentFailure(err) != c.permanent {
				t.Errorf("PermanentFailure %v, want %v", mail.PermanentFailure(err), c.permanent)
			}
			if n := len(c.be.messages()); n != 0 {
				t.Errorf("server stored %d messages", n)
			}
		})
	}
}

func TestSendStalledServerTimesOut(t *testing.T) {
	const limit = 300 * time.Millisecond
	for _, sec := range []string{"tls", "starttls", "none"} {
		t.Run(sec, func(t *testing.T) {
			port := stallingServer(t)
			cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: sec, Timeout: limit}
			start := time.Now()
			err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("x"))
			took := time.Since(start)
			wantKind(t, err, mail.KindTimeout, "127.0.0.1")
			if took < limit-50*time.Millisecond || took > 3*limit {
				t.Errorf("gave up after %v, want about %v", took, limit)
			}
		})
	}
}

func TestSendServerSilentAfterData(t *testing.T) {
	const limit = 300 * time.Millisecond
	release := make(chan struct{})
	be := &testBackend{data: func([]byte) error { <-release; return nil }}
	port := startSMTP(t, "none", be, nil)
	t.Cleanup(func() { close(release) }) // runs before the server stops
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "none", Timeout: limit}
	start := time.Now()
	err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("Subject: x\r\n\r\nx\r\n"))
	wantKind(t, err, mail.KindTimeout, "127.0.0.1", "did not answer")
	if took := time.Since(start); took > 3*limit {
		t.Errorf("gave up after %v, want about %v", took, limit)
	}
}

func TestSendHonoursContext(t *testing.T) {
	port := stallingServer(t)
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "none", Timeout: time.Minute}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := mail.Send(ctx, cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	wantKind(t, err, mail.KindTimeout)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap the context's", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v after the context expired", took)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	err = mail.Send(ctx, cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled send: %v", err)
	}
}

func TestSendServerWithoutSTARTTLSOrAuth(t *testing.T) {
	// A plain server asked for STARTTLS: the password must not go.
	be := &testBackend{offerAuth: true}
	port := startSMTP(t, "none", be, nil)
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "starttls",
		Username: testUser, Password: testPassword, Timeout: 5 * time.Second}
	err := mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	wantKind(t, err, mail.KindTLS, "does not offer STARTTLS", "127.0.0.1:"+strconv.Itoa(port))

	// A TLS server that offers no AUTH while a login is configured.
	pki := loopbackPKI(t)
	cfg.Port, cfg.Security, cfg.CAFile = startSMTP(t, "tls", &testBackend{}, &pki), "tls", pki.caFile
	err = mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	wantKind(t, err, mail.KindConfig, "no login (AUTH)")
}

func TestSendUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: port, Security: "none", Timeout: 5 * time.Second}
	err = mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	wantKind(t, err, mail.KindUnreachable, "127.0.0.1:"+strconv.Itoa(port))
	if !mail.KindOf(err).Retryable() {
		t.Error("an unreachable server is not retryable")
	}
}

func TestSendConnectionLost(t *testing.T) {
	// A server that greets and then hangs up.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("220 localhost ESMTP\r\n"))
			c.Close()
		}
	}()
	cfg := mail.SMTPConfig{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, Security: "none", Timeout: 5 * time.Second}
	err = mail.Send(context.Background(), cfg, testUser, []string{"kari@example.no"}, []byte("x"))
	wantKind(t, err, mail.KindLost, "127.0.0.1", "lost")
}
