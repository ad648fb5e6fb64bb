package sim

import (
	"bytes"
	"strings"
	"testing"

	"github.com/Masterminds/sprig/v3"

	"github.com/hooklint/hooklint/internal/render"
)

// A Helm 3 simulation gives sprig's random, clock and key functions the
// deterministic ones (sprig3.go): two runs print the same bytes, now is
// render.FixedNow, a certificate signed by genCA's flows between them,
// and outside a simulation sprig's own functions answer.
func TestHelm3RandomFunctionsDeterministic(t *testing.T) {
	ch := writeChart(t, map[string]string{"hook.yaml": `{{- $ca := genCA "ca" 10 }}
{{- $leaf := genSignedCert "leaf" nil (list "svc.local") 10 $ca }}
{{- if not (hasPrefix "-----BEGIN CERTIFICATE" $leaf.Cert) }}{{ fail "genSignedCert gave no certificate" }}{{ end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-{{ now | date "20060102" }}-{{ randAlphaNum 6 | lower }}-{{ randInt 100 999 }}
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
data:
  id: {{ uuidv4 | quote }}
  key: {{ genPrivateKey "ecdsa" | b64enc | quote }}
`})
	text := func(helm HelmVersion) string {
		res := run(t, helm, ch, nil, ActionInstall, ActionUpgrade)
		if errs := strings.Join(stepErrors(res), ""); errs != "" {
			t.Fatalf("helm %s: %s", helm, errs)
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, res); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, helm := range []HelmVersion{HelmV3, HelmV4} {
		first, second := text(helm), text(helm)
		if first != second {
			t.Errorf("helm %s: two runs differ:\n%s\n----\n%s", helm, first, second)
		}
		if !strings.Contains(first, `"cm-20250101-`) {
			t.Errorf("helm %s: the hook's name does not carry render.FixedNow's date:\n%s", helm, first)
		}
	}
	f := sprig.TxtFuncMap()["randAlphaNum"].(func(int) string)
	if a, b := f(32), f(32); a == b {
		t.Errorf("outside a simulation sprig's randAlphaNum is not random: %q twice", a)
	}
}

// With Scenario.RealGeneration sprig's own functions answer: two runs
// name the hook differently, with Helm 3 and Helm 4. And
// render.Options.RealGeneration gives sprig's own functions even while a
// Helm 3 simulation holds sprig's table with its deterministic ones.
func TestRealGenerationSimulation(t *testing.T) {
	ch := writeChart(t, map[string]string{"hook.yaml": `{{- $ca := genCA "ca" 1 }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-{{ randAlphaNum 12 | lower }}
  annotations:
    "helm.sh/hook": pre-install
data:
  ca: {{ $ca.Cert | b64enc | quote }}
`})
	for _, helm := range []HelmVersion{HelmV3, HelmV4} {
		text := func() string {
			sc := &Scenario{Helm: helm, Release: "rel", Namespace: "ns", KubeVersion: "v1.35.0", RealGeneration: true,
				Steps: []Step{{Action: ActionInstall, Chart: ch, Timeout: DefaultTimeout}}}
			res, err := Run(sc)
			if err != nil {
				t.Fatal(err)
			}
			if errs := strings.Join(stepErrors(res), ""); errs != "" {
				t.Fatalf("helm %s: %s", helm, errs)
			}
			var b bytes.Buffer
			if err := WriteText(&b, res); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		if first, second := text(), text(); first == second {
			t.Errorf("helm %s: two runs with real generation print the same timeline:\n%s", helm, first)
		}
	}
	for _, helm := range []string{render.HelmV3, render.HelmV4} {
		opts := &render.Options{Helm: helm, RealGeneration: true}
		c, err := render.Load(ch.Arg, opts)
		if err != nil {
			t.Fatal(err)
		}
		files := func() string {
			r, err := render.Render(c, opts, render.Install)
			if err != nil {
				t.Fatal(err)
			}
			return r.Files["c/templates/hook.yaml"]
		}
		// each in its own simulation's hold: the deterministic functions
		// would give both the same bytes
		during := func() string {
			s, _ := withHelm3Funcs(ch, false, func() (string, error) { return files(), nil })
			return s
		}
		if first, second := during(), during(); first == "" || first == second {
			t.Errorf("helm %s: two renders with real generation during Helm 3 simulations:\n%s\n----\n%s", helm, first, second)
		}
	}
}
