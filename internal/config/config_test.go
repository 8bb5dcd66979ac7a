package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// designSample is the example file of DESIGN.md, "Configuration", verbatim.
const designSample = `[imap]
host = "imap.example.no"
port = 993
security = "tls"            # tls | starttls | none  (none: loopback only)
username = "post@magnetharstad.no"
password_cmd = "pass show magnet/post"   # or env PVDESK_IMAP_PASSWORD
mailbox = "INBOX"
ca_file = ""                # extra CA for a private server

[smtp]
host = "smtp.example.no"
port = 465
security = "tls"            # tls | starttls | none (loopback only)
username = "post@magnetharstad.no"
password_cmd = ""           # or env PVDESK_SMTP_PASSWORD
from = "Magnet AS <post@magnetharstad.no>"

[desk]
database = ""               # default $XDG_DATA_HOME/pvdesk/pvdesk.db
language = "nb"             # UI language: nb | en (default from $LANG)
due_soon_days = 7
leads = ["kari"]            # user names (local: $USER) who see the lead screens
systems = ["Nyhetsbrev", "CRM", "Regnskap", "Nettside og informasjonskapsler"]
`

// write puts a config file in a fresh directory and returns its path.
func write(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func load(t *testing.T, content string) (Config, error) {
	t.Helper()
	return Load(write(t, content))
}

func TestLoadDesignSample(t *testing.T) {
	got, err := load(t, designSample)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		IMAP: IMAP{
			Host:            "imap.example.no",
			Port:            993,
			Security:        "tls",
			Username:        "post@magnetharstad.no",
			PasswordCmd:     "pass show magnet/post",
			Mailbox:         Mailboxes{"INBOX"},
			Timeout:         Duration{60 * time.Second},
			PollInterval:    Duration{60 * time.Second},
			MaxMessageBytes: 50 << 20,
			Idle:            true,
		},
		SMTP: SMTP{
			Host:     "smtp.example.no",
			Port:     465,
			Security: "tls",
			Username: "post@magnetharstad.no",
			From:     "Magnet AS <post@magnetharstad.no>",
			Timeout:  Duration{60 * time.Second},
		},
		Desk: Desk{
			Language:    "nb",
			DueSoonDays: 7,
			Leads:       []string{"kari"},
			Systems:     []string{"Nyhetsbrev", "CRM", "Regnskap", "Nettside og informasjonskapsler"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load(DESIGN.md sample) =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLoadAllSettings(t *testing.T) {
	got, err := load(t, `
[imap]
host = "127.0.0.1"
security = "none"
mailbox = ["INBOX", "Personvern"]
ca_file = "/etc/pvdesk/ca.pem"
timeout = "2m30s"
poll_interval = "15s"
max_message_bytes = 1048576
[smtp]
host = "localhost"
security = "starttls"
[desk]
database = "/var/lib/pvdesk/cases.db"
language = "en"
due_soon_days = 0
systems = ["CRM"]
`)
	if err != nil {
		t.Fatal(err)
	}
	if got.IMAP.Port != 143 || got.SMTP.Port != 587 {
		t.Errorf("ports %d, %d; want 143 (imap none), 587 (smtp starttls)", got.IMAP.Port, got.SMTP.Port)
	}
	if !reflect.DeepEqual(got.IMAP.Mailbox, Mailboxes{"INBOX", "Personvern"}) {
		t.Errorf("mailbox = %q", got.IMAP.Mailbox)
	}
	if got.IMAP.Timeout.Duration != 150*time.Second || got.IMAP.PollInterval.Duration != 15*time.Second {
		t.Errorf("timeout %v, poll_interval %v", got.IMAP.Timeout, got.IMAP.PollInterval)
	}
	if got.IMAP.MaxMessageBytes != 1<<20 || got.IMAP.CAFile != "/etc/pvdesk/ca.pem" {
		t.Errorf("max_message_bytes %d, ca_file %q", got.IMAP.MaxMessageBytes, got.IMAP.CAFile)
	}
	if got.Desk.DatabasePath() != "/var/lib/pvdesk/cases.db" || got.Desk.DueSoonDays != 0 {
		t.Errorf("desk = %+v", got.Desk)
	}
	if !reflect.DeepEqual(got.Desk.Systems, []string{"CRM"}) {
		t.Errorf("systems = %q", got.Desk.Systems)
	}
	// A list in the file replaces the default list; it must not have
	// written into the defaults the next Load starts from.
	if d := Default().Desk.Systems; len(d) != 4 || d[0] != "Nyhetsbrev" {
		t.Errorf("Default().Desk.Systems changed by a Load: %q", d)
	}
}

func TestMailbox(t *testing.T) {
	ok := []struct {
		toml string
		want Mailboxes
	}{
		{`mailbox = "Personvern"`, Mailboxes{"Personvern"}},
		{`mailbox = ["Personvern"]`, Mailboxes{"Personvern"}},
		{`mailbox = ["INBOX", "INBOX.Personvern"]`, Mailboxes{"INBOX", "INBOX.Personvern"}},
		{``, Mailboxes{"INBOX"}}, // the default
	}
	for _, c := range ok {
		got, err := load(t, "[imap]\n"+c.toml+"\n")
		if err != nil {
			t.Errorf("%s: %v", c.toml, err)
			continue
		}
		if !reflect.DeepEqual(got.IMAP.Mailbox, c.want) {
			t.Errorf("%s: got %q, want %q", c.toml, got.IMAP.Mailbox, c.want)
		}
	}
	bad := []struct{ toml, msg string }{
		{`mailbox = []`, "empty"},
		{`mailbox = ""`, "empty mailbox name"},
		{`mailbox = ["INBOX", "inbox"]`, "twice"}, // INBOX is case-insensitive
		{`mailbox = ["INBOX", 7]`, "not a mailbox name"},
		{`mailbox = 7`, "a name or a list"},
	}
	for _, c := range bad {
		_, err := load(t, "[imap]\n"+c.toml+"\n")
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %v, want one containing %q", c.toml, err, c.msg)
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	_, err := load(t, `
[imap]
hots = "imap.example.no"
[desk]
lead = ["kari"]
due_soon_days = 3
[firma]
name = "Magnet AS"
`)
	if err == nil {
		t.Fatal("misspelt keys were accepted")
	}
	for _, key := range []string{"imap.hots", "desk.lead", "firma"} {
		if !strings.Contains(err.Error(), key) {
			t.Errorf("error %q does not name %s", err, key)
		}
	}
	if strings.Contains(err.Error(), "due_soon_days") {
		t.Errorf("error %q names a known key", err)
	}
	// The keys of an unknown table add nothing to the table's name.
	if strings.Contains(err.Error(), "company.name") {
		t.Errorf("error %q lists the keys inside an unknown table", err)
	}
}

func TestSecurityNone(t *testing.T) {
	cases := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true}, // all of 127/8 is loopback
		{"::1", true},
		{"[::1]", true},
		{"localhost", true},
		{"LocalHost.", true},
		{"imap.example.no", false},
		{"10.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"localhost.example.no", false}, // a real name that only looks local
		{"127.0.0.1.nip.io", false},     // resolves to loopback, but is a name
		{"", false},
	}
	for _, c := range cases {
		for _, table := range []string{"imap", "smtp"} {
			_, err := load(t, "["+table+"]\nhost = \""+c.host+"\"\nsecurity = \"none\"\n")
			if (err == nil) != c.ok {
				t.Errorf("%s.host %q with security none: error %v, want ok=%v", table, c.host, err, c.ok)
			}
			if err != nil && !strings.Contains(err.Error(), table+".security") {
				t.Errorf("error %q does not name %s.security", err, table)
			}
		}
	}
}

func TestPorts(t *testing.T) {
	cases := []struct {
		security       string
		imapPort, smtp int
	}{
		{"tls", 993, 465},
		{"starttls", 143, 587},
		{"none", 143, 25},
	}
	for _, c := range cases {
		got, err := load(t, `
[imap]
host = "localhost"
security = "`+c.security+`"
[smtp]
host = "localhost"
security = "`+c.security+`"
`)
		if err != nil {
			t.Fatal(err)
		}
		if got.IMAP.Port != c.imapPort || got.SMTP.Port != c.smtp {
			t.Errorf("%s: ports %d/%d, want %d/%d", c.security, got.IMAP.Port, got.SMTP.Port, c.imapPort, c.smtp)
		}
	}
	// A port given in the file is kept whatever the security.
	got, err := load(t, "[imap]\nsecurity = \"starttls\"\nport = 1143\n")
	if err != nil || got.IMAP.Port != 1143 {
		t.Errorf("explicit port: %d, %v", got.IMAP.Port, err)
	}
	if _, err := load(t, "[smtp]\nport = 70000\n"); err == nil || !strings.Contains(err.Error(), "smtp.port") {
		t.Errorf("port 70000: %v", err)
	}
}

func TestValidation(t *testing.T) {
	cases := []struct{ toml, key string }{
		{"[imap]\nsecurity = \"ssl\"", "imap.security"},
		{"[smtp]\nsecurity = \"\"", "smtp.security"},
		{"[desk]\nlanguage = \"de\"", "desk.language"},
		{"[desk]\nlanguage = \"nn\"", "desk.language"}, // the UI has no nynorsk
		{"[desk]\ndue_soon_days = -1", "desk.due_soon_days"},
		{"[desk]\nleads = [\"\"]", "desk.leads"},
		{"[imap]\ntimeout = \"60\"", "timeout"}, // no unit
		{"[imap]\ntimeout = 60", "timeout"},     // a number, not a duration
		{"[imap]\ntimeout = \"0s\"", "imap.timeout"},
		{"[imap]\npoll_interval = \"-5s\"", "imap.poll_interval"},
		{"[imap]\nmax_message_bytes = 0", "imap.max_message_bytes"},
		{"[smtp]\nfrom = \"Magnet AS\"", "smtp.from"},
		{"[imap]\nport = \"993\"", "port"},
		{"[desk", "config"}, // not TOML at all
	}
	for _, c := range cases {
		_, err := load(t, c.toml+"\n")
		if err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%q: error %v, want one naming %s", c.toml, err, c.key)
		}
	}

	// Every problem is reported, not only the first.
	_, err := load(t, "[imap]\nsecurity = \"ssl\"\n[desk]\nlanguage = \"de\"\ndue_soon_days = -2\n")
	for _, key := range []string{"imap.security", "desk.language", "desk.due_soon_days"} {
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("error %v does not name %s", err, key)
		}
	}
}

func TestDefaults(t *testing.T) {
	d := Default()
	if d.IMAP.Security != "tls" || d.IMAP.Port != 993 || d.SMTP.Security != "tls" || d.SMTP.Port != 465 {
		t.Errorf("servers: %+v %+v", d.IMAP, d.SMTP)
	}
	if !reflect.DeepEqual(d.IMAP.Mailbox, Mailboxes{"INBOX"}) {
		t.Errorf("mailbox %q", d.IMAP.Mailbox)
	}
	if d.IMAP.Timeout.Duration != time.Minute || d.IMAP.PollInterval.Duration != time.Minute || d.IMAP.MaxMessageBytes != 50<<20 {
		t.Errorf("imap limits: %+v", d.IMAP)
	}
	if d.Desk.DueSoonDays != 7 || d.Desk.Language != "" || len(d.Desk.Leads) != 0 {
		t.Errorf("desk: %+v", d.Desk)
	}
	if !reflect.DeepEqual(d.Desk.Systems, []string{"Nyhetsbrev", "CRM", "Regnskap", "Nettside og informasjonskapsler"}) {
		t.Errorf("systems %q", d.Desk.Systems)
	}
	if err := d.validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}

	// An empty file is the defaults too.
	got, err := load(t, "")
	if err != nil || !reflect.DeepEqual(got, d) {
		t.Errorf("Load(empty file) = %+v, %v", got, err)
	}
}

func TestLoadDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)

	// No file at the default path: the defaults, no error.
	got, err := Load("")
	if err != nil || !reflect.DeepEqual(got, Default()) {
		t.Fatalf("Load(\"\") without a file = %+v, %v", got, err)
	}

	// A file there is read.
	if err := os.MkdirAll(filepath.Join(dir, "pvdesk"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pvdesk", "config.toml"), []byte("[desk]\ndue_soon_days = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err = Load("")
	if err != nil || got.Desk.DueSoonDays != 3 {
		t.Errorf("Load(\"\") with a file: due_soon_days %d, %v", got.Desk.DueSoonDays, err)
	}
}

func TestLoadExplicitMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.toml")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Load(%s) = %v, want an error naming the file", path, err)
	}
}

func TestUILanguage(t *testing.T) {
	cases := []struct {
		desk, lcAll, lcMessages, lang, want string
	}{
		{"en", "", "", "nb_NO.UTF-8", "en"}, // the config wins
		{"nb", "", "", "en_GB.UTF-8", "nb"},
		{"", "", "", "nb_NO.UTF-8", "nb"},
		{"", "", "", "nn_NO.UTF-8", "nb"}, // nynorsk: the nearest we have
		{"", "", "", "no_NO", "nb"},       // the old Norwegian locale
		{"", "", "", "nb-NO", "nb"},
		{"", "", "", "en_US.UTF-8", "en"},
		{"", "", "", "sv_SE.UTF-8", "en"},
		{"", "", "", "C", "en"},
		{"", "", "", "", "en"},
		{"", "en_US.UTF-8", "", "nb_NO.UTF-8", "en"}, // LC_ALL overrides LANG
		{"", "", "nb_NO.UTF-8", "en_US.UTF-8", "nb"}, // LC_MESSAGES too
		{"", "nb_NO.UTF-8", "en_US.UTF-8", "", "nb"}, // LC_ALL over LC_MESSAGES
	}
	for _, c := range cases {
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", c.lcMessages)
		t.Setenv("LANG", c.lang)
		cfg := Default()
		cfg.Desk.Language = c.desk
		if got := cfg.UILanguage(); got != c.want {
			t.Errorf("desk %q, LC_ALL %q, LC_MESSAGES %q, LANG %q: %s, want %s",
				c.desk, c.lcAll, c.lcMessages, c.lang, got, c.want)
		}
	}
}

func TestPaths(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)

	t.Setenv("XDG_CONFIG_HOME", "/xdg/config")
	t.Setenv("XDG_DATA_HOME", "/xdg/data")
	if got := DefaultPath(); got != "/xdg/config/pvdesk/config.toml" {
		t.Errorf("DefaultPath = %s", got)
	}
	if got := DefaultDatabase(); got != "/xdg/data/pvdesk/pvdesk.db" {
		t.Errorf("DefaultDatabase = %s", got)
	}
	if got := (Desk{}).DatabasePath(); got != "/xdg/data/pvdesk/pvdesk.db" {
		t.Errorf("DatabasePath with no database = %s", got)
	}

	// Unset, and relative (invalid by the XDG spec): the home fallbacks.
	for _, v := range []string{"", "relative/dir"} {
		t.Setenv("XDG_CONFIG_HOME", v)
		t.Setenv("XDG_DATA_HOME", v)
		if got, want := DefaultPath(), filepath.Join(home, ".config", "pvdesk", "config.toml"); got != want {
			t.Errorf("XDG_CONFIG_HOME=%q: DefaultPath = %s, want %s", v, got, want)
		}
		if got, want := DefaultDatabase(), filepath.Join(home, ".local", "share", "pvdesk", "pvdesk.db"); got != want {
			t.Errorf("XDG_DATA_HOME=%q: DefaultDatabase = %s, want %s", v, got, want)
		}
	}
}

func TestDurationText(t *testing.T) {
	var d Duration
	if err := d.UnmarshalText([]byte("1h2m")); err != nil || d.Duration != time.Hour+2*time.Minute {
		t.Fatalf("UnmarshalText(1h2m) = %v, %v", d, err)
	}
	b, _ := d.MarshalText()
	var back Duration
	if err := back.UnmarshalText(b); err != nil || back != d {
		t.Errorf("round trip through %q gave %v, %v", b, back, err)
	}
}
