package sim

import (
	"bytes"
	"strings"
	"testing"

	"github.com/Masterminds/sprig/v3"
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
