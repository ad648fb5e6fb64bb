package sim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseScenarioFile: any bytes are either an error (one that names no
// Go type internals beyond yaml's own message) or a scenario with at least
// one step, every step a known action, whose injection patterns parse or
// fail cleanly. Seeds: every scenario file in testdata plus hostile YAML.
func FuzzParseScenarioFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "scenarios", "*.yaml"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"steps: []\n",
		"steps:\n  - action: install\n    timeout: 5x\n",
		"timeout: 1h\nsteps:\n  - action: upgrade\n    fail: ['[']\n    duration: [job/a=-1s, 'x=1m']\n",
		"a: &a [*a, *a]\nsteps:\n  - action: test\n",
		"steps:\n  - &s {action: install}\n  - *s\n  - *s\n",
		"steps:\n  - action: rollback\n    revision: 99999999999999999999\n",
		"release: [\nsteps:\n",
		"\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sf, err := ParseScenarioFile(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(sf.Steps) == 0 {
			t.Fatal("a scenario without steps was accepted")
		}
		if _, err := ParseInjection(sf.Inject.Fail, sf.Inject.Hang, sf.Inject.Duration); err != nil && !strings.HasPrefix(err.Error(), "--") {
			t.Fatalf("injection error %q does not name its flag", err)
		}
		for i, st := range sf.Steps {
			switch st.Action {
			case ActionInstall, ActionUpgrade, ActionRollback, ActionUninstall, ActionTest:
			default:
				t.Fatalf("step %d: action %q accepted", i+1, st.Action)
			}
			if _, err := ParseInjection(st.Inject.Fail, st.Inject.Hang, st.Inject.Duration); err != nil && !strings.HasPrefix(err.Error(), "--") {
				t.Fatalf("step %d: injection error %q does not name its flag", i+1, err)
			}
			for _, p := range append(append([]string(nil), st.Inject.Fail...), st.Inject.Hang...) {
				if pat, err := ParsePattern(p); err == nil {
					pat.Match("Job", "x") // must not panic
				}
			}
		}
	})
}
