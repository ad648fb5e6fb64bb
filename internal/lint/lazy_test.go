package lint_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/par"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/testfs"
	"github.com/hooklint/hooklint/rules"
)

// TestLargeRenderFindings: a render large enough that the content of
// release resources is decoded again on each read (hook.Object.Content)
// gets exactly the findings of the same chart rendering few documents,
// from the rules that read every object's content (HL5001, HL5002), the
// release resources by name (HL4008) and the chart's workloads next to
// its hooks (HL6006, HL6007).
func TestLargeRenderFindings(t *testing.T) {
	files := map[string]string{
		"Chart.yaml": "apiVersion: v2\nname: large\nversion: 0.1.0\n",
		"templates/many.yaml": `{{- range $i := until (int $.Values.n) }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-{{ $i }}
data:
  k: v
{{- end }}
`,
		"templates/bad.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: bad
dta:
  k: v
data:
  n: 1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: app
          image: app:1
          resources: {limits: {memory: 1Gi}}
          securityContext: {allowPrivilegeEscalation: false}
`,
		"templates/hook.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-3
  annotations:
    "helm.sh/hook": pre-install
data:
  k: v
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    "helm.sh/hook": post-install,post-upgrade
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
spec:
  backoffLimit: 0
  activeDeadlineSeconds: 300
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: app:1
`,
	}
	lintWith := func(n int) string {
		dir := t.TempDir()
		testfs.Write(t, dir, files)
		res := lint.LintChart(dir, &render.Options{Values: values.Options{Values: []string{fmt.Sprintf("n=%d", n)}}}, rules.All, lint.Settings{AllRules: true})
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		var b strings.Builder
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "%s %s:%d %s\n", f.Rule.ID, f.Pos.File, f.Pos.Line, f.Message)
		}
		return b.String()
	}
	small, large := lintWith(10), lintWith(2500)
	if small != large {
		t.Errorf("findings differ:\n10 documents:\n%s\n2,500 documents:\n%s", small, large)
	}
	for _, want := range []string{"HL5001 templates/bad.yaml:5 ", "HL5002 templates/bad.yaml:8 ", "HL4008 templates/hook.yaml:4 ", "HL6006 templates/hook.yaml:", "HL6007 templates/hook.yaml:"} {
		if !strings.Contains(large, want) {
			t.Errorf("no finding %q in:\n%s", want, large)
		}
	}
}

// TestSpareCPUSameFindings: a chart linted while no CPU slot is free (no
// speculative upgrade render, no work side by side: internal/par) gets the
// findings and notes it gets with free slots, on every corpus chart with
// its values.
func TestSpareCPUSameFindings(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("../shared/corpus is absent")
	}
	show := func(res lint.ChartResult) string {
		var b strings.Builder
		fmt.Fprintf(&b, "error: %v\nnotes: %q\n", res.Err, res.Notes)
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "%s %s:%d:%d %s\n", f.Rule.ID, f.Pos.File, f.Pos.Line, f.Pos.Col, f.Message)
		}
		return b.String()
	}
	for _, c := range charts {
		opts := func() *render.Options { return &render.Options{Values: values.Options{ValueFiles: c.ValueFiles()}} }
		free := show(lint.LintChart(c.Dir, opts(), rules.All, lint.Settings{AllRules: true}))
		n := runtime.GOMAXPROCS(0)
		for range n {
			par.Acquire()
		}
		busy := show(lint.LintChart(c.Dir, opts(), rules.All, lint.Settings{AllRules: true}))
		for range n {
			par.Release()
		}
		if free != busy {
			t.Errorf("%s: with free CPU slots:\n%s\nwith none:\n%s", c.ID, free, busy)
		}
	}
}
