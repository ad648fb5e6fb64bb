package lint

import (
	"unicode/utf8"

	"github.com/hooklint/hooklint/internal/hook"
)

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

// FixLimit is how many edits (Distance) a misspelling may be from the
// name a fix writes instead: a dropped, doubled, swapped or wrong letter or
// two. Farther is a guess: helm.sh/hook-wait is 3 edits from
// helm.sh/hook-weight, and means something else.
const FixLimit = 2

// SuggestFix returns the name a fix writes for word: what the candidates
// nearest to word mean, when they are at most FixLimit edits away (and
// fewer than word has characters) and all mean the same name; "" when
// none is that close or two names are equally close (a tie is no fix).
// meaning maps a candidate to the name it stands for; nil means itself.
// HL1001, HL1006 and HL1009 decide their fixes with it.
func SuggestFix(word string, candidates []string, meaning func(string) string) string {
	if meaning == nil {
		meaning = func(s string) string { return s }
	}
	// A candidate whose length differs by more than FixLimit is not
	// measured (as in Suggest): it could neither win nor tie.
	n := utf8.RuneCountInString(word)
	best, bestD, tie := "", -1, false
	for _, c := range candidates {
		if diff := n - utf8.RuneCountInString(c); diff > FixLimit || -diff > FixLimit {
			continue
		}
		d := Distance(word, c)
		switch {
		case bestD < 0 || d < bestD:
			best, bestD, tie = meaning(c), d, false
		case d == bestD && meaning(c) != best:
			tie = true
		}
	}
	if bestD < 0 || bestD > FixLimit || bestD >= n || tie {
		return ""
	}
	return best
}

// Fix returns a finding's single suggested fix of one edit.
func Fix(message string, at hook.Pos, old, replacement string) []SuggestedFix {
	return []SuggestedFix{{Message: message, Edits: []TextEdit{{Pos: at, Old: old, New: replacement}}}}
}
