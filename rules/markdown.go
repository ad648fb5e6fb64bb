package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// SeverityCell is a rule's severity for the rule tables, marked opt-in
// when the rule is not in the recommended set.
func SeverityCell(a *lint.Analyzer) string {
	if a.Optional {
		return a.Severity.String() + " (opt-in)"
	}
	return a.Severity.String()
}

// Markdown renders every rule's documentation as one Markdown page
// (docs/rules.md; TestRulesDoc keeps it in sync).
func Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# hooklint rules\n\n")
	b.WriteString("Generated from each rule's `doc.go` by `go test ./rules -update`; do not edit.\n\n")
	b.WriteString("| ID | name | severity | summary |\n|---|---|---|---|\n")
	for _, a := range All {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", a.ID, strings.ToLower(a.ID), a.Name, SeverityCell(a), a.Title())
	}
	for _, a := range All {
		opt := ""
		if a.Optional {
			opt = " · opt-in (`rules.default: all` or `--enable " + a.ID + "`)"
		}
		fmt.Fprintf(&b, "\n## %s\n\n`%s` · default severity **%s**%s: %s\n\n", a.ID, a.Name, a.Severity, opt, a.Title())
		b.Write(a.Markdown(3))
	}
	return b.Bytes()
}
