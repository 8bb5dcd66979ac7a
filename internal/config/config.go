// Package config reads pvdesk's TOML configuration (DESIGN.md,
// "Configuration"), finds its files by the XDG base directory rules, and
// fetches the mail passwords from the environment or a password_cmd, so that
// no password is ever written in the file itself.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is the whole configuration file.
type Config struct {
	IMAP    IMAP    `toml:"imap"`
	SMTP    SMTP    `toml:"smtp"`
	Desk    Desk    `toml:"desk"`
	Company Company `toml:"company"`
}

// Company is the [company] table: who the letters are from. Empty fields
// fall back to the built-in Magnet AS details of internal/reply.
type Company struct {
	Name    string `toml:"name"`
	OrgNr   string `toml:"org_nr"`
	Address string `toml:"address"`
	Email   string `toml:"email"`
	Web     string `toml:"web"`
}

// The values of IMAP.Security and SMTP.Security.
const (
	// SecurityTLS is TLS from the first byte (IMAPS, SMTPS).
	SecurityTLS = "tls"
	// SecurityStartTLS upgrades a plain connection with STARTTLS.
	SecurityStartTLS = "starttls"
	// SecurityNone is no encryption at all; it is accepted only for a
	// loopback host, where the demo servers and local bridges listen.
	SecurityNone = "none"
)

// IMAP is the [imap] table: the mailbox that requests arrive in.
type IMAP struct {
	Host     string `toml:"host"`
	Port     int    `toml:"port"`     // 0 in the file: the default for Security
	Security string `toml:"security"` // SecurityTLS, SecurityStartTLS or SecurityNone
	Username string `toml:"username"`
	// PasswordCmd is a shell command whose first line of output is the
	// password; see IMAPPassword.
	PasswordCmd string    `toml:"password_cmd"`
	Mailbox     Mailboxes `toml:"mailbox"`
	// CAFile is a PEM file of extra CAs to trust, for a private server.
	CAFile string `toml:"ca_file"`
	// Timeout is how long the server may stay silent before the connection
	// is given up as dead.
	Timeout Duration `toml:"timeout"`
	// PollInterval is how often to check for new mail when the server does
	// not push it (no IDLE).
	PollInterval Duration `toml:"poll_interval"`
	// MaxMessageBytes is the largest message fetched; bigger ones are
	// recorded but not downloaded, so one huge attachment cannot exhaust
	// memory or the database.
	MaxMessageBytes int64 `toml:"max_message_bytes"`
	// Idle uses IMAP IDLE to hear of new mail at once (default true); false
	// polls every PollInterval, for a server or proxy whose IDLE misbehaves.
	Idle bool `toml:"idle"`
	// SentMailbox is where a copy of each reply is filed: "" finds the
	// mailbox marked \Sent (else "Sent"); "-" files none, for servers that
	// file what they relay themselves.
	SentMailbox string `toml:"sent_mailbox"`
}

// SMTP is the [smtp] table: where replies are sent through.
type SMTP struct {
	Host     string `toml:"host"`
	Port     int    `toml:"port"`     // 0 in the file: the default for Security
	Security string `toml:"security"` // SecurityTLS, SecurityStartTLS or SecurityNone
	Username string `toml:"username"`
	// PasswordCmd is as for IMAP; see SMTPPassword.
	PasswordCmd string `toml:"password_cmd"`
	// From is the From header of replies, an RFC 5322 address.
	From string `toml:"from"`
	// CAFile is a PEM file of extra CAs to trust, for a private server.
	CAFile string `toml:"ca_file"`
	// Timeout is how long the server may stay silent.
	Timeout Duration `toml:"timeout"`
}

// Desk is the [desk] table: how the desk itself behaves.
type Desk struct {
	// Database is the SQLite file; "" means DefaultDatabase (see
	// DatabasePath).
	Database string `toml:"database"`
	// Language is the UI language, "nb" or "en"; "" means from the locale
	// (see Config.UILanguage).
	Language string `toml:"language"`
	// DueSoonDays is how many days before its deadline a case counts as due
	// soon.
	DueSoonDays int `toml:"due_soon_days"`
	// Leads are the user names that see the team-lead screens.
	Leads []string `toml:"leads"`
	// LeadAddresses maps a lead's user name to the address the daily
	// digest goes to; a lead without one gets user@ the domain of
	// smtp.from.
	LeadAddresses map[string]string `toml:"lead_addresses"`
	// Systems are where personal data is kept; the checklists ask the
	// handler to search or change each one.
	Systems []string `toml:"systems"`
}

// Default is the configuration used when there is no file, and the base the
// file's settings are laid over.
func Default() Config {
	c := base()
	c.fillPorts()
	return c
}

// base is Default without the ports, which depend on the security the file
// chooses and so can only be filled in after it has been read.
func base() Config {
	// Every slice is built afresh: the TOML decoder writes a list into the
	// existing backing array when it is large enough, and a shared default
	// would then be changed by the first file read.
	return Config{
		IMAP: IMAP{
			Security:        SecurityTLS,
			Mailbox:         Mailboxes{"INBOX"},
			Timeout:         Duration{60 * time.Second},
			PollInterval:    Duration{60 * time.Second},
			MaxMessageBytes: 50 << 20,
			Idle:            true,
		},
		SMTP: SMTP{Security: SecurityTLS, From: "Magnet AS <post@magnetharstad.no>", Timeout: Duration{60 * time.Second}},
		Desk: Desk{
			DueSoonDays: 7,
			Systems:     []string{"Nyhetsbrev", "CRM", "Regnskap", "Nettside og informasjonskapsler"},
		},
	}
}

// Load reads the configuration at path over the defaults and checks it.
//
// An empty path means DefaultPath, where a missing file is normal (the
// defaults are returned); a path the user named must exist. Keys the program
// does not know are an error, so that a misspelt setting is reported instead
// of silently ignored.
func Load(path string) (Config, error) {
	explicit := path != ""
	if !explicit {
		path = DefaultPath()
	}
	c := base()
	if path != "" {
		md, err := toml.DecodeFile(path, &c)
		if err != nil {
			if !explicit && errors.Is(err, fs.ErrNotExist) {
				return Default(), nil
			}
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
		if unknown := unknownKeys(md.Undecoded()); len(unknown) > 0 {
			return Config{}, fmt.Errorf("config %s: unknown settings: %s", path, strings.Join(unknown, ", "))
		}
	}
	c.fillPorts()
	if err := c.validate(); err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// unknownKeys names the keys the decoder did not use. The keys inside an
// unknown table are left out: the table's name already says what is wrong.
func unknownKeys(keys []toml.Key) []string {
	var names []string
	for _, k := range keys {
		if slices.ContainsFunc(names, func(table string) bool {
			return strings.HasPrefix(k.String(), table+".")
		}) {
			continue
		}
		names = append(names, k.String())
	}
	return names
}

// fillPorts gives each server without a port the standard one for its
// security: IMAPS 993, IMAP 143, SMTPS 465, submission 587; plain SMTP uses
// 25, which is where loopback relays listen.
func (c *Config) fillPorts() {
	if c.IMAP.Port == 0 {
		c.IMAP.Port = map[string]int{SecurityTLS: 993, SecurityStartTLS: 143, SecurityNone: 143}[c.IMAP.Security]
	}
	if c.SMTP.Port == 0 {
		c.SMTP.Port = map[string]int{SecurityTLS: 465, SecurityStartTLS: 587, SecurityNone: 25}[c.SMTP.Security]
	}
}

// validate reports every problem at once, each under the name of its key,
// so a user fixing the file does not have to run the program once per
// mistake.
func (c Config) validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	server := func(table, host string, port int, security string) {
		switch security {
		case SecurityTLS, SecurityStartTLS:
		case SecurityNone:
			if !IsLoopback(host) {
				bad(table+".security", "%q sends the password unencrypted; it is allowed only for a loopback host (localhost, 127.0.0.1, ::1), not %q", security, host)
			}
		default:
			bad(table+".security", "%q is not one of tls, starttls, none", security)
		}
		if port < 1 || port > 65535 {
			bad(table+".port", "%d is not a TCP port", port)
		}
	}
	server("imap", c.IMAP.Host, c.IMAP.Port, c.IMAP.Security)
	server("smtp", c.SMTP.Host, c.SMTP.Port, c.SMTP.Security)

	if c.IMAP.Timeout.Duration <= 0 {
		bad("imap.timeout", "%s is not a positive duration", c.IMAP.Timeout)
	}
	if c.IMAP.PollInterval.Duration <= 0 {
		bad("imap.poll_interval", "%s is not a positive duration", c.IMAP.PollInterval)
	}
	if c.IMAP.MaxMessageBytes <= 0 {
		bad("imap.max_message_bytes", "%d is not a positive size", c.IMAP.MaxMessageBytes)
	}
	if c.SMTP.From != "" {
		if _, err := mail.ParseAddress(c.SMTP.From); err != nil {
			bad("smtp.from", "%q is not an e-mail address: %v", c.SMTP.From, err)
		}
	}

	switch c.Desk.Language {
	case "", "nb", "en":
	default:
		bad("desk.language", "%q is not nb or en", c.Desk.Language)
	}
	if c.Desk.DueSoonDays < 0 {
		bad("desk.due_soon_days", "%d is negative", c.Desk.DueSoonDays)
	}
	for _, l := range c.Desk.Leads {
		if strings.TrimSpace(l) == "" {
			bad("desk.leads", "an empty user name")
		}
	}
	for _, s := range c.Desk.Systems {
		if strings.TrimSpace(s) == "" {
			bad("desk.systems", "an empty system name")
		}
	}
	return errors.Join(errs...)
}

// IsLoopback reports whether host is this machine by its literal name or
// address. Nothing is resolved: a name that merely resolves to 127.0.0.1
// today could point elsewhere tomorrow, and a lookup could be spoofed.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// DatabasePath is Database, or DefaultDatabase when it is not set.
func (d Desk) DatabasePath() string {
	if d.Database != "" {
		return d.Database
	}
	return DefaultDatabase()
}

// IsLead reports whether user may see the team-lead screens.
func (d Desk) IsLead(user string) bool { return slices.Contains(d.Leads, user) }
