package render

import (
	"regexp"
	"testing"

	"github.com/hooklint/hooklint/internal/corpus"
)

// releaseRef is what mentionsRelease implements without a regexp.
var releaseRef = regexp.MustCompile(`IsInstall|IsUpgrade|Revision|\.Release\b\s*(?:[^.\s]|$)|\.Release\s*$`)

func TestMentionsRelease(t *testing.T) {
	cases := []string{
		"", ".Release", ".Release.Name", ".Release .Name", ".Release\n", ".ReleaseName", ".Release_x",
		"{{ toYaml .Release }}", "{{ $r := .Release }}", "{{ .Release.Revision }}", "IsUpgrade",
		"a .Release.Name b .Release}}", ".Release  .x", ".Release\t\n", "x.Release.Namespace.Release",
		".Release.Name .ReleaseX .Release)", "$.Release.Service", ".Release\f.", ".Releasé",
	}
	charts, _ := corpus.Charts()
	for _, c := range charts {
		ch, err := Load(c.Dir, &Options{})
		if err != nil {
			continue
		}
		for _, src := range ch.Sources {
			cases = append(cases, src)
		}
	}
	for _, s := range cases {
		if got, want := mentionsRelease(s), releaseRef.MatchString(s); got != want {
			t.Errorf("mentionsRelease(%.80q) = %v, the regexp says %v", s, got, want)
		}
	}
}

func FuzzMentionsRelease(f *testing.F) {
	for _, s := range []string{".Release", ".Release.Name", ".Release .x", "a.Release\n", "IsInstall"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mentionsRelease(s), releaseRef.MatchString(s); got != want {
			t.Errorf("mentionsRelease(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

func TestReadsRelease(t *testing.T) {
	for s, want := range map[string]bool{
		"description: Revisions will be removed":                false,
		"a: {{ .Release.Name }} # Revision":                     false,
		"a: {{ .Release.Revision }}":                            true,
		"{{ if .Release.IsUpgrade }}x{{ end }}":                 true,
		`{{ printf "}}" .Release.IsUpgrade }}`:                  true,
		"{{ printf `}}` .Release.IsInstall }}":                  true,
		`{{ printf "a\"}}" | cat .Release.IsInstall }}`:         true,
		"{{ toYaml .Release }}":                                 true,
		"{{/* Revision */}}":                                    true,
		"text .Release }} and IsUpgrade":                        false,
		`{{ "unclosed .Release.IsUpgrade`:                       true,
		"{{ $r := .Release }}{{ $r.Name }}":                     true,
		"{{ .Release.Name }}{{ .Release.Namespace }} Revision ": false,
	} {
		if got := readsRelease(s); got != want {
			t.Errorf("readsRelease(%q) = %v, want %v", s, got, want)
		}
	}
}
