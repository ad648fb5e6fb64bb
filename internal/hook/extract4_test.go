package hook

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/testfs"
)

// extractHelm loads, renders and extracts the chart at dir with the Helm
// version given.
func extractHelm(t *testing.T, dir, helm string) *Set {
	t.Helper()
	opts := &render.Options{Helm: helm}
	c, err := render.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.Render(c, opts, render.Install)
	if err != nil {
		t.Fatal(err)
	}
	set, err := Extract(dir, r, c.Sources)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestExtract4: after two consecutive separators Helm 3's document starts
// with the second `---` line, Helm 4's does not; Helm 4's documents keep
// their trailing newline (its hook records carry that text). Both find the
// same hooks at the same template lines.
func TestExtract4(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { testfs.Write(t, dir, map[string]string{name: text}) }
	write("Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
	write("templates/hooks.yaml", `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  annotations:
    "helm.sh/hook": pre-install
---
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  annotations:
    "helm.sh/hook": post-install,crd-install
`)
	type obj struct {
		Name, Text string
		Line       int
		Hook       bool
		Dropped    bool
	}
	view := func(s *Set) []obj {
		var out []obj
		for _, o := range s.Objects {
			v := obj{Name: o.Name, Text: o.Text, Hook: o.Hook != nil}
			if a := o.Annotation(AnnotationHook); a != nil {
				v.Line = a.KeyAt.Resolved().Line
			}
			if o.Hook != nil {
				v.Dropped = o.Hook.Dropped
			}
			out = append(out, v)
		}
		return out
	}
	a := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    \"helm.sh/hook\": pre-install"
	b := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n    \"helm.sh/hook\": post-install,crd-install"
	want3 := []obj{
		{Name: "a", Text: a, Line: 6, Hook: true},
		{Name: "b", Text: "---\n" + b, Line: 14, Hook: true, Dropped: true},
	}
	want4 := []obj{
		{Name: "a", Text: a + "\n", Line: 6, Hook: true},
		{Name: "b", Text: b + "\n", Line: 14, Hook: true, Dropped: true},
	}
	s3, s4 := extractHelm(t, dir, render.HelmV3), extractHelm(t, dir, render.HelmV4)
	if diff := cmp.Diff(want3, view(s3)); diff != "" {
		t.Errorf("v3 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want4, view(s4)); diff != "" {
		t.Errorf("v4 (-want +got):\n%s", diff)
	}
	// Helm 4's record, converted: the kept hook carries Helm's answer.
	if len(s4.Hooks) != 2 || s4.Hooks[0].Release == nil || s4.Hooks[0].Release.Manifest != a+"\n" || s4.Hooks[1].Release != nil {
		t.Fatalf("v4 hooks: %+v", s4.Hooks)
	}
	if got := s4.Hooks[0].Release.Events; len(got) != 1 || got[0] != "pre-install" {
		t.Errorf("v4 events %v", got)
	}
}
