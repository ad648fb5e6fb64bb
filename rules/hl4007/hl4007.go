package hl4007

import (
	_ "embed"
	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports cluster-wide hooks that stay after helm uninstall.
var Analyzer = &lint.Analyzer{
	ID:       "HL4007",
	Name:     "hook-leaks-after-uninstall",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// harm says what a leftover of each kind does after uninstall.
var harm = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"MutatingWebhookConfiguration":   "keeps intercepting requests for a service that no longer exists, which can block unrelated workloads",
	"ValidatingWebhookConfiguration": "keeps intercepting requests for a service that no longer exists, which can block unrelated workloads",
	"APIService":                     "keeps an API group registered to a missing service, which breaks discovery for every client",
	"Namespace":                      "keeps the namespace and everything created in it",
	"ClusterRole":                    "keeps its cluster-wide permissions defined",
	"ClusterRoleBinding":             "keeps granting cluster-wide permissions",
	"CustomResourceDefinition":       "is never updated by later upgrades, and a reinstall fails with \"already exists\" (Helm never deletes CRD hooks, whatever the policy)",
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		what, ok := harm[o.Kind]
		if h.Dropped || !ok {
			continue
		}
		if o.Kind != "CustomResourceDefinition" && h.HasDeletePolicy(release.HookSucceeded) {
			continue
		}
		pass.Reportf(h.Annotation.KeyAt, o,
			"helm uninstall never deletes hooks: this %s stays in the cluster after the release is gone and %s",
			o.Kind, what)
	}
	return nil, nil
}
