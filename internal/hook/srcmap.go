package hook

import (
	"math"
	"slices"
	"strings"
)

// A srcMap maps lines of one rendered file back to lines of the template
// source it was rendered from.
//
// Go templates keep no line information in their output, so the map is
// computed: every template line becomes a glob (its literal text, with each
// {{ action }} as a wildcard) and each rendered document is aligned with the
// template by the heaviest chain of matching lines that increases in both
// files (weight: literal characters matched). Rendered lines that match no
// template line (they came from an include, toYaml, a range) take the line of
// the action that produced them: the first action-only template line between
// the neighbouring matches, else the previous match.
type srcMap struct {
	tpl   []tline
	lines []string // rendered lines
	rmap  []int    // rendered line (0-based) -> template line (1-based), 0 unknown
	// tree is align's Fenwick tree, allocated once per file and cleared
	// through touched after each document: allocating it per document is
	// quadratic when one template renders many documents.
	tree    []int
	touched []int
	// nextProd and nextLine are built by nextProducer on first use.
	nextProd, nextLine []int
}

type tline struct {
	parts   []string // literal parts, split where an action stood
	weight  int      // literal characters
	action  bool     // the line holds only actions (and spaces)
	produce bool     // an action-only line that can emit lines: include, template, toYaml, tpl, .Files
}

// parseTemplate splits template source into lines of literal parts and
// action wildcards. Actions may span lines; comments {{/* */}} count as
// actions that produce nothing.
func parseTemplate(src string) []tline {
	out := make([]tline, 0, strings.Count(src, "\n")+1)
	var cur []string
	// the literal run being read is src[litS:litE] (a run is never
	// interrupted: an action ends it)
	litS, litE := 0, 0
	litString := func() string {
		l := src[litS:litE]
		litS, litE = 0, 0
		return l
	}
	var act strings.Builder
	hasAction := false
	inAction := false
	flushLine := func() {
		parts := make([]string, 0, len(cur)+1)
		parts = append(parts, cur...)
		parts = append(parts, litString())
		cur = nil
		// Trim like the comparison does: leading space of the first part,
		// trailing space of the last.
		parts[0] = strings.TrimLeft(parts[0], " \t\r")
		parts[len(parts)-1] = strings.TrimRight(parts[len(parts)-1], " \t\r")
		// An action at either end may render to nothing; the rendered line
		// is trimmed, so the space next to it must not be required.
		if n := len(parts); n > 1 {
			if parts[n-1] == "" {
				parts[n-2] = strings.TrimRight(parts[n-2], " \t\r")
			}
			if parts[0] == "" {
				parts[1] = strings.TrimLeft(parts[1], " \t\r")
			}
		}
		w := 0
		for _, p := range parts {
			w += len(strings.TrimSpace(p))
		}
		// Literal text between {{ if }}, {{ else }} and {{ end }} on one
		// line may not be rendered: only the ends of the line anchor it.
		if len(parts) > 2 && control(act.String()) {
			parts = []string{parts[0], parts[len(parts)-1]}
			w = len(strings.TrimSpace(parts[0])) + len(strings.TrimSpace(parts[1]))
		}
		tl := tline{parts: parts, weight: w}
		if w == 0 && (hasAction || inAction) {
			tl.action = true
			a := act.String()
			tl.produce = strings.Contains(a, "include") || strings.Contains(a, "template") ||
				strings.Contains(a, "toYaml") || strings.Contains(a, "tpl") ||
				strings.Contains(a, ".Files") || strings.Contains(a, "range")
		}
		if w == 0 {
			tl.parts = nil
		}
		out = append(out, tl)
		act.Reset()
		hasAction = inAction
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inAction {
			if c == '\n' {
				flushLine()
				continue
			}
			if strings.HasPrefix(src[i:], "}}") {
				inAction = false
				i++
				continue
			}
			if c == '"' || c == '`' {
				// skip a string literal inside the action
				j := i + 1
				for j < len(src) && src[j] != c && src[j] != '\n' {
					if c == '"' && src[j] == '\\' {
						j++
					}
					j++
				}
				act.WriteString(src[i:min(j+1, len(src))])
				i = j
				continue
			}
			act.WriteByte(c)
			continue
		}
		if c == '\n' {
			flushLine()
			continue
		}
		if strings.HasPrefix(src[i:], "{{") {
			inAction, hasAction = true, true
			act.WriteString("\x00")
			cur = append(cur, litString())
			i++
			rest := strings.TrimLeft(strings.TrimPrefix(src[i+1:], "-"), " \t")
			if strings.HasPrefix(rest, "/*") {
				// a comment ends at */}}; it may contain "}}" or quotes
				start := len(src) - len(rest)
				if end := strings.Index(src[start:], "*/"); end >= 0 {
					for _, ch := range src[start : start+end] {
						if ch == '\n' {
							flushLine() // keep the line structure
						}
					}
					i = start + end + 1
				}
			}
			continue
		}
		if litS == litE {
			litS = i
		}
		litE = i + 1
	}
	flushLine()
	return out
}

// match reports whether the trimmed rendered line s matches the glob parts.
func match(parts []string, s string) bool {
	if len(parts) == 1 {
		return s == parts[0]
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}

func newSrcMap(template, rendered string, docs []doc) *srcMap {
	m := &srcMap{tpl: parseTemplate(template), lines: strings.Split(rendered, "\n")}
	m.rmap = make([]int, len(m.lines))
	var cands [][]int32 // computed when a document is not verbatim
	var maxW []int
	next := nextDocFrom(template, m.tpl)
	v := newVerbatim(template, rendered)
	lo := 0
	for _, d := range docs {
		from := d.Line - 1
		// A Helm 4 document keeps its trailing newline (splitDocs4); it ends
		// on its last line of text all the same.
		to := from + strings.Count(strings.TrimRight(d.Text, "\n"), "\n") + 1
		if to > len(m.lines) {
			to = len(m.lines)
		}
		first := m.alignVerbatim(v, from, to, lo)
		if first < 0 {
			if cands == nil {
				cands, maxW = m.candidates()
			}
			first = m.alignDoc(cands, maxW, from, to, lo)
			if first < 0 && lo > 0 {
				first = m.alignDoc(cands, maxW, from, to, 0)
			}
		}
		if first >= 0 {
			lo = next[first]
		}
	}
	return m
}

// verbatim holds the line offsets of a template and its render for
// alignVerbatim.
type verbatim struct {
	template, rendered string
	tplOff, renOff     []int // byte offset where each line starts
}

func newVerbatim(template, rendered string) *verbatim {
	return &verbatim{template: template, rendered: rendered, tplOff: lineOffsets(template), renOff: lineOffsets(rendered)}
}

func lineOffsets(s string) []int {
	off := make([]int, 1, strings.Count(s, "\n")+1)
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			off = append(off, i+1)
		}
	}
	return off
}

// maxVerbatimTries bounds the occurrences of a document's text that
// alignVerbatim looks at before it leaves the document to alignDoc.
const maxVerbatimTries = 64

// alignVerbatim maps rendered lines [from,to) line for line onto the
// first run of template lines at or after lo that holds exactly their
// text and no action, and returns the first of those template lines
// (0-based), or -1 when there is none. text/template copies literal text
// to its output unchanged, so such a document (a CRD file, a static
// manifest) came from that run; it is found in time linear in the
// file instead of by alignDoc's chain search, whose cost grows with the
// repeated lines ("type: string") of large CRDs.
func (m *srcMap) alignVerbatim(v *verbatim, from, to, lo int) int {
	if from < 0 || from >= to || lo >= len(v.tplOff) {
		return -1
	}
	end := len(v.rendered)
	if to < len(v.renOff) {
		end = v.renOff[to] - 1
	}
	block := v.rendered[v.renOff[from]:end]
	if strings.TrimSpace(block) == "" || strings.Contains(block, "{{") {
		return -1
	}
	base := v.tplOff[lo]
	for range maxVerbatimTries {
		i := strings.Index(v.template[base:], block)
		if i < 0 {
			return -1
		}
		s, e := base+i, base+i+len(block)
		if (s == 0 || v.template[s-1] == '\n') && (e == len(v.template) || v.template[e] == '\n') {
			t, _ := slices.BinarySearch(v.tplOff, s)
			if !m.literal(t, t+to-from) {
				base = s + 1 // text inside a {{/* comment */}}
				continue
			}
			for k := from; k < to; k++ {
				m.rmap[k] = t + (k - from) + 1
			}
			return t
		}
		base = s + 1
	}
	return -1
}

// literal reports whether template lines [a,b) are all literal text:
// no action, and not inside a multi-line action or comment.
func (m *srcMap) literal(a, b int) bool {
	if b > len(m.tpl) {
		return false
	}
	for _, t := range m.tpl[a:b] {
		if t.action || len(t.parts) > 1 {
			return false
		}
	}
	return true
}

// nextDocFrom returns, for each template line j, the first template line
// the document after one that starts at j can come from: j itself when
// j's section (the template lines between two top-level "---" lines) can
// render several documents (it holds a range, or an action-only line that
// emits lines, such as an include), else the line after the section's
// closing "---". Without it, a document whose lines all match an earlier
// section as well (documents whose names come from the same expression)
// is aligned with that earlier section, up to hundreds of lines away.
// A "---" inside a {{ range }} block separates documents of one loop and
// does not end a section.
func nextDocFrom(src string, tpl []tline) []int {
	n := len(tpl)
	inRange := make([]bool, n) // a range is open on the line (or opens on it)
	sep := make([]bool, n)
	var stack []string
	line := 0
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			line++
			if line < n && slices.Contains(stack, "range") {
				inRange[line] = true
			}
		case strings.HasPrefix(src[i:], "{{"):
			end := strings.Index(src[i:], "}}")
			if end < 0 {
				end = len(src) - i
			}
			act := strings.TrimSpace(strings.Trim(src[i+2:i+end], "-"))
			word, _, _ := strings.Cut(act, " ")
			switch word {
			case "range", "if", "with", "define", "block":
				stack = append(stack, word)
				if word == "range" && line < n {
					inRange[line] = true
				}
			case "end":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
			line += strings.Count(src[i:i+end], "\n")
			i += end + 1
		}
	}
	for j, l := range strings.Split(src, "\n") {
		if j < n {
			t := strings.TrimSpace(l)
			sep[j] = t == "---" || strings.HasPrefix(t, "--- ")
		}
	}
	next := make([]int, n)
	for a := 0; a < n; {
		b, repeat := a, false
		for ; b < n && (!sep[b] || inRange[b] || b == a); b++ {
			repeat = repeat || inRange[b] || tpl[b].produce
		}
		for j := a; j < b; j++ {
			next[j] = j
			if !repeat {
				next[j] = min(b+1, n-1)
			}
		}
		a = b
	}
	return next
}

// pairBudget bounds the candidate pairs (rendered line, template line)
// the exact alignment may consider, and the glob matches it may try to
// find them: the chain costs O(pairs log m) time and holds a node per pair.
// The largest file of the corpus has 704,164 pairs (longhorn's crds.yaml;
// no other has more than 81,000), so every corpus and fixture position
// comes from the exact alignment. Lines that all match each other (6,000
// identical comment lines, or 5,000 args that all match "- {{ ... }}")
// make n×m pairs; past the budget, each rendered line keeps only a band of
// candidates around where its rank says it belongs (bandedCandidates).
const pairBudget = 4 << 20

// minBand is the least number of candidates kept on each side of a
// rendered line's expected template line in a banded alignment.
const minBand = 16

// candidates lists, for each rendered line, the template lines it matches
// (ascending), and the highest weight among them. Past pairBudget it
// returns bandedCandidates instead.
func (m *srcMap) candidates() ([][]int32, []int) {
	ix := m.index()
	type cand struct {
		c    []int32
		maxW int
	}
	// Rendered lines with the same text have the same candidates: they
	// are computed once and shared (a line such as "type: string" repeats
	// thousands of times in a CRD template and in its render).
	memo := map[string]cand{}
	out := make([][]int32, len(m.lines))
	maxW := make([]int, len(m.lines))
	work := 0
	for i, l := range m.lines {
		s := strings.TrimSpace(l)
		if s == "" {
			continue
		}
		r, ok := memo[s]
		if !ok {
			var globs []int32
			if len(s) >= 2 {
				globs = ix.buckets[s[:2]]
			}
			work += len(globs) + len(ix.generic)
			c, w := m.candidatesOf(s, ix.exact[s], globs, ix.generic)
			r = cand{c, w}
			memo[s] = r
		}
		out[i], maxW[i] = r.c, r.maxW
		work += len(r.c)
		if work > pairBudget {
			return m.bandedCandidates(ix)
		}
	}
	return out, maxW
}

// candidatesOf is the candidates of rendered line text s: the template
// lines of exact (shared, not copied, unless a glob adds to them) and those
// of globs whose glob matches s, sorted, with the highest weight among them.
func (m *srcMap) candidatesOf(s string, exact []int32, globs ...[]int32) ([]int32, int) {
	c, w := exact, 0
	if len(c) > 0 {
		w = m.tpl[c[0]].weight
	}
	copied := false
	for _, list := range globs {
		for _, j := range list {
			if !match(m.tpl[j].parts, s) {
				continue
			}
			if !copied {
				c = append(make([]int32, 0, len(c)+1), c...)
				copied = true
			}
			c = append(c, j)
			w = max(w, m.tpl[j].weight)
		}
	}
	if copied {
		slices.Sort(c)
	}
	return c, w
}

// tplIndex sorts the template's line globs for candidates: literal lines
// by their text, globs by the first two bytes of their first part, and
// the globs whose first part is shorter (they start with an action).
type tplIndex struct {
	exact   map[string][]int32
	buckets map[string][]int32
	generic []int32
}

func (m *srcMap) index() tplIndex {
	ix := tplIndex{exact: map[string][]int32{}, buckets: map[string][]int32{}}
	for j, t := range m.tpl {
		switch {
		case t.parts == nil:
		case len(t.parts) == 1:
			ix.exact[t.parts[0]] = append(ix.exact[t.parts[0]], int32(j))
		case len(t.parts[0]) >= 2:
			k := t.parts[0][:2]
			ix.buckets[k] = append(ix.buckets[k], int32(j))
		default:
			ix.generic = append(ix.generic, int32(j))
		}
	}
	return ix
}

// bandedCandidates is candidates for a file past pairBudget: from each
// list a rendered line draws its candidates from (template lines with its
// text, globs with its first two bytes, globs starting with an action) it
// keeps a band of 2k+1 entries centred where its rank says it belongs: the
// r-th of R rendered lines drawing from a list of T template lines is
// expected near the list's entry r·T/R. Lines that repeat on both sides
// then pair in order (the 100th "# -----" with the 100th), and a line that
// one template line renders many times (a range) keeps that line. k is as
// large as the budget allows and at least minBand, so the cost is
// O((n + m) k) time and memory instead of O(n m).
func (m *srcMap) bandedCandidates(ix tplIndex) ([][]int32, []int) {
	// rendered lines per text and per bucket key (first two bytes)
	perText, perBucket := map[string]int{}, map[string]int{}
	nonEmpty := 0
	texts := make([]string, len(m.lines))
	for i, l := range m.lines {
		s := strings.TrimSpace(l)
		if s == "" {
			continue
		}
		texts[i] = s
		nonEmpty++
		perText[s]++
		if len(s) >= 2 {
			perBucket[s[:2]]++
		}
	}
	k := max(minBand, pairBudget/(6*max(nonEmpty, 1)))
	band := func(list []int32, rank, total int) []int32 {
		if len(list) <= 2*k+1 {
			return list
		}
		c := int(int64(rank) * int64(len(list)) / int64(total))
		return list[max(0, c-k):min(len(list), c+k+1)]
	}
	textRank, bucketRank, genericRank := map[string]int{}, map[string]int{}, 0
	out := make([][]int32, len(m.lines))
	maxW := make([]int, len(m.lines))
	for i, s := range texts {
		if s == "" {
			continue
		}
		exact := band(ix.exact[s], textRank[s], perText[s])
		textRank[s]++
		var bucket []int32
		if len(s) >= 2 {
			b := s[:2]
			bucket = band(ix.buckets[b], bucketRank[b], perBucket[b])
			bucketRank[b]++
		}
		generic := band(ix.generic, genericRank, nonEmpty)
		genericRank++
		out[i], maxW[i] = m.candidatesOf(s, exact, bucket, generic)
	}
	return out, maxW
}

// chainNode is a rendered line i matched to template line j; score is the
// weight of the best chain ending here, prev the node before (-1: none).
type chainNode struct {
	i, j  int32
	score int
	prev  int32
}

// alignDoc maps rendered lines [from,to) onto template lines >= lo and
// returns the first template line matched (0-based), or -1 when nothing
// matched.
//
// The chain is first sought among template lines [lo, hi) for a window hi
// a little past the document's length. A node at template line j depends
// only on nodes at lines < j, so nodes inside the window score exactly as
// in the unbounded search; when the window's best chain weighs as much as
// any chain can (every line matched at its heaviest candidate), the
// unbounded search would pick the same chain (ties go to the lowest
// template line) and the window's answer is taken. Otherwise the search
// runs again without the bound. The window turns the alignment of a
// template of many near-identical documents (CRDs) from quadratic to linear.
func (m *srcMap) alignDoc(cands [][]int32, maxW []int, from, to, lo int) int {
	n := len(m.tpl)
	bound := 0
	for i := from; i < to; i++ {
		bound += maxW[i]
	}
	if hi := lo + 2*(to-from) + 64; hi < n {
		if nodes, end := m.chain(cands, from, to, lo, hi); end >= 0 && nodes[end].score == bound {
			return m.fill(nodes, end, from, to, lo)
		}
	}
	nodes, end := m.chain(cands, from, to, lo, n)
	return m.fill(nodes, end, from, to, lo)
}

// chain finds the heaviest chain of matches increasing in both files over
// rendered lines [from,to) and template lines [lo,hi): its nodes and the
// index of its last node (-1 when nothing matched). Ties go to the chain
// ending at the lower template line.
func (m *srcMap) chain(cands [][]int32, from, to, lo, hi int) ([]chainNode, int) {
	// A Fenwick tree over template lines gives, for line j, the best chain
	// ending strictly before j among the rendered lines processed so far.
	n := len(m.tpl)
	if len(m.tree) != n+1 {
		m.tree = make([]int, n+1)
	}
	tree := m.tree // stores node index+1 of the max, 0 = none
	defer func() {
		for _, k := range m.touched {
			tree[k] = 0
		}
		m.touched = m.touched[:0]
	}()
	// one node per candidate in [lo,hi): allocated once, at its size
	size := 0
	for i := from; i < to; i++ {
		a, _ := slices.BinarySearch(cands[i], int32(lo))
		b, _ := slices.BinarySearch(cands[i], int32(min(hi, math.MaxInt32)))
		size += b - a
	}
	nodes := make([]chainNode, 0, size)
	better := func(a, b int) bool { // is node a better than node b (indices+1)
		if b == 0 {
			return a != 0
		}
		if a == 0 {
			return false
		}
		na, nb := &nodes[a-1], &nodes[b-1]
		if na.score != nb.score {
			return na.score > nb.score
		}
		return na.j < nb.j
	}
	query := func(j int) int { // best over template lines < j
		best := 0
		for k := j; k > 0; k -= k & -k {
			if better(tree[k], best) {
				best = tree[k]
			}
		}
		return best
	}
	update := func(j, idx int) {
		for k := j + 1; k <= n; k += k & -k {
			if better(idx, tree[k]) {
				if tree[k] == 0 {
					m.touched = append(m.touched, k)
				}
				tree[k] = idx
			}
		}
	}
	for i := from; i < to; i++ {
		first := len(nodes)
		c := cands[i]
		k, _ := slices.BinarySearch(c, int32(lo))
		for _, j32 := range c[k:] {
			j := int(j32)
			if j >= hi {
				break
			}
			p := query(j)
			s := m.tpl[j].weight
			if p != 0 {
				s += nodes[p-1].score
			}
			nodes = append(nodes, chainNode{i: int32(i), j: j32, score: s, prev: int32(p - 1)})
		}
		// this line's nodes join the tree only now: a chain uses a
		// rendered line once
		for idx := first; idx < len(nodes); idx++ {
			update(int(nodes[idx].j), idx+1)
		}
	}
	return nodes, query(n) - 1
}

// fill writes rmap for rendered lines [from,to) from the chain ending at
// nodes[end] and returns the first template line matched, or -1.
func (m *srcMap) fill(nodes []chainNode, end, from, to, lo int) int {
	n := len(m.tpl)
	if end < 0 {
		for i := from; i < to; i++ {
			m.rmap[i] = m.fallback(lo, n, true)
		}
		return -1
	}
	// matched[i-from] = template line of rendered line i + 1, 0 unmatched;
	// next[i-from] = template line of the first match after i, else n.
	matched := make([]int, to-from)
	first := -1
	for k := end; k >= 0; k = int(nodes[k].prev) {
		matched[int(nodes[k].i)-from] = int(nodes[k].j) + 1
		first = int(nodes[k].j)
	}
	next := make([]int, to-from)
	nj := n
	for i := to - 1; i >= from; i-- {
		next[i-from] = nj
		if j := matched[i-from]; j > 0 {
			nj = j - 1
		}
	}
	// fill: matched lines map to themselves, others to the producing action
	prevJ := -1
	for i := from; i < to; i++ {
		if j := matched[i-from]; j > 0 {
			m.rmap[i] = j
			prevJ = j - 1
			continue
		}
		nextJ := next[i-from]
		switch {
		case prevJ < 0:
			m.rmap[i] = m.fallback(lo, nextJ, false)
		default:
			if a := m.producer(prevJ+1, nextJ); a >= 0 {
				m.rmap[i] = a + 1
			} else {
				m.rmap[i] = prevJ + 1
			}
		}
	}
	return first
}

// producer returns the first action-only line in [a,b) that can emit text.
func (m *srcMap) producer(a, b int) int {
	if a < 0 || a >= len(m.tpl) {
		return -1
	}
	if j := m.nextProducer()[a]; j < b {
		return j
	}
	return -1
}

// nextProducer gives, for each template line j, the first line >= j that
// can emit text (len(tpl) when none): producer and fallback answer from it
// instead of scanning, which was quadratic when many rendered lines fall
// into one long gap.
func (m *srcMap) nextProducer() []int {
	if m.nextProd == nil {
		n := len(m.tpl)
		m.nextProd, m.nextLine = make([]int, n+1), make([]int, n+1)
		m.nextProd[n], m.nextLine[n] = n, n
		for j := n - 1; j >= 0; j-- {
			m.nextProd[j], m.nextLine[j] = m.nextProd[j+1], m.nextLine[j+1]
			if m.tpl[j].produce {
				m.nextProd[j] = j
			}
			if m.tpl[j].weight > 0 || m.tpl[j].action {
				m.nextLine[j] = j
			}
		}
	}
	return m.nextProd
}

// fallback is the line for rendered text before any match: the producing
// action before hi, else the first non-blank template line.
func (m *srcMap) fallback(lo, hi int, any bool) int {
	if a := m.producer(lo, hi); a >= 0 {
		return a + 1
	}
	if any {
		if a := m.producer(0, len(m.tpl)); a >= 0 {
			return a + 1
		}
	}
	if lo >= 0 && lo < len(m.tpl) {
		m.nextProducer()
		if j := m.nextLine[lo]; j < len(m.tpl) {
			return j + 1
		}
	}
	return 1
}

// line maps a 1-based rendered line to a 1-based template line.
func (m *srcMap) line(rendered int) int {
	if rendered < 1 || rendered > len(m.rmap) {
		return 1
	}
	if l := m.rmap[rendered-1]; l > 0 {
		return l
	}
	return 1
}

// control reports whether any action in acts (separated by NUL) is a
// control structure whose branches make literal text conditional.
func control(acts string) bool {
	for _, a := range strings.Split(acts, "\x00") {
		a = strings.TrimLeft(a, "- \t")
		for _, kw := range []string{"if ", "else", "end", "range ", "with "} {
			if strings.HasPrefix(a, kw) {
				return true
			}
		}
	}
	return false
}
