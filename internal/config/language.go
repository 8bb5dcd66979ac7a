package config

import (
	"os"
	"strings"
)

// UILanguage is the language the UI speaks, "nb" or "en": desk.language when
// set, else the language of the user's locale. Nynorsk and the old "no"
// locale get bokmål, the nearest language the UI has; everything else gets
// English.
func (c Config) UILanguage() string {
	if c.Desk.Language != "" {
		return c.Desk.Language
	}
	// POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			return localeLanguage(v)
		}
	}
	return "en"
}

// localeLanguage maps a locale name such as "nb_NO.UTF-8", "nn_NO@euro" or
// "nb-NO" to "nb" or "en".
func localeLanguage(locale string) string {
	lang, _, _ := strings.Cut(locale, "_")
	lang, _, _ = strings.Cut(lang, "-")
	lang, _, _ = strings.Cut(lang, ".")
	lang, _, _ = strings.Cut(lang, "@")
	switch strings.ToLower(lang) {
	case "nb", "nn", "no":
		return "nb"
	}
	return "en"
}
