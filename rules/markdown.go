package rules

import (
	"bytes"
	"fmt"
	"go/doc/comment"
	"regexp"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

var anchorRe = regexp.MustCompile(` \{#hdr-[A-Za-z0-9_]+\}`)

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
	var p comment.Parser
	pr := comment.Printer{HeadingLevel: 3}
	for _, a := range All {
		_, body, _ := strings.Cut(a.Doc, "\n")
		opt := ""
		if a.Optional {
			opt = " · opt-in (`rules.default: all` or `--enable " + a.ID + "`)"
		}
		fmt.Fprintf(&b, "\n## %s\n\n`%s` · default severity **%s**%s: %s\n\n", a.ID, a.Name, a.Severity, opt, a.Title())
		md := pr.Markdown(p.Parse(strings.TrimSpace(body) + "\n"))
		b.Write(anchorRe.ReplaceAll(md, nil)) // GitHub makes its own anchors
	}
	return b.Bytes()
}
