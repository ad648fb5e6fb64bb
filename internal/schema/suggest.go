package schema

import "github.com/hooklint/hooklint/internal/lint"

// suggest returns the field name closest to word when it is close enough
// to be a typo, else "": lint.Suggest, and the distance must also be under
// half the word (short field names are too easy to reach).
func suggest(word string, names []string) string {
	s := lint.Suggest(word, names)
	if s != "" && 2*lint.Distance(word, s) >= len(word) {
		return ""
	}
	return s
}
