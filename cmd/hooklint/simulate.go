package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
	"github.com/hooklint/hooklint/sim"
)

// simulateOptions are the flags of `hooklint simulate` and its commands.
// They mean what helm's flags of the same name mean.
type simulateOptions struct {
	values      values.Options
	fromChart   string
	fromValues  []string
	release     string
	namespace   string
	kubeVersion string
	apiVersions []string
	timeout     time.Duration

	noHooks       bool
	wait          bool
	waitForJobs   bool
	atomic        bool
	cleanupOnFail bool
	keepHistory   bool
	install       bool
	filter        []string

	fail, hang, duration []string
	scenario             string
	output               string

	helm         string // --helm v3|v4
	engine       string // --engine helm|argocd|flux
	waitStrategy string // Helm 4's --wait STRATEGY
	serverSide   string // Helm 4's --server-side
	flux         sim.FluxOptions
	argocdPrune  bool // --argocd-prune

	clusterState []string // --cluster-state PATH (repeatable)
	noColor      bool     // --no-color (the timeline has no colour; accepted as lint accepts it)
}

// waitFlag is --wait as both Helm versions spell it: a bool for Helm 3
// (--wait, --wait=false) and a strategy for Helm 4 (--wait alone is
// watcher; --wait=hookOnly|watcher|legacy; pkg/cmd/flags.go).
type waitFlag struct{ o *simulateOptions }

func (w waitFlag) String() string {
	if w.o == nil {
		return "false"
	}
	if w.o.waitStrategy != "" {
		return w.o.waitStrategy
	}
	return strconv.FormatBool(w.o.wait)
}

func (w waitFlag) Set(v string) error {
	switch v {
	case "true":
		w.o.wait, w.o.waitStrategy = true, ""
	case "false":
		w.o.wait, w.o.waitStrategy = false, ""
	case sim.WaitWatcher, sim.WaitLegacy:
		w.o.wait, w.o.waitStrategy = true, v
	case sim.WaitHookOnly:
		w.o.wait, w.o.waitStrategy = false, v
	default:
		return fmt.Errorf("want true, false, %s, %s or %s", sim.WaitHookOnly, sim.WaitWatcher, sim.WaitLegacy)
	}
	return nil
}

func (waitFlag) Type() string { return "strategy" }

const simulateLong = `Simulate what Helm does with a chart's hooks, without a cluster.

hooklint runs Helm's own actions (helm.sh/helm/v3 pkg/action, or
helm.sh/helm/v4 with --helm v4: install, upgrade, rollback, uninstall, test)
against a fake cluster and prints a timeline: every create, wait and delete Helm sends, in Helm's order, with the
reason (weight, name order, delete policy), the release status changes, Helm's
error text, and what is left in the cluster afterwards.

Time is virtual: waits and timeouts resolve at once, the timeline shows
simulated time. By default every hook Job and Pod succeeds after 1s; a pod
whose ServiceAccount, ConfigMap, Secret or PersistentVolumeClaim does not
exist when it starts stays Pending until --timeout. --fail, --hang and
--duration take KIND/NAME or NAME (shell globs; the kind is case-insensitive)
and apply to the simulated command (with --scenario: to every step).

upgrade, rollback, uninstall and test first install a release to act on:
the chart (or --from-chart) with the values (or --from-values); rollback
also upgrades once, so that there is a revision to roll back to.

The simulated cluster is empty but for what every cluster has (the system
namespaces, each namespace's default ServiceAccount and kube-root-ca.crt
ConfigMap, a default StorageClass). --cluster-state adds what your cluster
already holds (CRDs of operators, Secrets of other releases): their kinds are
served and lookup finds them. A reference that neither the chart nor the
state provides is listed before the timeline as an external dependency.
Secret values of the state never appear in the output.

Unlike lint (which renders as helm template does, with an empty lookup),
simulate runs Helm's own actions, so the chart's lookup calls read the
simulated cluster: an upgrade finds the Secret its install created.

--scenario FILE runs several steps in one cluster (see the scenario format in
sim/README.md); a CHART argument is the chart of steps that name none.

--helm v4 drives Helm 4 (server-side apply, --wait strategies hookOnly,
watcher, legacy; --rollback-on-failure). --engine argocd simulates an Argo CD
sync of the chart (hooks mapped to sync phases and waves as Argo CD maps
them); --engine flux simulates Flux's helm-controller (Helm 4 actions, its
waiter, its remediation). hooklint diff-engines compares them side by side.

Exit status: 0 when every simulated helm command succeeds, 1 when one fails
(its error is in the timeline), 2 on a usage or input error.`

// newSimulateCmd builds `hooklint simulate` with its install, upgrade,
// rollback, uninstall and test commands.
func newSimulateCmd(stdout, _ io.Writer) *cobra.Command {
	o := &simulateOptions{}
	cmd := &cobra.Command{
		Use:   "simulate [install|upgrade|rollback|uninstall|test] CHART | simulate --scenario FILE [CHART]",
		Short: "Simulate Helm's hook lifecycle against a fake cluster",
		Long:  simulateLong,
		Example: `  # which hooks does an upgrade run, in what order, and what is left behind?
  hooklint simulate upgrade ./mychart

  # upgrade from the chart you run today to the new one
  hooklint simulate upgrade ./mychart --from-chart ./mychart-1.0.0.tgz -f prod.yaml

  # a migration Job that fails, with --atomic
  hooklint simulate upgrade ./mychart --atomic --fail job/db-migrate

  # install, upgrade, rollback 1, uninstall in one cluster
  hooklint simulate --scenario guestbook.yaml ./guestbook

  # into a cluster that already has an operator's CRDs
  kubectl get crd -o yaml > crds.yaml
  hooklint simulate install ./mychart --cluster-state crds.yaml

  # a sequence diagram for the docs
  hooklint simulate install ./mychart --output mermaid

  # the same upgrade with Helm 4, Argo CD and Flux
  hooklint simulate upgrade ./mychart --helm v4
  hooklint simulate upgrade ./mychart --engine argocd
  hooklint simulate upgrade ./mychart --engine flux`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.scenario == "" {
				return fmt.Errorf("%q needs a command (install, upgrade, rollback, uninstall, test) or --scenario FILE\n\nUsage:  %s", cmd.CommandPath(), cmd.UseLine())
			}
			chart := ""
			if len(args) == 1 {
				chart = args[0]
			}
			return runScenario(stdout, o, chart)
		},
	}
	addSimulateFlags(cmd.PersistentFlags(), o)
	cmd.Flags().StringVar(&o.scenario, "scenario", "", "run the steps of a scenario file (YAML) in one cluster")
	for _, a := range []sim.Action{sim.ActionInstall, sim.ActionUpgrade, sim.ActionRollback, sim.ActionUninstall, sim.ActionTest} {
		cmd.AddCommand(newSimulateActionCmd(stdout, o, a))
	}
	return cmd
}

func addSimulateFlags(f *pflag.FlagSet, o *simulateOptions) {
	f.StringSliceVarP(&o.values.ValueFiles, "values", "f", nil, "specify values in a YAML file (can specify multiple)")
	f.StringArrayVar(&o.values.Values, "set", nil, "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
	f.StringArrayVar(&o.values.StringValues, "set-string", nil, "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)")
	f.StringArrayVar(&o.values.FileValues, "set-file", nil, "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)")
	f.StringArrayVar(&o.values.JSONValues, "set-json", nil, "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2)")
	f.StringArrayVar(&o.values.LiteralValues, "set-literal", nil, "set a literal STRING value on the command line")
	f.StringVar(&o.release, "release-name", sim.DefaultReleaseName, "release name")
	f.StringVarP(&o.namespace, "namespace", "n", "default", "release namespace, which exists in the fake cluster (when not given: $HELM_NAMESPACE, which Helm sets for a plugin, else default)")
	f.StringVar(&o.kubeVersion, "kube-version", "", "Kubernetes version for .Capabilities.KubeVersion (default "+render.DefaultKubeVersion()+")")
	f.StringSliceVarP(&o.apiVersions, "api-versions", "a", nil, "extra Kubernetes api versions for .Capabilities.APIVersions")
	f.DurationVar(&o.timeout, "timeout", sim.DefaultTimeout, "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
	f.BoolVar(&o.noHooks, "no-hooks", false, "prevent hooks from running during the simulated command")
	f.Var(waitFlag{o}, "wait", "wait until all release resources are ready; Helm 4: --wait alone is the watcher strategy, or --wait=hookOnly|watcher|legacy")
	f.Lookup("wait").NoOptDefVal = "true"
	f.StringVar(&o.helm, "helm", "", "Helm version to simulate: v3 (helm.sh/helm/v3) or v4 (helm.sh/helm/v4) (default: the helm: of the chart's "+config.FileName+", else v3)")
	f.StringVar(&o.engine, "engine", "helm", "what runs the hooks: helm (the CLI, --helm), argocd (an Argo CD sync) or flux (Flux helm-controller)")
	f.BoolVar(&o.argocdPrune, "argocd-prune", false, "--engine argocd: syncs prune resources the chart no longer has (hooks are never pruned)")
	f.IntVar(&o.flux.InstallRetries, "flux-install-retries", 0, "--engine flux: spec.install.remediation.retries")
	f.IntVar(&o.flux.UpgradeRetries, "flux-upgrade-retries", 0, "--engine flux: spec.upgrade.remediation.retries")
	f.StringVar(&o.flux.UpgradeStrategy, "flux-upgrade-remediation", "rollback", "--engine flux: spec.upgrade.remediation.strategy, rollback or uninstall")
	f.BoolVar(&o.flux.DisableWait, "flux-disable-wait", false, "--engine flux: spec.install/upgrade.disableWait (hookOnly strategy)")
	f.BoolVar(&o.flux.DisableWaitForJobs, "flux-disable-wait-for-jobs", false, "--engine flux: spec.install/upgrade/rollback.disableWaitForJobs (Jobs are waited for by default)")
	f.BoolVar(&o.flux.TestEnable, "flux-test", false, "--engine flux: spec.test.enable (helm tests after install and upgrade)")
	f.BoolVar(&o.flux.IgnoreTestFailures, "flux-ignore-test-failures", false, "--engine flux: spec.test.ignoreFailures")
	f.StringVar(&o.serverSide, "server-side", "", "Helm 4: server-side apply, true, false or auto (default: install true, upgrade and rollback auto)")
	f.BoolVar(&o.waitForJobs, "wait-for-jobs", false, "with --wait, also wait for release Jobs to complete")
	f.StringArrayVar(&o.fail, "fail", nil, "make Jobs/Pods/workloads matching KIND/NAME fail (glob, repeatable)")
	f.StringArrayVar(&o.hang, "hang", nil, "make Jobs/Pods/workloads matching KIND/NAME never finish (glob, repeatable)")
	f.StringArrayVar(&o.duration, "duration", nil, "run time of matching objects, KIND/NAME=30s (glob, repeatable; default 1s)")
	f.StringVarP(&o.output, "output", "o", "text", "output format: text, json or mermaid")
	f.StringVar(&o.fromChart, "from-chart", "", "chart to install first (upgrade, rollback: the release you upgrade from; default CHART)")
	f.StringSliceVar(&o.fromValues, "from-values", nil, "values files of that first install (default: the values given for CHART)")
	f.StringArrayVar(&o.clusterState, "cluster-state", nil, "objects the cluster holds before the first step: a YAML file or directory, e.g. the output of kubectl get crd,secret,configmap -o yaml (repeatable)")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the output (the timeline is never coloured; NO_COLOR is honoured the same way)")
}

// simulateActionHelp is the short help and the examples of a command.
func simulateActionHelp(a sim.Action) (short, example string) {
	switch a {
	case sim.ActionInstall:
		return "Simulate helm install", `  hooklint simulate install ./mychart -f values.yaml
  hooklint simulate install ./mychart --atomic --hang job/db-init --timeout 2m`
	case sim.ActionUpgrade:
		return "Install, then simulate helm upgrade", `  hooklint simulate upgrade ./mychart
  hooklint simulate upgrade ./mychart --from-chart ./mychart-1.0.0.tgz --atomic --fail job/migrate`
	case sim.ActionRollback:
		return "Install, upgrade, then simulate helm rollback", `  hooklint simulate rollback ./mychart 1
  hooklint simulate rollback ./mychart --from-chart ./old-chart`
	case sim.ActionUninstall:
		return "Install, then simulate helm uninstall", `  hooklint simulate uninstall ./mychart
  hooklint simulate uninstall ./mychart --keep-history`
	default:
		return "Install, then simulate helm test", `  hooklint simulate test ./mychart
  hooklint simulate test ./mychart --filter name=smoke-test --fail pod/smoke-test`
	}
}

func newSimulateActionCmd(stdout io.Writer, o *simulateOptions, a sim.Action) *cobra.Command {
	short, example := simulateActionHelp(a)
	use := string(a) + " [flags] CHART"
	args := exactArgs(1)
	if a == sim.ActionRollback {
		use = "rollback [flags] CHART [REVISION]"
		args = rangeArgs(1, 2)
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Long:    simulateLong,
		Example: example,
		Args:    args,
		RunE: func(_ *cobra.Command, args []string) error {
			rev := 0
			if len(args) == 2 {
				n, err := strconv.Atoi(args[1])
				if err != nil || n < 0 {
					return &render.InputError{Chart: args[0], Err: fmt.Errorf("revision %q is not a number", args[1])}
				}
				rev = n
			}
			return runAction(stdout, o, a, args[0], rev)
		},
	}
	f := cmd.Flags()
	switch a {
	case sim.ActionInstall:
		f.BoolVar(&o.atomic, "atomic", false, "if set, the installation process deletes the installation on failure")
		f.BoolVar(&o.atomic, "rollback-on-failure", false, "Helm 4's name of --atomic")
	case sim.ActionUpgrade:
		f.BoolVar(&o.atomic, "atomic", false, "if set, upgrade process rolls back changes made in case of failed upgrade")
		f.BoolVar(&o.atomic, "rollback-on-failure", false, "Helm 4's name of --atomic")
		f.BoolVar(&o.cleanupOnFail, "cleanup-on-fail", false, "allow deletion of new resources created in this upgrade when upgrade fails")
		f.BoolVarP(&o.install, "install", "i", false, "upgrade --install: the release to upgrade does not exist, so install it")
	case sim.ActionRollback:
		f.BoolVar(&o.cleanupOnFail, "cleanup-on-fail", false, "allow deletion of new resources created in this rollback when rollback fails")
	case sim.ActionUninstall:
		f.BoolVar(&o.keepHistory, "keep-history", false, "remove all associated resources and mark the release as deleted, but retain the release history")
	case sim.ActionTest:
		f.StringSliceVar(&o.filter, "filter", nil, "specify tests by attribute (currently \"name\") using attribute=value syntax or '!attribute=value' to exclude a test (can specify multiple or separate values with commas: name=test1,name=test2)")
	}
	return cmd
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return fmt.Errorf("%q requires %d argument\n\nUsage:  %s", cmd.CommandPath(), n, cmd.UseLine())
		}
		return nil
	}
}

func rangeArgs(lo, hi int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return fmt.Errorf("%q requires %d to %d arguments\n\nUsage:  %s", cmd.CommandPath(), lo, hi, cmd.UseLine())
		}
		return nil
	}
}

// base is the scenario settings from the flags.
func (o *simulateOptions) base(chart string) (sim.Scenario, error) {
	sc := sim.Scenario{Helm: sim.HelmV3, Release: o.release, Namespace: o.namespace, KubeVersion: o.kubeVersion, APIVersions: o.apiVersions}
	v := o.helm
	if v == "" && chart != "" {
		// as lint finds its configuration: from the chart's directory up
		cv, err := configHelm(chart)
		if err != nil {
			return sc, err
		}
		v = cv
	}
	helm, err := sim.ParseHelmVersion(v)
	if err != nil {
		return sc, &render.InputError{Chart: chart, Err: err}
	}
	engine, err := sim.ParseEngine(o.engine)
	if err != nil {
		return sc, &render.InputError{Chart: chart, Err: err}
	}
	switch o.serverSide {
	case "", "true", "false", "auto":
	default:
		return sc, &render.InputError{Chart: chart, Err: fmt.Errorf("--server-side %q: want true, false or auto", o.serverSide)}
	}
	sc.Helm, sc.Engine, sc.Flux, sc.ArgoCDPrune = helm, engine, o.flux, o.argocdPrune
	if o.flux.UpgradeStrategy != "rollback" && o.flux.UpgradeStrategy != "uninstall" && o.flux.UpgradeStrategy != "" {
		return sc, &render.InputError{Chart: chart, Err: fmt.Errorf("--flux-upgrade-remediation %q: want rollback or uninstall", o.flux.UpgradeStrategy)}
	}
	inj, err := sim.ParseInjection(o.fail, o.hang, o.duration)
	if err != nil {
		return sc, &render.InputError{Chart: chart, Err: err}
	}
	sc.Outcomes = inj
	if len(o.clusterState) > 0 {
		objs, err := sim.LoadClusterState(o.clusterState)
		if err != nil {
			return sc, &render.InputError{Chart: chart, Err: err}
		}
		sc.ClusterState = objs
	}
	switch o.output {
	case "text", "json", "mermaid":
	default:
		return sc, &render.InputError{Chart: chart, Err: fmt.Errorf("--output %q: want text, json or mermaid", o.output)}
	}
	return sc, nil
}

func (o *simulateOptions) load(chart string, vals values.Options) (*render.Chart, error) {
	return render.Load(chart, &render.Options{Values: vals, ReleaseName: o.release, Namespace: o.namespace, KubeVersion: o.kubeVersion, APIVersions: o.apiVersions, NoSchemaRefs: true})
}

// runAction simulates one helm command, after the steps that give it a
// release to act on.
func runAction(stdout io.Writer, o *simulateOptions, a sim.Action, chart string, rev int) error {
	sc, err := actionScenario(o, a, chart, rev)
	if err != nil {
		return err
	}
	return simulate(stdout, o, sc, chart)
}

// actionScenario is the scenario of one simulated command: the steps that
// give it a release to act on, then the command.
func actionScenario(o *simulateOptions, a sim.Action, chart string, rev int) (*sim.Scenario, error) {
	sc, err := o.base(chart)
	if err != nil {
		return nil, err
	}
	target, err := o.load(chart, o.values)
	if err != nil {
		return nil, err
	}
	args := append([]string{chart}, sim.ValueArgs(o.values)...)
	setup := target
	setupArgs := args
	if o.fromChart != "" || len(o.fromValues) > 0 {
		from := chart
		if o.fromChart != "" {
			from = o.fromChart
		}
		fv := o.values
		if len(o.fromValues) > 0 {
			fv = values.Options{ValueFiles: o.fromValues}
		}
		if setup, err = o.load(from, fv); err != nil {
			return nil, err
		}
		setupArgs = append([]string{from}, sim.ValueArgs(fv)...)
	}
	// The injected outcomes apply to the simulated command only: the
	// steps before it set the scene.
	inj := sc.Outcomes
	sc.Outcomes = sim.Outcomes{Durations: inj.Durations}
	inj.Durations = nil
	step := sim.Step{
		Action: a, Timeout: o.timeout, Wait: o.wait, WaitForJobs: o.waitForJobs, Atomic: o.atomic,
		CleanupOnFail: o.cleanupOnFail, NoHooks: o.noHooks, KeepHistory: o.keepHistory, Filter: o.filter,
		Install: o.install, Revision: rev, Outcomes: inj, WaitStrategy: o.waitStrategy, ServerSide: o.serverSide,
	}
	if a == sim.ActionInstall || a == sim.ActionUpgrade {
		step.Chart, step.Args = target, args
	}
	installFirst := sim.Step{Action: sim.ActionInstall, Chart: setup, Args: setupArgs, Timeout: o.timeout}
	switch {
	case a == sim.ActionInstall, a == sim.ActionUpgrade && o.install:
	case a == sim.ActionRollback:
		sc.Steps = append(sc.Steps, installFirst,
			sim.Step{Action: sim.ActionUpgrade, Chart: target, Args: args, Timeout: o.timeout})
	default:
		sc.Steps = append(sc.Steps, installFirst)
	}
	sc.Steps = append(sc.Steps, step)
	return &sc, nil
}

func runScenario(stdout io.Writer, o *simulateOptions, chart string) error {
	base, err := o.base(o.scenario)
	if err != nil {
		return err
	}
	sc, err := sim.LoadScenario(o.scenario, chart, base, o.timeout)
	if err != nil {
		return err
	}
	return simulate(stdout, o, sc, o.scenario)
}

func simulate(stdout io.Writer, o *simulateOptions, sc *sim.Scenario, chart string) error {
	res, err := sim.Run(sc)
	if err != nil {
		return &render.InputError{Chart: chart, Err: err}
	}
	switch o.output {
	case "json":
		err = sim.WriteJSON(stdout, res)
	case "mermaid":
		err = sim.WriteMermaid(stdout, res)
	default:
		err = sim.WriteText(stdout, res)
	}
	if err != nil {
		return err
	}
	if res.Failed() {
		return errFindings
	}
	return nil
}

// configHelm is the helm: of the .hooklint.yaml lint would read for chart
// (config.Find), "" when there is none or it does not say.
func configHelm(chart string) (string, error) {
	path, err := config.Find(chart)
	if err != nil || path == "" {
		return "", err
	}
	cfg, err := config.LoadNamed(path, config.RelativeTo(chart, path), rules.All)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	return cfg.Helm, nil
}
