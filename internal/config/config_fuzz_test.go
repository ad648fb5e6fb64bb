package config_test

import (
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/rules"
)

// FuzzParse: any .hooklint.yaml content is a config or an error; an error
// is one line that names the file (decoding is strict and positions are
// given as file:line).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"version: \"2\"\n",
		"version: \"2\"\nrules:\n  default: all\n  disable: [HL1013]\n",
		"version: \"2\"\nrules:\n  enable: [HL9999]\n",
		"version: \"2\"\nexclusions:\n  rules:\n    - path: 'templates/**'\n      rules: [HL1001]\n      text: '['\n",
		"version: \"2\"\nseverity:\n  rules:\n    - rules: [HL1001]\n      severity: fatal\n",
		"version: \"2\"\nrun:\n  fail-on: error\noutput:\n  formats:\n    json:\n      path: out.json\n",
		"a: &a [*a]\n",
		"version: [\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := config.Parse(".hooklint.yaml", b, rules.All)
		if err == nil {
			return
		}
		if msg := err.Error(); msg == "" || !strings.Contains(msg, ".hooklint.yaml") {
			t.Fatalf("error %q does not name the file", msg)
		}
	})
}
