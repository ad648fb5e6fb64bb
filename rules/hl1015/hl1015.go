package hl1015

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports a hook annotation key written twice in one object.
var Analyzer = &lint.Analyzer{
	ID:       "HL1015",
	Name:     "hook-annotation-duplicate-key",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// hookKey: the annotations Helm or Argo CD read to run hooks.
func hookKey(k string) bool {
	return strings.HasPrefix(k, "helm.sh/hook") || strings.HasPrefix(k, "argocd.argoproj.io/")
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		last := map[string]int{}
		for i, a := range o.Annotations {
			if hookKey(a.Key) {
				last[a.Key] = i
			}
		}
		for i, a := range o.Annotations {
			j, ok := last[a.Key]
			if !ok || j == i {
				continue
			}
			kept := o.Annotations[j]
			pass.Report(lint.Finding{
				Pos: a.KeyAt, Object: lint.ObjectRefOf(o),
				Message: "annotation " + quote(a.Key) + " is written twice in this object's annotations: YAML keeps the last one (" + quote(kept.Value) + "), so this " + quote(a.Value) + " is silently lost; write one key with every value, comma-separated",
				Related: []lint.Related{{Pos: kept.KeyAt, Message: "the value Helm reads"}},
			})
		}
	}
	return nil, nil
}

func quote(s string) string { return strconv.Quote(s) }
