package integrations_test

import (
	"net/http"          //nolint:depguard // a local server for the installers' download path; hooklint stays offline
	"net/http/httptest" //nolint:depguard // idem
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The release path: scripts/release.sh builds the archives, a local file
// server serves them as GitHub serves release assets (VERSION/ARCHIVE), and
// scripts/install.sh (run by the Action and the Helm plugin) downloads one,
// checks it against checksums.txt and unpacks it. No network.

const (
	testCommit = "0123456789abcdef0123456789abcdef01234567"
	testDate   = "2026-01-02T03:04:05Z"
)

// pluginVersion is the tag of plugin.yaml's version, which release.sh
// requires of a release and the plugin's install hook downloads.
func pluginVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(repoRoot + "plugin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "version: "); ok {
			return "v" + strings.TrimSpace(v)
		}
	}
	t.Fatal("plugin.yaml has no version")
	return ""
}

// TestMain removes the release directory and the binary the tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{releaseOnce.dir, binOnce.dir} {
		if d != "" {
			_ = os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

var releaseOnce struct {
	sync.Once
	dir, version string
	err          string
}

// releaseDir runs scripts/release.sh once per test binary for this
// machine's OS and architecture, stamped with plugin.yaml's version, and
// returns the directory to serve (it holds VERSION/ with the archive and
// checksums.txt) and the version. The build skips -trimpath and keeps go
// env's cgo setting, so that it links from the packages the other tests
// compiled; .ci/run builds a snapshot with the release flags.
func releaseDir(t *testing.T) (string, string) {
	t.Helper()
	releaseOnce.Do(func() {
		version := pluginVersion(t)
		root, err := os.MkdirTemp("", "hooklint-release-")
		if err != nil {
			releaseOnce.err = err.Error()
			return
		}
		releaseOnce.dir = root
		cgo, err := exec.Command("go", "env", "CGO_ENABLED").Output()
		if err != nil {
			releaseOnce.err = err.Error()
			return
		}
		out := filepath.Join(root, version)
		cmd := exec.Command("bash", "scripts/release.sh", "--out", out, runtime.GOOS+"/"+runtime.GOARCH)
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), "VERSION="+version, "COMMIT="+testCommit, "DATE="+testDate,
			"RELEASE_TRIMPATH=false", "CGO_ENABLED="+strings.TrimSpace(string(cgo)))
		if b, err := cmd.CombinedOutput(); err != nil {
			releaseOnce.err = "scripts/release.sh: " + err.Error() + "\n" + string(b)
			return
		}
		releaseOnce.version = version
	})
	if releaseOnce.err != "" {
		t.Fatal(releaseOnce.err)
	}
	return releaseOnce.dir, releaseOnce.version
}

// archiveName is the release archive of this machine for version.
func archiveName(version string) string {
	ext := ".tar.gz"
	if runtime.GOOS == "windows" {
		ext = ".zip"
	}
	return "hooklint_" + strings.TrimPrefix(version, "v") + "_" + runtime.GOOS + "_" + runtime.GOARCH + ext
}

// fileServer serves dir and records the paths asked for.
type fileServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []string
}

func serve(t *testing.T, dir string) *fileServer {
	t.Helper()
	s := &fileServer{}
	files := http.FileServer(http.Dir(dir))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.URL.Path)
		s.mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *fileServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// fakeGo writes a `go` into dir that records its arguments and GOBIN in
// dir/go.log and installs a hooklint script into GOBIN: the fallback to go
// install for a branch or a commit, without network or compiling.
func fakeGo(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	script := `#!/bin/sh
echo "GOBIN=$GOBIN go $*" >> "` + filepath.Join(dir, "go.log") + `"
mkdir -p "$GOBIN"
printf '#!/bin/sh\necho "hooklint (fake go install)"\n' > "$GOBIN/hooklint"
chmod +x "$GOBIN/hooklint"
`
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "go.log")
}

// pathWithout is $PATH without the directories that hold a hooklint, so
// that the installers cannot find one already installed.
func pathWithout(t *testing.T, prepend ...string) string {
	t.Helper()
	dirs := slices.Clone(prepend)
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, "hooklint")); err == nil {
			continue
		}
		dirs = append(dirs, d)
	}
	return strings.Join(dirs, string(os.PathListSeparator))
}

func stampedVersion(version string) string {
	return "hooklint " + version + "\ncommit " + testCommit + "\nbuilt " + testDate + "\n"
}

// TestReleaseArchive checks what release.sh produced: the archive named
// hooklint_<version>_<os>_<arch>, checksums.txt as sha256sum -c reads it,
// the image context, and the stamped `hooklint version`.
func TestReleaseArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hooklint")
	}
	t.Parallel()
	root, version := releaseDir(t)
	dir := filepath.Join(root, version)
	archive := archiveName(version)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"checksums.txt", archive, "image"}; !slices.Equal(names, want) {
		t.Errorf("release directory holds %q, want %q", names, want)
	}
	if out, code := command(t, dir, nil, "sha256sum", "-c", "checksums.txt"); code != 0 || out != archive+": OK\n" {
		t.Errorf("sha256sum -c checksums.txt: exit %d\n%s", code, out)
	}
	tmp := t.TempDir()
	if out, code := command(t, tmp, nil, "tar", "-tzf", filepath.Join(dir, archive)); code != 0 || out != "hooklint\nREADME.md\n" {
		t.Errorf("tar -tzf %s: exit %d, files\n%s\nwant hooklint and README.md", archive, code, out)
	}
	if out, code := command(t, tmp, nil, "tar", "-xzf", filepath.Join(dir, archive), "hooklint"); code != 0 {
		t.Fatalf("tar -xzf: %s", out)
	}
	out, code := command(t, tmp, nil, filepath.Join(tmp, "hooklint"), "version")
	if code != 0 || !strings.HasPrefix(out, stampedVersion(version)+"helm v3.") {
		t.Errorf("hooklint version: exit %d\n%s\nwant it to start with\n%shelm v3.", code, out, stampedVersion(version))
	}
	dockerfile, err := os.ReadFile(filepath.Join(dir, "image", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	// The image: the linux binary at the path the Dockerfile copies, run as non-root.
	for _, want := range []string{"\nFROM gcr.io/distroless/static-debian12:nonroot\n", "\nCOPY linux_${TARGETARCH}/hooklint /usr/local/bin/hooklint\n", "\nUSER 65532:65532\n", "\nENTRYPOINT [\"/usr/local/bin/hooklint\"]\n"} {
		if !strings.Contains(string(dockerfile), want) {
			t.Errorf("image/Dockerfile lacks %q", strings.TrimSpace(want))
		}
	}
	if runtime.GOOS == "linux" {
		if _, err := os.Stat(filepath.Join(dir, "image", "linux_"+runtime.GOARCH, "hooklint")); err != nil {
			t.Errorf("image context: %v", err)
		}
	}
}

// TestInstallScript runs scripts/install.sh as the Action and the plugin
// do: a release tag from the archive, with its checksum verified; a branch
// with go install.
func TestInstallScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hooklint")
	}
	t.Parallel()
	root, version := releaseDir(t)
	archive := archiveName(version)
	script, err := filepath.Abs(repoRoot + "scripts/install.sh")
	if err != nil {
		t.Fatal(err)
	}
	// A release whose checksums.txt does not match its archive, and one
	// whose checksums.txt has no line for it.
	bad := t.TempDir()
	for v, sums := range map[string]string{
		"v9.9.1": strings.Repeat("0", 64) + "  " + archiveName("v9.9.1") + "\n",
		"v9.9.2": strings.Repeat("0", 64) + "  hooklint_9.9.2_plan9_mips.tar.gz\n",
	} {
		b, err := os.ReadFile(filepath.Join(root, version, archive))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(bad, v), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bad, v, archiveName(v)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bad, v, "checksums.txt"), []byte(sums), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good, tampered := serve(t, root), serve(t, bad)
	tests := []struct {
		name, version string
		srv           *fileServer
		wantCode      int
		wantErr       string   // in the output
		wantReqs      []string // paths downloaded
		wantGo        string   // the go command run, for a branch
	}{
		{name: "release tag", version: version, srv: good, wantReqs: []string{"/" + version + "/" + archive, "/" + version + "/checksums.txt"}},
		{name: "checksum mismatch", version: "v9.9.1", srv: tampered, wantCode: 1, wantErr: "checksum mismatch for " + archiveName("v9.9.1"),
			wantReqs: []string{"/v9.9.1/" + archiveName("v9.9.1"), "/v9.9.1/checksums.txt"}},
		{name: "no checksum line", version: "v9.9.2", srv: tampered, wantCode: 1, wantErr: "checksums.txt of v9.9.2 has no line for " + archiveName("v9.9.2"),
			wantReqs: []string{"/v9.9.2/" + archiveName("v9.9.2"), "/v9.9.2/checksums.txt"}},
		{name: "no such release", version: "v9.9.3", srv: good, wantCode: 1, wantErr: "cannot download " + good.URL + "/v9.9.3/" + archiveName("v9.9.3"),
			wantReqs: []string{"/v9.9.3/" + archiveName("v9.9.3")}},
		{name: "branch", version: "main", srv: good, wantGo: "go install github.com/hooklint/hooklint/cmd/hooklint@main"},
		{name: "commit", version: "4a0483a", srv: good, wantGo: "go install github.com/hooklint/hooklint/cmd/hooklint@4a0483a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			goLog := fakeGo(t, filepath.Join(tmp, "fakego"))
			bin := filepath.Join(tmp, "bin")
			before := len(tt.srv.requests())
			env := []string{"HOOKLINT_DOWNLOAD_URL=" + tt.srv.URL, "PATH=" + pathWithout(t, filepath.Join(tmp, "fakego"))}
			out, code := command(t, tmp, env, "sh", script, tt.version, bin)
			if code != tt.wantCode || !strings.Contains(out, tt.wantErr) {
				t.Fatalf("install.sh %s: exit %d, want %d with %q:\n%s", tt.version, code, tt.wantCode, tt.wantErr, out)
			}
			if got := tt.srv.requests()[before:]; !slices.Equal(got, tt.wantReqs) {
				t.Errorf("downloaded %q, want %q", got, tt.wantReqs)
			}
			logged, _ := os.ReadFile(goLog)
			if tt.wantGo != "" {
				if want := "GOBIN=" + bin + " " + tt.wantGo + "\n"; string(logged) != want {
					t.Errorf("go was run as %q, want %q", logged, want)
				}
				return
			}
			if len(logged) != 0 {
				t.Errorf("go was run for a release tag: %s", logged)
			}
			if tt.wantCode != 0 {
				if _, err := os.Stat(filepath.Join(bin, "hooklint")); err == nil {
					t.Errorf("a failed install left %s", filepath.Join(bin, "hooklint"))
				}
				return
			}
			vout, vcode := command(t, tmp, nil, filepath.Join(bin, "hooklint"), "version")
			if vcode != 0 || !strings.HasPrefix(vout, stampedVersion(tt.version)) {
				t.Errorf("installed hooklint version: exit %d\n%s", vcode, vout)
			}
		})
	}
}
