package sim

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func obj(group, kind, ns, name, resource string, content map[string]any) *Object {
	if content == nil {
		content = map[string]any{}
	}
	return &Object{Key: Key{Group: group, Kind: kind, Namespace: ns, Name: name}, Resource: resource, Content: content}
}

// TestClusterAnswers checks the API server's answers to creates and
// deletes, with the error texts Helm shows.
func TestClusterAnswers(t *testing.T) {
	job := func(rp string) map[string]any {
		spec := map[string]any{}
		if rp != "" {
			spec["restartPolicy"] = rp
		}
		return map[string]any{"spec": map[string]any{"template": map[string]any{"spec": spec}}}
	}
	tests := []struct {
		name  string
		setup []*Object
		op    func(c *Cluster) error
		want  string
		calls []string
	}{
		{
			name:  "create twice: AlreadyExists",
			setup: []*Object{obj("batch", "Job", "ns", "x", "jobs", job("Never"))},
			op:    func(c *Cluster) error { return c.Create(obj("batch", "Job", "ns", "x", "jobs", job("Never"))) },
			want:  `jobs.batch "x" already exists`,
			calls: []string{"create jobs ns/x 201", "create jobs ns/x 409"},
		},
		{
			name:  "core group has no suffix",
			setup: []*Object{obj("", "ServiceAccount", "ns", "sa", "serviceaccounts", nil)},
			op:    func(c *Cluster) error { return c.Create(obj("", "ServiceAccount", "ns", "sa", "serviceaccounts", nil)) },
			want:  `serviceaccounts "sa" already exists`,
			calls: []string{"create serviceaccounts ns/sa 201", "create serviceaccounts ns/sa 409"},
		},
		{
			name:  "delete of a missing object: NotFound",
			op:    func(c *Cluster) error { return c.Delete(obj("batch", "Job", "ns", "x", "jobs", nil)) },
			want:  `jobs.batch "x" not found`,
			calls: []string{"delete jobs ns/x 404"},
		},
		{
			name:  "namespace does not exist",
			op:    func(c *Cluster) error { return c.Create(obj("", "ConfigMap", "other", "cm", "configmaps", nil)) },
			want:  `namespaces "other" not found`,
			calls: []string{"create configmaps other/cm 404"},
		},
		{
			name: "pod with a missing service account is forbidden",
			op: func(c *Cluster) error {
				return c.Create(obj("", "Pod", "ns", "p", "pods", map[string]any{"spec": map[string]any{"serviceAccountName": "sa"}}))
			},
			want:  `pods "p" is forbidden: error looking up service account ns/sa: serviceaccount "sa" not found`,
			calls: []string{"create pods ns/p 403"},
		},
		{
			name:  "job without restartPolicy is invalid",
			op:    func(c *Cluster) error { return c.Create(obj("batch", "Job", "ns", "j", "jobs", job(""))) },
			want:  `Job.batch "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"`,
			calls: []string{"create jobs ns/j 422"},
		},
		{
			name:  "namespace object creates the namespace",
			setup: []*Object{obj("", "Namespace", "", "new", "namespaces", nil)},
			op:    func(c *Cluster) error { return c.Create(obj("", "ConfigMap", "new", "cm", "configmaps", nil)) },
			calls: []string{"create namespaces /new 201", "create configmaps new/cm 201"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCluster(&Clock{}, "ns")
			for _, o := range tt.setup {
				if err := c.Create(o); err != nil {
					t.Fatal(err)
				}
			}
			err := tt.op(c)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			var calls []string
			for _, call := range c.Calls() {
				calls = append(calls, call.String())
			}
			if diff := cmp.Diff(tt.calls, calls); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBuild checks that manifests are built as Helm's own builder builds
// them, with Helm's error texts, and that CRDs in the cluster become known
// kinds.
func TestBuild(t *testing.T) {
	crd := `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions: [{name: v1, served: true, storage: true}]
`
	widget := "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"
	tests := []struct {
		name     string
		crd      bool
		manifest string
		want     []string
		wantErr  string
	}{
		{
			name:     "unquoted integer annotation",
			manifest: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook-weight: 5\n",
			wantErr:  `unable to decode "": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string`,
		},
		{
			name:     "unknown kind",
			manifest: widget,
			wantErr:  "resource mapping not found for name: \"w\" namespace: \"\" from \"\": no matches for kind \"Widget\" in version \"example.com/v1\"\nensure CRDs are installed first",
		},
		{
			name:     "a CRD in the cluster makes its kind known",
			crd:      true,
			manifest: widget,
			want:     []string{"example.com/v1, Kind=Widget widgets ns/w"},
		},
		{
			name:     "namespace defaults to the release namespace; cluster-scoped kinds have none",
			manifest: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: b\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: c\n  namespace: other\n",
			want:     []string{"/v1, Kind=ConfigMap configmaps ns/a", "rbac.authorization.k8s.io/v1, Kind=ClusterRole clusterroles /b", "/v1, Kind=Secret secrets other/c"},
		},
		{
			name:     "removed API version",
			manifest: "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n",
			wantErr:  "resource mapping not found for name: \"d\" namespace: \"\" from \"\": no matches for kind \"Deployment\" in version \"extensions/v1beta1\"\nensure CRDs are installed first",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCluster(&Clock{}, "ns")
			if tt.crd {
				var m map[string]any
				if err := yamlUnmarshalForTest(crd, &m); err != nil {
					t.Fatal(err)
				}
				if err := c.Create(&Object{Key: Key{Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition", Name: "widgets.example.com"}, Resource: "customresourcedefinitions", Content: m}); err != nil {
					t.Fatal(err)
				}
			}
			kc := newKubeClient(newClientGetter(c, "ns", kubeVersion{git: "v1.35.0", major: "1", minorText: "35", minor: 35}))
			infos, err := kc.Build(strings.NewReader(tt.manifest), false)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if diff := cmp.Diff(tt.wantErr, gotErr); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			var got []string
			for _, i := range infos {
				got = append(got, i.Mapping.GroupVersionKind.String()+" "+i.Mapping.Resource.Resource+" "+i.Namespace+"/"+i.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("infos (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormatTimeAndPoll(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00"}, {1500 * time.Millisecond, "00:01.5"}, {5 * time.Minute, "05:00"}, {time.Hour + 2*time.Second, "1:00:02"},
	}
	for _, tt := range tests {
		if got := FormatTime(tt.d); got != tt.want {
			t.Errorf("FormatTime(%s) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if got, want := pollEnd(10*time.Second, 13*time.Second, 2*time.Second), 14*time.Second; got != want {
		t.Errorf("pollEnd = %s, want %s", got, want)
	}
	if got, want := pollEnd(10*time.Second, 5*time.Second, 2*time.Second), 10*time.Second; got != want {
		t.Errorf("pollEnd of a ready resource = %s, want %s", got, want)
	}
}
