package render

import (
	"bytes"
	"maps"
	"path"
	"regexp"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"
)

// mentionsRelease reports whether s mentions what a template can read of
// the release that differs between an install and an upgrade render:
// .Release.IsInstall, IsUpgrade, Revision, or the .Release object as a
// whole (toYaml .Release, a variable, a dict); Name, Namespace and Service
// are the same in both: "IsInstall", "IsUpgrade" or "Revision" anywhere,
// or ".Release" not followed by a word character and, after any white
// space, by something other than a ".". It is the regexp
// IsInstall|IsUpgrade|Revision|\.Release\b\s*(?:[^.\s]|$) without the
// regexp, which costs more than a render on large texts where
// ".Release.Name" is everywhere (TestMentionsRelease, FuzzMentionsRelease).
func mentionsRelease(s string) bool {
	if strings.Contains(s, "IsInstall") || strings.Contains(s, "IsUpgrade") || strings.Contains(s, "Revision") {
		return true
	}
	const rel = ".Release"
	for i := strings.Index(s, rel); i >= 0; {
		j := i + len(rel)
		if j < len(s) && isWordByte(s[j]) {
			k := strings.Index(s[j:], rel)
			if k < 0 {
				return false
			}
			i = j + k
			continue
		}
		for j < len(s) && isRE2Space(s[j]) {
			j++
		}
		if j == len(s) || s[j] != '.' {
			return true
		}
		k := strings.Index(s[j:], rel)
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// readsRelease is mentionsRelease over the actions of template text s (a
// template, a values string or a file that tpl renders): only an action
// can read the release, and a CRD's description ("Revisions will be
// removed...") is literal text. An action runs from "{{" to the next "}}"
// outside a string, raw string or rune literal; a quote that never closes
// makes the rest of s one action, which can only find more.
func readsRelease(s string) bool {
	if !mentionsRelease(s) {
		return false
	}
	for i := 0; i < len(s); {
		a := strings.Index(s[i:], "{{")
		if a < 0 {
			return false
		}
		start := i + a
		j := start + 2
		for j < len(s) && (s[j] != '}' || j+1 == len(s) || s[j+1] != '}') {
			if q := s[j]; q == '"' || q == '`' || q == '\'' {
				j++
				for j < len(s) && s[j] != q {
					if q != '`' && s[j] == '\\' {
						j++
					}
					j++
				}
			}
			j++
		}
		end := min(j+2, len(s))
		if mentionsRelease(s[start:end]) {
			return true
		}
		i = end
	}
	return false
}

func readsReleaseBytes(b []byte) bool {
	for _, w := range [...]string{"IsInstall", "IsUpgrade", "Revision", ".Release"} {
		if bytes.Contains(b, []byte(w)) {
			return readsRelease(string(b))
		}
	}
	return false
}

// SameForUpgrade reports whether an upgrade render of c (revision 2,
// IsUpgrade) can only differ from its install render in the release
// fields: no template, helper, chart file or values string (tpl may render
// those) mentions IsInstall, IsUpgrade, Revision or the whole .Release.
// Then lint need not render the chart a second time. The check is
// conservative: a false "no" costs a render, never a finding.
func (c *Chart) SameForUpgrade() bool {
	for _, src := range c.Sources {
		if readsRelease(src) {
			return false
		}
	}
	return !c.valuesOrFilesReadRelease()
}

// valuesOrFilesReadRelease reports whether a values string (the given
// values, or the defaults of the chart or a subchart) or a chart file, text
// that tpl may render, reads the release fields an upgrade changes.
func (c *Chart) valuesOrFilesReadRelease() bool {
	if valuesMention(c.Values) {
		return true
	}
	var walk func(ch *chart.Chart) bool
	walk = func(ch *chart.Chart) bool {
		if valuesMention(ch.Values) {
			return true
		}
		for _, f := range ch.Files {
			if readsReleaseBytes(f.Data) {
				return true
			}
		}
		for _, d := range ch.Dependencies() {
			if walk(d) {
				return true
			}
		}
		return false
	}
	return walk(c.Chart)
}

func valuesMention(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.Contains(t, "{{") && readsRelease(t)
	case map[string]any:
		for _, x := range t {
			if valuesMention(x) {
				return true
			}
		}
	case chartutil.Values:
		return valuesMention(map[string]any(t))
	case []any:
		for _, x := range t {
			if valuesMention(x) {
				return true
			}
		}
	}
	return false
}

// ReleaseTemplates returns the templates (Helm paths; helpers, files named
// _*, left out) whose own source mentions what an upgrade render changes:
// .Release.IsInstall, IsUpgrade, Revision or the whole .Release. Their
// documents can differ between an install and an upgrade render, or be in
// only one of them (`{{ if .Release.IsUpgrade }}`). A template that reads
// these only through a helper it includes is not among them.
func (c *Chart) ReleaseTemplates() map[string]bool {
	out := map[string]bool{}
	for p, src := range c.Sources {
		// NOTES.txt is rendered but is no manifest (helm.sh/helm/v3@v3.22.0
		// pkg/action/action.go renderResources sets notes files apart)
		if !strings.HasPrefix(path.Base(p), "_") && !strings.HasSuffix(p, "NOTES.txt") && readsRelease(src) {
			out[p] = true
		}
	}
	return out
}

// UpgradeRelease is the release an upgrade render of rel sees
// (pkg/action/upgrade.go prepareUpgrade: revision = last+1, IsUpgrade).
func UpgradeRelease(rel chartutil.ReleaseOptions) chartutil.ReleaseOptions {
	rel.Revision, rel.IsInstall, rel.IsUpgrade = 2, false, true
	return rel
}

// ForHooks returns c for a render that only the hooks will be read from:
// its templates are the helpers (files named _*), the templates that
// produced a hook in another render (hookFiles, Helm paths), and every
// template whose source writes a helm.sh/hook annotation or defines a
// named template, and the templates these include by file name. The
// other templates are not executed.
//
// lint reads only hooks from the upgrade render, and the templates it
// leaves out are the costly ones on charts that generate keys and
// certificates for their Secrets. A Go template's output depends only on
// its own source, the named templates it calls and the values, so the
// hooks render as in a full render; TestForHooksRendersTheSameHooks checks
// it on every corpus chart and fixture. (A chart that changes .Values from
// one template for another to read, with set or merge, would defeat that;
// none does in the corpus.)
func (c *Chart) ForHooks(hookFiles map[string]bool) *Chart {
	kept := map[string]bool{}
	for p, src := range c.Sources {
		if hookFiles[p] || inEveryPart(p, src) {
			kept[p] = true
		}
	}
	// A template can include another file by its path, as the checksum
	// idiom does (include (print $.Template.BasePath "/config.yaml") .):
	// keep every template whose file name a kept template mentions, until
	// nothing is added. Only sources that name a template path
	// (.Template.BasePath, or "templates/" spelled out) can include a file.
	includesFiles := func(src string) bool {
		return strings.Contains(src, "BasePath") || strings.Contains(src, "templates/")
	}
	var refs []string
	for k := range kept {
		if includesFiles(c.Sources[k]) {
			refs = append(refs, c.Sources[k])
		}
	}
	for added := len(refs) > 0; added; {
		added = false
		for p, src := range c.Sources {
			if kept[p] {
				continue
			}
			base := path.Base(p)
			for _, r := range refs {
				if strings.Contains(r, base) {
					kept[p], added = true, true
					if includesFiles(src) {
						refs = append(refs, src)
					}
					break
				}
			}
		}
	}
	cp := *c
	cp.executes = kept
	cp.Chart = forHooks3(c.Chart, kept)
	if c.v4 != nil {
		cp.v4 = forHooks4(c.v4, kept)
	}
	return &cp
}

func forHooks3(ch *chart.Chart, kept map[string]bool) *chart.Chart {
	cp := *ch
	prefix := ch.ChartFullPath() + "/"
	cp.Templates = nil
	for _, t := range ch.Templates {
		if kept[prefix+t.Name] {
			cp.Templates = append(cp.Templates, t)
		}
	}
	deps := make([]*chart.Chart, 0, len(ch.Dependencies()))
	for _, d := range ch.Dependencies() {
		deps = append(deps, forHooks3(d, kept))
	}
	cp.SetDependencies(deps...)
	return &cp
}

func forHooks4(ch *chart4.Chart, kept map[string]bool) *chart4.Chart {
	cp := *ch
	prefix := ch.ChartFullPath() + "/"
	cp.Templates = nil
	for _, t := range ch.Templates {
		if kept[prefix+t.Name] {
			cp.Templates = append(cp.Templates, t)
		}
	}
	deps := make([]*chart4.Chart, 0, len(ch.Dependencies()))
	for _, d := range ch.Dependencies() {
		deps = append(deps, forHooks4(d, kept))
	}
	cp.SetDependencies(deps...)
	return &cp
}

// SameTemplates reports whether renders of c and d, two ForHooks parts of
// one chart, execute the same templates: they render the same.
func (c *Chart) SameTemplates(d *Chart) bool {
	return c.executes != nil && d.executes != nil && maps.Equal(c.executes, d.executes)
}

// MayNeedUpgradeRender reports whether a template of c mentions an
// upgrade or rollback hook event or a Job: only then may lint want an
// upgrade render, and start it before the install render has told.
// A wrong answer costs a render on an idle CPU, or the time saved.
func (c *Chart) MayNeedUpgradeRender() bool {
	for p, src := range c.Sources {
		if strings.HasPrefix(path.Base(p), "_") {
			continue
		}
		if strings.Contains(src, "upgrade") || strings.Contains(src, "rollback") || strings.Contains(src, "Job") {
			return true
		}
	}
	return false
}

// Executes reports whether a render of c executes the template at the Helm
// path (false only for the templates ForHooks left out).
func (c *Chart) Executes(path string) bool {
	return c.executes == nil || c.executes[path]
}

// defineAction matches the start of a {{ define }} action.
var defineAction = regexp.MustCompile(`\{\{-?\s*define\b`)

// inEveryPart reports whether ForHooks keeps the template p whatever the
// hooks: a helper (a file named _*), or a template whose source writes a
// helm.sh/hook annotation or defines a named template.
func inEveryPart(p, src string) bool {
	return strings.HasPrefix(path.Base(p), "_") || strings.Contains(src, "helm.sh/hook") || definesTemplate(src)
}

// definesTemplate reports whether src defines a named template (a word
// "defined" in a comment does not count).
func definesTemplate(src string) bool {
	return strings.Contains(src, "define") && defineAction.MatchString(src)
}
