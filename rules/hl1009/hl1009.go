package hl1009

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports misspelled Helm annotation keys.
var Analyzer = &lint.Analyzer{
	ID:       "HL1009",
	Name:     "helm-annotation-typo",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

const helmPrefix = "helm.sh"

// candidates maps what a misspelling is compared with to the key meant:
// every key Helm reads, and the hook- keys without "hook-"
// (helm.sh/weight -> helm.sh/hook-weight).
func candidates() map[string]string {
	c := map[string]string{}
	for _, k := range hook.HelmAnnotationKeys() {
		c[k] = k
		if rest, ok := strings.CutPrefix(k, helmPrefix+"/hook-"); ok {
			c[helmPrefix+"/"+rest] = k
		}
	}
	return c
}

func normalize(k string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(k)), "_", "-")
}

// meant returns the Helm key k was probably meant to be, or "".
func meant(k string, cands map[string]string) string {
	n := normalize(k)
	domain, _, _ := strings.Cut(n, "/")
	if !strings.Contains(n, "helm") && lint.Distance(domain, helmPrefix) > 2 {
		return "" // another prefix: not ours
	}
	best, bestD := "", -1
	names := make([]string, 0, len(cands))
	for c := range cands {
		names = append(names, c)
	}
	slices.Sort(names) // deterministic on ties
	for _, c := range names {
		if d := lint.Distance(n, c); bestD < 0 || d < bestD {
			best, bestD = cands[c], d
		}
	}
	limit := 2
	if len(n) > 12 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

func run(pass *lint.Pass) (any, error) {
	known := hook.HelmAnnotationKeys()
	cands := candidates()
	names := make([]string, 0, len(cands))
	for c := range cands {
		names = append(names, c)
	}
	slices.Sort(names)
	for _, o := range pass.Objects {
		meantBy := map[string]int{} // how many keys of o mean each Helm key
		for _, a := range o.Annotations {
			if !slices.Contains(known, a.Key) {
				meantBy[meant(a.Key, cands)]++
			}
		}
		for _, a := range o.Annotations {
			if slices.Contains(known, a.Key) {
				continue
			}
			m := meant(a.Key, cands)
			if m == "" {
				continue
			}
			what := "annotation key %q is not a key Helm reads (did you mean %q?)"
			if strings.EqualFold(a.Key, m) {
				what = "annotation key %q is not %q: annotation keys are case-sensitive"
			}
			f := lint.Finding{Pos: a.KeyAt, Object: lint.ObjectRefOf(o), Message: fmt.Sprintf(what+"; Helm ignores it%s", a.Key, m, effect(o, m))}
			// Renaming needs one unambiguous key within lint.FixLimit, and
			// must not give the object the key twice.
			if fx := lint.SuggestFix(normalize(a.Key), names, func(c string) string { return cands[c] }); fx == m && o.Annotation(m) == nil && meantBy[m] == 1 {
				f.Fixes = lint.Fix(fmt.Sprintf("rename %q to %q", a.Key, m), a.KeyAt, a.Key, m)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}

// effect is what ignoring the key meant does to o.
func effect(o *hook.Object, key string) string {
	h := o.Hook
	switch key {
	case hook.AnnotationHook:
		if h == nil {
			return ", so this resource is not a hook: Helm installs it with the release as a normal resource"
		}
	case hook.AnnotationWeight:
		if h != nil && h.WeightAnnotation == nil {
			return " and runs the hook at weight 0"
		}
	case hook.AnnotationDeletePolicy:
		if h != nil && h.DeleteAnnotation == nil {
			return " and applies only the default before-hook-creation"
		}
	case hook.AnnotationOutputLog:
		if h != nil && h.OutputLogAnnotation == nil {
			return " and prints no logs for this hook"
		}
	case hook.AnnotationResourcePolicy:
		if h == nil && o.Annotation(hook.AnnotationResourcePolicy) == nil {
			return " and deletes this resource on uninstall"
		}
	}
	return ""
}
