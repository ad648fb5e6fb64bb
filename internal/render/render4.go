package render

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/cli/values"
	action4 "helm.sh/helm/v4/pkg/action"
	ci4 "helm.sh/helm/v4/pkg/chart"
	common4 "helm.sh/helm/v4/pkg/chart/common"
	commonutil4 "helm.sh/helm/v4/pkg/chart/common/util"
	loader4 "helm.sh/helm/v4/pkg/chart/loader"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"
	chartutil4 "helm.sh/helm/v4/pkg/chart/v2/util"
	values4 "helm.sh/helm/v4/pkg/cli/values"
	engine4 "helm.sh/helm/v4/pkg/engine"
	getter4 "helm.sh/helm/v4/pkg/getter"
)

// Helm versions Options.Helm names.
const (
	HelmV3 = "v3"
	HelmV4 = "v4"
)

// ParseHelm checks a --helm value: "" (v3), "v3" or "v4".
func ParseHelm(s string) (string, error) {
	switch s {
	case "", HelmV3:
		return HelmV3, nil
	case HelmV4:
		return HelmV4, nil
	}
	return "", fmt.Errorf("--helm %q: want v3 or v4", s)
}

// load4 is Load with Helm 4's packages, as `helm template` v4.3.1 loads
// (helm.sh/helm/v4 pkg/cmd/install.go runInstall, then the first steps of
// pkg/action/install.go Install.RunWithContext).
func load4(arg string, opts *Options) (*Chart, error) {
	if _, err := os.Stat(arg); err != nil {
		return nil, &InputError{Chart: arg, Err: statError(err)}
	}
	// runInstall: values first (v4's MergeValues reads -f with
	// loader.LoadValues and --set-json objects whole); no getters.
	if err := checkValueFiles(arg, &opts.Values); err != nil {
		return nil, err
	}
	vals, err := values4Options(opts.Values).MergeValues(getter4.Providers{})
	if err != nil {
		return nil, &InputError{Chart: arg, Err: fmt.Errorf("values: %w", err)}
	}
	ch, unread, err := loadChart4(arg)
	if err != nil {
		return nil, err
	}
	// pkg/cmd/install.go checkIfInstallable
	switch ch.Metadata.Type {
	case "", "application":
	default:
		return nil, inputErrorf(arg, "Chart.yaml", "%s charts are not installable", ch.Metadata.Type)
	}
	if req := ch.Metadata.Dependencies; len(req) > 0 {
		deps := make([]ci4.Dependency, len(req))
		for i, d := range req {
			deps[i] = d
		}
		if err := action4.CheckDependencies(ch, deps); err != nil {
			return nil, inputErrorf(arg, "Chart.yaml", "%v (run `helm dependency build`)", err)
		}
	}
	// pkg/action/install.go RunWithContext: chartutil.ProcessDependencies
	// (v4's merges as v3's ProcessDependenciesWithMerge does).
	if err := chartutil4.ProcessDependencies(ch, vals); err != nil {
		return nil, &InputError{Chart: arg, Err: err}
	}
	v3, err := toV3(ch)
	if err != nil {
		return nil, &InputError{Chart: arg, Err: err}
	}
	if !opts.NoSchemaRefs {
		unread = append(unread, schemaUnread(v3, "")...)
	}
	c := &Chart{Arg: arg, Chart: v3, Values: vals, Sources: sources(v3), v4: ch, folders: subchartFolders(arg), Unread: unread}
	c.keepTrees()
	return c, nil
}

// values4Options is the same -f/--set... flags for v4's MergeValues.
func values4Options(o values.Options) *values4.Options {
	return &values4.Options{
		ValueFiles:    o.ValueFiles,
		StringValues:  o.StringValues,
		Values:        o.Values,
		FileValues:    o.FileValues,
		JSONValues:    o.JSONValues,
		LiteralValues: o.LiteralValues,
	}
}

// loadChart4 is loadChart with v4's loader (pkg/chart/loader.Load, which
// runInstall calls); `helm template` v4 renders chart API v1 and v2 only
// (RunWithContext: "invalid chart apiVersion").
func loadChart4(arg string) (ch *chart4.Chart, unread []Unread, err error) {
	defer func() {
		if r := recover(); r != nil {
			ch, err = nil, &InputError{Chart: arg, Err: fmt.Errorf("cannot load chart: %v", r)}
		}
	}()
	var c ci4.Charter
	if st, serr := os.Stat(arg); serr == nil && st.IsDir() {
		// pkg/chart/loader/load.go LoadDir, confined (loaddir.go)
		ch, unread, err = loadDir4(arg)
		c = ch
	} else if err = checkArchive(arg); err == nil {
		c, err = loader4.Load(arg)
	}
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, nil, ie
		}
		var ve chart4.ValidationError
		return nil, nil, loadError(arg, err, errors.As(err, &ve))
	}
	ch, ok := c.(*chart4.Chart)
	if !ok || ch == nil {
		return nil, nil, &InputError{Chart: arg, File: "Chart.yaml", Err: errors.New("invalid chart apiVersion")}
	}
	if err := ch.Validate(); err != nil {
		return nil, nil, &InputError{Chart: arg, File: "Chart.yaml", Err: err}
	}
	return ch, unread, nil
}

// toV3 copies what the rest of hooklint reads of a chart (metadata, lock,
// templates, files, values, subcharts) into Helm 3's type; file contents
// are shared, not copied.
func toV3(c *chart4.Chart) (*chart.Chart, error) {
	out := &chart.Chart{Values: c.Values, Schema: c.Schema}
	if err := convert(c.Metadata, &out.Metadata); err != nil {
		return nil, err
	}
	if c.Lock != nil {
		if err := convert(c.Lock, &out.Lock); err != nil {
			return nil, err
		}
	}
	files := func(fs []*common4.File) []*chart.File {
		out := make([]*chart.File, len(fs))
		for i, f := range fs {
			out[i] = &chart.File{Name: f.Name, Data: f.Data}
		}
		return out
	}
	out.Raw, out.Templates, out.Files = files(c.Raw), files(c.Templates), files(c.Files)
	for _, d := range c.Dependencies() {
		dv3, err := toV3(d)
		if err != nil {
			return nil, err
		}
		out.AddDependency(dv3)
	}
	return out, nil
}

// convert copies between the two versions' identical JSON shapes.
func convert(from, to any) error {
	b, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, to)
}

// DefaultKubeVersion4 is the Kubernetes version Helm 4 assumes without
// --kube-version. A released v4.3.1 binary derives it at run time from its
// own build information (pkg/chart/common/capabilities.go
// makeDefaultCapabilities: internal/version.K8sIOClientGoModVersion, major+1
// and the minor of k8s.io/client-go; no ldflags, unlike Helm 3's Makefile);
// v4.3.1's go.mod has client-go v0.37.1, so v1.37.0. hooklint does the
// same from the client-go it is built with, which is DefaultKubeVersion; it
// cannot read common.DefaultCapabilities, which says v1.20.0 in test
// binaries (testing.Testing()).
func DefaultKubeVersion4() string { return DefaultKubeVersion() }

// render4 is Render with Helm 4's packages: helm.sh/helm/v4
// pkg/action/install.go Install.RunWithContext with a client-only dry run
// (pkg/cmd/template.go), and pkg/action/action.go
// Configuration.renderResources up to SortManifests, with the default
// post-render strategy (combined) and no post-renderer, so the rendered
// files go to SortManifests unchanged.
func render4(c *Chart, opts *Options, ctx Context) (*Rendered, error) {
	if c.v4 == nil {
		return nil, &InputError{Chart: c.Arg, Err: errors.New("chart not loaded with Helm 4 (internal error)")}
	}
	v := opts.KubeVersion
	if v == "" {
		v = DefaultKubeVersion4()
	}
	kv, err := common4.ParseKubeVersion(v)
	if err != nil {
		return nil, &InputError{Chart: c.Arg, Err: fmt.Errorf("invalid kube version %q: %w", v, err)}
	}
	// RunWithContext, !interactWithServer: DefaultCapabilities, the
	// --kube-version and --api-versions.
	caps := common4.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	caps.APIVersions = append(caps.APIVersions, opts.APIVersions...)

	rel := chartutil.ReleaseOptions{
		Name:      opts.ReleaseName,
		Namespace: opts.Namespace,
		Revision:  1,
		IsInstall: !opts.IsUpgrade,
		IsUpgrade: opts.IsUpgrade,
	}
	if rel.Name == "" {
		rel.Name = defaultReleaseName
	}
	if rel.Namespace == "" {
		rel.Namespace = "default"
	}
	if ctx == Upgrade {
		// pkg/action/upgrade.go prepareUpgrade: revision = last+1, IsUpgrade.
		rel = UpgradeRelease(rel)
	}
	rel4 := common4.ReleaseOptions{Name: rel.Name, Namespace: rel.Namespace, Revision: rel.Revision, IsInstall: rel.IsInstall, IsUpgrade: rel.IsUpgrade}
	// Helm's schema step with a loader confined to the chart (schema.go).
	vals, err := commonutil4.ToRenderValuesWithSchemaValidation(c.v4, c.Values, rel4, caps, true)
	if err == nil {
		vs, _ := vals["Values"].(common4.Values)
		err = validateValues(c.Chart, vs, nil)
	}
	if err != nil {
		return nil, &InputError{Chart: c.Arg, File: "values.schema.json", Err: err}
	}
	// renderResources: the kubeVersion constraint (v4 prints the version
	// as given, caps.KubeVersion.Version).
	if kc := c.v4.Metadata.KubeVersion; kc != "" && !chartutil4.IsCompatibleRange(kc, caps.KubeVersion.String()) {
		return nil, inputErrorf(c.Arg, "Chart.yaml", "chart requires kubeVersion: %s which is incompatible with Kubernetes %s", kc, caps.KubeVersion.Version)
	}
	// Helm 4's tpl has no bound either and hooklint cannot replace it
	// (CustomTemplateFuncs has no access to the template set): probe with
	// the bounded engine first (tpldepth.go).
	if err := c.probeTpl(rel, opts); err != nil {
		return nil, err
	}
	funcs := withFast(DeterministicFuncs(c))
	if opts.RealGeneration {
		funcs = SprigFuncs()
	}
	files, err := renderFiles4(c.v4, vals, funcs)
	if err != nil {
		file, line := locate(err)
		file = c.folders.File(file) // the subchart's folder on disk
		return nil, &InputError{Chart: c.Arg, File: file, Line: line, Err: err}
	}
	// renderResources: every file ending in NOTES.txt is taken out.
	for k := range files {
		if strings.HasSuffix(k, "NOTES.txt") {
			delete(files, k)
		}
	}
	return &Rendered{Context: ctx, Helm: HelmV4, Release: rel, KubeVersion: caps.KubeVersion.Version, Files: files, folders: c.folders}, nil
}

func renderFiles4(ch *chart4.Chart, vals common4.Values, funcs map[string]any) (files map[string]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, fmt.Errorf("render panicked: %v", r)
		}
	}()
	// renderResources without a cluster: a zero Engine, whose lookup
	// returns an empty map.
	// CustomTemplateFuncs: the deterministic random and clock functions
	// (deterministic.go), seeded per chart (v4's engine does not say
	// which template runs), or sprig's own (Options.RealGeneration).
	e := engine4.Engine{CustomTemplateFuncs: funcs}
	return e.RenderWithContext(context.Background(), ch, vals)
}
