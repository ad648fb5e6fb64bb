package hl1011

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook annotations on resources that are not hooks.
var Analyzer = &lint.Analyzer{
	ID:       "HL1011",
	Name:     "hook-annotation-without-hook",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// effects says what each key would have done on a hook.
var effects = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	hook.AnnotationWeight:       "the weight does not order it",
	hook.AnnotationDeletePolicy: "the policy never deletes it",
	hook.AnnotationOutputLog:    "no logs are printed",
}

// keep is helm.sh/resource-policy's value (helm.sh/helm/v3 pkg/kube
// resource_policy.go KeepPolicy), often put in the delete policy by mistake.
const keep = "keep"

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		if o.Hook != nil {
			continue
		}
		for _, a := range o.Annotations {
			eff, ok := effects[a.Key]
			if !ok {
				continue
			}
			msg := fmt.Sprintf("%s has no effect: this %s has no helm.sh/hook annotation, so Helm installs it as a normal release resource and %s", a.Key, o.Kind, eff)
			if a.Key == hook.AnnotationDeletePolicy && strings.EqualFold(strings.TrimSpace(a.Value), keep) {
				msg += fmt.Sprintf("; to keep it on uninstall, write %s: %s", hook.AnnotationResourcePolicy, keep)
			}
			pass.Reportf(a.KeyAt, o, "%s", msg)
		}
	}
	return nil, nil
}
