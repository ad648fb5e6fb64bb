package lint

import "github.com/hooklint/hooklint/internal/hook"

// SuggestedFix is one way to fix a finding: edits to the chart's template
// sources that together remove it (go/analysis's SuggestedFix, in template
// coordinates). internal/fix applies them.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// TextEdit replaces the exact text Old with New on the template line at Pos.
// When Pos.Col is set, Old is the first occurrence at or after that column;
// otherwise Old must occur exactly once on the line, outside template
// actions and comments. Neither Old nor New spans lines. An edit whose Old
// is not found as written (the value came out of a {{ }} action) is not
// applied: rules only say what was written, internal/fix checks it is there.
type TextEdit struct {
	Pos hook.Pos `json:"position"`
	Old string   `json:"old"`
	New string   `json:"new"`
}

// SuggestUnique is Suggest, but only when exactly one candidate is that
// close: an ambiguous correction is no fix.
func SuggestUnique(word string, candidates []string) string {
	best := Suggest(word, candidates)
	if best == "" {
		return ""
	}
	d := Distance(word, best)
	for _, c := range candidates {
		if c != best && Distance(word, c) == d {
			return ""
		}
	}
	return best
}

// Fix returns a finding's single suggested fix of one edit.
func Fix(message string, at hook.Pos, old, replacement string) []SuggestedFix {
	return []SuggestedFix{{Message: message, Edits: []TextEdit{{Pos: at, Old: old, New: replacement}}}}
}
