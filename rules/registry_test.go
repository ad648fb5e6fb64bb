package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/rules"
)

func TestRegistry(t *testing.T) {
	if err := lint.Validate(rules.All); err != nil {
		t.Fatalf("lint.Validate(rules.All): %v", err)
	}
	dirs, err := filepath.Glob("hl[0-9]*")
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	prev := ""
	for _, a := range rules.All {
		if a.ID <= prev {
			t.Errorf("rules.All is not sorted by ID: %s after %s", a.ID, prev)
		}
		prev = a.ID
		registered[strings.ToLower(a.ID)] = true
	}
	for _, d := range dirs {
		if !registered[d] {
			t.Errorf("folder rules/%s has no entry in rules.All (or its ID is not %s)", d, strings.ToUpper(d))
		}
		delete(registered, d)
	}
	for id := range registered {
		t.Errorf("rule %s is in rules.All but has no folder rules/%s", strings.ToUpper(id), id)
	}
}

var wantMark = regexp.MustCompile(`(#|\{\{-?\s*/\*)\s*want\s+"`)

func TestRuleFolders(t *testing.T) {
	for _, a := range rules.All {
		dir := strings.ToLower(a.ID)
		t.Run(a.ID, func(t *testing.T) {
			for _, h := range []string{"# What it checks", "# Why it matters", "# How to fix", "# Example"} {
				if !strings.Contains(a.Doc, "\n"+h+"\n") {
					t.Errorf("doc of %s lacks the heading %q", a.ID, h)
				}
			}
			if strings.HasSuffix(a.Title(), ".") || len(a.Title()) > 100 {
				t.Errorf("title %q: no final period, at most 100 characters", a.Title())
			}
			for _, fx := range []string{"bad", "good"} {
				if _, err := os.Stat(filepath.Join(dir, "testdata", fx, "Chart.yaml")); err != nil {
					t.Errorf("rule %s has no testdata/%s chart", a.ID, fx)
				}
			}
			wants := 0
			_ = filepath.WalkDir(filepath.Join(dir, "testdata", "bad"), func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, _ := os.ReadFile(p)
				wants += len(wantMark.FindAll(b, -1))
				return nil
			})
			if wants == 0 {
				t.Errorf("rule %s: testdata/bad has no want mark", a.ID)
			}
			if _, err := os.Stat(filepath.Join(dir, strings.ToLower(a.ID)+"_test.go")); err != nil {
				t.Errorf("rule %s has no %s_test.go", a.ID, dir)
			}
		})
	}
}

func TestRulesDoc(t *testing.T) {
	golden.Assert(t, filepath.Join("..", "docs", "rules.md"), rules.Markdown())
}
