package lint

import (
	"go/parser"
	"go/token"
	"strings"
	"unicode/utf8"
)

// MustDoc returns the package comment of a rule's doc.go source (embedded
// with //go:embed), so godoc, `hooklint explain` and docs/rules.md print the
// same text. It panics on a malformed doc.go: that is a programmer error at
// init, caught by the registry test.
func MustDoc(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("lint.MustDoc: doc.go has no package comment")
	}
	text := f.Doc.Text()
	text = strings.TrimPrefix(text, "Package ")
	// "Package hl1001 is ..." is not used: the comment starts with the title.
	return strings.TrimSpace(text) + "\n"
}

// Suggest returns the candidate closest to word by edit distance, if it is
// close enough to be a likely typo, else "".
//
// A candidate whose length differs from word's by more than the limit is
// not measured: the distance is at least that difference, so it could not
// be suggested, and a 2 MB token costs nothing instead of a distance table
// per candidate.
func Suggest(word string, candidates []string) string {
	limit := 2
	if len(word) > 12 {
		limit = 3
	}
	n := utf8.RuneCountInString(word)
	best, bestD := "", -1
	for _, c := range candidates {
		if diff := n - utf8.RuneCountInString(c); diff > limit || -diff > limit {
			continue
		}
		d := Distance(word, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD >= 0 && bestD <= limit && bestD < len(word) {
		return best
	}
	return ""
}

// Distance is the Damerau-Levenshtein (optimal string alignment) distance.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
