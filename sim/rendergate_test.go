package sim

import (
	"bytes"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"text/template"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/testfs"
)

// loadFiles writes files (relative path -> content) as chart "c" and
// loads it for release rel in namespace ns.
func loadFiles(t *testing.T, files map[string]string) *render.Chart {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "c")
	testfs.Write(t, dir, files)
	ch, err := render.Load(dir, &render.Options{ReleaseName: "rel", Namespace: "ns", KubeVersion: "v1.35.0"})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// gateChart reads what Helm's render can depend on: the release, the
// capabilities, lookup, the random stream, a subchart, a partial, NOTES.txt,
// a library chart's helper, and a hook; its output has quotes, newlines,
// braces and "<no value>".
var gateChart = map[string]string{
	"Chart.yaml": `apiVersion: v2
name: gate
version: 0.1.0
dependencies:
  - name: sub
    version: 0.1.0
  - name: lib
    version: 0.1.0
`,
	"values.yaml":            "greeting: \"hello \\\"world\\\" {{ x }}\"\nsub:\n  size: 3\n",
	"templates/_helpers.tpl": `{{- define "gate.name" }}{{ .Release.Name }}-{{ .Chart.Name }}{{- end }}`,
	// the timeline shows names: each fact the render read is in one
	"templates/cm.yaml": `{{- $old := lookup "v1" "ConfigMap" .Release.Namespace "gate-cm" }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: gate-cm
  labels: {{ include "lib.labels" . | nindent 4 }}
data:
  token: {{ randAlphaNum 12 | quote }}
  greeting: {{ .Values.greeting | quote }}
  missing: "{{ .Values.nothing }}"
  braces: '{{ "{{{ x }} {{- y -}} {{/* z */}} }}}{" }}'
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "gate.name" . }}-r{{ .Release.Revision }}-{{ .Release.IsUpgrade }}-{{ if $old }}seen-{{ index $old.data "token" | lower }}{{ else }}none{{ end }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: rand-{{ randAlphaNum 8 | lower }}-apps-{{ .Capabilities.APIVersions.Has "apps/v1" }}-{{ .Release.Namespace }}
`,
	"templates/job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: gate-hook-{{ .Release.Revision }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, args: [{{ randAlphaNum 5 | quote }}]}]
`,
	"templates/NOTES.txt":    "Installed {{ .Release.Name }} ({{ .Release.Revision }}).\n",
	"templates/empty.yaml":   "{{- if false }}x: y{{ end }}",
	"charts/sub/Chart.yaml":  "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
	"charts/sub/values.yaml": "size: 1\n",
	"charts/sub/templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: sub-{{ .Values.size }}-root-{{ .Chart.IsRoot }}
`,
	"charts/lib/Chart.yaml":            "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
	"charts/lib/templates/_labels.tpl": `{{- define "lib.labels" }}app: {{ .Release.Name }}{{ end }}`,
}

// TestRenderGate: a Helm 3 simulation renders every install and upgrade
// with hooklint's bounded engine at the moment Helm's renderResources
// renders (the render gate), and Helm's engine, given the rendered text, produces
// the timeline Helm's own render does; a Helm 4 simulation probes there
// (the render gate) and its timeline is the one without the probe.
func TestRenderGate(t *testing.T) {
	ch := loadFiles(t, gateChart)
	var mu sync.Mutex
	renders := 0
	count := func(name string) {
		if name == "gate" {
			mu.Lock()
			renders++
			mu.Unlock()
		}
	}
	gateRendered.Store(&count)
	defer gateRendered.Store(nil)

	timeline := func(ch *render.Chart, helm HelmVersion) string {
		sc := &Scenario{Helm: helm, Release: "rel", Namespace: "ns", KubeVersion: "v1.35.0"}
		for _, a := range []Action{ActionInstall, ActionUpgrade, ActionRollback, ActionUpgrade, ActionUninstall} {
			st := Step{Action: a, Timeout: DefaultTimeout}
			if a == ActionInstall || a == ActionUpgrade {
				st.Chart = ch
			}
			if a == ActionRollback {
				st.Revision = 1
			}
			sc.Steps = append(sc.Steps, st)
		}
		res, err := Run(sc)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, res); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, helm := range []HelmVersion{HelmV3, HelmV4} {
		renders = 0
		gated := timeline(ch, helm)
		if renders != 3 {
			t.Errorf("%s: the gate rendered %d times, want 3 (install and two upgrades)", helm, renders)
		}
		for _, want := range []string{`rel-gate-r1-false-none`, `rel-gate-r2-true-seen-`, `rel-gate-r4-true-seen-`, `"sub-3-root-false"`, `"gate-hook-4"`, `-apps-true-ns"`} {
			if !strings.Contains(gated, want) {
				t.Errorf("%s: timeline without %s", helm, want)
			}
		}
		gateOff.Store(true)
		own := timeline(ch, helm)
		gateOff.Store(false)
		if gated != own {
			t.Errorf("%s: the timeline with the gate differs from Helm's own render:\n%s", helm, cmp.Diff(own, gated))
		}
		if renders != 3 {
			t.Errorf("%s: the gate rendered when it was off: %d renders", helm, renders)
		}

		// A render that fails fails the step with Helm's message: fail on
		// upgrade, a missing include, output that is not YAML.
		for _, tmpl := range []string{
			`{{ if .Release.IsUpgrade }}{{ fail "boom" }}{{ end }}`,
			`{{ if .Release.IsUpgrade }}{{ include "nothing" . }}{{ end }}`,
			"{{ if .Release.IsUpgrade }}a: [b\n{{ end }}",
		} {
			ch := loadFiles(t, map[string]string{"Chart.yaml": "apiVersion: v2\nname: fails\nversion: 0.1.0\n", "templates/x.yaml": tmpl})
			gated := timeline(ch, helm)
			gateOff.Store(true)
			own := timeline(ch, helm)
			gateOff.Store(false)
			if gated != own {
				t.Errorf("%s %s: the timeline with the gate differs from Helm's own render:\n%s", helm, tmpl, cmp.Diff(own, gated))
			}
			if !strings.Contains(gated, "UPGRADE FAILED") {
				t.Errorf("%s %s: the upgrade did not fail", helm, tmpl)
			}
		}
	}
}

// TestTplLoopInItsContext: a tpl recursion that only Helm's render of
// the action sees (behind the release's name, what lookup finds on an
// upgrade, an API version a CRD of crds/ adds, the revision) is the
// simulation's input error, not a crash, for Helm 3, Helm 4 and Flux: the
// probe before the action, with a default release and no cluster, saw none
// of them.
func TestTplLoopInItsContext(t *testing.T) {
	// a recursion the gate missed would exhaust Go's stack: fail fast
	defer debug.SetMaxStack(debug.SetMaxStack(256 << 20))
	const loop = "x: '{{ tpl .Values.x . }}'\n"
	tests := []struct {
		name, cond string
		files      map[string]string
	}{
		{name: "release-name", cond: `eq .Release.Name "prod"`},
		{name: "namespace", cond: `eq .Release.Namespace "team"`},
		{name: "lookup-on-upgrade", cond: `lookup "v1" "ConfigMap" .Release.Namespace "loop-cm"`},
		{name: "revision", cond: `eq (int .Release.Revision) 2`},
		{name: "crd-capability", cond: `.Capabilities.APIVersions.Has "example.com/v1/Widget"`,
			files: map[string]string{"crds/widget.yaml": `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`}},
	}
	engines := []struct {
		name   string
		helm   HelmVersion
		engine Engine
	}{{"helm3", HelmV3, EngineHelm}, {"helm4", HelmV4, EngineHelm}, {"flux", HelmV4, EngineFlux}}
	for _, tt := range tests {
		for _, en := range engines {
			t.Run(tt.name+"/"+en.name, func(t *testing.T) {
				files := map[string]string{
					"Chart.yaml":  "apiVersion: v2\nname: loop\nversion: 0.1.0\n",
					"values.yaml": loop,
					"templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: loop-cm
data:
  x: "{{ if ` + tt.cond + ` }}{{ tpl .Values.x . }}{{ end }}"
`,
				}
				for k, v := range tt.files {
					files[k] = v
				}
				ch := loadFiles(t, files)
				sc := &Scenario{Helm: en.helm, Engine: en.engine, Release: "prod", Namespace: "team", KubeVersion: "v1.35.0", Steps: []Step{
					{Action: ActionInstall, Chart: ch, Timeout: DefaultTimeout},
					{Action: ActionUpgrade, Chart: ch, Timeout: DefaultTimeout},
				}}
				res, err := Run(sc)
				want := "templates/cm.yaml: tpl calls nest more than 100 levels deep"
				if err == nil || !strings.HasPrefix(err.Error(), want) {
					t.Fatalf("Run: %v (result %v), want an error starting %q", err, res != nil, want)
				}
			})
		}
	}
}

// TestPrintText: text/template prints printText(s) as s.
func TestPrintText(t *testing.T) {
	for _, s := range []string{"", "a: b\n", "{{", "{{{", "{{{{{", "x{{- y -}}z", "{{/* c */}}", "}}{{", "a{", "{", "}}", "\r\n{{\"q\"}}\r\n", "\xff\xfe{{", "日本{{語}}"} {
		tmpl, err := template.New("x").Parse(string(printText(s)))
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, nil); err != nil || b.String() != s {
			t.Errorf("%q printed %q (%v)", s, b.String(), err)
		}
	}
}
