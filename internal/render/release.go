package render

import (
	"bytes"
	"regexp"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
)

// releaseRef matches what a template can read of the release that differs
// between an install and an upgrade render: .Release.IsInstall, IsUpgrade,
// Revision, or the .Release object as a whole (toYaml .Release, a
// variable, a dict). Name, Namespace and Service are the same in both.
var releaseRef = regexp.MustCompile(`IsInstall|IsUpgrade|Revision|\.Release\b\s*(?:[^.\s]|$)|\.Release\s*$`)

// mentionsRelease is releaseRef.MatchString behind a substring test: every
// match contains "IsInstall", "IsUpgrade", "Revision" or ".Release", and
// most text (large CRD files) contains none of them; the regexp alone
// costs more than a render on such charts.
func mentionsRelease(s string) bool {
	if !strings.Contains(s, "IsInstall") && !strings.Contains(s, "IsUpgrade") &&
		!strings.Contains(s, "Revision") && !strings.Contains(s, ".Release") {
		return false
	}
	return releaseRef.MatchString(s)
}

func mentionsReleaseBytes(b []byte) bool {
	for _, w := range [...]string{"IsInstall", "IsUpgrade", "Revision", ".Release"} {
		if bytes.Contains(b, []byte(w)) {
			return releaseRef.Match(b)
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
		if mentionsRelease(src) {
			return false
		}
	}
	var files func(ch *chart.Chart) bool
	files = func(ch *chart.Chart) bool {
		for _, f := range ch.Files {
			if mentionsReleaseBytes(f.Data) {
				return false
			}
		}
		for _, d := range ch.Dependencies() {
			if !files(d) {
				return false
			}
		}
		return true
	}
	return files(c.Chart) && !valuesMention(c.Values) && !valuesMention(c.Chart.Values)
}

func valuesMention(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.Contains(t, "{{") && mentionsRelease(t)
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

// UpgradeRelease is the release an upgrade render of rel sees
// (pkg/action/upgrade.go prepareUpgrade: revision = last+1, IsUpgrade).
func UpgradeRelease(rel chartutil.ReleaseOptions) chartutil.ReleaseOptions {
	rel.Revision, rel.IsInstall, rel.IsUpgrade = 2, false, true
	return rel
}

// upgradeEvents are the hook events an upgrade render is needed for.
var upgradeEvents = [...]string{"pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback"}

// MayHaveUpgradeHooks guesses, before rendering, whether c has upgrade or
// rollback hooks: some template, chart file or values string names one of
// their events. lint uses the guess only to start the upgrade render
// beside the install render; a wrong guess costs time, never a finding.
func (c *Chart) MayHaveUpgradeHooks() bool {
	for _, src := range c.Sources {
		if namesUpgradeEvent(src) {
			return true
		}
	}
	var files func(ch *chart.Chart) bool
	files = func(ch *chart.Chart) bool {
		for _, f := range ch.Files {
			if namesUpgradeEvent(string(f.Data)) {
				return true
			}
		}
		for _, d := range ch.Dependencies() {
			if files(d) {
				return true
			}
		}
		return false
	}
	return files(c.Chart) || valuesName(c.Values) || valuesName(c.Chart.Values)
}

func namesUpgradeEvent(s string) bool {
	for _, e := range upgradeEvents {
		if strings.Contains(s, e) {
			return true
		}
	}
	return false
}

func valuesName(v any) bool {
	switch t := v.(type) {
	case string:
		return namesUpgradeEvent(t)
	case map[string]any:
		for _, x := range t {
			if valuesName(x) {
				return true
			}
		}
	case chartutil.Values:
		return valuesName(map[string]any(t))
	case []any:
		for _, x := range t {
			if valuesName(x) {
				return true
			}
		}
	}
	return false
}
