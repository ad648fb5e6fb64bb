package main

import (
	"os"
	"path/filepath"
	"slices"
)

// chartsOf maps files (as pre-commit passes them) to the charts they
// belong to: the nearest directory up the tree with a Chart.yaml, and for a
// subchart unpacked under a parent's charts/, the top parent, which lints it
// with the parent's values. Files outside any chart are not linted: they
// come back in orphans, in their order, for a message (pre-commit's files
// pattern matches any values.yaml, also one of a chart kept elsewhere). The
// charts come out sorted, each once.
func chartsOf(files []string) (charts, orphans []string) {
	var out []string
	for _, f := range files {
		dir := chartDir(filepath.Dir(filepath.Clean(f)))
		if dir == "" {
			orphans = append(orphans, f)
			continue
		}
		for {
			parent := filepath.Dir(dir)
			if filepath.Base(parent) != "charts" || !isChart(filepath.Dir(parent)) {
				break
			}
			dir = filepath.Dir(parent)
		}
		if !slices.Contains(out, dir) {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out, orphans
}

// chartDir is dir or its nearest ancestor with a Chart.yaml, "" if none.
func chartDir(dir string) string {
	for {
		if isChart(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isChart(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "Chart.yaml"))
	return err == nil && st.Mode().IsRegular()
}
