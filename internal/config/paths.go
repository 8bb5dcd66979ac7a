package config

import (
	"os"
	"path/filepath"
	"strings"
)

// DefaultPath is where the configuration is read from when no --config is
// given: $XDG_CONFIG_HOME/pvdesk/config.toml, or ~/.config/pvdesk/config.toml.
// It is "" when neither variable nor a home directory is known.
func DefaultPath() string {
	return xdgPath("XDG_CONFIG_HOME", ".config", "config.toml")
}

// DefaultDatabase is where the case database lives when desk.database is not
// set: $XDG_DATA_HOME/pvdesk/pvdesk.db, or ~/.local/share/pvdesk/pvdesk.db.
// It is "" when neither variable nor a home directory is known.
func DefaultDatabase() string {
	return xdgPath("XDG_DATA_HOME", filepath.Join(".local", "share"), "pvdesk.db")
}

// xdgPath follows the XDG Base Directory specification, which says a
// relative value in the variable is invalid and must be ignored; using it
// would make the file depend on the directory pvdesk was started from.
//
// os.UserConfigDir is not used because it is the platform's convention (on
// macOS ~/Library/Application Support), while the design promises the XDG
// layout everywhere.
func xdgPath(env, fallback, file string) string {
	dir := os.Getenv(env)
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil || strings.TrimSpace(home) == "" {
			return ""
		}
		dir = filepath.Join(home, fallback)
	}
	return filepath.Join(dir, "pvdesk", file)
}

// TemplateDir is where reply template overrides live:
// $XDG_CONFIG_HOME/pvdesk/templates (or ~/.config/pvdesk/templates).
func TemplateDir() string {
	return xdgPath("XDG_CONFIG_HOME", ".config", "templates")
}
