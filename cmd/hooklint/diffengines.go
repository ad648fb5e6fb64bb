package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/sim"
)

const diffEnginesLong = `Simulate the same helm command with several engines and show the calls
each one sends to the cluster side by side; "!" marks a row where they differ.

Engines: v3 (helm.sh/helm/v3), v4 (helm.sh/helm/v4), argocd (an Argo CD
sync of the chart), flux (Flux helm-controller). The command and its flags
are those of hooklint simulate (default: upgrade, after an install).

Exit status: 0 when every engine's commands succeed, 1 when one fails, 2 on a
usage or input error.`

// newDiffEnginesCmd builds `hooklint diff-engines CHART`.
func newDiffEnginesCmd(stdout io.Writer) *cobra.Command {
	o := &simulateOptions{}
	var action, engines string
	cmd := &cobra.Command{
		Use:   "diff-engines [flags] CHART [REVISION]",
		Short: "Compare the hook timelines of Helm 3, Helm 4, Argo CD and Flux",
		Long:  diffEnginesLong,
		Example: `  hooklint diff-engines ./mychart
  hooklint diff-engines ./mychart --action install --engines v3,v4 --fail job/migrate`,
		Args: rangeArgs(1, 2),
		RunE: func(_ *cobra.Command, args []string) error {
			return runDiffEngines(stdout, o, args, action, engines)
		},
	}
	f := cmd.Flags()
	addSimulateFlags(f, o)
	f.StringVar(&action, "action", "upgrade", "helm command to compare: install, upgrade, rollback, uninstall or test")
	f.StringVar(&engines, "engines", "v3,v4,argocd,flux", "engines to compare (v3, v4, argocd, flux)")
	f.BoolVar(&o.atomic, "atomic", false, "--atomic (Helm 4: --rollback-on-failure)")
	return cmd
}

func runDiffEngines(stdout io.Writer, o *simulateOptions, args []string, action, engines string) error {
	chart := args[0]
	a := sim.Action(action)
	switch a {
	case sim.ActionInstall, sim.ActionUpgrade, sim.ActionRollback, sim.ActionUninstall, sim.ActionTest:
	default:
		return &render.InputError{Chart: chart, Err: fmt.Errorf("--action %q: want install, upgrade, rollback, uninstall or test", action)}
	}
	rev := 0
	if len(args) == 2 {
		if _, err := fmt.Sscan(args[1], &rev); err != nil || rev < 0 {
			return &render.InputError{Chart: chart, Err: fmt.Errorf("revision %q is not a number", args[1])}
		}
	}
	var names []string
	var results []*sim.Result
	for _, e := range strings.Split(engines, ",") {
		e = strings.TrimSpace(e)
		eo := *o
		switch e {
		case "v3", "helm3":
			eo.helm, eo.engine = "v3", "helm"
		case "v4", "helm4":
			eo.helm, eo.engine = "v4", "helm"
		case "argocd", "flux":
			eo.engine = e
		default:
			return &render.InputError{Chart: chart, Err: fmt.Errorf("--engines: unknown engine %q (want v3, v4, argocd, flux)", e)}
		}
		sc, err := actionScenario(&eo, a, chart, rev)
		if err != nil {
			return err
		}
		res, err := sim.Run(sc)
		if err != nil {
			return &render.InputError{Chart: chart, Err: err}
		}
		name := e
		if eo.engine == "helm" {
			name = "helm " + res.Helm.String()
		}
		names = append(names, name)
		results = append(results, res)
	}
	fmt.Fprintf(stdout, "hooklint diff-engines: %s %s, release %q in namespace %q, Kubernetes %s, calls to the API server per step\n",
		action, chart, o.release, o.namespace, results[0].KubeVersion)
	if err := sim.WriteComparison(stdout, sim.Compare(names, results)); err != nil {
		return err
	}
	for _, r := range results {
		if r.Failed() {
			return errFindings
		}
	}
	return nil
}
