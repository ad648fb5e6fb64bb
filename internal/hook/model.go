package hook

import (
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/release"
)

// Pos is a position in a chart's template source: the chart-relative slash
// path and a 1-based line (and column, 0 when unknown). For manifests read
// from stdin it is the line in the rendered stream.
//
// A position in a template is computed when it is first needed: until
// Resolved, Line and Col are 0 and the position remembers the rendered line
// it stands for. Mapping rendered lines back to template lines is the
// costliest part of extraction, and most documents (CRDs, the release's
// own resources) never get a finding. Findings are resolved as they are
// reported (internal/lint), so everything downstream sees lines.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column,omitempty"`

	// Pending is set until the position is resolved.
	Pending *Pending `json:"-" yaml:"-"`
}

// Pending is what a position not yet resolved stands for: a line of a
// rendered file (and the key written there).
type Pending struct {
	src   *source
	rline int    // 1-based rendered line
	key   string // "" for none
}

// Resolved returns p with its template line and column computed; a
// resolved position is returned as is.
func (p Pos) Resolved() Pos {
	if p.Pending == nil {
		return p
	}
	return p.Pending.src.resolve(p.Pending.rline, p.Pending.key)
}

func (p Pos) String() string {
	p = p.Resolved()
	if p.Line == 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// ScalarKind is how a YAML scalar was written, which decides what Kubernetes
// and Helm make of it.
type ScalarKind int

// Scalar kinds, from the YAML tag of the value as written.
const (
	KindString ScalarKind = iota // a string (quoted, or plain text that is not a number/bool/null)
	KindInt                      // an unquoted integer: 5
	KindFloat                    // an unquoted float: 1.5
	KindBool                     // an unquoted boolean: true
	KindNull                     // no value, ~ or null
	KindOther                    // a mapping or a sequence
)

// Annotation is one metadata.annotations entry as written.
type Annotation struct {
	Key    string
	Value  string     // the scalar text (for a non-string, the text written)
	Kind   ScalarKind // KindString when quoted or a plain string
	Quoted bool       // written in quotes
	Quote  byte       // the quote written: '"' or '\'' (0 when not quoted)
	KeyAt  Pos
	ValAt  Pos
}

// Token is one comma-separated token of an annotation value, trimmed and
// lower-cased as Helm reads it (Text) and as written (Raw).
type Token struct {
	Raw  string
	Text string
	At   Pos
}

// Hook is a rendered document with a helm.sh/hook annotation and what Helm
// makes of it (helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go
// manifestFile.sort, calculateHookWeight, operateAnnotationValues).
type Hook struct {
	Object *Object

	// Annotation is the helm.sh/hook annotation as written.
	Annotation Annotation
	// Tokens are its comma-separated tokens, in order, duplicates kept.
	Tokens []Token
	// Events are the events Helm parsed, in order, duplicates kept
	// (test-success becomes test). Empty when the hook is Dropped.
	Events []release.HookEvent
	// Unknown are the tokens Helm does not know; any one of them makes
	// Helm drop the whole document (Dropped).
	Unknown []Token
	// Dropped: Helm skips the document entirely: it is neither a hook nor a
	// release resource, and `helm template` does not print it.
	Dropped bool

	// Weight is what Helm uses: strconv.Atoi of the raw value, 0 on error.
	Weight int
	// WeightAnnotation is helm.sh/hook-weight as written, nil when absent.
	WeightAnnotation *Annotation
	// WeightText is helm.sh/hook-weight as Helm reads it before
	// strconv.Atoi: SortManifests decodes the document into SimpleHead's
	// map[string]string with sigs.k8s.io/yaml, which turns an unquoted YAML
	// 1.1 number into its decimal text (0x10 and 1e3 are "16" and "1000",
	// 1.5 stays "1.5"). Set for hooks Helm records and for the ones it
	// drops (read as Helm would once their event is fixed).
	WeightText string

	// DeletePolicies are Helm's parse of helm.sh/hook-delete-policy: every
	// token trimmed and lower-cased, unvalidated ("" and typos kept).
	DeletePolicies   []release.HookDeletePolicy
	DeleteAnnotation *Annotation
	DeleteTokens     []Token

	OutputLogPolicies   []release.HookOutputLogPolicy
	OutputLogAnnotation *Annotation
	OutputLogTokens     []Token

	// ResourcePolicy is helm.sh/resource-policy as written, nil when absent.
	ResourcePolicy *Annotation

	// Release is Helm's own hook record from SortManifests; nil when Dropped.
	Release *release.Hook
}

// EffectiveDeletePolicies are the policies execHook applies: the default
// before-hook-creation when, and only when, the parsed list is empty
// (helm.sh/helm/v3 pkg/action/hooks.go execHook).
func (h *Hook) EffectiveDeletePolicies() []release.HookDeletePolicy {
	if len(h.DeletePolicies) == 0 {
		return []release.HookDeletePolicy{release.HookBeforeHookCreation}
	}
	return h.DeletePolicies
}

// HasDeletePolicy reports whether execHook would apply policy p.
func (h *Hook) HasDeletePolicy(p release.HookDeletePolicy) bool {
	for _, q := range h.EffectiveDeletePolicies() {
		if q == p {
			return true
		}
	}
	return false
}

// HasEvent reports whether Helm runs the hook on event e.
func (h *Hook) HasEvent(e release.HookEvent) bool {
	for _, x := range h.Events {
		if x == e {
			return true
		}
	}
	return false
}

// KnownEvent reports whether Helm knows the hook event token t (after
// trimming and lower-casing) and what it maps to.
func KnownEvent(t string) (release.HookEvent, bool) {
	e, ok := events[strings.ToLower(strings.TrimSpace(t))]
	return e, ok
}

// EventNames are the tokens Helm accepts in helm.sh/hook, sorted.
func EventNames() []string {
	return []string{
		"post-delete", "post-install", "post-rollback", "post-upgrade",
		"pre-delete", "pre-install", "pre-rollback", "pre-upgrade",
		"test", "test-success",
	}
}

// events mirrors the unexported map in helm.sh/helm/v3
// pkg/releaseutil/manifest_sorter.go; TestEventsMatchHelm checks it against
// SortManifests.
var events = map[string]release.HookEvent{ //nolint:gochecknoglobals // read-only mirror of an unexported Helm map
	release.HookPreInstall.String():   release.HookPreInstall,
	release.HookPostInstall.String():  release.HookPostInstall,
	release.HookPreDelete.String():    release.HookPreDelete,
	release.HookPostDelete.String():   release.HookPostDelete,
	release.HookPreUpgrade.String():   release.HookPreUpgrade,
	release.HookPostUpgrade.String():  release.HookPostUpgrade,
	release.HookPreRollback.String():  release.HookPreRollback,
	release.HookPostRollback.String(): release.HookPostRollback,
	release.HookTest.String():         release.HookTest,
	// Helm 3 keeps test-success as an alias of test.
	"test-success": release.HookTest,
}

// DeletePolicyNames are the delete policies execHook acts on.
func DeletePolicyNames() []string {
	return []string{
		string(release.HookBeforeHookCreation), string(release.HookFailed), string(release.HookSucceeded),
	}
}

// OutputLogPolicyNames are the output-log policies execHook acts on.
func OutputLogPolicyNames() []string {
	return []string{string(release.HookOutputOnFailed), string(release.HookOutputOnSucceeded)}
}

// Known annotation keys (helm.sh/helm/v3 pkg/release/hook.go,
// pkg/kube/resource_policy.go).
const (
	AnnotationHook           = release.HookAnnotation
	AnnotationWeight         = release.HookWeightAnnotation
	AnnotationDeletePolicy   = release.HookDeleteAnnotation
	AnnotationOutputLog      = release.HookOutputLogAnnotation
	AnnotationResourcePolicy = "helm.sh/resource-policy"
)

// HelmAnnotationKeys are all helm.sh/ annotation keys Helm reads.
func HelmAnnotationKeys() []string {
	return []string{AnnotationHook, AnnotationDeletePolicy, AnnotationOutputLog, AnnotationWeight, AnnotationResourcePolicy}
}

// IsUpgradeOrRollback reports whether e only happens on an upgrade or a
// rollback, i.e. with a release revision >= 2.
func IsUpgradeOrRollback(e release.HookEvent) bool {
	switch e {
	case release.HookPreUpgrade, release.HookPostUpgrade, release.HookPreRollback, release.HookPostRollback:
		return true
	}
	return false
}
