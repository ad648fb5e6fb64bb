// hl9001 (suppression-without-reason): a hooklint:ignore directive must say why the finding does not apply
//
// # What it checks
//
// Every suppression directive, a template comment
//
//	# hooklint:ignore HL1013 the backup Job is kept for its logs
//	{{/* hooklint:ignore HL1013 the backup Job is kept for its logs */}}
//
// or the object annotation
//
//	hooklint.dev/ignore: "HL1013 the backup Job is kept for its logs"
//
// must give a reason after the rule IDs or names. A directive without one
// still suppresses its findings, and is reported here.
//
// # Why it matters
//
// A suppression hides what Helm will do: the next reader of the chart (or
// you, after the next Helm upgrade) needs to know why the finding was judged
// not to apply, or the suppression outlives its cause. staticcheck
// (//lint:ignore) and golangci-lint's nolintlint (require-explanation) make
// the same demand.
//
// # How to fix
//
// Write the reason after the rules, on the same line: anything after the
// comma-separated list of IDs or names is the reason (an optional "--"
// before it is dropped).
//
// # Example
//
// Bad:
//
//	"helm.sh/hook-delete-policy": before-hook-creation # hooklint:ignore HL1013
//
// Good:
//
//	# hooklint:ignore HL1013 kept on purpose: helm test --logs reads it
//	"helm.sh/hook-delete-policy": before-hook-creation
package hl9001
