package rules

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders every rule's documentation as one Markdown page
// (docs/rules.md; TestRulesDoc keeps it in sync).
func Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# hooklint rules\n\n")
	b.WriteString("Generated from each rule's `doc.go` by `go test ./rules -update`; do not edit.\n\n")
	b.WriteString("| ID | name | severity | summary |\n|---|---|---|---|\n")
	for _, a := range All {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", a.ID, strings.ToLower(a.ID), a.Name, a.Severity, a.Title())
	}
	for _, a := range All {
		fmt.Fprintf(&b, "\n## %s\n\n`%s` · default severity **%s**: %s\n\n", a.ID, a.Name, a.Severity, a.Title())
		b.Write(a.Markdown(3))
	}
	return b.Bytes()
}
