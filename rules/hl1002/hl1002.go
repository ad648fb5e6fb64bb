package hl1002

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports the Helm 2 hook events Helm 3 drops.
var Analyzer = &lint.Analyzer{
	ID:       "HL1002",
	Name:     "hook-dropped-legacy-event",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// fixes are the Helm 2 events Helm 3 removed, with what to do instead.
var fixes = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"crd-install":  "move the CustomResourceDefinition to crds/",
	"test-failure": `write a test hook ("test") that succeeds when the check passes`,
}

// helmName is the Helm the pass judges by, as messages name it: Helm 3
// and Helm 4 read events alike (the same events map).
func helmName(pass *lint.Pass) string {
	if pass.Helm() == lint.HelmV4 {
		return "Helm 4"
	}
	return "Helm 3"
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		for _, t := range h.Unknown {
			fix, ok := fixes[t.Text]
			if !ok {
				continue
			}
			pass.Reportf(t.At, h.Object,
				"hook event %q is a Helm 2 event that %s no longer knows; Helm skips the whole resource: it is neither run as a hook nor installed (%s)",
				t.Text, helmName(pass), fix)
		}
	}
	return nil, nil
}
