// hl9002 (suppression-unused): a hooklint:ignore directive that suppresses nothing is stale
//
// # What it checks
//
// A suppression directive (a "# hooklint:ignore" or "{{/* hooklint:ignore */}}"
// template comment, or a hooklint.dev/ignore annotation) names a rule that
// ran but produced no finding where the directive applies: on the comment's
// line or the next one, or about the annotated object. Rules that did not run
// (--only, --disable, the configuration) are not judged.
//
// # Why it matters
//
// A stale suppression hides the next real finding on that line or object: the
// chart changed, or the rule no longer fires there, but the directive stays
// and silences whatever comes next. staticcheck and golangci-lint's
// nolintlint report unused directives for the same reason.
//
// # How to fix
//
// Delete the directive, or the rules in it that no longer match. When a
// finding moved to another line, move the comment with it.
//
// # Example
//
// Bad:
//
//	# hooklint:ignore HL1013 kept for its logs
//	"helm.sh/hook-delete-policy": hook-succeeded
//
// Good:
//
//	"helm.sh/hook-delete-policy": hook-succeeded
package hl9002
