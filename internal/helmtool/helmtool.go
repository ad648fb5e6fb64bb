// Package helmtool builds the real Helm CLI pinned in go.mod as a Go tool
// dependency (`go get -tool helm.sh/helm/v3/cmd/helm`, and v4's), so tests compare
// hooklint with `helm` itself. Only tests use it.
package helmtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/hooklint/hooklint/internal/corpus"
)

//nolint:gochecknoglobals // build each tool once per test binary
var tools = map[string]*tool{"v3": {pkg: "helm.sh/helm/v3/cmd/helm"}, "v4": {pkg: "helm.sh/helm/v4/cmd/helm"}}

type tool struct {
	pkg  string
	once sync.Once
	path string
	err  error
}

// Path builds `helm` v3 (the version hooklint links) into a temporary
// directory once and returns the binary's path. Built from the module,
// Helm defaults to Kubernetes v1.20: callers pass --kube-version.
func Path() (string, error) { return PathFor("v3") }

// PathFor is Path for the Helm major given, "v3" or "v4" (both are tools
// in go.mod: `go get -tool helm.sh/helm/v4/cmd/helm@v4.3.1`; as both are
// named helm, `go tool` needs the full package path). Helm 4 built in a
// test binary's module reads its default Kubernetes version from its own
// build information: still, callers pass --kube-version.
func PathFor(version string) (string, error) {
	t, ok := tools[version]
	if !ok {
		return "", fmt.Errorf("helmtool: no Helm %q (want v3 or v4)", version)
	}
	t.once.Do(func() {
		root, err := corpus.RepoRoot()
		if err != nil {
			t.err = err
			return
		}
		dir, err := os.MkdirTemp("", "hooklint-helm-")
		if err != nil {
			t.err = err
			return
		}
		bin := filepath.Join(dir, "helm")
		cmd := exec.Command("go", "build", "-o", bin, t.pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.err = fmt.Errorf("go build %s: %w: %s", t.pkg, err, out)
			return
		}
		t.path = bin
	})
	return t.path, t.err
}
