package render

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/chartutil"
)

// TestDefaultKubeVersionFollowsClientGo: the default is what the released
// Helm binary assumes (its Makefile derives it from k8s.io/client-go), not
// the v1.20.0 a library build of Helm falls back to.
func TestDefaultKubeVersionFollowsClientGo(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`k8s.io/client-go v0\.(\d+)\.\d+`).FindSubmatch(b)
	if m == nil {
		t.Fatal("go.mod does not require k8s.io/client-go")
	}
	want := "v1." + string(m[1]) + ".0"
	if got := DefaultKubeVersion(); got != want {
		t.Errorf("DefaultKubeVersion() = %s, want %s (from go.mod's client-go)", got, want)
	}
	if lib := chartutil.DefaultCapabilities.KubeVersion.Version; lib == want {
		t.Errorf("Helm's library default is %s too: the trap this guards against is gone, revisit", lib)
	}
}

func TestKubeFromClientGo(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"v0.37.0", "v1.37.0", true},
		{"v0.35.4", "v1.35.0", true},
		{"v0.37.0-rc.1", "v1.37.0", true},
		{"devel", "", false},
	}
	for _, tt := range tests {
		got, ok := kubeFromClientGo(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("kubeFromClientGo(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRenderContexts(t *testing.T) {
	opts := &Options{}
	c, err := Load(filepath.Join("..", "..", "testdata", "charts", "flags"), opts)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ctx  Context
		want chartutil.ReleaseOptions
	}{
		{Install, chartutil.ReleaseOptions{Name: "release-name", Namespace: "default", Revision: 1, IsInstall: true}},
		{Upgrade, chartutil.ReleaseOptions{Name: "release-name", Namespace: "default", Revision: 2, IsUpgrade: true}},
	}
	for _, tt := range tests {
		r, err := Render(c, opts, tt.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, r.Release); diff != "" {
			t.Errorf("%s: release options (-want +got):\n%s", tt.ctx, diff)
		}
		if _, ok := r.Files["flags/templates/hooks.yaml"]; !ok {
			t.Errorf("%s: templates/hooks.yaml not rendered", tt.ctx)
		}
	}
}

func TestInputErrors(t *testing.T) {
	charts := filepath.Join("..", "..", "testdata", "charts")
	tests := []struct {
		chart string
		file  string
		line  int
	}{
		{"bad-template", "templates/pod.yaml", 12},
		{"missing-dep", "Chart.yaml", 0},
		{"empty", "Chart.yaml", 0},
		{"broken.tgz", "broken.tgz", 0},
		{"does-not-exist", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.chart, func(t *testing.T) {
			opts := &Options{}
			c, err := Load(filepath.Join(charts, tt.chart), opts)
			if err == nil {
				_, err = Render(c, opts, Install)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an *InputError", err)
			}
			if ie.File != tt.file || ie.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", ie.File, ie.Line, tt.file, tt.line, err)
			}
		})
	}
}
