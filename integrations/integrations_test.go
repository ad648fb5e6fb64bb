package integrations_test

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	yaml "go.yaml.in/yaml/v3"

	"github.com/hooklint/hooklint/internal/helmtool"
)

// The integrations (.pre-commit-hooks.yaml, plugin.yaml, action.yml) run
// here for real: pre-commit, the Helm CLI and the action's shell steps.

const (
	repoRoot = "../"
	example  = "../examples/guestbook-backup"
)

// binOnce is the hooklint binary the tests share: linking it (Helm 3,
// Helm 4 and Kubernetes) takes tens of seconds of CPU.
var binOnce struct {
	sync.Once
	dir string
	err string
}

// buildHooklint puts a copy of the hooklint binary, built once per test
// binary, at dir/hooklint.
func buildHooklint(t *testing.T, dir string) string {
	t.Helper()
	binOnce.Do(func() {
		d, err := os.MkdirTemp("", "hooklint-bin-")
		if err != nil {
			binOnce.err = err.Error()
			return
		}
		binOnce.dir = d
		if out, err := exec.Command("go", "build", "-o", filepath.Join(d, "hooklint"), "../cmd/hooklint").CombinedOutput(); err != nil {
			binOnce.err = "go build: " + err.Error() + "\n" + string(out)
		}
	})
	if binOnce.err != "" {
		t.Fatal(binOnce.err)
	}
	bin := filepath.Join(dir, "hooklint")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(binOnce.dir, "hooklint"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// command runs name args in dir with env added to the environment and
// returns the combined output and the exit status.
func command(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return string(out), ee.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out), 0
}

func copyFiles(t *testing.T, from, to string, files ...string) {
	t.Helper()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(from, f))
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(filepath.Join(from, f))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(to, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, st.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}

// helmEnv keeps Helm's plugins, data, config and cache in dir. The plugins
// are in Helm's default place under the data home: Helm 4.3.1's `plugin
// install` writes there whatever HELM_PLUGINS says.
func helmEnv(dir string) []string {
	return []string{
		"HELM_PLUGINS=" + filepath.Join(dir, "data", "plugins"),
		"HELM_DATA_HOME=" + filepath.Join(dir, "data"),
		"HELM_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"HELM_CACHE_HOME=" + filepath.Join(dir, "cache"),
	}
}

const hl1003Line = `templates/tests/test-connection.yaml:6: info HL1003: hook event "test-success" is the Helm 2 name of "test"; Helm 3 runs it as a test hook (helm test): write "test"`

// TestHelmPlugin installs plugin.yaml with `helm plugin install DIR` and
// runs `helm hooklint lint CHART`, with Helm 3 (the Helm hooklint links) and
// Helm 4, both built from go.mod's tool dependencies.
func TestHelmPlugin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hooklint and helm")
	}
	t.Parallel() // minutes of builds: overlap them
	tmp := t.TempDir()
	pathDir := filepath.Join(tmp, "path")
	buildHooklint(t, pathDir)
	src := filepath.Join(tmp, "src", "hooklint")
	copyFiles(t, repoRoot, src, "plugin.yaml", "scripts/helm-plugin.sh", "scripts/helm-plugin-install.sh", "scripts/install.sh")
	example, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	helm3, err := helmtool.Path()
	if err != nil {
		t.Fatal(err)
	}
	helms := map[string]func(t *testing.T) string{
		"helm3": func(*testing.T) string { return helm3 },
		"helm4": func(t *testing.T) string {
			// a tool of go.mod too (helmtool.PathFor)
			helm4, err := helmtool.PathFor("v4")
			if err != nil {
				t.Fatal(err)
			}
			return helm4
		},
	}
	for _, name := range []string{"helm3", "helm4"} {
		t.Run(name, func(t *testing.T) {
			helm := helms[name](t)
			home := filepath.Join(tmp, "home-"+name)
			env := append(helmEnv(home), "PATH="+pathDir+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, code := command(t, tmp, env, helm, "plugin", "install", src)
			if code != 0 || !strings.Contains(out, "hooklint plugin: using "+filepath.Join(pathDir, "hooklint")) {
				t.Fatalf("helm plugin install: exit %d\n%s", code, out)
			}
			lint := func(env []string) (string, int) {
				return command(t, filepath.Dir(example), env, helm, "hooklint", "lint", "guestbook-backup", "--only", "HL1003", "--fail-on", "none")
			}
			out, code = lint(env)
			want := "guestbook-backup/" + hl1003Line + "\n1 chart linted: 0 errors, 0 warnings, 1 info\n"
			if code != 0 || out != want {
				t.Errorf("helm hooklint lint: exit %d, output\n%s\nwant exit 0, output\n%s", code, out, want)
			}

			// Helm strips -n from a plugin's arguments and sets
			// HELM_NAMESPACE (issue 20 point 1).
			out, code = command(t, filepath.Dir(example), env, helm, "hooklint", "simulate", "install", "guestbook-backup", "-n", "prod")
			if code != 0 || !strings.Contains(out, `release "release-name" in namespace "prod"`) || !strings.Contains(out, "--namespace prod") {
				t.Errorf("helm hooklint simulate install -n prod: exit %d, want 0 and namespace prod:\n%s", code, out)
			}

			// Without a hooklint, the plugin names the command that runs
			// the install hook again for a plugin installed from a
			// directory, and that command works; 'helm plugin update'
			// refuses such a plugin (issue 20 point 5).
			shDir := filepath.Dir(lookPath(t, "sh"))
			helmDir := filepath.Join(home, "helm-bin")
			if err := os.MkdirAll(helmDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(helm, filepath.Join(helmDir, "helm")); err != nil {
				t.Fatal(err)
			}
			bare := append(helmEnv(home), "PATH="+helmDir+string(os.PathListSeparator)+shDir)
			out, code = lint(bare)
			again := "helm plugin uninstall hooklint && helm plugin install " + src
			hint := "run '" + again + "' to build it"
			if code != 2 || !strings.Contains(out, "helm hooklint: no hooklint binary: ") || !strings.Contains(out, hint) {
				t.Fatalf("helm hooklint without hooklint: exit %d, want 2 and the hint %q:\n%s", code, hint, out)
			}
			if out, code := command(t, tmp, bare, helm, "plugin", "update", "hooklint"); code == 0 {
				t.Errorf("helm plugin update of a plugin installed from a directory succeeded; the hint need not avoid it:\n%s", out)
			}
			env = append(env, "PATH="+helmDir+string(os.PathListSeparator)+pathDir+string(os.PathListSeparator)+os.Getenv("PATH"))
			if out, code := command(t, tmp, env, "sh", "-c", again); code != 0 {
				t.Fatalf("the hinted %q: exit %d\n%s", again, code, out)
			}
			if out, code = lint(env); code != 0 || out != want {
				t.Errorf("helm hooklint lint after %q: exit %d, output\n%s\nwant exit 0, output\n%s", again, code, out, want)
			}
		})
	}
	// No hooklint on PATH: the install hook downloads the release archive
	// of plugin.yaml's version (a plugin directory without Go source) and
	// checks its checksum; HOOKLINT_VERSION=main falls back to go install.
	dl, version := releaseDir(t)
	srv := serve(t, dl)
	for _, tt := range []struct{ name, version, wantVersion, wantGo string }{
		{name: "archive", wantVersion: stampedVersion(version)},
		{name: "branch", version: "main", wantVersion: "hooklint (fake go install)\n", wantGo: " go install github.com/hooklint/hooklint/cmd/hooklint@main\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			home := filepath.Join(tmp, "home-"+tt.name)
			fake := filepath.Join(home, "fakego")
			goLog := fakeGo(t, fake)
			// Helm links a local plugin directory: each subtest its own.
			src := filepath.Join(home, "src", "hooklint")
			copyFiles(t, repoRoot, src, "plugin.yaml", "scripts/helm-plugin.sh", "scripts/helm-plugin-install.sh", "scripts/install.sh")
			env := append(helmEnv(home), "PATH="+pathWithout(t, fake), "HOOKLINT_DOWNLOAD_URL="+srv.URL, "HOOKLINT_VERSION="+tt.version)
			before := len(srv.requests())
			out, code := command(t, tmp, env, helm3, "plugin", "install", src)
			if code != 0 {
				t.Fatalf("helm plugin install: exit %d\n%s", code, out)
			}
			logged, _ := os.ReadFile(goLog)
			reqs := srv.requests()[before:]
			if tt.wantGo == "" {
				if want := []string{"/" + version + "/" + archiveName(version), "/" + version + "/checksums.txt"}; !slices.Equal(reqs, want) || len(logged) != 0 {
					t.Errorf("helm plugin install downloaded %q, want %q; go log %q\n%s", reqs, want, logged, out)
				}
			} else if len(reqs) != 0 || !strings.HasSuffix(string(logged), tt.wantGo) {
				t.Errorf("helm plugin install downloaded %q, go log %q, want only %q\n%s", reqs, logged, tt.wantGo, out)
			}
			out, code = command(t, tmp, env, helm3, "hooklint", "version")
			if code != 0 || !strings.HasPrefix(out, tt.wantVersion) {
				t.Errorf("helm hooklint version: exit %d\n%s\nwant it to start with\n%s", code, out, tt.wantVersion)
			}
			if tt.wantGo != "" {
				return
			}
			out, code = command(t, filepath.Dir(example), env, helm3, "hooklint", "lint", "guestbook-backup", "--only", "HL1003", "--fail-on", "none")
			want := "guestbook-backup/" + hl1003Line + "\n1 chart linted: 0 errors, 0 warnings, 1 info\n"
			if code != 0 || out != want {
				t.Errorf("helm hooklint lint: exit %d, output\n%s\nwant exit 0, output\n%s", code, out, want)
			}
		})
	}
}

func lookPath(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml with `pre-commit
// run` on a git repository with a chart whose .pre-commit-config.yaml
// names them, as a user's commit would.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pre-commit, which builds hooklint")
	}
	t.Parallel() // minutes of builds: overlap them
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit); .ci/run installs it")
	}
	tmp := t.TempDir()
	git := func(dir string, args ...string) {
		t.Helper()
		env := []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"}
		if out, code := command(t, dir, env, "git", args...); code != 0 {
			t.Fatalf("git %s: %s", strings.Join(args, " "), out)
		}
	}
	// The hook repository: this working tree, committed (pre-commit clones it).
	src := filepath.Join(tmp, "src")
	out, err := exec.Command("git", "-C", repoRoot, "ls-files", "-co", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	var files []string // what `go install ./...` needs, not the test corpora
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if _, err := os.Stat(filepath.Join(repoRoot, f)); err != nil {
			continue
		}
		if f == "go.mod" || f == "go.sum" || f == ".pre-commit-hooks.yaml" || strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
			files = append(files, f)
		}
	}
	copyFiles(t, repoRoot, src, files...)
	git(src, "init", "-q")
	git(src, "add", "-A")
	git(src, "commit", "-q", "-m", "hooklint")
	// The user's repository: a chart with a changed values file.
	repo := filepath.Join(tmp, "repo")
	abs, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(repo, "charts", "app"), os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "README.md"), []byte("# app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// values for a chart kept elsewhere: the files pattern matches it
	if err := os.MkdirAll(filepath.Join(repo, "envs", "prod"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "envs", "prod", "values.yaml"), []byte("replicas: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The user's configuration names the hook repository at its commit:
	// pre-commit builds the golang hook's environment once, in
	// PRE_COMMIT_HOME, for every run below (try-repo built it again for
	// each run: a link of hooklint each time).
	rev, err := exec.Command("git", "-C", src, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	config := "repos:\n  - repo: " + src + "\n    rev: " + strings.TrimSpace(string(rev)) + "\n    hooks:\n      - id: hooklint\n      - id: hooklint-system\n"
	if err := os.WriteFile(filepath.Join(repo, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	git(repo, "init", "-q")
	git(repo, "add", "-A")

	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pre-commit's golang language sets GOPATH to its environment; the
	// module cache stays the one this test uses, so no download is needed.
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit"),
		"GOMODCACHE=" + strings.TrimSpace(string(gomodcache)),
		"PATH=" + filepath.Join(tmp, "path") + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	buildHooklint(t, filepath.Join(tmp, "path")) // for hooklint-system
	lineRe := regexp.MustCompile(`(?m)^charts/app/templates/tests/test-connection\.yaml:6: info HL1003: .*$`)
	for _, id := range []string{"hooklint", "hooklint-system"} {
		t.Run(id, func(t *testing.T) {
			out, code := command(t, repo, env, "pre-commit", "run", id, "--files", "charts/app/values.yaml", "README.md")
			if code != 1 || !strings.Contains(out, "- hook id: "+id) || lineRe.FindString(out) != "charts/app/"+hl1003Line || !strings.Contains(out, "\n1 chart linted: ") {
				t.Errorf("pre-commit run %s: exit %d, want 1 with the findings of charts/app:\n%s", id, code, out)
			}
			out, code = command(t, repo, env, "pre-commit", "run", id, "--files", "README.md")
			if code != 0 || !strings.Contains(out, "(no files to check)Skipped") {
				t.Errorf("pre-commit run %s on README.md: exit %d, want 0 and skipped:\n%s", id, code, out)
			}
			// A values.yaml outside any chart passes, and says why
			// (issue 20 point 6; pre-commit shows a passing hook's
			// output with --verbose).
			out, code = command(t, repo, env, "pre-commit", "run", id, "--verbose", "--files", "envs/prod/values.yaml")
			noChart := "hooklint: no chart found for envs/prod/values.yaml (no Chart.yaml in its directory or above): not linted"
			if code != 0 || !strings.Contains(out, "Passed") || !strings.Contains(out, noChart) {
				t.Errorf("pre-commit run %s on envs/prod/values.yaml: exit %d, want 0 and %q:\n%s", id, code, noChart, out)
			}
		})
	}
}

// actionFile is the part of action.yml the test reads.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name string            `yaml:"name"`
			ID   string            `yaml:"id"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			Run  string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// actionRun is one run of action.yml's steps.
type actionRun struct {
	ran     []string          // "uses X" or "run NAME: exit N", in order
	outputs map[string]string // step id "." output name
	logs    map[string]string // a run step's name: its output
	ws      string            // the workspace, with charts/guestbook-backup
}

// runAction runs the shell steps of action.yml as the runner would (inputs
// and expressions substituted, GITHUB_* files, `if:` of the form
// steps.ID.outputs.NAME ==/!= 'VALUE'), records the steps that only run on
// GitHub (setup-go, the SARIF upload), and stops after the step named
// stopAfter when it is not empty. env is added to every step's environment.
func runAction(t *testing.T, inputs map[string]string, actionRef string, env []string, stopAfter string) actionRun {
	t.Helper()
	b, err := os.ReadFile(repoRoot + "action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	tmp := t.TempDir()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	r := actionRun{outputs: map[string]string{}, logs: map[string]string{}, ws: filepath.Join(tmp, "workspace")}
	if err := os.CopyFS(filepath.Join(r.ws, "charts", "guestbook-backup"), os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	for k, v := range a.Inputs {
		in[k] = v.Default
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		in[k] = v
	}
	githubPath := filepath.Join(tmp, "github_path")
	exprRe := regexp.MustCompile(`\$\{\{\s*(inputs\.[a-z-]+|steps\.[a-z]+\.outputs\.[a-z-]+|github\.action_ref)\s*\}\}`)
	value := func(ref string) string {
		if k, ok := strings.CutPrefix(ref, "inputs."); ok {
			return in[k]
		}
		if ref == "github.action_ref" {
			return actionRef
		}
		id, name, _ := strings.Cut(strings.TrimPrefix(ref, "steps."), ".outputs.")
		return r.outputs[id+"."+name]
	}
	expand := func(s string) string {
		return exprRe.ReplaceAllStringFunc(s, func(m string) string { return value(exprRe.FindStringSubmatch(m)[1]) })
	}
	ifRe := regexp.MustCompile(`^\$\{\{\s*(steps\.[a-z]+\.outputs\.[a-z-]+)\s*(==|!=)\s*'([^']*)'\s*\}\}$`)
	for _, s := range a.Runs.Steps {
		if m := ifRe.FindStringSubmatch(s.If); m != nil && (value(m[1]) == m[3]) != (m[2] == "==") {
			continue
		} else if m == nil && s.If != "" && !strings.Contains(s.If, "always()") {
			t.Fatalf("step %q: the test cannot evaluate if: %s", s.Name, s.If)
		}
		if s.Uses != "" {
			r.ran = append(r.ran, "uses "+s.Uses+" "+expand(s.With["sarif_file"]))
			continue
		}
		ghOutput := filepath.Join(tmp, "github_output")
		if err := os.WriteFile(ghOutput, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		path, _ := os.ReadFile(githubPath)
		stepEnv := append([]string{
			"GITHUB_ACTION_PATH=" + root, "RUNNER_TEMP=" + tmp, "GITHUB_PATH=" + githubPath, "GITHUB_OUTPUT=" + ghOutput,
			"PATH=" + strings.TrimSpace(string(path)) + string(os.PathListSeparator) + os.Getenv("PATH"),
		}, env...)
		for k, v := range s.Env {
			stepEnv = append(stepEnv, k+"="+expand(v))
		}
		// As the runner: shell: bash is `bash --noprofile --norc -eo pipefail {0}`.
		script := filepath.Join(tmp, "step.sh")
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := command(t, r.ws, stepEnv, "bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		r.ran = append(r.ran, "run "+s.Name+": exit "+strconv.Itoa(code))
		r.logs[s.Name] = out
		o, err := os.ReadFile(ghOutput)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(o)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				r.outputs[s.ID+"."+k] = v
			}
		}
		if s.Name == stopAfter || code != 0 && s.Name != "Lint chart hooks" && s.Name != "Fail on findings" {
			break
		}
	}
	return r
}

// TestGitHubAction runs action.yml on the example chart: built from the
// action's checkout (no version, a branch ref), installed from the release
// archive (a version tag, or the tag in uses: hooklint/hooklint@TAG) served
// by a local file server, and built with go install for a branch.
func TestGitHubAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hooklint")
	}
	t.Parallel() // minutes of builds: overlap them
	dl, version := releaseDir(t)
	srv := serve(t, dl)
	lintInputs := map[string]string{"charts": "charts/*", "args": "--fail-on error", "download-url": srv.URL}
	tagInputs := maps.Clone(lintInputs)
	tagInputs["version"] = version
	setupGo := "uses actions/setup-go@v5 "
	fromArchive := []string{"/" + version + "/" + archiveName(version), "/" + version + "/checksums.txt"}
	for _, tt := range []struct {
		name      string
		inputs    map[string]string
		actionRef string
		setupGo   bool     // whether setup-go runs
		wantReqs  []string // what was downloaded
	}{
		{name: "checkout", inputs: lintInputs, actionRef: "main", setupGo: true},
		{name: "version tag", inputs: tagInputs, actionRef: "main", wantReqs: fromArchive},
		{name: "uses tag", inputs: lintInputs, actionRef: version, wantReqs: fromArchive},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.requests())
			r := runAction(t, tt.inputs, tt.actionRef, nil, "")
			var want []string
			if tt.setupGo {
				want = append(want, setupGo)
			}
			want = append([]string{"run Resolve hooklint version: exit 0"}, append(want,
				"run Install hooklint: exit 0",
				"run Lint chart hooks: exit 0",
				"uses github/codeql-action/upload-sarif@v3 hooklint.sarif",
				"run Fail on findings: exit 1",
			)...)
			if diff := cmp.Diff(want, r.ran); diff != "" {
				t.Fatalf("steps (-want +got):\n%s\ninstall step:\n%s", diff, r.logs["Install hooklint"])
			}
			if got := srv.requests()[before:]; !slices.Equal(got, tt.wantReqs) {
				t.Errorf("downloaded %q, want %q", got, tt.wantReqs)
			}
			if tt.wantReqs != nil && !strings.Contains(r.logs["Install hooklint"], "\n"+stampedVersion(version)) {
				t.Errorf("the install step did not run the release archive's hooklint %s:\n%s", version, r.logs["Install hooklint"])
			}
			if !strings.Contains(r.logs["Lint chart hooks"], "::error file=charts/guestbook-backup/templates/backup/job.yaml,line=10") {
				t.Errorf("the lint step printed no GitHub annotation for HL1009:\n%s", r.logs["Lint chart hooks"])
			}
			if r.outputs["lint.exit-code"] != "1" {
				t.Errorf("exit-code output = %q, want 1 (errors in the example)", r.outputs["lint.exit-code"])
			}
			sarif, err := os.ReadFile(filepath.Join(r.ws, "hooklint.sarif"))
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []struct {
						RuleID string `json:"ruleId"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(sarif, &doc); err != nil {
				t.Fatalf("hooklint.sarif: %v", err)
			}
			if doc.Version != "2.1.0" || len(doc.Runs) != 1 || len(doc.Runs[0].Results) == 0 {
				t.Errorf("hooklint.sarif: version %q, %d runs, want 2.1.0 with results", doc.Version, len(doc.Runs))
			}
		})
	}
	// A branch or a commit: setup-go, then go install of that ref (a fake
	// go records it), nothing downloaded.
	for _, ref := range []string{"main", "4a0483a"} {
		t.Run("go install "+ref, func(t *testing.T) {
			before := len(srv.requests())
			fake := t.TempDir()
			goLog := fakeGo(t, fake)
			inputs := maps.Clone(lintInputs)
			inputs["version"] = ref
			r := runAction(t, inputs, "v0.0.1", []string{"PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH")}, "Install hooklint")
			want := []string{"run Resolve hooklint version: exit 0", setupGo, "run Install hooklint: exit 0"}
			if diff := cmp.Diff(want, r.ran); diff != "" {
				t.Errorf("steps (-want +got):\n%s\n%s", diff, r.logs["Install hooklint"])
			}
			logged, err := os.ReadFile(goLog)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(string(logged), " go install github.com/hooklint/hooklint/cmd/hooklint@"+ref+"\n") || strings.Count(string(logged), "\n") != 1 {
				t.Errorf("go was run as %q, want one go install github.com/hooklint/hooklint/cmd/hooklint@%s", logged, ref)
			}
			if got := srv.requests()[before:]; len(got) != 0 {
				t.Errorf("downloaded %q for a branch", got)
			}
		})
	}
}
