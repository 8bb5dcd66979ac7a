package ui

import (
	"reflect"
	"testing"

	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
)

// Every label exists in both languages, so no screen shows an empty cell
// or a raw identifier.
func TestTranslationsComplete(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		tr := translations(lang)
		if tr.Lang != lang {
			t.Errorf("translations(%q) gave %q", lang, tr.Lang)
		}
		v := reflect.ValueOf(tr).Elem()
		for i := range v.NumField() {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("%s: %s is empty", lang, name)
				}
			case reflect.Array:
				for k := range f.Len() {
					if f.Index(k).String() == "" {
						t.Errorf("%s: %s[%d] is empty", lang, name, k)
					}
				}
			}
		}
		for _, st := range dsr.AllStatuses {
			if tr.Statuses[st] == "" || tr.ShortStatuses[st] == "" {
				t.Errorf("%s: status %s has no name", lang, st)
			}
		}
		for _, k := range reply.Kinds {
			if tr.KindNames[k] == "" {
				t.Errorf("%s: reply kind %s has no name", lang, k)
			}
		}
		for _, k := range []reply.Kind{reply.Refusal, reply.Clarification, reply.Answer, reply.Completion} {
			if tr.ReasonPrompts[k] == "" {
				t.Errorf("%s: reply kind %s has no prompt for its reason", lang, k)
			}
		}
		for _, k := range []string{"extension", "refusal"} {
			if tr.ApprovalKinds[k] == "" {
				t.Errorf("%s: approval kind %s has no name", lang, k)
			}
		}
		for _, r := range dsr.AllRights {
			if tr.RightNames[r] == "" || tr.RightShort[r] == "" {
				t.Errorf("%s: right %s has no name", lang, r)
			}
		}
	}
	if translations("en_GB.UTF-8").Lang != "en" || translations("nn_NO").Lang != "nb" || translations("").Lang != "nb" {
		t.Error("language fallback is wrong")
	}
}
