package render_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/render"
)

// TestTreesRenderTheSame: renders that reuse the parse trees of an
// earlier render of the chart (engine.Trees) give the bytes of renders
// that parse every template, on every corpus chart and fixture, for an
// install, an upgrade, a ForHooks part and an install again, in that
// order (the first render fills the cache).
func TestTreesRenderTheSame(t *testing.T) {
	compared := 0
	for _, tg := range renderTargets(t) {
		c, opts, ok := tg.load()
		if !ok {
			continue
		}
		fresh := render.WithoutTrees(c)
		part := c.ForHooks(map[string]bool{})
		steps := []struct {
			name      string
			c, parsed *render.Chart
			ctx       render.Context
		}{
			{"install", c, fresh, render.Install},
			{"upgrade", c, fresh, render.Upgrade},
			{"part", part, render.WithoutTrees(part), render.Upgrade},
			{"install again", c, fresh, render.Install},
		}
		for _, st := range steps {
			got, err1 := render.Render(st.c, opts, st.ctx)
			want, err2 := render.Render(st.parsed, opts, st.ctx)
			if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
				t.Errorf("%s %s: error %v with kept trees, %v parsing", tg.name, st.name, err1, err2)
				continue
			}
			if err1 != nil {
				continue
			}
			again, _ := render.Render(st.parsed, opts, st.ctx)
			for _, p := range slices.Sorted(maps.Keys(want.Files)) {
				if again != nil && again.Files[p] != want.Files[p] {
					continue // random in every render (htpasswd's bcrypt salt)
				}
				compared++
				if got.Files[p] != want.Files[p] {
					t.Errorf("%s %s: %s renders differently with kept trees", tg.name, st.name, p)
				}
			}
			if len(got.Files) != len(want.Files) {
				t.Errorf("%s %s: %d files with kept trees, %d parsing", tg.name, st.name, len(got.Files), len(want.Files))
			}
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d rendered files compared", compared)
}

// TestTreesRedefinitions: named templates defined in several files (an
// empty definition after a full one keeps the full one, a later full one
// replaces it, in the engine's file order), a template changed in memory
// (lint --fix: WithTemplates) and a file that does not parse render as
// without kept trees, on the first render and on the next.
func TestTreesRedefinitions(t *testing.T) {
	c := chartOf(t, `{{- define "a" }}helpers-a{{ end }}
{{- define "b" }}helpers-b{{ end }}
{{- define "e" }}{{ end }}`, map[string]string{
		"x.yaml":        `{{- define "a" }}x-a{{ end }}{{- define "b" }}{{ end }}{{- define "e" }}x-e{{ end }}a: {{ include "a" . }}`,
		"sub/y.yaml":    `b: {{ include "b" . }}, e: {{ include "e" . }}, a: {{ include "a" . }}`,
		"_other.tpl":    `{{- define "a" }}other-a{{ end }}`,
		"z/deep/z.yaml": `z: {{ template "e" . }}`,
	}, "")
	check := func(name string, c *render.Chart) {
		t.Helper()
		for i := range 2 {
			got, err1 := render.Render(c, &render.Options{}, render.Install)
			want, err2 := render.Render(render.WithoutTrees(c), &render.Options{}, render.Install)
			if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
				t.Fatalf("%s, render %d: error %v with kept trees, %v parsing", name, i+1, err1, err2)
			}
			if err1 != nil {
				continue
			}
			if !maps.Equal(got.Files, want.Files) {
				t.Errorf("%s, render %d: %v with kept trees, %v parsing", name, i+1, got.Files, want.Files)
			}
		}
	}
	check("as loaded", c)
	check("changed", c.WithTemplates(map[string]string{"c/templates/sub/y.yaml": `b: {{ include "b" . }}!`}))
	check("broken", c.WithTemplates(map[string]string{"c/templates/sub/y.yaml": `b: {{ include "b" . }`}))
	check("unknown function", c.WithTemplates(map[string]string{"c/templates/sub/y.yaml": `b: {{ nosuchfunction }}`}))
	check("as loaded again", c)
	c.DropTrees()
	check("after DropTrees", c)
}

// TestKeptTrees: the trees kept after a render are those of the helpers,
// of the templates that define templates or write helm.sh/hook, and only
// of those no larger than 128 KiB (a 1 MB hook template's tree held 10 MB
// while its render was read); DropTrees lets go of them.
func TestKeptTrees(t *testing.T) {
	big := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    helm.sh/hook: pre-install\ndata:\n" +
		strings.Repeat("  k{{ .Values.n }}: {{ .Values.v | quote }}\n", 4000)
	if len(big) <= 128<<10 {
		t.Fatalf("big hook template is %d bytes", len(big))
	}
	hook := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n  annotations:\n    helm.sh/hook: pre-install\ndata:\n  a: {{ .Values.v | quote }}\n"
	c := chartOf(t, `{{- define "h" }}h{{ end }}`, map[string]string{
		"big-hook.yaml":   big,
		"small-hook.yaml": hook,
		"defines.yaml":    `{{- define "d" }}d{{ end }}`,
		"plain.yaml":      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n",
	}, "n: 1\nv: x\n")
	if _, err := render.Render(c, &render.Options{}, render.Install); err != nil {
		t.Fatal(err)
	}
	want := []string{"c/templates/_helpers.tpl", "c/templates/defines.yaml", "c/templates/small-hook.yaml"}
	if got := render.KeptTrees(c); !slices.Equal(got, want) {
		t.Errorf("kept trees of %v, want %v", got, want)
	}
	c.DropTrees()
	if got := render.KeptTrees(c); len(got) != 0 {
		t.Errorf("after DropTrees: kept trees of %v", got)
	}
}
