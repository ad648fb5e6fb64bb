package lint_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// writeChart writes a chart named c with the given templates into a
// temporary directory and returns it.
func writeChart(t *testing.T, templates map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "c")
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n"}
	for name, src := range templates {
		files[filepath.Join("templates", name)] = src
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const contextHook = `apiVersion: v1
kind: ConfigMap
metadata:
  name: hook
  annotations:
    "helm.sh/hook": post-install
`

// TestReleaseObjectsPerContext: each render's rules see the release
// resources only the other render has (Pass.Elsewhere) and those only their
// own render has (Pass.OnlyHere), by kind, namespace and name; a chart
// with no upgrade hook and no release Job is rendered for upgrade because
// a template reads .Release.IsInstall or IsUpgrade.
func TestReleaseObjectsPerContext(t *testing.T) {
	dir := writeChart(t, map[string]string{
		"hook.yaml":    contextHook,
		"install.yaml": "{{- if .Release.IsInstall }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n{{- end }}\n",
		"upgrade.yaml": "{{- if .Release.IsUpgrade }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: later\n{{- end }}\n",
		"both.yaml":    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: always\n",
	})
	got := map[string][]string{}
	a := &lint.Analyzer{ID: "HL1999", Name: "record-contexts", Severity: lint.Info, Doc: "hl1999 (record-contexts): title\n",
		Run: func(p *lint.Pass) (any, error) {
			ctx := p.Release.Context.String()
			for _, o := range p.Elsewhere {
				got[ctx] = append(got[ctx], "elsewhere "+o.Name)
			}
			for o := range p.OnlyHere {
				got[ctx] = append(got[ctx], "only here "+o.Name)
			}
			slices.Sort(got[ctx])
			return nil, nil
		}}
	res := lint.LintChart(dir, &render.Options{}, []*lint.Analyzer{a}, lint.Settings{})
	if res.Err != nil || len(res.Notes) > 0 {
		t.Fatalf("lint: %v %v", res.Err, res.Notes)
	}
	want := map[string][]string{
		"install": {"elsewhere later", "only here first"},
		"upgrade": {"elsewhere first", "only here later"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("release resources per render (-want +got):\n%s", diff)
	}
}

// TestCompareOnlyUpgradeRenderFailsQuietly: an upgrade render made only to
// compare release resources (no upgrade hook, no release Job) that fails
// offline leaves the install render alone, without the note about upgrade
// hooks, which the chart does not have.
func TestCompareOnlyUpgradeRenderFailsQuietly(t *testing.T) {
	dir := writeChart(t, map[string]string{
		"hook.yaml":   contextHook,
		"secret.yaml": "{{- if .Release.IsUpgrade }}{{ fail \"set auth.existingSecret\" }}{{ end }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: auth\n",
	})
	opts := &render.Options{}
	c, err := render.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	sets, notes, err := lint.Sets(c, opts)
	if err != nil || len(notes) > 0 || len(sets) != 1 {
		t.Fatalf("Sets: %d sets, notes %q, error %v; want the install render alone", len(sets), notes, err)
	}
}
