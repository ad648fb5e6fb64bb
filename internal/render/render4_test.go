package render

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/chartutil"
	common4 "helm.sh/helm/v4/pkg/chart/common"

	"github.com/hooklint/hooklint/internal/testfs"
)

// TestRender4MatchesV3: an ordinary chart renders to the same files with
// Helm 4's packages as with Helm 3's, and the v3 view of the v4-loaded
// chart is what Helm 3's loader gives (metadata, templates, sources).
func TestRender4MatchesV3(t *testing.T) {
	arg := filepath.Join("..", "..", "testdata", "charts", "flags")
	for _, ctx := range []Context{Install, Upgrade} {
		o3, o4 := &Options{}, &Options{Helm: HelmV4}
		c3, err := Load(arg, o3)
		if err != nil {
			t.Fatal(err)
		}
		c4, err := Load(arg, o4)
		if err != nil {
			t.Fatal(err)
		}
		if c4.v4 == nil || c3.v4 != nil {
			t.Fatalf("v4 chart set: v3 %v, v4 %v", c3.v4 != nil, c4.v4 != nil)
		}
		if diff := cmp.Diff(c3.Chart.Metadata, c4.Chart.Metadata); diff != "" {
			t.Errorf("metadata (-v3 +v4):\n%s", diff)
		}
		if diff := cmp.Diff(c3.Sources, c4.Sources); diff != "" {
			t.Errorf("sources (-v3 +v4):\n%s", diff)
		}
		if c3.SameForUpgrade() != c4.SameForUpgrade() {
			t.Errorf("SameForUpgrade differs")
		}
		r3, err := Render(c3, o3, ctx)
		if err != nil {
			t.Fatal(err)
		}
		r4, err := Render(c4, o4, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r3.Helm != "" || r4.Helm != HelmV4 {
			t.Errorf("Rendered.Helm = %q, %q; want \"\", v4", r3.Helm, r4.Helm)
		}
		if diff := cmp.Diff(r3.Files, r4.Files); diff != "" {
			t.Errorf("%s: files (-v3 +v4):\n%s", ctx, diff)
		}
		if r3.Release != r4.Release || r3.KubeVersion != r4.KubeVersion {
			t.Errorf("%s: release %+v %s, v4 %+v %s", ctx, r3.Release, r3.KubeVersion, r4.Release, r4.KubeVersion)
		}
	}
}

// TestDefaultKubeVersion4: Helm 4's library default in a test binary is
// v1.20.0 (testing.Testing()), which a released binary never says; v4 mode
// uses the client-go derived version instead.
func TestDefaultKubeVersion4(t *testing.T) {
	if got, want := DefaultKubeVersion4(), DefaultKubeVersion(); got != want {
		t.Errorf("DefaultKubeVersion4() = %s, want %s", got, want)
	}
	if lib := common4.DefaultCapabilities.KubeVersion.Version; lib != "v1.20.0" {
		t.Errorf("Helm 4's test-binary default is %s, not v1.20.0: revisit DefaultKubeVersion4", lib)
	}
	c, err := Load(filepath.Join("..", "..", "testdata", "charts", "flags"), &Options{Helm: HelmV4})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Render(c, &Options{Helm: HelmV4}, Install)
	if err != nil {
		t.Fatal(err)
	}
	if r.KubeVersion != DefaultKubeVersion() {
		t.Errorf("v4 render at %s, want %s", r.KubeVersion, DefaultKubeVersion())
	}
	want := chartutil.ReleaseOptions{Name: "release-name", Namespace: "default", Revision: 1, IsInstall: true}
	if r.Release != want {
		t.Errorf("release %+v, want %+v", r.Release, want)
	}
}

func TestInputErrors4(t *testing.T) {
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
			opts := &Options{Helm: HelmV4}
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

func TestParseHelm(t *testing.T) {
	for in, want := range map[string]string{"": HelmV3, "v3": HelmV3, "v4": HelmV4} {
		if got, err := ParseHelm(in); got != want || err != nil {
			t.Errorf("ParseHelm(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseHelm("4"); err == nil {
		t.Error("ParseHelm(\"4\") accepted")
	}
}

// TestExecErrorLocation4: Helm 4's engine reports execution errors as a
// trace of locations (pkg/engine/engine.go TraceableError); the error is
// placed at the innermost, as with Helm 3's text/template chain.
func TestExecErrorLocation4(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"Chart.yaml":           "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"values.yaml":          "a: text\n",
		"templates/_h.tpl":     "{{- define \"x\" -}}\nb: {{ .Values.a.b.c }}\n{{- end }}\n",
		"templates/hooks.yaml": "apiVersion: v1\nkind: ConfigMap\ndata:\n{{ include \"x\" . | indent 2 }}\n",
	})
	for _, helm := range []string{HelmV3, HelmV4} {
		opts := &Options{Helm: helm}
		c, err := Load(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Render(c, opts, Install)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: got %v, want an *InputError", helm, err)
		}
		if ie.File != "templates/_h.tpl" || ie.Line != 2 {
			t.Errorf("%s: error at %s:%d, want templates/_h.tpl:2 (%v)", helm, ie.File, ie.Line, err)
		}
	}
}
