package render_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/render"
)

// TestUpgradeBlindRendersTheSame: on every corpus chart and fixture, each
// template Chart.UpgradeBlind calls blind renders the same bytes in a full
// install render and a full upgrade render.
func TestUpgradeBlindRendersTheSame(t *testing.T) {
	blindN, seeN := 0, 0
	for _, tg := range renderTargets(t) {
		c, opts, ok := tg.load()
		if !ok {
			continue
		}
		in, err1 := render.Render(c, opts, render.Install)
		up, err2 := render.Render(c, opts, render.Upgrade)
		again, err3 := render.Render(c, opts, render.Install)
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		all := map[string]bool{}
		for p := range c.Sources {
			all[p] = true
		}
		blind := c.UpgradeBlind(all)
		for p := range all {
			if !blind[p] {
				seeN++
				continue
			}
			if in.Files[p] != again.Files[p] {
				continue // random in every render (htpasswd's bcrypt salt)
			}
			blindN++
			if in.Files[p] != up.Files[p] {
				t.Errorf("%s: %s is called blind to upgrades but renders differently", tg.name, p)
			}
		}
	}
	t.Logf("%d templates blind to upgrades, %d not", blindN, seeN)
	if blindN == 0 || seeN == 0 {
		t.Fatalf("nothing to compare: %d blind, %d not", blindN, seeN)
	}
}

// TestUpgradeBlind: what makes a template see an upgrade.
func TestUpgradeBlind(t *testing.T) {
	helpers := `{{- define "plain" }}name: x{{ end }}
{{- define "reads" }}{{ if .Release.IsUpgrade }}up{{ end }}{{ end }}
{{- define "indirect" }}{{ include "reads" . }}{{ end }}
{{- define "tplv" }}{{ tpl .Values.text . }}{{ end }}
`
	tests := map[string]string{
		"plain.yaml":    `a: {{ include "plain" . }}`,
		"reads.yaml":    `a: {{ include "reads" . }}`,
		"indirect.yaml": `a: {{ include "indirect" . }}`,
		"own.yaml":      `a: {{ .Release.Revision }}`,
		"whole.yaml":    `a: {{ toYaml $ }}`,
		"dot.yaml":      `a: {{ . }}`,
		"piped.yaml":    `a: {{ . | toJson }}`,
		"computed.yaml": `a: {{ include (print "pl" "ain") . }}`,
		"name.yaml":     `a: {{ .Release.Name }}-{{ template "plain" . }}`,
		"tplvalue.yaml": `a: {{ include "tplv" . }}`,
	}
	want := []string{"name.yaml", "plain.yaml"}
	c := chartOf(t, helpers, tests, "text: '{{ include \"plain\" . }}'\n")
	files := map[string]bool{}
	for f := range tests {
		files["c/templates/"+f] = true
	}
	var got []string
	for p := range c.UpgradeBlind(files) {
		got = append(got, strings.TrimPrefix(p, "c/templates/"))
	}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(append(want, "tplvalue.yaml"), ",") {
		t.Errorf("blind: %v, want %v", got, append(want, "tplvalue.yaml"))
	}
	// a values string that tpl renders and that includes "reads"
	c = chartOf(t, helpers, tests, "text: '{{ include \"indirect\" . }}'\n")
	got = nil
	for p := range c.UpgradeBlind(files) {
		got = append(got, strings.TrimPrefix(p, "c/templates/"))
	}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("with a values string including an upgrade-reading helper, blind: %v, want %v", got, want)
	}
}

func chartOf(t *testing.T, helpers string, templates map[string]string, values string) *render.Chart {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "c")
	files := map[string]string{
		"Chart.yaml":             "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"values.yaml":            values,
		"templates/_helpers.tpl": helpers,
	}
	for f, s := range templates {
		files["templates/"+f] = s
	}
	for p, s := range files {
		writeFile(t, filepath.Join(dir, p), s)
	}
	c, err := render.Load(dir, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
