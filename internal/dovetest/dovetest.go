// Package dovetest runs a throwaway Dovecot IMAP server for tests.
//
// Fakes agree with whoever wrote them; pvdesk syncs against real servers,
// so its IMAP tests talk to a real Dovecot: Start launches `dovecot -F` with
// a generated config, one user, a maildir, a self-signed CA and free ports,
// all under a temporary directory that is removed when the test ends. The
// server is fast enough (tens of milliseconds to start) for one per test.
//
// Messages are put in place by writing maildir files directly (Deliver,
// DeliverMany) rather than by APPEND, so a test controls INTERNALDATE and
// can seed thousands of messages in well under a second. Server-side
// events that a client must survive (kicked sessions, UIDVALIDITY changes,
// expunges by another client, a lost UID list) are produced with doveadm.
//
// Require skips a test where Dovecot is not installed, except under CI=true,
// where it fails: CI must never go green by silently skipping these tests.
// Debian and Ubuntu ship Dovecot as the dovecot-imapd package.
//
// Tests run as root (as CI does) or as an ordinary user. As root, Dovecot
// insists on dropping privileges, so mail is owned by the dovecot user and
// the temporary tree is made traversable for it; as an ordinary user,
// every Dovecot process runs as that user.
package dovetest

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// DefaultUser is the login of the single user every Server has.
const DefaultUser = "post@magnetharstad.no"

// startTimeout bounds how long Start waits for a LOGIN to succeed. Dovecot
// is normally ready within tens of milliseconds; the slack is for loaded CI
// machines.
const startTimeout = 5 * time.Second

// Server is a running Dovecot. Its fields are read-only.
type Server struct {
	// Host is the loopback address Dovecot listens on.
	Host string
	// Port serves plain IMAP; STARTTLS is offered on it.
	Port int
	// TLSPort serves IMAP over implicit TLS (imaps).
	TLSPort int
	// User and Password log in with LOGIN or AUTHENTICATE PLAIN.
	User     string
	Password string
	// CAFile is the PEM of the self-signed CA that signed the server's
	// certificate, which is valid for 127.0.0.1, ::1 and localhost.
	CAFile string
	// Dir holds everything: config, certificates, maildirs, logs.
	Dir string
	// Conf is the dovecot.conf the server runs with; pass it to doveadm -c.
	Conf string
	// Version is what `dovecot --version` printed, e.g. "2.3.19.1".
	Version string

	logFile string
	errFile string // dovecot's own stdout and stderr, for config errors
	mailUID int    // owner of the maildirs, the userdb uid
	mailGID int

	cmd  *exec.Cmd
	done chan struct{} // closed when cmd has exited

	mu        sync.Mutex
	mailboxes map[string]string // mailbox name -> maildir, for Deliver
	lastStamp int64             // last maildir file name timestamp, µs
	seq       int64             // maildir file name counter
}

// Available reports whether Dovecot is installed: nil if the dovecot and
// doveadm binaries can be found, an error saying what is missing otherwise.
func Available() error {
	if _, err := findBinary("dovecot"); err != nil {
		return err
	}
	_, err := findBinary("doveadm")
	return err
}

// Require skips the test when Dovecot is not installed, or fails it when
// the environment has CI=true, so that CI cannot pass by skipping.
func Require(t testing.TB) {
	t.Helper()
	err := Available()
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("dovetest: %v (CI=true, so this fails instead of skipping; install dovecot-imapd)", err)
		return
	}
	t.Skipf("dovetest: %v", err)
}

// binDirs are searched after PATH; a variable so tests can hide Dovecot.
var binDirs = []string{"/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"}

// findBinary looks in PATH and then in the sbin directories, because an
// ordinary user's PATH often lacks /usr/sbin, where Debian puts dovecot.
func findBinary(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range binDirs {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in PATH or sbin (is Dovecot installed?)", name)
}

// Start runs a fresh Dovecot for the test and stops it, removing all its
// files, when the test ends. It skips or fails the test as Require does when
// Dovecot is missing, and fails it, with the server's log, when Dovecot does
// not come up and accept a LOGIN within a few seconds. Each of conf is a
// line added to the end of the server's dovecot.conf, such as an
// imap_capability that hides an extension from the client.
func Start(t testing.TB, conf ...string) *Server {
	t.Helper()
	Require(t)
	bin, err := findBinary("dovecot")
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	version, err := dovecotVersion(bin)
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}

	s := &Server{
		Host:      "127.0.0.1",
		User:      DefaultUser,
		Password:  randomHex(12),
		Version:   version,
		mailboxes: map[string]string{},
	}
	ids, err := lookupIDs()
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	s.mailUID, s.mailGID = ids.mailUID, ids.mailGID

	s.Dir = workDir(t)
	baseDir := runDir(t, s.Dir)
	if err := s.layout(ids); err != nil {
		t.Fatalf("dovetest: %v", err)
	}

	// Ports are picked by binding :0 and closing, so another process can
	// take one before Dovecot binds it; a clash is retried with new ports.
	const attempts = 5
	for attempt := 1; ; attempt++ {
		if s.Port, s.TLSPort, err = pickPorts(); err != nil {
			t.Fatalf("dovetest: picking ports: %v", err)
		}
		cfg := configData{
			Version:  version,
			Root:     os.Geteuid() == 0,
			BaseDir:  baseDir,
			StateDir: filepath.Join(s.Dir, "state"),
			LogFile:  s.logFile,
			MailDir:  filepath.Join(s.Dir, "mail"),
			HomeDir:  filepath.Join(s.Dir, "home"),
			Passwd:   filepath.Join(s.Dir, "passwd"),
			CertFile: filepath.Join(s.Dir, "tls", "server.pem"),
			KeyFile:  filepath.Join(s.Dir, "tls", "server.key"),
			Port:     s.Port,
			TLSPort:  s.TLSPort,

			InternalUser:  ids.internalUser,
			InternalGroup: ids.internalGroup,
			LoginUser:     ids.loginUser,
			MailUID:       ids.mailUID,
			MailGID:       ids.mailGID,
			Extra:         conf,
		}
		if err := writeConfig(s.Conf, cfg); err != nil {
			t.Fatalf("dovetest: %v", err)
		}
		err = s.launch(bin)
		if err == nil {
			break
		}
		s.stop()
		if errors.Is(err, errPortClash) && attempt < attempts {
			t.Logf("dovetest: %v; retrying with other ports", err)
			continue
		}
		t.Fatalf("dovetest: starting Dovecot %s: %v\n%s", version, err, s.LogTail(40))
	}
	t.Cleanup(s.stop)
	return s
}

// Addr is the host:port of plain IMAP with STARTTLS.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// TLSAddr is the host:port of IMAP over implicit TLS.
func (s *Server) TLSAddr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.TLSPort)) }

// LogTail returns the last n lines of Dovecot's log, followed by anything
// Dovecot wrote to stdout or stderr (where config errors go before logging
// is set up), for failure messages.
func (s *Server) LogTail(n int) string {
	var b strings.Builder
	b.WriteString("--- dovecot log (" + s.logFile + ") ---\n")
	b.WriteString(tailLines(s.logFile, n))
	if extra := tailLines(s.errFile, n); extra != "" {
		b.WriteString("--- dovecot stdout/stderr ---\n")
		b.WriteString(extra)
	}
	return b.String()
}

func tailLines(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return ""
		}
		return fmt.Sprintf("(reading %s: %v)\n", path, err)
	}
	lines := strings.SplitAfter(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	out := strings.Join(lines, "")
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return out
}

// dovecotVersion returns the first word of `dovecot --version`, which is
// e.g. "2.3.19.1 (9b53102964)" on Debian 12 and "2.4.1-4 (7d8c0e5759)" on
// Debian 13.
func dovecotVersion(bin string) (string, error) {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %v", bin, err)
	}
	fields := strings.Fields(string(out))
	if len(fields) == 0 {
		return "", fmt.Errorf("%s --version printed nothing", bin)
	}
	return fields[0], nil
}

// ids says which accounts Dovecot's processes run as.
type ids struct {
	internalUser, internalGroup string // auth, anvil, stats...
	loginUser                   string // imap-login, which faces the network
	mailUID, mailGID            int    // mail processes and maildir files
}

// lookupIDs picks the accounts. Dovecot refuses to run its processes as
// root, so as root they are the dovecot and dovenull users that the Debian
// package creates; as anyone else they are that user, because an
// unprivileged master cannot switch users at all.
func lookupIDs() (ids, error) {
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			return ids{}, fmt.Errorf("looking up the current user: %v", err)
		}
		g, err := user.LookupGroupId(strconv.Itoa(os.Getegid()))
		if err != nil {
			return ids{}, fmt.Errorf("looking up the current group: %v", err)
		}
		return ids{
			internalUser: u.Username, internalGroup: g.Name, loginUser: u.Username,
			mailUID: os.Geteuid(), mailGID: os.Getegid(),
		}, nil
	}
	internal, err := user.Lookup("dovecot")
	if err != nil {
		return ids{}, fmt.Errorf("running as root needs the dovecot user (created by the dovecot-core package): %v", err)
	}
	if _, err := user.Lookup("dovenull"); err != nil {
		return ids{}, fmt.Errorf("running as root needs the dovenull user (created by the dovecot-core package): %v", err)
	}
	group, err := user.LookupGroupId(internal.Gid)
	if err != nil {
		return ids{}, fmt.Errorf("looking up the dovecot user's group: %v", err)
	}
	uid, _ := strconv.Atoi(internal.Uid)
	gid, _ := strconv.Atoi(internal.Gid)
	return ids{
		internalUser: internal.Username, internalGroup: group.Name, loginUser: "dovenull",
		mailUID: uid, mailGID: gid,
	}, nil
}

// workDir returns a directory to hold the server, removed when the test
// ends.
//
// It prefers tmpfs (/dev/shm): DeliverMany creates a file per message,
// which on the disk-backed ext4 of our VMs costs 0.1 to 1 ms (10,000
// messages took 2 to 6 s) and on tmpfs about 25 µs. Otherwise it takes
// t.TempDir() if Dovecot can use it, else a fresh directory under /tmp.
//
// As root, Dovecot's unprivileged processes (auth reading the passwd file,
// imap reading mail) must be able to traverse every directory above their
// files, and testing creates TempDir's parent 0700; opening both up is
// enough under /tmp, but not where TMPDIR is under, say, /root. Paths are
// also pasted into dovecot.conf, where % and $ would be expanded and quotes
// and spaces would need escaping, so only plain paths are taken.
func workDir(t testing.TB) string {
	if parent, ok := ramParent(); ok {
		return ownTempDir(t, parent)
	}
	dir := t.TempDir()
	if plainPath(dir) {
		if os.Geteuid() != 0 {
			return dir
		}
		_ = os.Chmod(dir, 0o755)
		_ = os.Chmod(filepath.Dir(dir), 0o755)
		if traversable(dir) {
			return dir
		}
	}
	return ownTempDir(t, "/tmp")
}

// ownTempDir makes a world-searchable directory in parent and removes it
// when the test ends, reporting failure as t.TempDir does.
func ownTempDir(t testing.TB, parent string) string {
	dir, err := os.MkdirTemp(parent, "dovetest-")
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(dir); err != nil {
			t.Errorf("dovetest: removing %s: %v", dir, err)
		}
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	if !plainPath(dir) || (os.Geteuid() == 0 && !traversable(dir)) {
		t.Fatalf("dovetest: %s is not usable for Dovecot (odd characters, or a parent the dovecot user cannot search)", dir)
	}
	return dir
}

func plainPath(p string) bool {
	for _, r := range p {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		case strings.ContainsRune("/._-+@", r):
		default:
			return false
		}
	}
	return true
}

// traversable reports whether every directory from / down to dir can be
// searched by anyone.
func traversable(dir string) bool {
	for p := dir; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return false
		}
		if p == filepath.Dir(p) {
			return true
		}
	}
}

// maxBaseDir keeps base_dir short enough for Dovecot's unix sockets, whose
// paths (base_dir plus names like "/replication-notify-fifo") must fit the
// 108 bytes of sun_path.
const maxBaseDir = 70

// runDir returns Dovecot's base_dir: inside dir when short enough, else a
// short directory under /tmp that the test removes.
func runDir(t testing.TB, dir string) string {
	if run := filepath.Join(dir, "run"); len(run) <= maxBaseDir {
		return run
	}
	// World-searchable: the login processes reach their sockets in
	// subdirectories of base_dir as dovenull.
	return ownTempDir(t, "/tmp")
}

// layout creates the directory tree, the passwd file and the certificates.
func (s *Server) layout(ids ids) error {
	for _, d := range []string{"state", "log", "mail", "home", "tls"} {
		if err := os.Mkdir(filepath.Join(s.Dir, d), 0o755); err != nil {
			return err
		}
	}
	// Mail and home directories are created by the mail processes, which
	// run as the mail user.
	for _, d := range []string{"mail", "home"} {
		if err := os.Chown(filepath.Join(s.Dir, d), ids.mailUID, ids.mailGID); err != nil {
			return err
		}
	}
	s.logFile = filepath.Join(s.Dir, "log", "dovecot.log")
	s.errFile = filepath.Join(s.Dir, "log", "stderr.log")
	s.Conf = filepath.Join(s.Dir, "dovecot.conf")

	// The auth process reads the passwd file as the internal user.
	passwd := filepath.Join(s.Dir, "passwd")
	line := s.User + ":{PLAIN}" + s.Password + "\n"
	if err := os.WriteFile(passwd, []byte(line), 0o640); err != nil {
		return err
	}
	if os.Geteuid() == 0 {
		if err := os.Chown(passwd, 0, ids.mailGID); err != nil {
			return err
		}
	}

	s.CAFile = filepath.Join(s.Dir, "tls", "ca.pem")
	return writeCerts(s.CAFile, filepath.Join(s.Dir, "tls", "server.pem"), filepath.Join(s.Dir, "tls", "server.key"))
}

// pickPorts is freePorts; a variable so a test can force a clash.
var pickPorts = freePorts

// freePorts returns two distinct ports that were free a moment ago.
func freePorts() (int, int, error) {
	var ports [2]int
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, 0, err
		}
		defer l.Close() // held until both are picked, so they differ
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports[0], ports[1], nil
}

var errPortClash = errors.New("a port was taken before Dovecot could bind it")

// launch starts Dovecot and waits until a LOGIN succeeds.
func (s *Server) launch(bin string) error {
	// The logs are kept across restarts for failure messages; only what
	// this run adds is searched for a port clash.
	logStart := [2]int64{fileSize(s.logFile), fileSize(s.errFile)}
	out, err := os.OpenFile(s.errFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer out.Close() // the child has its own copy
	cmd := exec.Command(bin, "-F", "-c", s.Conf)
	// A file, not a pipe: Dovecot's children inherit these descriptors and
	// would keep a pipe open, making Wait hang after the master exits.
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = procAttr()
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd = cmd
	s.done = make(chan struct{})
	go func() { _ = cmd.Wait(); close(s.done) }()
	return s.waitReady(logStart)
}

// waitReady polls until a LOGIN on the plain port succeeds. Dovecot binds
// every listener before it serves any, so the TLS port is up by then too.
//
// It first waits for the master to log that it is "starting up", which it
// does once its listeners are bound: until then the port may belong to
// whoever took it first, and a LOGIN there would hang or mislead. A master
// that failed to bind takes seconds to exit (it waits for its children),
// so the log, not the process, tells of a port clash.
func (s *Server) waitReady(logStart [2]int64) error {
	start := time.Now()
	deadline := start.Add(startTimeout)
	var lastErr error
	for time.Now().Before(deadline) {
		if s.logSince(logStart, "Address already in use") {
			return errPortClash
		}
		select {
		case <-s.done:
			return fmt.Errorf("dovecot exited: %v", s.cmd.ProcessState)
		default:
		}
		// Past a second, try anyway, in case the message changes.
		if s.logSince(logStart, "starting up") || time.Since(start) > time.Second {
			err := s.tryLogin()
			if err == nil {
				return nil
			}
			var refused *loginRefused
			if errors.As(err, &refused) {
				return err
			}
			lastErr = err
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Errorf("no successful LOGIN within %v (last error: %v)", startTimeout, lastErr)
}

// logSince reports whether the log or stdout/stderr contains text after
// the given offsets.
func (s *Server) logSince(offsets [2]int64, text string) bool {
	for i, path := range []string{s.logFile, s.errFile} {
		data, err := os.ReadFile(path)
		if err == nil && int64(len(data)) >= offsets[i] && strings.Contains(string(data[offsets[i]:]), text) {
			return true
		}
	}
	return false
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// loginRefused is a tagged NO or BAD to LOGIN: Dovecot is up but auth is
// broken ("Temporary authentication failure" usually means the auth
// process cannot read the passwd file), so waiting longer will not help.
type loginRefused struct{ reply string }

func (e *loginRefused) Error() string { return "LOGIN refused: " + e.reply }

// tryLogin speaks just enough IMAP to check a LOGIN, so that the package
// needs no IMAP client of its own.
func (s *Server) tryLogin() error {
	conn, err := net.DialTimeout("tcp", s.Addr(), time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	r := bufio.NewReader(conn)
	greeting, err := r.ReadString('\n')
	if err != nil {
		return fmt.Errorf("reading greeting: %v", err)
	}
	if !strings.HasPrefix(greeting, "* OK") {
		return fmt.Errorf("unexpected greeting %q", greeting)
	}
	if _, err := fmt.Fprintf(conn, "a LOGIN %q %q\r\n", s.User, s.Password); err != nil {
		return err
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("reading LOGIN reply: %v", err)
		}
		if reply, ok := strings.CutPrefix(line, "a "); ok {
			if strings.HasPrefix(reply, "OK") {
				_, _ = fmt.Fprintf(conn, "b LOGOUT\r\n")
				return nil
			}
			return &loginRefused{strings.TrimSpace(reply)}
		}
	}
}

// Stop kills Dovecot now rather than when the test ends, for tests of a
// server that goes away: connections drop without a BYE, as in a crash,
// and new ones are refused. (Kick first for a polite disconnect.) Calling
// it again, or after the test, does nothing.
func (s *Server) Stop() { s.stop() }

// Restart kills Dovecot and starts it again with the same config, ports
// and mail, for tests of reconnecting. Sessions drop as with Stop; UIDs
// and UIDVALIDITY survive, as they do when a real server restarts.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.stop()
	bin, err := findBinary("dovecot")
	if err != nil {
		t.Fatalf("dovetest: %v", err)
	}
	if err := s.launch(bin); err != nil {
		s.stop()
		t.Fatalf("dovetest: restarting Dovecot %s: %v\n%s", s.Version, err, s.LogTail(40))
	}
}

// stop SIGKILLs Dovecot's whole process group. A graceful SIGTERM costs a
// second per server (the master sleeps 1 s after telling its children to
// close their listeners) and still leaves imap processes serving their
// clients after the master has gone; the data is thrown away anyway.
// Killed processes cannot write again, so the directory can go at once.
func (s *Server) stop() {
	if s.cmd == nil {
		return
	}
	killGroup(s.cmd)
	<-s.done
	s.cmd = nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return hex.EncodeToString(b)
}
