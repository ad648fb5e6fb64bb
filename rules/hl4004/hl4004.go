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

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
