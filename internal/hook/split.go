package hook

import (
	"regexp"
	"strings"
	"unicode"
)

// sep is releaseutil's document separator (helm.sh/helm/v3
// pkg/releaseutil/manifest.go sep).
var sep = regexp.MustCompile("(?:^|\\s*\n)---\\s*")

// sepIndexes is sep.FindAllStringIndex(s, -1) for a string without leading
// white space (splitDocs trims it), without the regexp: the leading \s* makes
// the regexp try a match at every blank, and splitting dominated the
// extraction of charts with large CRD files. A match is "---" at the very
// start, or the run of \s (RE2: [\t\n\f\r ]) ending in a newline right
// before "---"; it ends after the \s that follow. FuzzSplit checks the
// result against releaseutil.SplitManifests.
func sepIndexes(s string) [][2]int {
	var out [][2]int
	pos := 0
	end := func(e int) int {
		for e < len(s) && isRE2Space(s[e]) {
			e++
		}
		return e
	}
	if strings.HasPrefix(s, "---") {
		pos = end(3)
		out = append(out, [2]int{0, pos})
	}
	for {
		k := strings.Index(s[pos:], "\n---")
		if k < 0 {
			return out
		}
		k += pos
		a := k
		for a > pos && isRE2Space(s[a-1]) {
			a--
		}
		pos = end(k + 4)
		out = append(out, [2]int{a, pos})
	}
}

func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// doc is one document of a rendered file, as SplitManifests returns it, with
// the 1-based line of the rendered file its text starts on.
type doc struct {
	Text string
	Line int
}

// splitDocs returns the same documents, in the same order, as
// releaseutil.SplitManifests(content) (Helm keys them manifest-0..N), and
// where each one starts. FuzzSplit checks the equivalence.
func splitDocs(content string) []doc {
	trimmed := strings.TrimSpace(content)
	base := strings.Index(content, trimmed) // offset of trimmed in content
	if trimmed == "" {
		return nil
	}
	var out []doc
	start := 0
	// Lines are counted incrementally: documents come in offset order, and
	// counting from the start for each one is quadratic in a file of many
	// documents (a range that renders 10,000 hooks).
	lineOff, line := 0, 1
	add := func(from, to int) {
		d := trimmed[from:to]
		if d == "" {
			return
		}
		t := strings.TrimSpace(d)
		lead := len(d) - len(strings.TrimLeftFunc(d, unicode.IsSpace))
		if t == "" {
			lead = 0
		}
		off := base + from + lead
		line += strings.Count(content[lineOff:off], "\n")
		lineOff = off
		out = append(out, doc{Text: t, Line: line})
	}
	for _, loc := range sepIndexes(trimmed) {
		add(start, loc[0])
		start = loc[1]
	}
	add(start, len(trimmed))
	return out
}

// SplitTexts returns the documents of content, in order, as
// releaseutil.SplitManifests finds them (its map's values), without its
// regexp, which costs seconds on the multi-megabyte CRD files of crds/.
func SplitTexts(content string) []string {
	docs := splitDocs(content)
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Text
	}
	return out
}
