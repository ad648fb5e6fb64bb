package sim

import (
	"fmt"
	"io"
	"strings"
)

// Comparison is several simulations of the same scenario by different
// engines, aligned step by step (hooklint diff-engines).
type Comparison struct {
	Names []string  // one per engine: "helm v3.22.0", "argocd", ...
	Steps []CmpStep // aligned by scenario step
}

// CmpStep is one scenario step across engines.
type CmpStep struct {
	Index    int
	Commands []string // per engine
	Rows     []CmpRow
	Exit     []string // per engine: "exit 0" or "exit 1: error"
}

// CmpRow is one aligned line: the call each engine sent there ("" when it
// sent none); Same when every engine sent the same call.
type CmpRow struct {
	Cells []string
	Same  bool
}

// Compare aligns the calls of each step of the results (same scenario,
// different engines): rows are built by merging each engine's calls into
// the rows so far along their longest common subsequence, so equal calls
// share a row and differences stand out.
func Compare(names []string, results []*Result) *Comparison {
	c := &Comparison{Names: names}
	steps := 0
	for _, r := range results {
		steps = max(steps, len(r.Steps))
	}
	callsByStep := make([]map[int][]Call, len(results))
	for e, r := range results {
		callsByStep[e] = map[int][]Call{}
		for _, call := range r.Calls {
			callsByStep[e][call.Step] = append(callsByStep[e][call.Step], call)
		}
	}
	for i := 0; i < steps; i++ {
		cs := CmpStep{Index: i + 1}
		var rows [][]string
		for e, r := range results {
			var lines []string
			cmd, exit := "-", "-"
			if i < len(r.Steps) {
				st := r.Steps[i]
				cmd = st.Command
				exit = "exit 0"
				if r.Engine == EngineArgoCD && strings.Contains(st.Status, "health") {
					exit += " (" + st.Status + ")" // a sync that succeeded with the app not Healthy
				}
				if st.Failed() {
					exit = "exit 1: " + oneLine(st.Err)
				}
				for _, call := range callsByStep[e][st.Index] {
					lines = append(lines, fmt.Sprintf("%s %s %s %d", call.Verb, call.Resource, call.Key.Name, call.Code))
				}
			}
			cs.Commands = append(cs.Commands, cmd)
			cs.Exit = append(cs.Exit, exit)
			rows = mergeRows(rows, lines, e)
		}
		for _, cells := range rows {
			for len(cells) < len(results) {
				cells = append(cells, "")
			}
			same := true
			for _, x := range cells {
				if x != cells[0] || x == "" {
					same = false
				}
			}
			cs.Rows = append(cs.Rows, CmpRow{Cells: cells, Same: same})
		}
		c.Steps = append(c.Steps, cs)
	}
	return c
}

// mergeRows adds column col (lines) to rows along the LCS of the rows' keys
// (their first non-empty cell) and lines.
func mergeRows(rows [][]string, lines []string, col int) [][]string {
	key := func(r []string) string {
		for _, x := range r {
			if x != "" {
				return x
			}
		}
		return ""
	}
	n, m := len(rows), len(lines)
	cell := func(r []string, v string) []string {
		out := append([]string(nil), r...)
		for len(out) < col {
			out = append(out, "")
		}
		return append(out, v)
	}
	if n*m > maxLCSCells {
		return mergeRowsGreedy(rows, lines, key, cell, col)
	}
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(rows[i]) == lines[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out [][]string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && key(rows[i]) == lines[j]:
			out = append(out, cell(rows[i], lines[j]))
			i++
			j++
		case j >= m || (i < n && lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, cell(rows[i], ""))
			i++
		default:
			out = append(out, cell(make([]string, col), lines[j]))
			j++
		}
	}
	return out
}

// maxLCSCells bounds the longest-common-subsequence table of mergeRows
// (n rows times m lines): past it, a step of thousands of calls per engine
// would take gigabytes, and the rows are merged greedily instead.
const maxLCSCells = 1 << 22

// mergeRowsGreedy merges lines into rows in order in linear time: each row
// is matched with the next line of its key after the last match (a common
// subsequence, not always the longest), the lines skipped over get rows of
// their own.
func mergeRowsGreedy(rows [][]string, lines []string, key func([]string) string, cell func([]string, string) []string, col int) [][]string {
	at := map[string][]int{}
	for j, l := range lines {
		at[l] = append(at[l], j)
	}
	var out [][]string
	j := 0
	for _, r := range rows {
		k := key(r)
		ps := at[k]
		for len(ps) > 0 && ps[0] < j {
			ps = ps[1:]
		}
		if len(ps) == 0 {
			at[k] = nil
			out = append(out, cell(r, ""))
			continue
		}
		p := ps[0]
		at[k] = ps[1:]
		for ; j < p; j++ {
			out = append(out, cell(make([]string, col), lines[j]))
		}
		out = append(out, cell(r, lines[p]))
		j = p + 1
	}
	for ; j < len(lines); j++ {
		out = append(out, cell(make([]string, col), lines[j]))
	}
	return out
}

// WriteComparison writes the comparison side by side: a "!" marks a row
// where the engines differ.
func WriteComparison(w io.Writer, c *Comparison) error {
	ew := &errWriter{w: w}
	width := make([]int, len(c.Names))
	for e, n := range c.Names {
		width[e] = len(n)
	}
	for _, st := range c.Steps {
		for _, r := range st.Rows {
			for e, x := range r.Cells {
				width[e] = max(width[e], len(x))
			}
		}
	}
	row := func(mark string, cells []string) {
		parts := make([]string, len(cells))
		for e, x := range cells {
			parts[e] = fmt.Sprintf("%-*s", width[e], x)
		}
		ew.printf("%s %s\n", mark, strings.TrimRight(strings.Join(parts, " | "), " "))
	}
	diffs := 0
	for _, st := range c.Steps {
		ew.printf("\nstep %d:\n", st.Index)
		for e, cmd := range st.Commands {
			ew.printf("  %s: %s\n", c.Names[e], cmd)
		}
		row(" ", c.Names)
		for _, r := range st.Rows {
			mark := " "
			if !r.Same {
				mark = "!"
				diffs++
			}
			row(mark, r.Cells)
		}
		exitSame := true
		for _, x := range st.Exit {
			if x != st.Exit[0] {
				exitSame = false
			}
		}
		for e, x := range st.Exit {
			mark := " "
			if !exitSame {
				mark = "!"
			}
			ew.printf("%s %s: %s\n", mark, c.Names[e], x)
		}
		if !exitSame {
			diffs++
		}
	}
	if diffs == 0 {
		ew.printf("\nno differences\n")
	} else {
		ew.printf("\n%d difference(s) (marked !)\n", diffs)
	}
	return ew.err
}
