package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/corpus"
)

// simCharts are the corpus charts the simulate checks use: all five
// commands each, kept to a few charts so the suite stays fast.
var simCharts = []string{"packt-hook-example", "bitnami-postgresql", "sentry", "cert-manager", "mastodon"}

// corpusArgs returns the corpus directory and its charts as arguments
// relative to it (so output does not depend on where the corpus is).
func corpusArgs(t *testing.T) (string, []string) {
	t.Helper()
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if charts == nil {
		t.Skip("corpus not found: ../shared/corpus next to the repository root")
	}
	var args []string
	for _, c := range charts {
		args = append(args, c.ID)
	}
	return corpus.Dir(), args
}

// simScenario writes dir/name.scenario.yaml, running install, upgrade,
// rollback, test and uninstall of chart.
func simScenario(t *testing.T, dir, name, chart string) string {
	t.Helper()
	p := filepath.Join(dir, name+".scenario.yaml")
	body := "release: rel\nkubeVersion: v1.35.0\nchart: " + chart + "\nsteps: [{action: install}, {action: upgrade}, {action: rollback, revision: 1}, {action: test}, {action: uninstall}]\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// reliabilityRuns are the hooklint invocations the offline, determinism and
// read-only tests compare: lint of the whole corpus in one invocation and
// a five-command simulation of a few charts.
func reliabilityRuns(t *testing.T, scenarios string) [][]string {
	_, charts := corpusArgs(t)
	runs := [][]string{append([]string{"lint", "--fail-on", "none", "-o", "json"}, charts...)}
	for _, c := range simCharts {
		runs = append(runs, []string{"simulate", "-o", "json", "--scenario", filepath.Join(scenarios, c+".scenario.yaml")})
	}
	return runs
}

func writeScenarios(t *testing.T, corpusDir string) string {
	t.Helper()
	// Scenario files live outside the corpus (which may be read-only); a
	// chart path in them is relative to the file, so they name it absolutely.
	dir := t.TempDir()
	for _, c := range simCharts {
		simScenario(t, dir, c, filepath.Join(corpusDir, c))
	}
	return dir
}

// TestDeterministicBinary: byte-identical output over repeated runs and
// with GOMAXPROCS=1 against the default, for lint and simulate.
func TestDeterministicBinary(t *testing.T) {
	dir, _ := corpusArgs(t)
	scen := writeScenarios(t, dir)
	for _, args := range reliabilityRuns(t, scen) {
		t.Run(args[0], func(t *testing.T) {
			first := baseline(t, dir, args)
			again := runBin(t, dir, nil, nil, args...)
			one := runBin(t, dir, []string{"GOMAXPROCS=1"}, nil, args...)
			runs := map[string]procResult{"GOMAXPROCS=1": one, "second run": again}
			if args[0] == "lint" {
				delete(runs, "second run") // the GOMAXPROCS=1 run repeats it; the corpus run is the slow one
			}
			for name, r := range runs {
				if r.code != first.code || r.stdout != first.stdout || r.stderr != first.stderr {
					t.Errorf("%s differs from the first run (exit %d vs %d):\n%s", name, r.code, first.code, cmp.Diff(first.stdout, r.stdout))
				}
			}
		})
	}
}

// TestOffline runs lint and simulate in a network namespace with no
// interfaces (unshare -n) and compares the output byte for byte with a run
// outside it: hooklint never needs the network.
func TestOffline(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("offline proof needs root for unshare -n (a network namespace without interfaces)")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("offline proof needs unshare(1) (util-linux)")
	}
	if out, err := exec.Command(unshare, "-n", "true").CombinedOutput(); err != nil {
		t.Skipf("unshare -n does not work here: %v: %s", err, out)
	}
	dir, _ := corpusArgs(t)
	scen := writeScenarios(t, dir)
	for _, args := range reliabilityRuns(t, scen) {
		t.Run(args[0], func(t *testing.T) {
			online := baseline(t, dir, args)
			offline := runBin(t, dir, nil, []string{unshare, "-n"}, args...)
			if offline.code != online.code || offline.stdout != online.stdout || offline.stderr != online.stderr {
				t.Errorf("output without network differs (exit %d vs %d):\n%s", offline.code, online.code, cmp.Diff(online.stdout, offline.stdout))
			}
		})
	}
}

// TestReadOnly: lint and simulate never write into a chart. Every file of
// a copy of the corpus is checksummed before and after, the copy is made
// read-only (chmod -R a-w; as root, which ignores modes, it is also
// bind-mounted read-only in a mount namespace when unshare works), and the
// output equals the output on the writable original.
func TestReadOnly(t *testing.T) {
	src, _ := corpusArgs(t)
	dst := filepath.Join(t.TempDir(), "corpus")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range simCharts {
		if out, err := exec.Command("cp", "-a", filepath.Join(src, c), filepath.Join(dst, c)).CombinedOutput(); err != nil {
			t.Fatalf("cp: %v: %s", err, out)
		}
	}
	t.Cleanup(func() { _ = exec.Command("chmod", "-R", "u+w", dst).Run() })
	before := checksums(t, dst)
	if out, err := exec.Command("chmod", "-R", "a-w", dst).CombinedOutput(); err != nil {
		t.Fatalf("chmod: %v: %s", err, out)
	}
	var prefix []string
	if os.Geteuid() == 0 {
		if unshare, err := exec.LookPath("unshare"); err == nil && exec.Command(unshare, "-m", "true").Run() == nil {
			// sh -c 'mount ... && exec "$0" "$@"' hooklint args...
			prefix = []string{unshare, "-m", "sh", "-c", `mount --bind -o ro "` + dst + `" "` + dst + `" && exec "$0" "$@"`}
		}
	}
	scenW := writeScenarios(t, src)
	scenR := writeScenarios(t, dst)
	runsW, runsR := reliabilityRuns(t, scenW), reliabilityRuns(t, scenR)
	// lint only the copied charts (the whole corpus is linted read-only by
	// TestOffline and TestDeterministicBinary, which compare outputs)
	lintArgs := append([]string{"lint", "--fail-on", "none", "-o", "json"}, simCharts...)
	runsW[0], runsR[0] = lintArgs, lintArgs
	for i := range runsW {
		t.Run(runsW[i][0], func(t *testing.T) {
			w := runBin(t, src, nil, nil, runsW[i]...)
			r := runBin(t, dst, nil, prefix, runsR[i]...)
			got := strings.ReplaceAll(r.stdout, dst, src)
			if r.code != w.code || got != w.stdout {
				t.Errorf("output on the read-only copy differs (exit %d vs %d):\n%s\nstderr:\n%s", r.code, w.code, cmp.Diff(w.stdout, got), r.stderr)
			}
		})
	}
	if diff := cmp.Diff(before, checksums(t, dst)); diff != "" {
		t.Errorf("files of the charts changed (-before +after):\n%s", diff)
	}
}

// baselines memoizes the plain runs that several tests compare against.
var baselines struct {
	sync.Mutex
	m map[string]procResult
}

// baseline is runBin(t, dir, nil, nil, args...), run once per test binary.
func baseline(t *testing.T, dir string, args []string) procResult {
	t.Helper()
	key := dir + "\x00" + strings.Join(args, "\x00")
	baselines.Lock()
	defer baselines.Unlock()
	if r, ok := baselines.m[key]; ok {
		return r
	}
	r := runBin(t, dir, nil, nil, args...)
	if baselines.m == nil {
		baselines.m = map[string]procResult{}
	}
	baselines.m[key] = r
	return r
}

// checksums maps every path under dir to its type and content hash.
func checksums(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = "symlink " + l
		case d.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h := sha256.Sum256(b)
			out[rel] = hex.EncodeToString(h[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
