package render

import (
	"regexp"
	"testing"
)

// realTemplate draws from every kind of source sprig has: a key, a
// certificate (its key and serial), math/rand and a UUID.
const realTemplate = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  ecdsa: {{ genPrivateKey "ecdsa" | b64enc }}
  ca: {{ (genCA "ca" 1).Cert | b64enc }}
  alnum: {{ randAlphaNum 24 }}
  uuid: {{ uuidv4 }}
`

// TestRealGeneration: with Options.RealGeneration a render uses sprig's
// own functions: each key, certificate and random string differs from
// render to render (with Helm 3 and Helm 4), where the deterministic
// functions give the same bytes twice.
func TestRealGeneration(t *testing.T) {
	dir := writeTestChart(t, map[string]string{"templates/cm.yaml": realTemplate})
	fields := regexp.MustCompile(`(?m)^  (ecdsa|ca|alnum|uuid): (.+)$`)
	for _, helm := range []string{HelmV3, HelmV4} {
		render := func(real bool) map[string]string {
			opts := &Options{Helm: helm, RealGeneration: real}
			c, err := Load(dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Render(c, opts, Install)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]string{}
			for _, m := range fields.FindAllStringSubmatch(r.Files["c/templates/cm.yaml"], -1) {
				out[m[1]] = m[2]
			}
			if len(out) != 4 {
				t.Fatalf("helm %s: rendered fields %v, want 4", helm, out)
			}
			return out
		}
		det1, det2 := render(false), render(false)
		real1, real2 := render(true), render(true)
		for k := range det1 {
			if det1[k] != det2[k] {
				t.Errorf("helm %s: %s: two deterministic renders differ", helm, k)
			}
			if real1[k] == real2[k] || real1[k] == det1[k] {
				t.Errorf("helm %s: %s: real generation gave %q, twice or as the deterministic functions do", helm, k, real1[k])
			}
		}
	}
}
