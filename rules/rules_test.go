package rules_test

import (
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules"
)

// TestRules runs every registered rule over the fixture charts of its folder
// (rules/hlNNNN/testdata/*), one subtest per rule ID: go test ./rules -run
// 'TestRules/HL1006' checks one rule. It is the only test of the rule
// folders, so Helm and Kubernetes are linked into one test binary instead
// of one per rule.
func TestRules(t *testing.T) {
	for _, a := range rules.All {
		t.Run(a.ID, func(t *testing.T) {
			linttest.RunDir(t, a, strings.ToLower(a.ID))
		})
	}
}
