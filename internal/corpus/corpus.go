// Package corpus finds the shared corpus of real-world charts
// (../shared/corpus next to the repository) for tests and benchmarks. The
// corpus is never copied into the repository.
package corpus

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Chart is one corpus chart as MANIFEST.tsv describes it.
type Chart struct {
	ID     string // folder name
	Dir    string // absolute chart directory
	Values string // absolute values file, "" when none
	Hooks  int    // hook documents helm template prints (MANIFEST.tsv)
}

// Dir returns the corpus directory, or "" when it is absent.
func Dir() string {
	root, err := repoRoot()
	if err != nil {
		return ""
	}
	d := filepath.Join(filepath.Dir(root), "shared", "corpus")
	if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err != nil {
		return ""
	}
	return d
}

// Charts lists the corpus charts; nil when the corpus is absent.
func Charts() ([]Chart, error) {
	d := Dir()
	if d == "" {
		return nil, nil
	}
	f, err := os.Open(filepath.Join(d, "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Chart
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 8 || cols[0] == "" {
			continue
		}
		c := Chart{ID: cols[0], Dir: filepath.Join(d, cols[0])}
		c.Hooks, _ = strconv.Atoi(cols[7])
		if v := cols[6]; v != "-" && v != "" {
			c.Values = filepath.Join(d, v)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// repoRoot walks up from the working directory to the directory holding
// this module's go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/hooklint/hooklint") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod of github.com/hooklint/hooklint not found")
		}
		dir = parent
	}
}

// RepoRoot is the repository root (the directory of go.mod).
func RepoRoot() (string, error) { return repoRoot() }

// benchCharts are a small, a medium and a large corpus chart.
var benchCharts = map[string]bool{"packt-hook-example": true, "bitnami-postgresql": true, "bitnami-harbor": true} //nolint:gochecknoglobals // read-only lookup table

// BenchCharts are the corpus charts benchmarks measure (a small, a medium
// and a large one), or, when the corpus is absent, fallback alone.
func BenchCharts(fallback string) ([]Chart, error) {
	all, err := Charts()
	if err != nil {
		return nil, err
	}
	var out []Chart
	for _, c := range all {
		if benchCharts[c.ID] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = []Chart{{ID: filepath.Base(fallback), Dir: fallback}}
	}
	return out, nil
}

// ValueFiles are the -f files of c (its corpus values file, if any).
func (c Chart) ValueFiles() []string {
	if c.Values == "" {
		return nil
	}
	return []string{c.Values}
}
