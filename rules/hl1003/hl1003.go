package hl1003

import (
	_ "embed"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports the legacy test-success event.
var Analyzer = &lint.Analyzer{
	ID:       "HL1003",
	Name:     "hook-legacy-test-success",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// legacy is the token Helm 3 maps to release.HookTest (manifest_sorter.go
// events).
const legacy = "test-success"

// helmName is the Helm the pass judges by, as messages name it; both map
// test-success to test.
func helmName(pass *lint.Pass) string {
	if pass.Helm() == lint.HelmV4 {
		return "Helm 4"
	}
	return "Helm 3"
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		if h.Dropped {
			continue // HL1001/HL1002 say why; Helm runs nothing
		}
		// the tokens share one position: test-success written twice is
		// one finding, and the list is read once (listed)
		reported, haveTest := false, listed(h, release.HookTest.String())
		for _, t := range h.Tokens {
			if t.Text != legacy || reported {
				continue
			}
			reported = true
			test := release.HookTest.String()
			f := lint.Finding{
				Pos: t.At, Object: lint.ObjectRefOf(h.Object),
				Message: fmt.Sprintf("hook event %q is the Helm 2 name of %q; %s runs it as a test hook (helm test): write %q", t.Text, test, helmName(pass), test),
			}
			if !haveTest {
				raw := strings.TrimSpace(t.Raw)
				f.Fixes = lint.Fix(fmt.Sprintf("replace %q with %q", raw, test), t.At, raw, test)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}

// listed reports whether the hook already lists the event token text (then
// rewriting test-success would duplicate it: HL1008).
func listed(h *hook.Hook, text string) bool {
	for _, t := range h.Tokens {
		if t.Text == text {
			return true
		}
	}
	return false
}
