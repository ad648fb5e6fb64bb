package hook

import (
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/chartutil"

	"github.com/hooklint/hooklint/internal/render"
)

const sourcePrefix = "# Source: "

// ExtractStream builds the model of already-rendered manifests, such as
// `helm template` prints: documents are grouped into files by their
// "# Source:" comment (documents without one go to "stdin"), and positions
// are lines of the stream.
func ExtractStream(name, stream, releaseName, namespace string) (*Set, error) {
	return ExtractStreamHelm(name, stream, releaseName, namespace, render.HelmV3)
}

// ExtractStreamHelm is ExtractStream reading the stream as the given Helm
// ("v4" or v3) splits and sorts it.
func ExtractStreamHelm(name, stream, releaseName, namespace, helm string) (*Set, error) {
	split := splitFor(&render.Rendered{Helm: helm})
	type part struct {
		lines []string
		first int // stream line of the first line
	}
	files := map[string][]part{}
	for _, d := range split(stream) {
		path := "stdin"
		lines := strings.Split(d.Text, "\n")
		for _, l := range lines {
			if strings.HasPrefix(l, sourcePrefix) {
				path = strings.TrimSpace(strings.TrimPrefix(l, sourcePrefix))
				break
			}
			if !strings.HasPrefix(l, "#") {
				break
			}
		}
		files[path] = append(files[path], part{lines: lines, first: d.Line})
	}
	rendered := map[string]string{}
	srcs := map[string]*source{}
	for path, parts := range files {
		var text []string
		var lineMap []int
		for i, p := range parts {
			if i > 0 {
				text = append(text, "---")
				lineMap = append(lineMap, p.first-1)
			}
			for k, l := range p.lines {
				text = append(text, l)
				lineMap = append(lineMap, p.first+k)
			}
		}
		rendered[path] = strings.Join(text, "\n")
		srcs[path] = &source{file: streamFile(path), stream: lineMap}
	}
	hooks, err := sortManifests(&render.Rendered{Helm: helm, Files: rendered})
	if err != nil {
		file, _ := locateYAML(err)
		return nil, &render.InputError{Chart: name, File: file, Err: err}
	}
	if releaseName == "" {
		releaseName = "release-name"
	}
	if namespace == "" {
		namespace = "default"
	}
	set := &Set{
		Context: render.Install,
		Release: chartutil.ReleaseOptions{Name: releaseName, Namespace: namespace, Revision: 1, IsInstall: true},
	}
	paths := make([]string, 0, len(rendered))
	for p := range rendered {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var items []docItem
	for _, p := range paths {
		for i, d := range split(rendered[p]) {
			items = append(items, docItem{path: p, src: srcs[p], i: i, d: d})
		}
	}
	set.Objects = objects(items, lazyRender(items))
	set.Hooks = attach(set.Objects, hooks)
	return set, nil
}

func streamFile(path string) string {
	if path == "stdin" {
		return path
	}
	return render.ChartRelative(path)
}
