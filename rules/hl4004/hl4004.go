package hl4004

import (
	_ "embed"
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks whose name changes every revision, so before-hook-creation never finds the old one.
var Analyzer = &lint.Analyzer{
	ID:       "HL4004",
	Name:     "hook-name-per-revision",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Name == "" {
			continue
		}
		if h.HasDeletePolicy(release.HookSucceeded) && h.HasDeletePolicy(release.HookFailed) {
			continue // deleted after every run, whatever its name
		}
		tok, why := varying(o.Name, pass.Release.Revision, pass.Release.Context.String() == "upgrade")
		if tok == "" {
			if fn := randomFunc(o.TemplateLine("metadata", "name")); fn != "" {
				left := "every run leaves one object behind"
				if h.HasDeletePolicy(release.HookSucceeded) {
					left = "every failed run leaves one object behind"
				}
				pass.Reportf(o.PosOf("metadata", "name"), o,
					"hook name %q is built with %s, so it changes on every render: before-hook-creation (which deletes by name) never finds the previous object and %s; uninstall never deletes them either",
					o.Name, fn, left)
			}
			continue
		}
		left := "every run leaves one object behind"
		if h.HasDeletePolicy(release.HookSucceeded) {
			left = "every failed run leaves one object behind"
		}
		pass.Reportf(o.PosOf("metadata", "name"), o,
			"hook name %q contains %q, %s: the name changes every revision, so before-hook-creation (which deletes by name) never finds the previous object and %s; uninstall never deletes them either",
			o.Name, tok, why, left)
	}
	return nil, nil
}

// varying returns the token of name that changes between renders and why,
// or "". In the upgrade render (revision 2, its previous revision 1) a
// dash- or dot-separated token equal to the revision, or a last token
// equal to the previous revision, comes from .Release.Revision. A token of
// eight or more digits is a timestamp (now, date, unixEpoch).
func varying(name string, revision int, upgrade bool) (string, string) {
	toks := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '.' })
	for i, t := range toks {
		if upgrade && revision >= 2 {
			if t == strconv.Itoa(revision) {
				return t, "the release revision"
			}
			if i == len(toks)-1 && t == strconv.Itoa(revision-1) {
				return t, "the previous release revision"
			}
		}
		if len(t) >= 8 && digits(t) {
			return t, "a timestamp"
		}
	}
	return "", ""
}

// randomFuncs are the template functions (Sprig's, which Helm provides:
// helm.sh/helm/v3 pkg/engine/funcs.go funcMap) whose result differs on
// every render: random strings and the clock.
var randomFuncs = []string{ //nolint:gochecknoglobals // read-only lookup table
	"randAlphaNum", "randAlpha", "randNumeric", "randAscii", "randBytes", "randInt",
	"uuidv4", "now", "date", "dateInZone", "unixEpoch", "htmlDate", "htmlDateInZone",
}

// randomFunc returns the first of randomFuncs called in the actions of
// template line tpl, or "".
func randomFunc(tpl string) string {
	for {
		i := strings.Index(tpl, "{{")
		if i < 0 {
			return ""
		}
		j := strings.Index(tpl[i:], "}}")
		if j < 0 {
			j = len(tpl) - i
		}
		words := strings.FieldsFunc(tpl[i+2:i+j], func(r rune) bool {
			return r == ' ' || r == '(' || r == ')' || r == '|' || r == '-' || r == '\t'
		})
		for _, w := range words {
			for _, f := range randomFuncs {
				if w == f {
					return f
				}
			}
		}
		tpl = tpl[i+j:]
	}
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
