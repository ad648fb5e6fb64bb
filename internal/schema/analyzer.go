package schema

import (
	"reflect"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

// Objects checks every object Helm sends to the API server against its
// kind's Go type once per render, for the rules that report the kinds of
// problem (HL5001 unknown fields, HL5002 wrong types and values): an
// object's content is decoded once for both (hook.Object.Content decodes
// a large render's documents again on each call). It reports nothing.
var Objects = &lint.Analyzer{ //nolint:gochecknoglobals // an analyzer others require, as each rule's Analyzer
	ID:         "schema-objects",
	Name:       "schema-objects",
	Run:        runObjects,
	ResultType: reflect.TypeFor[map[*hook.Object][]Problem](),
}

func runObjects(pass *lint.Pass) (any, error) {
	out := map[*hook.Object][]Problem{}
	for _, o := range pass.Objects {
		// (the check of a large render's object ran before its hook was
		// attached: Checked again here, for hooks Helm drops)
		if !Checked(o) {
			continue
		}
		if problems, _ := o.Shared().([]Problem); len(problems) > 0 {
			out[o] = problems
		}
	}
	return out, nil
}

func init() { //nolint:gochecknoinits // registers the check with internal/hook, which this package imports
	hook.SetContentCheck(func(o *hook.Object) any {
		if !Checked(o) || rootOf(o.APIVersion, o.Kind) == nil {
			return nil
		}
		p, _ := CheckPlain(o.APIVersion, o.Kind, o.Content(), func(p []string) bool { return o.Plain(p...) })
		return p
	})
}

// ObjectProblems is the problems Objects found in o (pass must require
// Objects).
func ObjectProblems(pass *lint.Pass, o *hook.Object) []Problem {
	return pass.ResultOf[Objects].(map[*hook.Object][]Problem)[o]
}

// Checked reports whether o is an object Helm sends to the API server and
// whose content could be read: a hook Helm drops is never sent.
func Checked(o *hook.Object) bool {
	return o.Mapping() && o.ParseErr == nil && (o.Hook == nil || !o.Hook.Dropped)
}
