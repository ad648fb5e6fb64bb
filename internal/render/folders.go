package render

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/ignore"
	common4 "helm.sh/helm/v4/pkg/chart/common"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"
	sigsyaml "sigs.k8s.io/yaml"
)

// Folders say where on disk each subchart of a chart directory was loaded
// from. Helm names a subchart's templates by the chart's name
// (chart.ChartFullPath: app/charts/realname/templates/t.yaml) whatever the
// folder or archive holding it is called; a position must name the file on
// disk (charts/vendored-1.0/templates/t.yaml), and a file inside an archive
// must be recognisable as such.
type Folders struct {
	// at maps a subchart's chart-relative Helm path (charts/realname,
	// charts/a/charts/b) to where it was loaded from (charts/vendored-1.0,
	// charts/sub-0.1.0.tgz); archives marks the ones loaded from an archive.
	at       map[string]string
	archives map[string]bool
	// twice are Helm paths two folders or archives claim: which one a
	// template came from is not known, so its files keep Helm's path.
	twice map[string]bool
}

// subchartFolders reads the subcharts of the chart directory dir the way
// helm.sh/helm/v3@v3.22.0 pkg/chart/loader/directory.go LoadDir walks it
// (.helmignore plus the default rules, symbolic links followed) and
// pkg/chart/loader/load.go LoadFiles groups it: every entry of charts/ not
// starting with _ or . is a subchart, an archive when it ends in .tgz, and
// a folder's subchart is named by its Chart.yaml. An archive is a leaf:
// what it holds keeps Helm's path under the archive's name.
func subchartFolders(dir string) Folders {
	f := Folders{at: map[string]string{}, archives: map[string]bool{}, twice: map[string]bool{}}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return f
	}
	rules := ignore.Empty()
	if r, err := ignore.ParseFile(filepath.Join(dir, ignore.HelmIgnore)); err == nil {
		rules = r
	}
	rules.AddDefaults()
	claim := func(helm, disk string, archive bool) bool {
		if _, ok := f.at[helm]; ok {
			f.twice[helm] = true
			return false
		}
		f.at[helm], f.archives[helm] = disk, archive
		return true
	}
	var walk func(disk, helm string, depth int)
	walk = func(disk, helm string, depth int) {
		if depth > 32 {
			return // a symbolic link loop; the loader reports it
		}
		charts := path.Join(disk, "charts")
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(charts)))
		if err != nil {
			return
		}
		for _, e := range entries {
			n := e.Name()
			if strings.IndexAny(n, "_.") == 0 {
				continue // LoadFiles skips these
			}
			p := path.Join(charts, n)
			fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))) // sympath.Walk follows links
			if err != nil || rules.Ignore(p, fi) {
				continue
			}
			switch {
			case fi.IsDir():
				name := folderChartName(filepath.Join(dir, filepath.FromSlash(p), "Chart.yaml"))
				if name == "" {
					continue
				}
				sub := path.Join(helm, "charts", name)
				if claim(sub, p, false) {
					walk(p, sub, depth+1)
				}
			case filepath.Ext(n) == ".tgz":
				if name := archiveChartName(filepath.Join(dir, filepath.FromSlash(p))); name != "" {
					claim(path.Join(helm, "charts", name), p, true)
				}
			}
		}
	}
	walk("", "", 0)
	return f
}

// folderChartName is the name in a subchart folder's Chart.yaml (LoadFiles
// reads it with sigs.k8s.io/yaml after trimming a byte order mark).
func folderChartName(file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	return chartName(b)
}

func chartName(b []byte) string {
	var md chart.Metadata
	if err := sigsyaml.Unmarshal(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), &md); err != nil {
		return ""
	}
	return md.Name
}

// archiveChartName is the name in an archive's <top>/Chart.yaml
// (pkg/chart/loader/archive.go LoadArchiveFiles drops the first path
// element of every entry).
func archiveChartName(file string) string {
	fh, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return ""
	}
	tr := tar.NewReader(zr)
	for {
		hd, err := tr.Next()
		if err != nil {
			return ""
		}
		parts := strings.Split(strings.ReplaceAll(hd.Name, "\\", "/"), "/")
		if len(parts) == 2 && parts[1] == "Chart.yaml" && hd.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(io.LimitReader(tr, 1<<20))
			if err != nil {
				return ""
			}
			return chartName(b)
		}
	}
}

// subchart returns the longest Helm path of a subchart that rel (a
// chart-relative Helm path) lies in, or "".
func (f Folders) subchart(rel string) string {
	best := ""
	for k := range f.at {
		if len(k) > len(best) && strings.HasPrefix(rel, k+"/") {
			best = k
		}
	}
	for k := range f.twice {
		if len(k) > len(best) && strings.HasPrefix(rel, k+"/") {
			return ""
		}
	}
	return best
}

// File maps a chart-relative Helm path (templates/x.yaml,
// charts/realname/templates/t.yaml) to the file on disk it was read from
// (charts/vendored-1.0/templates/t.yaml), or, for a file inside an archive,
// to the archive's name followed by the path inside the chart it holds
// (charts/sub-0.1.0.tgz/templates/w.yaml).
func (f Folders) File(rel string) string {
	k := f.subchart(rel)
	if k == "" {
		return rel
	}
	return f.at[k] + rel[len(k):]
}

// fromDisk reports whether rel was read from a file of the chart directory
// (not from inside an archive, and not from one of two subcharts of the
// same name).
func (f Folders) fromDisk(rel string) bool {
	for k := range f.twice {
		if strings.HasPrefix(rel, k+"/") {
			return false
		}
	}
	for k := range f.archives {
		if f.archives[k] && strings.HasPrefix(rel, k+"/") {
			return false
		}
	}
	return true
}

// File is the file of the chart a Helm path (mychart/templates/x.yaml)
// names, relative to the chart: the folder a subchart was loaded from
// replaces its chart name (see Folders.File). Positions use it.
func (c *Chart) File(helmPath string) string { return c.folders.File(chartRelative(helmPath)) }

// File is Chart.File for the chart r is a render of.
func (r *Rendered) File(helmPath string) string { return r.folders.File(chartRelative(helmPath)) }

// TemplateFiles maps every template Helm read from a file of the chart
// directory (chart-relative, slash-separated) to its Helm path. Templates
// of a packaged chart or from inside a subchart archive are not files of
// the directory and are left out.
func (c *Chart) TemplateFiles() map[string]string {
	out := map[string]string{}
	if st, err := os.Stat(c.Arg); err != nil || !st.IsDir() {
		return out
	}
	for p := range c.Sources {
		if rel := chartRelative(p); c.folders.fromDisk(rel) {
			out[c.folders.File(rel)] = p
		}
	}
	return out
}

// WithTemplates returns a copy of c whose templates at the given Helm
// paths have the given text, as if loaded after the files were changed on
// disk; a path that is no template of c is ignored.
func (c *Chart) WithTemplates(text map[string]string) *Chart {
	cp := *c
	cp.Chart = withTemplates3(c.Chart, text)
	if c.v4 != nil {
		cp.v4 = withTemplates4(c.v4, text)
	}
	cp.Sources = sources(cp.Chart)
	return &cp
}

func withTemplates3(ch *chart.Chart, text map[string]string) *chart.Chart {
	cp := *ch
	prefix := ch.ChartFullPath() + "/"
	cp.Templates = make([]*chart.File, len(ch.Templates))
	for i, t := range ch.Templates {
		cp.Templates[i] = t
		if s, ok := text[prefix+t.Name]; ok {
			cp.Templates[i] = &chart.File{Name: t.Name, Data: []byte(s)}
		}
	}
	deps := make([]*chart.Chart, 0, len(ch.Dependencies()))
	for _, d := range ch.Dependencies() {
		deps = append(deps, withTemplates3(d, text))
	}
	cp.SetDependencies(deps...)
	return &cp
}

func withTemplates4(ch *chart4.Chart, text map[string]string) *chart4.Chart {
	cp := *ch
	prefix := ch.ChartFullPath() + "/"
	cp.Templates = make([]*common4.File, len(ch.Templates))
	for i, t := range ch.Templates {
		cp.Templates[i] = t
		if s, ok := text[prefix+t.Name]; ok {
			nt := *t
			nt.Data = []byte(s)
			cp.Templates[i] = &nt
		}
	}
	deps := make([]*chart4.Chart, 0, len(ch.Dependencies()))
	for _, d := range ch.Dependencies() {
		deps = append(deps, withTemplates4(d, text))
	}
	cp.SetDependencies(deps...)
	return &cp
}
