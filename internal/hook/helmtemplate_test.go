package hook

// These tests run the real Helm CLI, the version go.mod pins (it is listed
// as a tool: `go tool helm`), on rule fixtures, to show what `helm template`
// and `helm lint` print for them. The binary is built once per test binary
// with `go build helm.sh/helm/v3/cmd/helm` from the module root.

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var (
	helmOnce sync.Once
	helmBin  string
	helmErr  error
	helmSkip string
)

// moduleRoot is the repository root, where go.mod pins Helm.
const moduleRoot = "../.."

// helmCLI returns the path of a Helm binary built from the pinned module,
// or skips the test when the go command is not available.
func helmCLI(t *testing.T) string {
	t.Helper()
	helmOnce.Do(func() {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			helmSkip = "the go command is not available to build helm.sh/helm/v3/cmd/helm: " + err.Error()
			return
		}
		// The binary is cached per go.mod+go.sum: a dependency change
		// builds a new one, otherwise the last build is reused.
		sum := sha256.New()
		for _, f := range []string{"go.mod", "go.sum"} {
			b, err := os.ReadFile(filepath.Join(moduleRoot, f))
			if err != nil {
				helmErr = err
				return
			}
			sum.Write(b)
		}
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		dir = filepath.Join(dir, "hooklint-test")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			helmErr = err
			return
		}
		helmBin = filepath.Join(dir, fmt.Sprintf("helm-%x", sum.Sum(nil)[:8]))
		if _, err := os.Stat(helmBin); err == nil {
			return
		}
		tmp, err := os.CreateTemp(dir, "build-*")
		if err != nil {
			helmErr = err
			return
		}
		tmp.Close()
		cmd := exec.Command(goCmd, "build", "-o", tmp.Name(), "helm.sh/helm/v3/cmd/helm")
		cmd.Dir = moduleRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			os.Remove(tmp.Name())
			helmErr = errors.New("go build helm.sh/helm/v3/cmd/helm: " + err.Error() + "\n" + string(out))
			return
		}
		// Replace atomically; drop binaries built for other dependencies.
		old, _ := filepath.Glob(filepath.Join(dir, "helm-*"))
		for _, o := range old {
			os.Remove(o)
		}
		if err := os.Rename(tmp.Name(), helmBin); err != nil {
			helmErr = err
		}
	})
	if helmSkip != "" {
		t.Skip(helmSkip)
	}
	if helmErr != nil {
		t.Fatal(helmErr)
	}
	return helmBin
}

// runHelm runs the Helm CLI from the module root.
func runHelm(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(helmCLI(t), args...)
	cmd.Dir = moduleRoot
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("helm %s: %v\n%s", strings.Join(args, " "), err, e.String())
	}
	return o.String(), e.String()
}

var (
	sourceRe  = regexp.MustCompile(`(?m)^# Source: (\S+)$`)
	topNameRe = regexp.MustCompile(`(?m)^  name: (\S+)`)
	skipRe    = regexp.MustCompile(`info: skipping unknown hook: (".*")`)
)

// printed lists "path name" for every document `helm template` printed.
func printed(stdout string) []string {
	out := []string{}
	for _, d := range strings.Split(stdout, "\n---\n") {
		src := sourceRe.FindStringSubmatch(d)
		name := topNameRe.FindStringSubmatch(d)
		if src == nil || name == nil {
			continue
		}
		out = append(out, src[1]+" "+name[1])
	}
	return out
}

func skipped(stderr string) []string {
	out := []string{}
	for _, m := range skipRe.FindAllStringSubmatch(stderr, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestHelmTemplateDropsUnknownHooks: `helm template` does not print a
// document with an unknown hook token (HL1001), crd-install or
// test-failure (HL1002), and says so only on stderr.
func TestHelmTemplateDropsUnknownHooks(t *testing.T) {
	tests := []struct {
		chart       string
		wantPrinted []string
		wantSkipped []string
	}{
		{"rules/hl1001/testdata/bad", []string{},
			[]string{`"pre-instal,post-install"`, `"pre-install,"`, `"crd-install"`}},
		{"rules/hl1001/testdata/good", []string{"good/templates/jobs.yaml release-name-migrate"}, []string{}},
		{"rules/hl1002/testdata/bad", []string{},
			[]string{`"crd-install"`, `"test-failure"`, `"test, Test-Failure"`, `"pre-instal"`}},
		{"rules/hl1002/testdata/good", []string{"good/templates/tests.yaml release-name-test"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.chart, func(t *testing.T) {
			stdout, stderr := runHelm(t, "template", tt.chart, "--kube-version", "v1.37.0")
			if diff := cmp.Diff(tt.wantPrinted, printed(stdout)); diff != "" {
				t.Errorf("printed documents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantSkipped, skipped(stderr)); diff != "" {
				t.Errorf("skipping unknown hook lines on stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHelmTemplateKeepsDuplicateNames: `helm template` prints hooks with the
// same kind, namespace and name without complaint (HL1012).
func TestHelmTemplateKeepsDuplicateNames(t *testing.T) {
	stdout, stderr := runHelm(t, "template", "rules/hl1012/testdata/bad", "--kube-version", "v1.37.0")
	want := []string{
		// hooks print in stored order: kind, then path, then position
		"bad/templates/config.yaml release-name-report",
		"bad/templates/config.yaml release-name-report",
		"bad/templates/config.yaml release-name-settings",
		"bad/templates/config.yaml release-name-settings",
		"bad/templates/config.yaml release-name-report",
		"bad/templates/config.yaml release-name-report",
		"bad/templates/config.yaml release-name-report",
		"bad/templates/config.yaml widgets.example.com",
		"bad/templates/config.yaml widgets.example.com",
		"bad/charts/sub/templates/migrate.yaml release-name-migrate",
		"bad/templates/migrate.yaml release-name-migrate",
	}
	if diff := cmp.Diff(want, printed(stdout)); diff != "" {
		t.Errorf("printed documents (-want +got):\n%s", diff)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
}

// TestHelmTemplateAcceptsUnquotedWeight: `helm template` prints unquoted
// numeric and boolean annotation values as they are, and `helm lint`
// passes the chart (HL1004).
func TestHelmTemplateAcceptsUnquotedWeight(t *testing.T) {
	stdout, _ := runHelm(t, "template", "rules/hl1004/testdata/bad", "--kube-version", "v1.37.0")
	unquoted := regexp.MustCompile(`(?m)^\s+("helm.sh/hook-weight"|prometheus.io/scrape|example.com/ratio|example.com/enabled): [^"'\s]+`)
	var got []string
	for _, m := range unquoted.FindAllString(stdout, -1) {
		got = append(got, strings.TrimSpace(m))
	}
	want := []string{
		"prometheus.io/scrape: true",
		"example.com/ratio: 1.5",
		`"helm.sh/hook-weight": -5`,
		"example.com/enabled: true",
		`"helm.sh/hook-weight": 5`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unquoted values printed by helm template (-want +got):\n%s", diff)
	}
	lintOut, _ := runHelm(t, "lint", "rules/hl1004/testdata/bad", "--kube-version", "v1.37.0")
	if !strings.Contains(lintOut, "1 chart(s) linted, 0 chart(s) failed") || strings.Contains(lintOut, "[ERROR]") || strings.Contains(lintOut, "[WARNING]") {
		t.Errorf("helm lint output:\n%s\nwant a pass with no error or warning", lintOut)
	}
}

// TestHelmTemplateReadsLastDuplicateKey: of a helm.sh/hook key written
// twice, `helm template` acts on the last value: a misspelt first event is
// ignored and the document printed, a misspelt last one makes Helm skip
// the document (HL1015; TestHelmDuplicateAnnotationKeyLastWins is the same
// through SortManifests).
func TestHelmTemplateReadsLastDuplicateKey(t *testing.T) {
	stdout, stderr := runHelm(t, "template", "rules/hl1015/testdata/bad", "--kube-version", "v1.37.0")
	if diff := cmp.Diff([]string{"bad/templates/hooks.yaml release-name-kept", "bad/templates/hooks.yaml release-name-migrate"}, printed(stdout)); diff != "" {
		t.Errorf("printed documents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`"pre-instal"`}, skipped(stderr)); diff != "" {
		t.Errorf("skipping unknown hook lines on stderr (-want +got):\n%s", diff)
	}
}
