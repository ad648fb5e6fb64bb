package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/internal/render"
)

// Stamped by the release build (scripts/release.sh) with
// -ldflags "-X main.version=v1.2.3 -X main.commit=... -X main.date=...";
// empty in a go build or go install, which report the module version.
var (
	version string
	commit  string //nolint:gochecknoglobals // -ldflags -X sets package variables only
	date    string //nolint:gochecknoglobals // idem
)

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print hooklint's version and the Helm version it mirrors",
		Example: `  hooklint version`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v, helm := versions()
			var b strings.Builder
			fmt.Fprintf(&b, "hooklint %s\n", v)
			if commit != "" {
				fmt.Fprintf(&b, "commit %s\n", commit)
			}
			if date != "" {
				fmt.Fprintf(&b, "built %s\n", date)
			}
			fmt.Fprintf(&b, "helm %s\nkubernetes %s (default --kube-version)\n%s\n",
				helm, render.DefaultKubeVersion(), runtime.Version())
			_, err := io.WriteString(stdout, b.String())
			return err
		},
	}
}

// versions returns hooklint's version (the stamped release version, else
// the module version) and the linked Helm module's.
func versions() (self, helm string) {
	self, helm = "(devel)", "unknown"
	bi, ok := debug.ReadBuildInfo()
	if ok && bi.Main.Version != "" {
		self = bi.Main.Version
	}
	if version != "" {
		self = version
	}
	if !ok {
		return self, helm
	}
	for _, d := range bi.Deps {
		if d.Path == "helm.sh/helm/v3" {
			helm = d.Version
		}
	}
	return self, helm
}
