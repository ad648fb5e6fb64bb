package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/internal/render"
)

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print hooklint's version and the Helm version it mirrors",
		Example: `  hooklint version`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v, helm := versions()
			_, err := fmt.Fprintf(stdout, "hooklint %s\nhelm %s\nkubernetes %s (default --kube-version)\n%s\n",
				v, helm, render.DefaultKubeVersion(), runtime.Version())
			return err
		},
	}
}

// versions returns hooklint's module version and the linked Helm module's.
func versions() (self, helm string) {
	self, helm = "(devel)", "unknown"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return self, helm
	}
	if bi.Main.Version != "" {
		self = bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == "helm.sh/helm/v3" {
			helm = d.Version
		}
	}
	return self, helm
}
