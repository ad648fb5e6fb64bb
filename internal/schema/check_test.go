package schema

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	yaml "go.yaml.in/yaml/v3"
	corev1 "k8s.io/api/core/v1"
)

func decode(t *testing.T, src string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal([]byte(strings.ReplaceAll(src, "\t", "  ")), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		content   map[string]any // instead of src, for what yaml.Unmarshal would rewrite
		want      []Problem
		wantKnown bool
	}{
		{
			name: "valid job",
			src: `
apiVersion: batch/v1
kind: Job
metadata:
	name: migrate
	creationTimestamp: null
	labels: {app: x}
	annotations: {"helm.sh/hook": pre-install}
spec:
	backoffLimit: 1
	template:
		metadata: {labels: {app: x}}
		spec:
			restartPolicy: Never
			containers:
			- name: m
				image: busybox:1.36
				args: [a, b]
				ports: [{containerPort: 8080.0}]
				env: [{name: A, value: "1"}]
				resources: {limits: {cpu: 0.5, memory: 128Mi}, requests: {cpu: 100m}}
				readinessProbe: {httpGet: {port: http}}
				livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 10}
				securityContext: {readOnlyRootFilesystem: yes}
status: {}
`,
			wantKnown: true,
		},
		{
			name: "seed lables under metadata",
			src: `
apiVersion: batch/v1
kind: Job
metadata:
	name: x
	lables: {app: x}
`,
			want: []Problem{{
				Path: []string{"metadata", "lables"}, Field: "metadata.lables", Kind: Unknown,
				Problem: `unknown field "lables" in ObjectMeta`, Hint: `did you mean "labels"?`,
			}},
			wantKnown: true,
		},
		{
			name: "label at metadata level",
			src: `
apiVersion: v1
kind: ConfigMap
metadata: {name: x, app: y}
`,
			want: []Problem{{
				Path: []string{"metadata", "app"}, Field: "metadata.app", Kind: Unknown,
				Problem: `unknown field "app" in ObjectMeta`, Hint: "labels and annotations go under labels: and annotations:",
			}},
			wantKnown: true,
		},
		{
			name: "mis-indented pod template labels",
			src: `
apiVersion: apps/v1
kind: Deployment
spec:
	template:
		metadata:
			labels:
			app.kubernetes.io/name: x
`,
			want: []Problem{{
				Path: []string{"spec", "template", "metadata", "app.kubernetes.io/name"}, Field: `spec.template.metadata."app.kubernetes.io/name"`,
				Kind: Unknown, Problem: `unknown field "app.kubernetes.io/name" in ObjectMeta`,
				Hint: "it is a sibling of labels: indent it under labels (or annotations)",
			}},
			wantKnown: true,
		},
		{
			name: "wrong case",
			src: `
apiVersion: v1
kind: ConfigMap
metadata: {Labels: {a: b}}
`,
			want: []Problem{{
				Path: []string{"metadata", "Labels"}, Field: "metadata.Labels", Kind: Unknown,
				Problem: `unknown field "Labels" in ObjectMeta`, Hint: `field names are case-sensitive: did you mean "labels"?`,
			}},
			wantKnown: true,
		},
		{
			name: "restartPolicy on the job spec",
			src: `
apiVersion: batch/v1
kind: Job
spec:
	restartPolicy: Never
`,
			want: []Problem{{
				Path: []string{"spec", "restartPolicy"}, Field: "spec.restartPolicy", Kind: Unknown,
				Problem: `unknown field "restartPolicy" in JobSpec`,
				Hint:    `"restartPolicy" is a field of spec.template.spec: is it indented too little?`,
			}},
			wantKnown: true,
		},
		{
			name: "container field indented too deep",
			src: `
apiVersion: v1
kind: Pod
spec:
	containers:
	- name: a
		securityContext:
			image: x
`,
			want: []Problem{{
				Path: []string{"spec", "containers", "0", "securityContext", "image"}, Field: "spec.containers[0].securityContext.image",
				Kind: Unknown, Problem: `unknown field "image" in SecurityContext`,
				Hint: `"image" is a field of spec.containers[0]: is it indented too deep?`,
			}},
			wantKnown: true,
		},
		{
			name: "wrong types",
			src: `
apiVersion: apps/v1
kind: Deployment
metadata:
	labels: {version: 1.5}
spec:
	replicas: "3"
	template:
		spec:
			hostNetwork: "true"
			containers:
			- name: a
				args: --verbose
				env: [{name: A, value: 1}]
				ports: [{containerPort: 80.5}]
				readinessProbe: {httpGet: {port: true}}
`,
			want: []Problem{
				{Path: []string{"metadata", "labels", "version"}, Field: "metadata.labels.version", Kind: WrongType, Problem: "expected a string, got a number (1.5)"},
				{Path: []string{"spec", "replicas"}, Field: "spec.replicas", Kind: WrongType, Problem: `expected an integer, got a string ("3")`},
				{Path: []string{"spec", "template", "spec", "containers", "0", "args"}, Field: "spec.template.spec.containers[0].args", Kind: WrongType, Problem: `expected a list, got a string ("--verbose")`},
				{Path: []string{"spec", "template", "spec", "containers", "0", "env", "0", "value"}, Field: "spec.template.spec.containers[0].env[0].value", Kind: WrongType, Problem: "expected a string, got an integer (1)"},
				{Path: []string{"spec", "template", "spec", "containers", "0", "ports", "0", "containerPort"}, Field: "spec.template.spec.containers[0].ports[0].containerPort", Kind: WrongType, Problem: "expected an integer, got a number (80.5)"},
				{Path: []string{"spec", "template", "spec", "containers", "0", "readinessProbe", "httpGet", "port"}, Field: "spec.template.spec.containers[0].readinessProbe.httpGet.port", Kind: WrongType, Problem: "expected an integer or a string, got a boolean (true)"},
				{Path: []string{"spec", "template", "spec", "hostNetwork"}, Field: "spec.template.spec.hostNetwork", Kind: WrongType, Problem: `expected a boolean, got a string ("true")`},
			},
			wantKnown: true,
		},
		{
			name: "bad values",
			src: `
apiVersion: v1
kind: Pod
spec:
	activeDeadlineSeconds: 1
	terminationGracePeriodSeconds: 5
	containers:
	- name: a
		resources: {limits: {memory: 1Gb}}
		ports: [{containerPort: 99999999999}]
`,
			want: []Problem{
				{Path: []string{"spec", "containers", "0", "ports", "0", "containerPort"}, Field: "spec.containers[0].ports[0].containerPort", Kind: BadValue, Problem: "an integer (99999999999) is out of range for int32"},
				{Path: []string{"spec", "containers", "0", "resources", "limits", "memory"}, Field: "spec.containers[0].resources.limits.memory", Kind: BadValue, Problem: `"1Gb" is not a valid quantity`, Hint: "write it as 500m, 128Mi, 1Gi, 0.5, ..."},
			},
			wantKnown: true,
		},
		{
			name: "secret data must be base64",
			src: `
apiVersion: v1
kind: Secret
data:
	good: aGVsbG8=
	wrapped: "aGVs\nbG8="
	bad: hello world
stringData: {plain: hello world}
`,
			want: []Problem{
				{Path: []string{"data", "bad"}, Field: "data.bad", Kind: BadValue, Problem: `"hello world" is not valid base64`, Hint: "encode the value with b64enc, or use stringData"},
			},
			wantKnown: true,
		},
		{
			name: "merge key",
			// hook.Object.Content keeps merge keys as written.
			content: map[string]any{"apiVersion": "v1", "kind": "ConfigMap", "metadata": map[string]any{
				"<<": map[string]any{"name": "x", "lables": map[string]any{}},
			}},
			want: []Problem{{
				Path: []string{"metadata", "<<", "lables"}, Field: "metadata.<<.lables", Kind: Unknown,
				Problem: `unknown field "lables" in ObjectMeta`, Hint: `did you mean "labels"?`,
			}},
			wantKnown: true,
		},
		{
			name: "list items are raw",
			src: `
apiVersion: v1
kind: List
items: [{anything: goes}]
`,
			wantKnown: true,
		},
		{
			name: "custom resource",
			src: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
spec: {whatever: 1}
`,
		},
		{
			name: "crd",
			src: `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec: {whatever: 1}
`,
			wantKnown: true,
			want: []Problem{{
				Path: []string{"spec", "whatever"}, Field: "spec.whatever", Kind: Unknown,
				Problem: `unknown field "whatever" in CustomResourceDefinitionSpec`,
			}},
		},
		{
			name: "removed version",
			src: `
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
spec: {whatever: 1}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.content
			if m == nil {
				m = decode(t, tt.src)
			}
			got, known := Check(m["apiVersion"].(string), m["kind"].(string), m)
			if known != tt.wantKnown {
				t.Errorf("known = %v, want %v", known, tt.wantKnown)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckPlain(t *testing.T) {
	src := `
apiVersion: v1
kind: Pod
metadata:
	labels: {enabled: yes, quoted: "yes"}
spec:
	containers:
	- name: a
		env: [{name: A, value: on}]
		securityContext: {readOnlyRootFilesystem: "yes", privileged: off}
`
	// plain is what hook.Object.Plain would say of the source above.
	plainAt := map[string]bool{
		"metadata/labels/enabled":                                  true,
		"spec/containers/0/env/0/value":                            true,
		"spec/containers/0/securityContext/privileged":             true,
		"metadata/labels/quoted":                                   false,
		"spec/containers/0/securityContext/readOnlyRootFilesystem": false,
	}
	plain := func(p []string) bool { return plainAt[strings.Join(p, "/")] }
	tests := []struct {
		name  string
		plain func([]string) bool
		want  []Problem
	}{
		{
			name:  "quoting known",
			plain: plain,
			want: []Problem{
				{Path: []string{"metadata", "labels", "enabled"}, Field: "metadata.labels.enabled", Kind: WrongType, Problem: "expected a string, got yes, which Helm's YAML 1.1 reader takes for a boolean", Hint: `quote it: "yes"`},
				{Path: []string{"spec", "containers", "0", "env", "0", "value"}, Field: "spec.containers[0].env[0].value", Kind: WrongType, Problem: "expected a string, got on, which Helm's YAML 1.1 reader takes for a boolean", Hint: `quote it: "on"`},
				{Path: []string{"spec", "containers", "0", "securityContext", "readOnlyRootFilesystem"}, Field: "spec.containers[0].securityContext.readOnlyRootFilesystem", Kind: WrongType, Problem: `expected a boolean, got a string ("yes")`},
			},
		},
		{name: "quoting unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := decode(t, src)
			got, _ := CheckPlain("v1", "Pod", m, tt.plain)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPlain() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFields(t *testing.T) {
	tests := []struct {
		name string
		typ  reflect.Type
		want []string
	}{
		{
			name: "inline TypeMeta and ObjectMeta",
			typ:  reflect.TypeFor[corev1.ConfigMap](),
			want: []string{"apiVersion", "binaryData", "data", "immutable", "kind", "metadata"},
		},
		{
			name: "IntOrString is a leaf",
			typ:  reflect.TypeFor[corev1.HTTPGetAction](),
			want: []string{"host", "httpHeaders", "path", "port", "protocol", "scheme"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, infoOf(tt.typ).names); diff != "" {
				t.Errorf("fields mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		apiVersion, kind string
		want             bool
	}{
		{"batch/v1", "Job", true},
		{"v1", "Pod", true},
		{"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", true},
		{"apps/v1", "Job", false},
		{"batch/v1", "job", false},
		{"example.com/v1", "Widget", false},
	}
	for _, tt := range tests {
		if got := Known(tt.apiVersion, tt.kind); got != tt.want {
			t.Errorf("Known(%q, %q) = %v, want %v", tt.apiVersion, tt.kind, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		word string
		want string
	}{
		{"lables", "labels"},
		{"annotaions", "annotations"},
		{"app", ""},
		{"nme", "name"},
	}
	names := []string{"annotations", "labels", "name", "namespace", "uid"}
	for _, tt := range tests {
		if got := suggest(tt.word, names); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func BenchmarkCheckDeployment(b *testing.B) {
	var m map[string]any
	src := `
apiVersion: apps/v1
kind: Deployment
metadata: {name: x, labels: {a: b}}
spec:
  replicas: 2
  template:
    metadata: {labels: {a: b}}
    spec:
      containers:
      - name: a
        image: x:1
        env: [{name: A, value: b}, {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}]
        resources: {limits: {cpu: 1, memory: 1Gi}}
        volumeMounts: [{name: v, mountPath: /v}]
      volumes: [{name: v, configMap: {name: c}}]
`
	if err := yaml.Unmarshal([]byte(src), &m); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check("apps/v1", "Deployment", m)
	}
}
