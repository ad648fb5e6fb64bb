package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/testfs"
)

// Calls finds a function where a template calls it (a pipeline, a branch's
// condition or body, a define, a subchart) and not in comments, strings
// or text.
func TestCalls(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"Chart.yaml":             "apiVersion: v2\nname: top\nversion: 1.0.0\n",
		"templates/a.yaml":       "# genPrivateKey in text\n{{/* genCA in a comment */}}\nx: {{ \"genSignedCert\" | quote }}\n{{- if (now | date \"2006\") }}{{ include \"h\" . }}{{ else }}{{ uuidv4 }}{{ end }}\n",
		"templates/_h.tpl":       "{{ define \"h\" }}{{ with $x := genSelfSignedCert \"a\" nil nil 1 }}{{ $x.Cert }}{{ end }}{{ end }}",
		"charts/sub/Chart.yaml":  "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
		"charts/sub/templates/b": "{{ range (list 1) }}{{ (genCA \"x\" 1).Cert }}{{ end }}",
		"charts/sub/values.yaml": "{}\n",
		"values.yaml":            "{}\n",
		"templates/NOTES.txt":    "{{ randAlphaNum 5 }}",
	}
	testfs.Write(t, dir, files)
	c := Chart{ID: "top", Dir: dir}
	got, err := c.Calls(KeyFuncs...)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"genCA", "genSelfSignedCert"}, got); diff != "" {
		t.Errorf("key functions (-want +got):\n%s", diff)
	}
	got, err = c.Calls(RandomFuncs...)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"date", "now", "randAlphaNum", "uuidv4"}, got); diff != "" {
		t.Errorf("random functions (-want +got):\n%s", diff)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates/bad.yaml"), []byte("{{ if }}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Calls(KeyFuncs...); err == nil {
		t.Error("a template that does not parse: no error")
	}
}
