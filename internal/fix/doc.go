// Package fix applies the suggested fixes of lint findings to a chart
// directory's template sources (hooklint lint --fix and --diff).
//
// It edits the template text, never the rendered output: an edit replaces
// the exact text a rule says was written, on the template line the finding
// points at, and only where that text stands outside template actions
// ({{ }}) and YAML comments. Everything else on the line, and every other
// line, is left byte for byte as it was. A value produced by an action
// cannot be fixed this way, and such a fix is skipped with the reason.
//
// It does not lint (the caller lints before and after) and does not decide
// what a fix is: the rules attach lint.SuggestedFix values to findings.
package fix
