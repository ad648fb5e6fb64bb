package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/cli/values"
	"helm.sh/helm/v3/pkg/getter"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"

	"github.com/hooklint/hooklint/internal/render/engine"
)

// Options are the `helm template` options that change what a chart renders
// to. The flag names in cmd/hooklint are Helm's.
type Options struct {
	Values      values.Options // -f, --set, --set-string, --set-file, --set-json, --set-literal
	ReleaseName string         // default "release-name", as helm template
	Namespace   string         // -n; default "default"
	KubeVersion string         // --kube-version; "" means DefaultKubeVersion()
	APIVersions []string       // -a/--api-versions
	IsUpgrade   bool           // --is-upgrade: the install render gets .Release.IsUpgrade
	// Helm is the Helm whose packages load and render the chart: "v4"
	// (render4.go), else v3.
	Helm string
	// RealGeneration renders with sprig's own random, clock and key
	// functions (crypto/rand, time.Now: SprigFuncs) instead of the
	// deterministic ones (deterministic.go). For tests only, which show
	// that the deterministic functions change no finding
	// (rules TestCorpusFindingsRealKeyGeneration): no command sets it, and
	// a render with it differs from run to run. The tpl probe of a Helm 4
	// render (probeTpl) stays deterministic: only its error is read.
	RealGeneration bool
	// NoSchemaRefs leaves Chart.Unread without the references of
	// values.schema.json files that the confined loader does not follow
	// (schemaUnread compiles every schema for them; only HL6008 reads
	// them): the simulator sets it.
	NoSchemaRefs bool
}

// Context is the command a render stands for. Helm renders a chart anew for
// every install and upgrade, so a template can differ between them
// (.Release.IsInstall, .Release.IsUpgrade, .Release.Revision).
type Context int

const (
	// Install is the render of `helm install` and `helm template`: revision 1
	// (helm.sh/helm/v3 pkg/action/install.go Install.RunWithContext).
	Install Context = iota
	// Upgrade is the render of `helm upgrade` of an installed release:
	// revision 2, IsUpgrade (pkg/action/upgrade.go Upgrade.prepareUpgrade).
	Upgrade
)

func (c Context) String() string {
	if c == Upgrade {
		return "upgrade"
	}
	return "install"
}

// Chart is a loaded chart with the merged user values, ready to render.
type Chart struct {
	Arg     string       // the chart argument as given
	Chart   *chart.Chart // Helm's chart, subcharts included
	Values  map[string]any
	Sources map[string]string // Helm path (chart/templates/x.yaml) -> template source text
	// v4 is the chart as Helm 4's loader read it, set when loaded with
	// Helm "v4"; Chart is then a v3 copy of it for what reads the chart
	// (metadata, templates, files), and v4 renders it.
	v4 *chart4.Chart
	// executes are the templates a ForHooks copy executes (nil: all).
	executes map[string]bool
	// folders say which folder or archive each subchart was read from.
	folders Folders
	// Unread are the files and schema references of the chart hooklint
	// did not follow because they lead outside it (loaddir.go, schema.go).
	Unread []Unread
	// trees are the parse trees of its templates, kept between its renders
	// (ForHooks copies share them).
	trees *engine.Trees
}

// keepTrees gives c a cache of parse trees for the templates every
// upgrade render of lint executes (ForHooks keeps them whatever the hooks:
// helpers, files that define templates or write helm.sh/hook); the others
// are parsed again when a render needs them, which holds less memory
// between the renders. A file over keepTreesMax bytes is parsed again too:
// its tree holds a copy of its text and a node per action (the 1 MB hook
// template of internal/gencharts kept 10 MB alive while its render was
// read, 14 MB more peak RSS), and a helper library is far smaller (the
// corpus's largest, 70 KB).
func (c *Chart) keepTrees() {
	c.trees = engine.NewTrees()
	c.trees.Keep = func(name string) bool {
		src := c.Sources[name]
		return len(src) <= keepTreesMax && inEveryPart(name, src)
	}
}

// keepTreesMax is the largest template whose parse trees are kept.
const keepTreesMax = 128 << 10

// DropTrees lets go of the parse trees kept between renders of c (and of
// its ForHooks copies): once lint has its renders, they would only hold
// memory while the rules run.
func (c *Chart) DropTrees() { c.trees.Drop() }

// Rendered is one render of a chart.
type Rendered struct {
	Context     Context
	Helm        string // "v4" when Helm 4 rendered it, else "" (v3)
	Release     chartutil.ReleaseOptions
	KubeVersion string
	// Files maps Helm paths to rendered text, as engine.Render returns them
	// with NOTES.txt removed (pkg/action/action.go renderResources).
	Files map[string]string

	folders Folders // the chart's (Rendered.File)
}

const defaultReleaseName = "release-name"

//go:generate go run genkube.go

// DefaultKubeVersion is the Kubernetes version a released Helm binary
// assumes for .Capabilities.KubeVersion when none is given: Helm's Makefile
// sets chartutil.k8sVersionMajor/Minor from the k8s.io/client-go module it is
// built with (client-go v0.X.Y -> Kubernetes v1.X.0). A Helm built without
// those ldflags (a library, `go tool helm`) would say v1.20.0 instead; we
// derive the value from the client-go hooklint is linked with: from the
// binary's build information, or, where a binary has none (test binaries),
// from kubeversion_gen.go, which `go generate` writes from go.mod and
// TestDefaultKubeVersionFollowsClientGo keeps in step.
func DefaultKubeVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path != "k8s.io/client-go" {
				continue
			}
			v := d.Version
			if d.Replace != nil && d.Replace.Version != "" {
				v = d.Replace.Version
			}
			if kv, ok := kubeFromClientGo(v); ok {
				return kv
			}
		}
	}
	return clientGoKubeVersion
}

// kubeFromClientGo maps a client-go module version to the Kubernetes version
// Helm's Makefile derives from it (major+1, same minor).
func kubeFromClientGo(v string) (string, bool) {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	if len(parts) < 2 {
		return "", false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return "", false
	}
	return fmt.Sprintf("v%d.%d.0", major+1, minor), true
}

// Load loads the chart at arg (a directory or a .tgz archive), merges the
// user values and checks dependencies, as `helm template` does before it
// renders (helm.sh/helm/v3 cmd/helm/install.go runInstall).
func Load(arg string, opts *Options) (*Chart, error) {
	if opts.Helm == HelmV4 {
		return load4(arg, opts)
	}
	if _, err := os.Stat(arg); err != nil {
		return nil, &InputError{Chart: arg, Err: statError(err)}
	}
	// Values first, as runInstall does: a bad -f names the values file.
	// No getters: a values URL is an error, never a download.
	if err := checkValueFiles(arg, &opts.Values); err != nil {
		return nil, err
	}
	vals, err := opts.Values.MergeValues(getter.Providers{})
	if err != nil {
		return nil, &InputError{Chart: arg, Err: fmt.Errorf("values: %w", err)}
	}
	ch, unread, err := loadChart(arg)
	if err != nil {
		return nil, err
	}
	if !opts.NoSchemaRefs {
		unread = append(unread, schemaUnread(ch, "")...)
	}
	// cmd/helm/install.go checkIfInstallable
	switch ch.Metadata.Type {
	case "", "application":
	default:
		return nil, inputErrorf(arg, "Chart.yaml", "%s charts are not installable", ch.Metadata.Type)
	}
	if req := ch.Metadata.Dependencies; req != nil {
		if err := action.CheckDependencies(ch, req); err != nil {
			return nil, inputErrorf(arg, "Chart.yaml", "%v (run `helm dependency build`)", err)
		}
	}
	// pkg/action/install.go RunWithContext: ProcessDependenciesWithMerge
	// applies conditions, tags and import-values; it edits the chart, so it
	// runs once here and every render shares the result.
	if err := chartutil.ProcessDependenciesWithMerge(ch, vals); err != nil {
		return nil, &InputError{Chart: arg, Err: err}
	}
	c := &Chart{Arg: arg, Chart: ch, Values: vals, Sources: sources(ch), folders: subchartFolders(arg), Unread: unread}
	c.keepTrees()
	return c, nil
}

func statError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such chart directory or archive")
	}
	return err
}

// loadChart wraps loader.Load and names the file a load error is about.
// A directory is read by loadDir3, Helm's LoadDir confined to the chart
// (loaddir.go), which returns the files it did not follow; an archive
// must be a regular file (checkArchive).
func loadChart(arg string) (ch *chart.Chart, unread []Unread, err error) {
	defer func() {
		// The loader is robust, but a chart is hostile input: never let a
		// panic in a dependency become a stack trace.
		if r := recover(); r != nil {
			ch, err = nil, &InputError{Chart: arg, Err: fmt.Errorf("cannot load chart: %v", r)}
		}
	}()
	if st, serr := os.Stat(arg); serr == nil && st.IsDir() {
		ch, unread, err = loadDir3(arg)
	} else if err = checkArchive(arg); err == nil {
		ch, err = loader.Load(arg)
	}
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, nil, ie
		}
		var ve chart.ValidationError
		return nil, nil, loadError(arg, err, errors.As(err, &ve))
	}
	if err := ch.Validate(); err != nil {
		return nil, nil, &InputError{Chart: arg, File: "Chart.yaml", Err: err}
	}
	return ch, unread, nil
}

// loadError names the file a loader error is about; validation says the
// error is the loader's chart.ValidationError (of either Helm version).
func loadError(arg string, err error, validation bool) *InputError {
	ie := &InputError{Chart: arg, Err: err}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Chart.yaml"), validation:
		// the loader validates the metadata it read from Chart.yaml
		ie.File = "Chart.yaml"
	case strings.Contains(msg, "values.yaml"):
		ie.File = "values.yaml"
	case loaderFileRe.MatchString(msg):
		// loaddir.go names chart files relative to the chart
		ie.File = loaderFileRe.FindStringSubmatch(msg)[1]
	default:
		ie.File, ie.Err = inChartDir(arg, err)
	}
	if ie.File == "" && strings.HasSuffix(arg, ".tgz") {
		ie.File = path.Base(arg)
	}
	return ie
}

// loaderFileRe finds the chart file a loaddir.go error names.
var loaderFileRe = regexp.MustCompile(`^(?:cannot load irregular file|error reading|error evaluating symlink) ([^\s:]+)`)

// inChartDir rewrites a loader error that names an absolute path inside
// the chart directory arg (a symlink that cannot be followed, a file that
// cannot be read) to the chart-relative file, so the message is the same on
// every machine.
func inChartDir(arg string, err error) (string, error) {
	abs, aerr := filepath.Abs(arg)
	if aerr != nil {
		return "", err
	}
	prefix := abs + string(filepath.Separator)
	msg := err.Error()
	i := strings.Index(msg, prefix)
	if i < 0 {
		return "", err
	}
	rest := msg[i+len(prefix):]
	if j := strings.IndexAny(rest, ": "); j >= 0 {
		rest = rest[:j]
	}
	return filepath.ToSlash(rest), errors.New(strings.ReplaceAll(msg, prefix, ""))
}

// sources collects every template of the chart and its subcharts under the
// path the engine gives its output (pkg/engine/engine.go recAllTpls).
func sources(ch *chart.Chart) map[string]string {
	out := map[string]string{}
	var walk func(c *chart.Chart)
	walk = func(c *chart.Chart) {
		prefix := c.ChartFullPath()
		for _, t := range c.Templates {
			// not a copy: nothing writes a loaded chart's file bytes
			out[path.Join(prefix, t.Name)] = unsafe.String(unsafe.SliceData(t.Data), len(t.Data))
		}
		for _, d := range c.Dependencies() {
			walk(d)
		}
	}
	walk(ch)
	return out
}

// KubeVersion returns the Kubernetes version a render uses.
func (o *Options) kubeVersion() (*chartutil.KubeVersion, error) {
	v := o.KubeVersion
	if v == "" {
		v = DefaultKubeVersion()
	}
	kv, err := chartutil.ParseKubeVersion(v)
	if err != nil {
		return nil, fmt.Errorf("invalid kube version %q: %w", v, err)
	}
	return kv, nil
}

// Render renders c in the given context as Helm does for `helm template`
// (Install) or `helm upgrade` (Upgrade), offline: the capabilities are
// client-only defaults and lookup returns an empty map.
//
// Mirrors helm.sh/helm/v3 pkg/action/install.go Install.RunWithContext with
// ClientOnly and DryRun (what cmd/helm/template.go sets), and
// pkg/action/action.go Configuration.renderResources up to SortManifests.
func Render(c *Chart, opts *Options, ctx Context) (*Rendered, error) {
	if opts.Helm == HelmV4 {
		return render4(c, opts, ctx)
	}
	kv, err := opts.kubeVersion()
	if err != nil {
		return nil, &InputError{Chart: c.Arg, Err: err}
	}
	caps := chartutil.DefaultCapabilities.Copy()
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

	// Helm's schema step with a loader confined to the chart (schema.go).
	vals, err := chartutil.ToRenderValuesWithSchemaValidation(c.Chart, c.Values, rel, caps, true)
	if err == nil {
		vs, _ := vals["Values"].(chartutil.Values)
		err = validateValues(c.Chart, vs, nil)
	}
	if err != nil {
		return nil, &InputError{Chart: c.Arg, File: "values.schema.json", Err: err}
	}
	// pkg/action/action.go renderResources: the kubeVersion constraint.
	if c.Chart.Metadata.KubeVersion != "" && !chartutil.IsCompatibleRange(c.Chart.Metadata.KubeVersion, caps.KubeVersion.String()) {
		return nil, inputErrorf(c.Arg, "Chart.yaml", "chart requires kubeVersion: %s which is incompatible with Kubernetes %s", c.Chart.Metadata.KubeVersion, caps.KubeVersion.String())
	}
	files, err := renderFiles(c.Chart, vals, opts.RealGeneration, c.trees)
	if err != nil {
		if ie := tplDepthError(c, err); ie != nil {
			return nil, ie
		}
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
	return &Rendered{Context: ctx, Release: rel, KubeVersion: caps.KubeVersion.Version, Files: files, folders: c.folders}, nil
}

// renderFiles renders with hooklint's copy of Helm 3's engine
// (internal/render/engine): what renderResources' zero Engine does
// without a cluster (lookup returns an empty map), with tpl bounded and
// the random and clock functions seeded per chart and template
// (deterministic.go); with real, sprig's own (SprigFuncs).
func renderFiles(ch *chart.Chart, vals chartutil.Values, real bool, trees *engine.Trees) (files map[string]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, fmt.Errorf("render panicked: %v", r)
		}
	}()
	if real {
		e := engine.Engine{Funcs: SprigFuncs(), Trees: trees}
		return e.Render(ch, vals)
	}
	det := newDeterministic(chartSeed(&Chart{Chart: ch}))
	e := engine.Engine{Funcs: withFast(det.funcs()), Template: det.reseed, Trees: trees}
	return e.Render(ch, vals)
}
