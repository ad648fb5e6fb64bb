// Package helmtool builds the real Helm CLI pinned in go.mod as a Go tool
// dependency (`go get -tool helm.sh/helm/v3/cmd/helm`), so tests compare
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

//nolint:gochecknoglobals // build the tool once per test binary
var once struct {
	sync.Once
	path string
	err  error
}

// Path builds `helm` (the version hooklint links) into a temporary
// directory once and returns the binary's path. Built from the module,
// Helm defaults to Kubernetes v1.20: callers pass --kube-version.
func Path() (string, error) {
	once.Do(func() {
		root, err := corpus.RepoRoot()
		if err != nil {
			once.err = err
			return
		}
		dir, err := os.MkdirTemp("", "hooklint-helm-")
		if err != nil {
			once.err = err
			return
		}
		bin := filepath.Join(dir, "helm")
		cmd := exec.Command("go", "build", "-o", bin, "helm.sh/helm/v3/cmd/helm")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			once.err = fmt.Errorf("go build helm: %w: %s", err, out)
			return
		}
		once.path = bin
	})
	return once.path, once.err
}
