package hook

import (
	"regexp"
	"strings"
	"unicode"
)

// sep4 is Helm 4's document separator (helm.sh/helm/v4
// pkg/release/v1/util/manifest.go sep): `---` at the start of a line and
// the blanks after it, not the newline.
var sep4 = regexp.MustCompile(`(?m)^---[ \t]*`)

// splitDocs4 returns the same documents, in the same order, as Helm 4's
// SplitManifests(content) (helm.sh/helm/v4 pkg/release/v1/util/manifest.go),
// and where each one starts: the input is left-trimmed, split at sep4,
// whitespace-only parts are dropped and the others are left-trimmed only
// (a document keeps its trailing newline). FuzzSplit4 checks the
// equivalence.
func splitDocs4(content string) []doc {
	trimmed := strings.TrimLeftFunc(content, unicode.IsSpace)
	base := len(content) - len(trimmed) // offset of trimmed in content
	var out []doc
	lineOff, line := 0, 1 // counted incrementally, as in splitDocs
	add := func(from, to int) {
		d := trimmed[from:to]
		if strings.TrimSpace(d) == "" {
			return
		}
		t := strings.TrimLeftFunc(d, unicode.IsSpace)
		off := base + from + len(d) - len(t)
		line += strings.Count(content[lineOff:off], "\n")
		lineOff = off
		out = append(out, doc{Text: t, Line: line})
	}
	start := 0
	for _, loc := range sep4.FindAllStringIndex(trimmed, -1) {
		add(start, loc[0])
		start = loc[1]
	}
	add(start, len(trimmed))
	return out
}
