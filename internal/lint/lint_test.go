package lint

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

func analyzer(id, name string, run func(*Pass) (any, error)) *Analyzer {
	return &Analyzer{ID: id, Name: name, Severity: Warning, Doc: strings.ToLower(id) + " (" + name + "): title\n", Run: run}
}

func nop(*Pass) (any, error) { return nil, nil }

func TestValidate(t *testing.T) {
	a := analyzer("HL1001", "a-rule", nop)
	cyc1 := analyzer("HL1002", "cycle-one", nop)
	cyc2 := analyzer("HL1003", "cycle-two", nop)
	cyc1.Requires, cyc2.Requires = []*Analyzer{cyc2}, []*Analyzer{cyc1}
	tests := []struct {
		name string
		as   []*Analyzer
		want []string // substrings of the joined error, in order
	}{
		{"ok", []*Analyzer{a}, nil},
		{"bad id", []*Analyzer{analyzer("X1", "bad-id", nop)}, []string{`analyzer "X1": ID must be HL and four digits`}},
		{"duplicate", []*Analyzer{a, analyzer("HL1001", "a-rule", nop)}, []string{"analyzer HL1001: duplicate ID", `analyzer HL1001: duplicate name "a-rule"`}},
		{"bad name", []*Analyzer{analyzer("HL1004", "Bad_Name", nop)}, []string{`name "Bad_Name" is not kebab-case`}},
		{"no run", []*Analyzer{analyzer("HL1005", "no-run", nil)}, []string{"analyzer HL1005: Run is nil"}},
		{"cycle", []*Analyzer{cyc1}, []string{"Requires cycle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.as)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate: no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Validate error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestSelect(t *testing.T) {
	a, b, c := analyzer("HL1001", "rule-a", nop), analyzer("HL1002", "rule-b", nop), analyzer("HL2001", "rule-c", nop)
	all := []*Analyzer{a, b, c}
	tests := []struct {
		name    string
		sel     Selection
		want    []string
		wantErr string
	}{
		{"all by default", Selection{}, []string{"HL1001", "HL1002", "HL2001"}, ""},
		{"only by id and name", Selection{Only: []string{"hl2001", "rule-a"}}, []string{"HL1001", "HL2001"}, ""},
		{"disable", Selection{Disable: []string{"rule-b"}}, []string{"HL1001", "HL2001"}, ""},
		{"only then enable", Selection{Only: []string{"HL1001"}, Enable: []string{"HL1002"}}, []string{"HL1001", "HL1002"}, ""},
		{"unknown", Selection{Disable: []string{"HL9999"}}, nil, `unknown rule "HL9999"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(all, tt.sel)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Select: %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, x := range got {
				ids = append(ids, x.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

const stream = `---
# Source: c/templates/hooks.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: both
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
---
# Source: c/templates/hooks.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: upgrade-only
  annotations:
    helm.sh/hook: pre-upgrade,post-rollback
---
# Source: c/templates/hooks.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: dropped-upgrade
  annotations:
    helm.sh/hook: pre-upgrade,crd-install
`

func TestInContext(t *testing.T) {
	set, err := hook.ExtractStream("test", stream, "", "")
	if err != nil {
		t.Fatal(err)
	}
	type ctx struct{ Install, Upgrade bool }
	got := map[string]ctx{}
	for _, h := range set.Hooks {
		got[h.Object.Name] = ctx{InContext(h, render.Install), InContext(h, render.Upgrade)}
	}
	want := map[string]ctx{
		"both":            {Install: true, Upgrade: true},
		"upgrade-only":    {Install: false, Upgrade: true},
		"dropped-upgrade": {Install: false, Upgrade: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contexts (-want +got):\n%s", diff)
	}
}

// TestRunDedupAcrossRenders: a finding at the same spot in the install and
// the upgrade render is reported once; rules see only their render's hooks.
func TestRunDedupAcrossRenders(t *testing.T) {
	install, err := hook.ExtractStream("test", stream, "", "")
	if err != nil {
		t.Fatal(err)
	}
	upgrade, err := hook.ExtractStream("test", stream, "", "")
	if err != nil {
		t.Fatal(err)
	}
	upgrade.Context = render.Upgrade
	seen := map[render.Context][]string{}
	a := analyzer("HL1001", "every-hook", func(p *Pass) (any, error) {
		for _, h := range p.Hooks {
			seen[p.Release.Context] = append(seen[p.Release.Context], h.Object.Name)
			p.Reportf(h.Annotation.KeyAt, h.Object, "hook %s", h.Object.Name)
		}
		return nil, nil
	})
	fs, err := Run([]*Analyzer{a}, ChartInfo{Arg: "c"}, []*hook.Set{install, upgrade}, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Pos.String()+" "+f.Message)
	}
	want := []string{"templates/hooks.yaml:8 hook both", "templates/hooks.yaml:16 hook upgrade-only", "templates/hooks.yaml:24 hook dropped-upgrade"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	wantSeen := map[render.Context][]string{
		render.Install: {"both"},
		render.Upgrade: {"both", "upgrade-only", "dropped-upgrade"},
	}
	if diff := cmp.Diff(wantSeen, seen); diff != "" {
		t.Errorf("hooks per render (-want +got):\n%s", diff)
	}
}

func TestRunRecoversPanics(t *testing.T) {
	set, err := hook.ExtractStream("test", stream, "", "")
	if err != nil {
		t.Fatal(err)
	}
	boom := analyzer("HL1001", "panics", func(*Pass) (any, error) { panic("boom") })
	_, err = Run([]*Analyzer{boom}, ChartInfo{Arg: "c"}, []*hook.Set{set}, Settings{})
	if err == nil || err.Error() != "chart c: rule HL1001: panic: boom" {
		t.Errorf("Run: %v, want the panic as an error naming chart and rule", err)
	}
	failing := analyzer("HL1002", "fails", func(*Pass) (any, error) { return nil, errors.New("cannot run") })
	if _, err := Run([]*Analyzer{failing}, ChartInfo{Arg: "c"}, []*hook.Set{set}, Settings{}); err == nil || err.Error() != "chart c: rule HL1002: cannot run" {
		t.Errorf("Run: %v", err)
	}
}

func TestSuggest(t *testing.T) {
	cands := hook.EventNames()
	tests := []struct{ word, want string }{
		{"pre-instal", "pre-install"},
		{"preinstall", "pre-install"},
		{"post-upgarde", "post-upgrade"},
		{"test-sucess", "test-success"},
		{"something-else", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, cands); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if d := Distance("ab", "ba"); d != 1 {
		t.Errorf("Distance(ab, ba) = %d, want 1 (a transposition)", d)
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v round-trips to %v, %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity(fatal): no error")
	}
}
