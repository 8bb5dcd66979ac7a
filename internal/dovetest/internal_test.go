package dovetest

import (
	"fmt"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
)

// fakeTB records Fatalf and Skipf instead of stopping the test.
type fakeTB struct {
	testing.TB
	fatal, skip string
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Fatalf(format string, a ...any) { f.fatal = fmt.Sprintf(format, a...) }
func (f *fakeTB) Skipf(format string, a ...any)  { f.skip = fmt.Sprintf(format, a...) }

func TestRequireWithoutDovecot(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	saved := binDirs
	binDirs = nil
	t.Cleanup(func() { binDirs = saved })

	if Available() == nil {
		t.Fatal("Available() = nil with no dovecot anywhere")
	}
	t.Setenv("CI", "")
	f := &fakeTB{TB: t}
	Require(f)
	if f.skip == "" || f.fatal != "" {
		t.Errorf("outside CI: skip %q, fatal %q; want a skip", f.skip, f.fatal)
	}
	t.Setenv("CI", "true")
	f = &fakeTB{TB: t}
	Require(f)
	if f.fatal == "" || f.skip != "" {
		t.Errorf("CI=true: skip %q, fatal %q; want a failure", f.skip, f.fatal)
	}
}

func TestPortClashIsRetried(t *testing.T) {
	Require(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	calls := 0
	pickPorts = func() (int, int, error) {
		calls++
		p, tp, err := freePorts()
		if calls == 1 {
			p = taken.Addr().(*net.TCPAddr).Port
		}
		return p, tp, err
	}
	t.Cleanup(func() { pickPorts = freePorts })

	s := Start(t)
	if calls != 2 {
		t.Errorf("ports picked %d times, want 2 (one clash, one retry)", calls)
	}
	if s.Port == taken.Addr().(*net.TCPAddr).Port {
		t.Error("server claims the taken port")
	}
}

func TestMajorMinor(t *testing.T) {
	for v, want := range map[string][2]int{
		"2.3.19.1": {2, 3},
		"2.4.1-4":  {2, 4},
		"2.4.0":    {2, 4},
		"3.0":      {3, 0},
	} {
		ma, mi, err := majorMinor(v)
		if err != nil || [2]int{ma, mi} != want {
			t.Errorf("majorMinor(%q) = %d, %d, %v; want %v", v, ma, mi, err, want)
		}
	}
	if _, _, err := majorMinor("garbage"); err == nil {
		t.Error("majorMinor(garbage) succeeded")
	}
}

// TestConfigTemplates renders both templates; only the installed version's
// is checked by Dovecot itself (see the other tests).
func TestConfigTemplates(t *testing.T) {
	for _, version := range []string{"2.3.19.1", "2.4.1-4"} {
		for _, root := range []bool{true, false} {
			path := t.TempDir() + "/dovecot.conf"
			d := configData{Version: version, Root: root, BaseDir: "/run/x", Port: 1143, TLSPort: 1993, MailUID: 7, MailGID: 8, InternalUser: "u", InternalGroup: "g", LoginUser: "l"}
			if err := writeConfig(path, d); err != nil {
				t.Fatalf("%s root=%v: %v", version, root, err)
			}
			conf, _ := os.ReadFile(path)
			for _, want := range []string{"port = 1143", "port = 1993", "base_dir = /run/x", "default_login_user = l"} {
				if !strings.Contains(string(conf), want) {
					t.Errorf("%s root=%v: config lacks %q", version, root, want)
				}
			}
			if got := strings.Contains(string(conf), "chroot ="); got == root {
				t.Errorf("%s root=%v: chroot override present = %v", version, root, got)
			}
		}
	}
	if err := writeConfig(t.TempDir()+"/c", configData{Version: "3.0.0"}); err == nil {
		t.Error("Dovecot 3.0 accepted")
	}
}

func TestMaildirInfo(t *testing.T) {
	got, err := maildirInfo([]imap.Flag{imap.FlagSeen, "\\DRAFT", imap.FlagAnswered, imap.FlagSeen, imap.FlagDeleted, imap.FlagFlagged})
	if err != nil || got != "DFRST" {
		t.Errorf("maildirInfo = %q, %v; want DFRST", got, err)
	}
	if _, err := maildirInfo([]imap.Flag{"$Junk"}); err == nil {
		t.Error("a keyword was accepted")
	}
}

func TestUniqueNamesSortInDeliveryOrder(t *testing.T) {
	s := &Server{}
	prev := s.uniqueName(10)
	for range 10000 {
		name := s.uniqueName(10)
		if maildirLess(name, prev) || name == prev {
			t.Fatalf("%s does not sort after %s", name, prev)
		}
		prev = name
	}
}

// maildirLess orders names as Dovecot's maildir_filename_sort_cmp does:
// by the leading seconds, then by the microseconds after M.
func maildirLess(a, b string) bool {
	var sa, ua, sb, ub int64
	fmt.Sscanf(a, "%d.M%d", &sa, &ua)
	fmt.Sscanf(b, "%d.M%d", &sb, &ub)
	if sa != sb {
		return sa < sb
	}
	return ua < ub
}
