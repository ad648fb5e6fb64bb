package sim

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/render"
)

// writeChart writes a chart of the given templates to a temporary
// directory and loads it as `helm install rel CHART -n ns` would.
func writeChart(t *testing.T, templates map[string]string) *render.Chart {
	t.Helper()
	files := map[string]string{"Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n"}
	for name, text := range templates {
		files[filepath.Join("templates", name)] = text
	}
	return loadFiles(t, files)
}

func run(t *testing.T, helm HelmVersion, ch *render.Chart, state []StateObject, actions ...Action) *Result {
	t.Helper()
	sc := &Scenario{Helm: helm, Release: "rel", Namespace: "ns", KubeVersion: "v1.35.0", ClusterState: state}
	for _, a := range actions {
		st := Step{Action: a, Timeout: DefaultTimeout}
		if a == ActionInstall || a == ActionUpgrade {
			st.Chart = ch
		}
		sc.Steps = append(sc.Steps, st)
	}
	res, err := Run(sc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func stepErrors(res *Result) []string {
	var out []string
	for _, st := range res.Steps {
		out = append(out, st.Err)
	}
	return out
}

// A password kept with lookup, as the bitnami charts do: the upgrade finds
// the Secret the install created (helm.sh/helm/v3@v3.22.0 pkg/engine
// lookup_func.go through the simulated API server), for both Helm versions.
func TestLookupReadsTheSimulatedCluster(t *testing.T) {
	ch := writeChart(t, map[string]string{"secret.yaml": `{{- $old := lookup "v1" "Secret" .Release.Namespace "rel-pw" }}
{{- if and .Release.IsUpgrade (not $old) }}{{ fail "PASSWORDS ERROR: the Secret of the install is gone" }}{{ end }}
{{- $all := lookup "v1" "Secret" .Release.Namespace "" }}
{{- if and .Release.IsUpgrade (ne (len $all.items) 1) }}{{ fail (printf "LIST: want 1 Secret, got %d" (len $all.items)) }}{{ end }}
apiVersion: v1
kind: Secret
metadata:
  name: rel-pw
data:
  password: {{ if $old }}{{ index $old.data "password" }}{{ else }}{{ "first" | b64enc }}{{ end }}
`})
	for _, helm := range []HelmVersion{HelmV3, HelmV4} {
		res := run(t, helm, ch, nil, ActionInstall, ActionUpgrade)
		if diff := cmp.Diff([]string{"", ""}, stepErrors(res)); diff != "" {
			t.Errorf("helm %s: step errors (-want +got):\n%s", helm, diff)
		}
	}
}

// Discovery answers as a Kubernetes 1.35 API server: served group/versions
// and their kinds (Helm's GetVersionSet adds group/version/Kind), nothing
// that 1.35 no longer serves, and the kinds of CRDs in the cluster. The
// chart fails its install with what it saw when that is not so.
func TestCapabilitiesFromDiscovery(t *testing.T) {
	ch := writeChart(t, map[string]string{"cm.yaml": `{{- $has := dict
  "policy/v1/PodDisruptionBudget" (.Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget")
  "policy/v1beta1" (.Capabilities.APIVersions.Has "policy/v1beta1")
  "batch/v1/Job" (.Capabilities.APIVersions.Has "batch/v1/Job")
  "example.com/v1/Widget" (.Capabilities.APIVersions.Has "example.com/v1/Widget") }}
{{- $want := dict "policy/v1/PodDisruptionBudget" true "policy/v1beta1" false "batch/v1/Job" true "example.com/v1/Widget" true }}
{{- if ne (toJson $has) (toJson $want) }}{{ fail (printf "capabilities: %s" (toJson $has)) }}{{ end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: caps
`})
	state, err := parseStateForTest(t, `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions: [{name: v1, served: true, storage: true}]
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, helm := range []HelmVersion{HelmV3, HelmV4} {
		res := run(t, helm, ch, state, ActionInstall)
		if diff := cmp.Diff([]string{""}, stepErrors(res)); diff != "" {
			t.Errorf("helm %s: install (-want +got):\n%s", helm, diff)
		}
	}
}

func parseStateForTest(t *testing.T, text string) ([]StateObject, error) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "state.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return LoadClusterState([]string{file})
}

// --cluster-state: a List (kubectl get -o yaml), documents and a
// directory; a pod's missing reference is an external dependency until the
// state provides it; a Secret value of the state never appears in the
// output, even when the chart prints it in an error.
func TestClusterState(t *testing.T) {
	ch := writeChart(t, map[string]string{"job.yaml": `{{- $s := lookup "v1" "Secret" .Release.Namespace "db" }}
{{- if and $s (eq (index $s.data "password" | b64dec) "hunter22") }}{{ fail (printf "the password is %s (%s)" (index $s.data "password" | b64dec) (index $s.data "password")) }}{{ end }}
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    helm.sh/hook: pre-install
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: busybox
          env:
            - name: PW
              valueFrom:
                secretKeyRef: {name: db, key: password}
`})
	// Without the Secret: the hook stays Pending, and the Secret is listed.
	res := run(t, HelmV3, ch, nil, ActionInstall)
	var ext []string
	for _, e := range res.External {
		ext = append(ext, e.Ref.Kind+"/"+e.Ref.Name+" of "+e.Consumer.String())
	}
	if diff := cmp.Diff([]string{"Secret/db of Job/migrate"}, ext); diff != "" {
		t.Errorf("external dependencies (-want +got):\n%s", diff)
	}
	var text bytes.Buffer
	if err := WriteText(&text, res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "external dependencies") || !strings.Contains(text.String(), `Secret "db" (env.valueFrom.secretKeyRef of Job/migrate)`) {
		t.Errorf("the text output does not list the external dependency before the timeline:\n%s", text.String())
	}

	// A directory holding a List and a document: the Secret is there, the
	// chart fails printing it, and the output shows neither form of it.
	dir := t.TempDir()
	list := "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: db, namespace: ns}\n  data: {password: aHVudGVyMjI=}\n"
	cm := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: elsewhere}\n"
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.yml"), []byte(cm), 0o644); err != nil {
		t.Fatal(err)
	}
	state, err := LoadClusterState([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(state) != 2 {
		t.Fatalf("loaded %d objects, want 2", len(state))
	}
	res = run(t, HelmV3, ch, state, ActionInstall)
	if len(res.External) != 0 {
		t.Errorf("external dependencies with the Secret in the state: %v", res.External)
	}
	for _, out := range []func(*bytes.Buffer, *Result) error{
		func(b *bytes.Buffer, r *Result) error { return WriteText(b, r) },
		func(b *bytes.Buffer, r *Result) error { return WriteJSON(b, r) },
		func(b *bytes.Buffer, r *Result) error { return WriteMermaid(b, r) },
	} {
		var b bytes.Buffer
		if err := out(&b, res); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "hunter22") || strings.Contains(b.String(), "aHVudGVyMjI=") {
			t.Errorf("a Secret value of the cluster state is in the output:\n%s", b.String())
		}
		if !strings.Contains(b.String(), "redacted") && !strings.HasPrefix(b.String(), "sequenceDiagram") {
			t.Errorf("the chart's error is not in the output (redacted):\n%s", b.String())
		}
	}
}

func TestLoadClusterStateRefusesIrregularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "state.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, err := LoadClusterState([]string{fifo})
	if err == nil || !strings.Contains(err.Error(), "not a regular file or directory") {
		t.Errorf("a FIFO as --cluster-state: got %v", err)
	}
	// In a directory, it is skipped.
	if _, err := LoadClusterState([]string{dir}); err != nil {
		t.Errorf("a directory with a FIFO: %v", err)
	}
}

// A StatefulSet's volumeClaimTemplates make one claim per replica, named as
// the StatefulSet controller names them, bound by the default StorageClass;
// every namespace has the objects the cluster provides.
func TestControllerObjects(t *testing.T) {
	c := NewCluster(&Clock{}, "ns")
	sts := &Object{Key: Key{Group: "apps", Kind: "StatefulSet", Namespace: "ns", Name: "redis"}, APIVersion: "apps/v1", Resource: "statefulsets",
		Content: map[string]any{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": map[string]any{"name": "redis", "namespace": "ns"},
			"spec": map[string]any{"replicas": int64(2), "selector": map[string]any{"matchLabels": map[string]any{"app": "redis"}},
				"template":             map[string]any{"metadata": map[string]any{"labels": map[string]any{"app": "redis"}}},
				"volumeClaimTemplates": []any{map[string]any{"metadata": map[string]any{"name": "data"}, "spec": map[string]any{"accessModes": []any{"ReadWriteOnce"}}}}}}}
	if err := c.Create(sts); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range c.Objects() {
		if o.Origin == OriginCluster && o.Namespace == "ns" {
			got = append(got, o.Kind+"/"+o.Name+" "+nestedString(o.Content, "spec", "storageClassName")+" "+nestedString(o.Content, "status", "phase"))
		}
	}
	want := []string{"ConfigMap/kube-root-ca.crt  ", "PersistentVolumeClaim/data-redis-0 standard Bound", "PersistentVolumeClaim/data-redis-1 standard Bound", "ServiceAccount/default  "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("objects the cluster made (-want +got):\n%s", diff)
	}
	if calls := c.Calls(); len(calls) != 1 {
		t.Errorf("calls: %v, want only the StatefulSet's create", calls)
	}
}
