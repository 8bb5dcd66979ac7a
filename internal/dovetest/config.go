package dovetest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/template"
)

// configData fills the config templates.
type configData struct {
	Version  string
	Root     bool // running as root: privilege separation and chroots work
	BaseDir  string
	StateDir string
	LogFile  string
	MailDir  string // parent of every user's maildir root
	HomeDir  string // parent of every user's home
	Passwd   string
	CertFile string
	KeyFile  string
	Port     int
	TLSPort  int

	InternalUser  string // auth, anvil, stats...
	InternalGroup string
	LoginUser     string // imap-login, which faces the network
	MailUID       int    // mail processes and maildir files
	MailGID       int

	Extra []string // lines added at the end, from Start's caller
}

// The templates share their reasons:
//
//   - listen on loopback only, with imap (plain and STARTTLS) and imaps;
//   - state_dir and base_dir are private, so several servers can run at
//     once and none touches the system's Dovecot;
//   - first_valid_uid/gid 0, because as root the mail user is a system
//     account below the default limit of 500;
//   - cleartext LOGIN allowed without TLS: tests log in on loopback;
//   - mail_fsync never: the data is thrown away, and fsync dominates the
//     cost of delivering thousands of messages;
//   - no auth failure delay: a wrong-password test would otherwise wait
//     two seconds, and anvil's penalty would slow every later login;
//   - without root, an unprivileged master cannot chroot, so the
//     processes that would chroot (imap-login, anvil) do not.
//
// The maildir of user U is MailDir/U and its home HomeDir/U. Mailboxes use
// Dovecot's default namespace, so the hierarchy separator is ".", as on a
// stock Debian install.

var config23 = template.Must(template.New("2.3").Parse(`# dovetest: a throwaway Dovecot {{.Version}} for tests.
base_dir = {{.BaseDir}}
state_dir = {{.StateDir}}
listen = 127.0.0.1
protocols = imap
log_path = {{.LogFile}}
info_log_path = {{.LogFile}}
auth_verbose = yes

first_valid_uid = 0
first_valid_gid = 0
default_internal_user = {{.InternalUser}}
default_internal_group = {{.InternalGroup}}
default_login_user = {{.LoginUser}}

disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0

ssl = yes
ssl_cert = <{{.CertFile}}
ssl_key = <{{.KeyFile}}

mail_location = maildir:{{.MailDir}}/%u
mail_fsync = never
namespace inbox {
  inbox = yes
}

passdb {
  driver = passwd-file
  args = username_format=%u {{.Passwd}}
}
userdb {
  driver = static
  args = uid={{.MailUID}} gid={{.MailGID}} home={{.HomeDir}}/%u
}

service imap-login {
  inet_listener imap {
    port = {{.Port}}
  }
  inet_listener imaps {
    port = {{.TLSPort}}
    ssl = yes
  }
{{- if not .Root}}
  chroot =
{{- end}}
}
service anvil {
{{- if not .Root}}
  chroot =
{{- end}}
  # Mode 0 turns anvil's auth penalty off (the documented way in 2.3).
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`))

// config24 is the same server in Dovecot 2.4's incompatible syntax. It is
// written from the 2.4 documentation; CI runs Debian 12, whose Dovecot is
// 2.3, so this template is not exercised there.
var config24 = template.Must(template.New("2.4").Parse(`dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
# dovetest: a throwaway Dovecot {{.Version}} for tests.
base_dir = {{.BaseDir}}
state_dir = {{.StateDir}}
listen = 127.0.0.1
protocols = imap
log_path = {{.LogFile}}
info_log_path = {{.LogFile}}
auth_verbose = yes

first_valid_uid = 0
first_valid_gid = 0
default_internal_user = {{.InternalUser}}
default_internal_group = {{.InternalGroup}}
default_login_user = {{.LoginUser}}

auth_allow_cleartext = yes
auth_mechanisms = plain login
auth_failure_delay = 0

ssl = yes
ssl_server_cert_file = {{.CertFile}}
ssl_server_key_file = {{.KeyFile}}

mail_driver = maildir
mail_path = {{.MailDir}}/%{user}
mail_fsync = never
namespace inbox {
  inbox = yes
}

passdb passwd-file {
  passwd_file_path = {{.Passwd}}
}
userdb static {
  fields {
    uid = {{.MailUID}}
    gid = {{.MailGID}}
    home = {{.HomeDir}}/%{user}
  }
}

service imap-login {
  inet_listener imap {
    port = {{.Port}}
  }
  inet_listener imaps {
    port = {{.TLSPort}}
    ssl = yes
  }
{{- if not .Root}}
  chroot =
{{- end}}
}
{{- if not .Root}}
service anvil {
  chroot =
}
{{- end}}
`))

// writeConfig renders the template for the installed major.minor version.
func writeConfig(path string, d configData) error {
	major, minor, err := majorMinor(d.Version)
	if err != nil {
		return err
	}
	var tmpl *template.Template
	switch {
	case major == 2 && minor == 3:
		tmpl = config23
	case major == 2 && minor >= 4:
		tmpl = config24
	default:
		return fmt.Errorf("unsupported Dovecot version %s: only 2.3 and 2.4 configs are known", d.Version)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, d); err != nil {
		return err
	}
	for _, line := range d.Extra {
		b.WriteString(line + "\n")
	}
	// Readable by the config process only; it runs as root or as us.
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

// majorMinor parses "2.3.19.1" or "2.4.1-4".
func majorMinor(version string) (int, int, error) {
	parts := strings.SplitN(version, ".", 3)
	if len(parts) < 2 {
		return 0, 0, fmt.Errorf("cannot parse Dovecot version %q", version)
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(strings.SplitN(parts[1], "-", 2)[0])
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("cannot parse Dovecot version %q", version)
	}
	return major, minor, nil
}
