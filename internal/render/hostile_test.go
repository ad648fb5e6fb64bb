package render

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/chartutil"
	helmengine "helm.sh/helm/v3/pkg/engine"

	"github.com/hooklint/hooklint/internal/testfs"
)

// writeTestChart writes a chart with the given files (relative paths)
// into a new temporary directory and returns the chart's directory.
func writeTestChart(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "c")
	files["Chart.yaml"] = "apiVersion: v2\nname: c\nversion: 0.1.0\n"
	testfs.Write(t, dir, files)
	return dir
}

// TestTplRecursionEnds: a values string that renders itself through tpl,
// by index, through a variable, or in a cycle of two strings, is an input
// error within the bound (the old pattern check missed the first two and
// Go died of a stack overflow), with Helm 3 and Helm 4 (whose render is
// probed first); sim's TestTplLoopInItsContext checks the simulator.
func TestTplRecursionEnds(t *testing.T) {
	tests := []struct {
		name, values, tmpl, innermost string
	}{
		{"index", `x: '{{ tpl (index .Values "x") . }}'`, `{{ tpl .Values.x . }}`, `"{{ tpl (index .Values \"x\") . }}"`},
		{"variable", `x: '{{ $v := .Values }}{{ tpl $v.x . }}'`, `{{ tpl .Values.x . }}`, `"{{ $v := .Values }}{{ tpl $v.x . }}"`},
		{"cycle", "a: '{{ tpl .Values.b . }}'\nb: '{{ tpl .Values.a . }}'", `{{ tpl .Values.a . }}`, `"{{ tpl .Values.b . }}"`},
		{"define", "", `{{ define "r" }}{{ tpl "{{ include \"r\" . }}" . }}{{ end }}{{ include "r" . }}`, `"{{ include \"r\" . }}"`},
	}
	for _, tt := range tests {
		for _, helm := range []string{HelmV3, HelmV4} {
			t.Run(tt.name+"/"+helm, func(t *testing.T) {
				dir := writeTestChart(t, map[string]string{
					"values.yaml":       tt.values,
					"templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: |\n    " + tt.tmpl + "\n",
				})
				opts := &Options{Helm: helm}
				c, err := Load(dir, opts)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Render(c, opts, Install)
				want := "chart " + dir + ": templates/cm.yaml:7: tpl calls nest more than 100 levels deep (the innermost renders " + tt.innermost +
					"): a values string or file that renders itself through tpl; Helm's engine would recurse until Go's stack overflows and crash, so the chart is not rendered"
				if err == nil || err.Error() != want {
					t.Errorf("Render error:\n got %v\nwant %s", err, want)
				}
			})
		}
	}
}

// TestTplNestingAllowed: tpl nested a few levels (a string naming another)
// renders as Helm renders it.
func TestTplNestingAllowed(t *testing.T) {
	dir := writeTestChart(t, map[string]string{
		"values.yaml":       "a: '{{ tpl .Values.b . }}-a'\nb: '{{ tpl .Values.c . }}-b'\nc: '{{ .Release.Name }}'\n",
		"templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ tpl .Values.a . }}\n",
	})
	opts := &Options{}
	c, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Render(c, opts, Install)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Files["c/templates/cm.yaml"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release-name-b-a\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// the probe before Helm 4's render allows it too
	if err := c.probeTpl(chartutil.ReleaseOptions{Name: defaultReleaseName, Namespace: "default", Revision: 1, IsInstall: true}, opts); err != nil {
		t.Errorf("probeTpl: %v", err)
	}
}

const randomTemplate = `apiVersion: v1
kind: Secret
metadata:
  name: s-{{ randAlphaNum 8 | lower }}
  annotations:
    uuid: {{ uuidv4 | quote }}
    alpha: {{ randAlpha 5 | quote }}
    num: {{ randNumeric 5 | quote }}
    ascii: {{ randAscii 5 | quote }}
    int: {{ randInt 1 1000 | quote }}
    now: {{ now | date "2006-01-02T15:04:05Z07:00" | quote }}
    html: {{ now | htmlDate | quote }}
    zone: {{ dateInZone "15:04" (now) "Local" | quote }}
    ago: {{ ago now | quote }}
    bytes: {{ randBytes 6 | quote }}
    shuffle: {{ shuffle "abcdef" | quote }}
    aes: {{ encryptAES "k" "text" | quote }}
data:
  rsa: {{ genPrivateKey "rsa" | b64enc }}
  ecdsa: {{ genPrivateKey "ecdsa" | b64enc }}
  ed: {{ genPrivateKey "ed25519" | b64enc }}
  dsa: {{ genPrivateKey "dsa" | b64enc }}
  {{- $ca := genCA "ca" 365 }}
  ca: {{ $ca.Cert | b64enc }}
  {{- $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.local") 30 $ca }}
  crt: {{ $c.Cert | b64enc }}
  key: {{ $c.Key | b64enc }}
  {{- $s := genSelfSignedCertWithKey "self" nil nil 1 (genPrivateKey "ecdsa") }}
  self: {{ $s.Cert | b64enc }}
`

// TestRandomFunctionsDeterministic: random, clock and key functions
// render the same bytes on every render (they changed on every run), per
// template, with Helm 3 and Helm 4; keys and certificates are valid.
func TestRandomFunctionsDeterministic(t *testing.T) {
	for _, helm := range []string{HelmV3, HelmV4} {
		t.Run(helm, func(t *testing.T) {
			t.Setenv("TZ", "Pacific/Auckland") // the host's zone must not matter
			dir := writeTestChart(t, map[string]string{"templates/s.yaml": randomTemplate, "templates/t.yaml": randomTemplate})
			render := func() map[string]string {
				opts := &Options{Helm: helm}
				c, err := Load(dir, opts)
				if err != nil {
					t.Fatal(err)
				}
				r, err := Render(c, opts, Install)
				if err != nil {
					t.Fatal(err)
				}
				return r.Files
			}
			first, second := render(), render()
			if diff := cmp.Diff(first, second); diff != "" {
				t.Fatalf("two renders differ:\n%s", diff)
			}
			s := first["c/templates/s.yaml"]
			for _, want := range []string{`now: "2025-01-01T00:00:00Z"`, `html: "2025-01-01"`, `zone: "00:00"`, `ago: "0s"`} {
				if !strings.Contains(s, want) {
					t.Errorf("rendered text lacks %s:\n%s", want, s)
				}
			}
			if helm == HelmV3 && first["c/templates/s.yaml"] == first["c/templates/t.yaml"] {
				t.Error("two templates got the same random values: the stream is seeded per template")
			}
		})
	}
}

// TestDeterministicKeysAreValid: every generated key parses and the
// certificates verify against their CA.
func TestDeterministicKeysAreValid(t *testing.T) {
	d := newDeterministic("seed")
	for _, typ := range []string{"rsa", "ecdsa", "ed25519", "dsa"} {
		block, _ := pem.Decode([]byte(d.genPrivateKey(typ)))
		if block == nil {
			t.Fatalf("%s: no PEM", typ)
		}
		if _, err := parsePrivateKeyPEM(string(pem.EncodeToMemory(block))); err != nil {
			t.Errorf("%s: %v", typ, err)
		}
	}
	ca, err := d.genCA("ca", 10, fixedRSA(2048))
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := d.genSignedCert("svc", nil, []any{"svc.local"}, 10, ca)
	if err != nil {
		t.Fatal(err)
	}
	parse := func(s string) *x509.Certificate {
		b, _ := pem.Decode([]byte(s))
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	pool := x509.NewCertPool()
	pool.AddCert(parse(ca.Cert))
	if _, err := parse(leaf.Cert).Verify(x509.VerifyOptions{Roots: pool, DNSName: "svc.local", CurrentTime: FixedNow().Add(time.Hour)}); err != nil {
		t.Errorf("signed certificate does not verify: %v", err)
	}
}

// TestSchemaRefsConfined: a $ref resolves only to a file of the chart;
// http, https, file: URLs outside it (/etc/passwd, /dev/stdin, which hung)
// are not read, validate as true and are reported once each.
func TestSchemaRefsConfined(t *testing.T) {
	schema := `{"type":"object","properties":{
	  "a":{"$ref":"https://127.0.0.1:1/a.json"},
	  "b":{"$ref":"file:///etc/passwd"},
	  "d":{"$ref":"file:///dev/stdin"},
	  "c":{"$ref":"defs.json#/x"}}}`
	files := map[string][]byte{"defs.json": []byte(`{"x":{"type":"string"}}`)}
	type result struct {
		unread []Unread
		err    error
	}
	done := make(chan result, 1)
	go func() {
		unread, err := ValidateSchema([]byte(schema), files, map[string]any{"a": 1, "b": 2, "d": 3, "c": 5})
		done <- result{unread, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute): // a hang (reading /dev/stdin), not a speed limit
		t.Fatal("ValidateSchema did not return")
	}
	unread, err := r.unread, r.err
	want := "values don't meet the specifications of the schema(s) in the following chart(s):\nchart:\n- at '/c': got number, want string\n"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %q", err, want)
	}
	reason := "it is not a file of the chart; hooklint reads nothing outside the chart and never uses the network"
	wantUnread := []Unread{
		{File: "values.schema.json", Line: 5, Target: "file:///defs.json", ChartFile: true,
			Reason: "Helm resolves it against file:///values.schema.json and reads /defs.json from the host's root, not the chart's file; hooklint used the chart's file"},
		{File: "values.schema.json", Line: 4, Target: "file:///dev/stdin", Reason: reason},
		{File: "values.schema.json", Line: 3, Target: "file:///etc/passwd", Reason: reason},
		{File: "values.schema.json", Line: 2, Target: "https://127.0.0.1:1/a.json", Reason: reason},
	}
	if diff := cmp.Diff(wantUnread, unread); diff != "" {
		t.Errorf("unread (-want +got):\n%s", diff)
	}
	// A reference into a document that was not read cannot be resolved:
	// the schema is then not applied at all, and says so.
	unread, err = ValidateSchema([]byte(`{"properties":{"e":{"$ref":"http://127.0.0.1:1/e.json#/x"}}}`), nil, map[string]any{"e": 4})
	if err != nil {
		t.Errorf("error: %v", err)
	}
	if diff := cmp.Diff([]Unread{{File: "values.schema.json", Line: 1, Target: "http://127.0.0.1:1/e.json", Reason: reason}}, unread); diff != "" {
		t.Errorf("unread (-want +got):\n%s", diff)
	}
}

// TestSymlinksConfined: a file reached through a link into /proc (or out
// of the chart and the working directory) is not read: the chart loads as
// if it were absent and Unread names it; .Files.Get returns "".
func TestSymlinksConfined(t *testing.T) {
	for _, helm := range []string{HelmV3, HelmV4} {
		t.Run(helm, func(t *testing.T) {
			dir := writeTestChart(t, map[string]string{
				"templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  env: {{ .Files.Get \"files/env\" | quote }}\n  out: {{ .Files.Get \"files/out\" | quote }}\n",
			})
			outside := filepath.Join(t.TempDir(), "secret")
			if err := os.WriteFile(outside, []byte("SECRET"), 0o644); err != nil {
				t.Fatal(err)
			}
			for name, target := range map[string]string{"files/env": "/proc/self/environ", "files/out": outside} {
				if err := os.MkdirAll(filepath.Join(dir, "files"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(filepath.Dir(dir)) // the chart's parent, not the outside file's
			opts := &Options{Helm: helm}
			c, err := Load("c", opts)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Render(c, opts, Install)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := r.Files["c/templates/cm.yaml"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  env: \"\"\n  out: \"\"\n"; got != want {
				t.Errorf("rendered %q, want %q", got, want)
			}
			want := []Unread{
				{File: "files/env", Target: "/proc/self/environ", Reason: "the link points into /proc, which is the host's, not the chart's"},
				{File: "files/out", Target: outside, Reason: "the link points outside the chart and outside the directory hooklint runs in"},
			}
			if diff := cmp.Diff(want, c.Unread); diff != "" {
				t.Errorf("Unread (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNonRegularFilesRefused: a named pipe as the chart, as a values file
// (-f) or as a file of the chart is an input error naming it relative to
// the chart, at once (reading it blocked forever).
func TestNonRegularFilesRefused(t *testing.T) {
	dir := writeTestChart(t, map[string]string{"templates/a.yaml": "a: 1\n"})
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no mkfifo:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "templates", "b.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, chart string
		opts        Options
		want        string
	}{
		{"chart", fifo, Options{}, "chart " + fifo + ": the chart is a named pipe (FIFO), not a directory or a chart archive: not read"},
		{"values", dir, Options{}, "chart " + dir + ": templates/b.yaml: cannot load irregular file templates/b.yaml as it has file mode type bits set"},
		{"template/v3", dir, Options{}, "chart " + dir + ": templates/b.yaml: cannot load irregular file templates/b.yaml as it has file mode type bits set"},
		{"template/v4", dir, Options{Helm: HelmV4}, "chart " + dir + ": templates/b.yaml: cannot load irregular file templates/b.yaml as it has file mode type bits set"},
	}
	tests[1].name, tests[1].opts.Values.ValueFiles = "values", []string{fifo}
	tests[1].want = "chart " + dir + ": values: " + fifo + " is a named pipe (FIFO), not a regular file: not read"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Load(tt.chart, &tt.opts)
				done <- err
			}()
			select {
			case err := <-done:
				var ie *InputError
				if !errors.As(err, &ie) || err.Error() != tt.want {
					t.Errorf("Load error:\n got %v\nwant %s", err, tt.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("Load blocked on a named pipe")
			}
		})
	}
}

// TestFirstFailureAsHelm: Helm's engine executes the templates in one
// order and stops at the first that fails, and hooklint's copy stops at
// the same one with the same error, an include of a template the chart
// lacks too (text/template's "no template" error): the simulator returns
// the copy's error where Helm 3's render would fail (sim/rendergate.go;
// helm.sh/helm/v3@v3.22.0 pkg/engine/engine.go render and sortTemplates).
func TestFirstFailureAsHelm(t *testing.T) {
	for _, first := range []string{`{{ fail "first" }}`, `{{ include "c/templates/missing.yaml" . }}`} {
		dir := writeTestChart(t, map[string]string{
			"templates/sub/deep.yaml": first,
			"templates/b.yaml":        `{{ fail "b" }}`,
			"templates/a.yaml":        `{{ fail "a" }}`,
		})
		c, err := Load(dir, &Options{})
		if err != nil {
			t.Fatal(err)
		}
		vals, err := chartutil.ToRenderValues(c.Chart, c.Values, chartutil.ReleaseOptions{Name: "r", Namespace: "default", IsUpgrade: true, Revision: 2}, chartutil.DefaultCapabilities)
		if err != nil {
			t.Fatal(err)
		}
		_, helmErr := helmengine.Render(c.Chart, vals)
		_, ourErr := renderFiles(c.Chart, vals, false, nil)
		if helmErr == nil || ourErr == nil || helmErr.Error() != ourErr.Error() {
			t.Errorf("first failure:\n Helm     %v\n hooklint %v", helmErr, ourErr)
		}
		if !strings.Contains(helmErr.Error(), "deep.yaml") {
			t.Errorf("Helm stopped at %v, want templates/sub/deep.yaml", helmErr)
		}
		if strings.Contains(first, "include") && !strings.Contains(helmErr.Error(), `no template "`) {
			t.Errorf("an include of a missing template: %v, want text/template's \"no template\" error", helmErr)
		}
	}
}

// TestNoSchemaRefs: Load lists a schema's unread references for HL6008
// (Helm 3 and Helm 4 loads), and leaves them out with NoSchemaRefs, which
// the simulator sets; the chart renders the same either way.
func TestNoSchemaRefs(t *testing.T) {
	dir := writeTestChart(t, map[string]string{
		"values.schema.json": `{"type":"object","properties":{"a":{"$ref":"https://127.0.0.1:1/a.json"}}}`,
		"templates/cm.yaml":  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n",
	})
	for _, helm := range []string{HelmV3, HelmV4} {
		var rendered []string
		for _, skip := range []bool{false, true} {
			opts := &Options{Helm: helm, NoSchemaRefs: skip}
			c, err := Load(dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			want := 1
			if skip {
				want = 0
			}
			if len(c.Unread) != want {
				t.Errorf("helm %s, NoSchemaRefs %v: Unread %v, want %d", helm, skip, c.Unread, want)
			}
			r, err := Render(c, opts, Install)
			if err != nil {
				t.Fatal(err)
			}
			rendered = append(rendered, r.Files["c/templates/cm.yaml"])
		}
		if rendered[0] != rendered[1] || rendered[0] == "" {
			t.Errorf("helm %s: renders differ or are empty: %q", helm, rendered)
		}
	}
}
