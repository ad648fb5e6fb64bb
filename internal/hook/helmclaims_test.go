package hook

// These tests pin the Helm behaviour that the annotation rules (HL1001 to
// HL1013) describe in their documentation, by calling Helm itself:
// releaseutil.SortManifests for parsing, cli-runtime's resource.Builder
// (the decoder helm.sh/helm/v3 pkg/kube Client.Build uses) for building,
// and action.Install/Upgrade/Uninstall against a recording fake cluster for
// execHook. A rule's doc names the test that backs each claim;
// TestRuleDocsCiteHelmClaims checks that those tests exist.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/cli-runtime/pkg/resource"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/kube"
	kubefake "helm.sh/helm/v3/pkg/kube/fake"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/releaseutil"
	"helm.sh/helm/v3/pkg/storage"
	"helm.sh/helm/v3/pkg/storage/driver"

	"github.com/hooklint/hooklint/internal/render"
)

// sorted is what SortManifests made of one document.
type sorted struct {
	Hook      bool     // in the hooks
	Generic   bool     // in the generic manifests (a release resource)
	Kind      string   // Helm's Kind for it
	Events    []string // hook events, duplicates kept
	Weight    int
	Delete    []string // DeletePolicies as parsed (no default)
	OutputLog []string
}

// dropped is neither a hook nor a release resource.
var dropped = sorted{}

// helmSort runs releaseutil.SortManifests on one file and returns what
// became of each document, and what Helm logged.
func helmSort(t *testing.T, content string) ([]sorted, string) {
	t.Helper()
	var logs bytes.Buffer
	logMu.Lock()
	prevOut, prevFlags := log.Writer(), log.Flags()
	log.SetOutput(&logs)
	log.SetFlags(0)
	hooks, generic, err := releaseutil.SortManifests(map[string]string{"c/templates/x.yaml": content}, nil, releaseutil.InstallOrder)
	log.SetOutput(prevOut)
	log.SetFlags(prevFlags)
	logMu.Unlock()
	if err != nil {
		t.Fatalf("SortManifests: %v", err)
	}
	var out []sorted
	for _, h := range hooks {
		s := sorted{Hook: true, Kind: h.Kind, Weight: h.Weight, Events: []string{}, Delete: []string{}, OutputLog: []string{}}
		for _, e := range h.Events {
			s.Events = append(s.Events, e.String())
		}
		for _, p := range h.DeletePolicies {
			s.Delete = append(s.Delete, string(p))
		}
		for _, p := range h.OutputLogPolicies {
			s.OutputLog = append(s.OutputLog, string(p))
		}
		out = append(out, s)
	}
	for _, m := range generic {
		out = append(out, sorted{Generic: true, Kind: m.Head.Kind})
	}
	return out, logs.String()
}

var logMu sync.Mutex

// one returns what became of a single-document file (dropped when Helm
// kept nothing).
func one(t *testing.T, content string) (sorted, string) {
	t.Helper()
	got, logs := helmSort(t, content)
	switch len(got) {
	case 0:
		return dropped, logs
	case 1:
		return got[0], logs
	}
	t.Fatalf("SortManifests returned %d documents for one", len(got))
	return dropped, logs
}

func cm(annotations string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n" + annotations
}

func hookWith(events []string, weight int) sorted {
	return sorted{Hook: true, Kind: "ConfigMap", Events: events, Weight: weight, Delete: []string{}, OutputLog: []string{}}
}

// TestHelmDropsUnknownEvents: any unknown helm.sh/hook token makes
// SortManifests skip the whole document, valid tokens included, with only an
// info line (HL1001, HL1002).
func TestHelmDropsUnknownEvents(t *testing.T) {
	tests := []struct {
		name, value string
	}{
		{"typo", `pre-instal`},
		{"typo with a valid token", `pre-instal,post-install`},
		{"crd-install", `crd-install`},
		{"test-failure", `test-failure`},
		{"crd-install with a valid token", `pre-install,crd-install`},
		{"empty value", `""`},
		{"trailing comma", `"pre-install,"`},
		{"empty token inside", `"pre-install,,post-install"`},
		{"underscore", `pre_install`},
		{"uninstall verb", `pre-uninstall`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, logs := one(t, cm("    helm.sh/hook: "+tt.value+"\n"))
			if diff := cmp.Diff(dropped, got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
			if !strings.Contains(logs, "info: skipping unknown hook: ") {
				t.Errorf("log = %q, want the skipping unknown hook line", logs)
			}
		})
	}
}

// TestHelmEventTokens: tokens are trimmed and lower-cased, test-success is
// read as test, and duplicates are kept (HL1003, HL1008).
func TestHelmEventTokens(t *testing.T) {
	tests := []struct {
		name, value string
		want        []string
	}{
		{"test-success is test", `test-success`, []string{"test"}},
		{"case and spaces", `" Pre-Install , POST-UPGRADE "`, []string{"pre-install", "post-upgrade"}},
		{"duplicate kept", `pre-install,pre-install`, []string{"pre-install", "pre-install"}},
		{"test and test-success are the same event twice", `test,test-success`, []string{"test", "test"}},
		{"all events", `pre-install,post-install,pre-delete,post-delete,pre-upgrade,post-upgrade,pre-rollback,post-rollback,test`,
			[]string{"pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback", "test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := one(t, cm("    helm.sh/hook: "+tt.value+"\n"))
			if diff := cmp.Diff(hookWith(tt.want, 0), got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHelmWeight: calculateHookWeight is strconv.Atoi of the raw value, 0
// on any error; an unquoted number is coerced to a string first (HL1004,
// HL1005).
func TestHelmWeight(t *testing.T) {
	tests := []struct {
		value string // as written in YAML
		want  int
	}{
		{`"5"`, 5},
		{`"-5"`, -5},
		{`"+7"`, 7},
		{`"007"`, 7},
		{`" 3"`, 0},
		{`"3 "`, 0},
		{`"1.5"`, 0},
		{`"0x10"`, 0},
		{`"1e3"`, 0},
		{`""`, 0},
		{`"abc"`, 0},
		{`"99999999999999999999"`, 0},
		{`5`, 5},     // unquoted: sorted as 5 (building fails later, TestBuildRejectsNonStringAnnotations)
		{`-5`, -5},   // unquoted
		{`1.5`, 0},   // unquoted float
		{`true`, 0},  // unquoted bool
		{`null`, 0},  // null is ""
		{`0x10`, 16}, // unquoted YAML 1.1 hex: sigs.k8s.io/yaml reads 16
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			got, _ := one(t, cm("    helm.sh/hook: pre-install\n    helm.sh/hook-weight: "+tt.value+"\n"))
			if diff := cmp.Diff(hookWith([]string{"pre-install"}, tt.want), got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHelmPolicies: delete and output-log policy tokens are trimmed,
// lower-cased and kept unvalidated; "" gives [""] (HL1006, HL1007, HL1008).
func TestHelmPolicies(t *testing.T) {
	tests := []struct {
		name, annotations string
		del, out          []string
	}{
		{"absent: empty, the default comes later in execHook", "", []string{}, []string{}},
		{"typo kept", "    helm.sh/hook-delete-policy: hook-succeded\n", []string{"hook-succeded"}, []string{}},
		{"empty value is one empty policy", "    helm.sh/hook-delete-policy: \"\"\n", []string{""}, []string{}},
		{"empty token kept", "    helm.sh/hook-delete-policy: \"hook-succeeded,,hook-failed\"\n", []string{"hook-succeeded", "", "hook-failed"}, []string{}},
		{"case and spaces", "    helm.sh/hook-delete-policy: \" Hook-Succeeded , BEFORE-hook-creation\"\n", []string{"hook-succeeded", "before-hook-creation"}, []string{}},
		{"duplicate kept", "    helm.sh/hook-delete-policy: hook-succeeded,hook-succeeded\n", []string{"hook-succeeded", "hook-succeeded"}, []string{}},
		{"unknown output-log policy kept", "    helm.sh/hook-output-log-policy: always\n", []string{}, []string{"always"}},
		{"output-log policies", "    helm.sh/hook-output-log-policy: hook-failed, Hook-Succeeded\n", []string{}, []string{"hook-failed", "hook-succeeded"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := one(t, cm("    helm.sh/hook: pre-install\n"+tt.annotations))
			want := hookWith([]string{"pre-install"}, 0)
			want.Delete, want.OutputLog = tt.del, tt.out
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHelmReadsOnlyExactTopLevelKeys: annotation keys are matched exactly
// and only in the top-level metadata.annotations; anything else leaves the
// document a plain release resource, and a misspelled weight key leaves the
// weight at 0 (HL1009, HL1010, HL1011).
func TestHelmReadsOnlyExactTopLevelKeys(t *testing.T) {
	job := func(meta, podMeta string) string {
		return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n" + meta +
			"spec:\n  template:\n    metadata:\n" + podMeta + "    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n"
	}
	generic := func(kind string) []sorted { return []sorted{{Generic: true, Kind: kind}} }
	hookJob := func(weight int, del []string) []sorted {
		return []sorted{{Hook: true, Kind: "Job", Events: []string{"pre-install"}, Weight: weight, Delete: del, OutputLog: []string{}}}
	}
	tests := []struct {
		name, doc string
		want      []sorted
	}{
		{"capitalised key", cm("    Helm.sh/hook: pre-install\n"), generic("ConfigMap")},
		{"plural key", cm("    helm.sh/hooks: pre-install\n"), generic("ConfigMap")},
		{"dot instead of slash", cm("    helm.sh.hook: pre-install\n"), generic("ConfigMap")},
		{"weight without hook", cm("    helm.sh/hook-weight: \"-5\"\n"), generic("ConfigMap")},
		{"delete policy without hook", cm("    helm.sh/hook-delete-policy: hook-succeeded\n"), generic("ConfigMap")},
		{"misspelled weight key", cm("    helm.sh/hook: pre-install\n    helm.sh/weight: \"5\"\n"),
			[]sorted{hookWith([]string{"pre-install"}, 0)}},
		{"misspelled delete policy key", cm("    helm.sh/hook: pre-install\n    helm.sh/hook-delete-policies: hook-succeeded\n"),
			[]sorted{hookWith([]string{"pre-install"}, 0)}},
		{"pod template annotations", job("", "      annotations:\n        helm.sh/hook: pre-install\n"), generic("Job")},
		{"labels", cm("    a: b\n  labels:\n    helm.sh/hook: pre-install\n"), generic("ConfigMap")},
		{"top level wins, pod template ignored",
			job("  annotations:\n    helm.sh/hook: pre-install\n", "      annotations:\n        helm.sh/hook-weight: \"5\"\n        helm.sh/hook-delete-policy: hook-succeeded\n"),
			hookJob(0, []string{})},
		{"list item annotations", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: x\n    annotations:\n      helm.sh/hook: pre-install\n",
			generic("List")},
		{"ConfigMapList item annotations", "apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: x\n    annotations:\n      helm.sh/hook: pre-install\n",
			generic("ConfigMapList")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := helmSort(t, tt.doc)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHelmDuplicateAnnotationKeyLastWins: of an annotation key written
// twice, SortManifests reads the last value (sigs.k8s.io/yaml decodes with
// go.yaml.in/yaml/v2 in non-strict mode, which overwrites a repeated map
// key), and Extract reads the same for Helm 3 and Helm 4 (HL1015).
func TestHelmDuplicateAnnotationKeyLastWins(t *testing.T) {
	tests := []struct {
		name, annotations string
		want              []sorted
	}{
		{"events", "    helm.sh/hook: pre-install\n    helm.sh/hook: pre-upgrade\n",
			[]sorted{hookWith([]string{"pre-upgrade"}, 0)}},
		{"unknown event first, kept", "    helm.sh/hook: pre-instal\n    helm.sh/hook: post-install\n",
			[]sorted{hookWith([]string{"post-install"}, 0)}},
		{"unknown event last, dropped", "    helm.sh/hook: post-install\n    helm.sh/hook: pre-instal\n", nil},
		{"weight", "    helm.sh/hook: pre-install\n    helm.sh/hook-weight: \"-5\"\n    helm.sh/hook-weight: \"3\"\n",
			[]sorted{hookWith([]string{"pre-install"}, 3)}},
		{"delete policy replaced, not added", "    helm.sh/hook: pre-install\n    helm.sh/hook-delete-policy: before-hook-creation\n    helm.sh/hook-delete-policy: hook-succeeded\n",
			[]sorted{func() sorted {
				s := hookWith([]string{"pre-install"}, 0)
				s.Delete = []string{"hook-succeeded"}
				return s
			}()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := cm(tt.annotations)
			got, _ := helmSort(t, doc)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SortManifests (-want +got):\n%s", diff)
			}
			const p = "c/templates/x.yaml"
			for _, helm := range []string{render.HelmV3, render.HelmV4} {
				r := &render.Rendered{
					Context: render.Install, Helm: helm,
					Release: chartutil.ReleaseOptions{Name: "r", Namespace: "default", Revision: 1, IsInstall: true},
					Files:   map[string]string{p: doc},
				}
				set, err := Extract("c", r, map[string]string{p: doc})
				if err != nil {
					t.Fatalf("%s: Extract: %v", helm, err)
				}
				var ours []sorted
				for _, h := range set.Hooks {
					if h.Dropped {
						continue
					}
					s := sorted{Hook: true, Kind: h.Object.Kind, Weight: h.Weight, Events: []string{}, Delete: []string{}, OutputLog: []string{}}
					for _, e := range h.Events {
						s.Events = append(s.Events, e.String())
					}
					for _, d := range h.DeletePolicies {
						s.Delete = append(s.Delete, string(d))
					}
					ours = append(ours, s)
				}
				if diff := cmp.Diff(tt.want, ours); diff != "" {
					t.Errorf("%s: Extract (-helm +ours):\n%s", helm, diff)
				}
			}
		})
	}
}

// TestEventsMatchHelm: KnownEvent and EventNames agree with SortManifests
// for every token Helm knows and for the ones it does not.
func TestEventsMatchHelm(t *testing.T) {
	tokens := []string{
		"crd-install", "test-failure", "", " ", "pre_install", "pre-instal", "preinstall", "pre-uninstall",
		"post-uninstall", "PRE-INSTALL", " Test ", "Test-Success", "test-success ", "install", "upgrade",
		"delete", "rollback", "tests", "pre-install\t",
	}
	tokens = append(tokens, EventNames()...)
	for k := range events {
		tokens = append(tokens, k, strings.ToUpper(k))
	}
	for _, e := range []release.HookEvent{
		release.HookPreInstall, release.HookPostInstall, release.HookPreDelete, release.HookPostDelete,
		release.HookPreUpgrade, release.HookPostUpgrade, release.HookPreRollback, release.HookPostRollback,
		release.HookTest,
	} {
		tokens = append(tokens, e.String())
	}
	for _, tok := range tokens {
		got, _ := one(t, cm(fmt.Sprintf("    helm.sh/hook: %q\n", tok)))
		var helmEvent string
		helmKnows := got.Hook
		if helmKnows {
			helmEvent = got.Events[0]
		}
		e, ok := KnownEvent(tok)
		if ok != helmKnows || (ok && e.String() != helmEvent) {
			t.Errorf("KnownEvent(%q) = %q, %v; Helm reads %q, %v", tok, e, ok, helmEvent, helmKnows)
		}
	}
	// EventNames is exactly the set of keys of events, sorted.
	var keys []string
	for k := range events {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if diff := cmp.Diff(keys, EventNames()); diff != "" {
		t.Errorf("EventNames (-events keys +EventNames):\n%s", diff)
	}
}

// TestBuildRejectsNonStringAnnotations: Helm sorts an unquoted number or
// boolean annotation value without complaint, but the builder Helm uses to
// turn a manifest into API objects (pkg/kube Client.Build: cli-runtime
// resource.Builder, Unstructured) fails on it with the error recorded from
// real Helm; null is read as "" (HL1004).
func TestBuildRejectsNonStringAnnotations(t *testing.T) {
	tests := []struct {
		value   string
		wantErr string // "" = builds
	}{
		{`5`, `unable to decode "": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string`},
		{`-5`, `unable to decode "": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string`},
		{`1.5`, `unable to decode "": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string`},
		{`true`, `unable to decode "": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string`},
		{`null`, ``},
		{``, ``},
		{`"5"`, ``},
		{`"true"`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			doc := cm("    helm.sh/hook: pre-install\n    helm.sh/hook-weight: " + tt.value + "\n")
			if got, _ := one(t, doc); !got.Hook {
				t.Fatalf("SortManifests did not read a hook: %+v", got)
			}
			_, err := resource.NewLocalBuilder().Unstructured().Stream(strings.NewReader(doc), "").Flatten().Do().Infos()
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.wantErr {
				t.Errorf("Build error = %q, want %q", gotErr, tt.wantErr)
			}
		})
	}
}

// --- execHook against a recording fake cluster ---

// cluster is a fake kube.Interface: objects by kind/namespace/name, Create
// fails with AlreadyExists like the API server, every call is recorded.
// Hooks are ready as soon as they are created.
type cluster struct {
	kubefake.PrintingKubeClient
	objects map[string]string // id -> the "doc" label of the object that holds it
	calls   []string
}

func newCluster() *cluster {
	return &cluster{PrintingKubeClient: kubefake.PrintingKubeClient{Out: io.Discard}, objects: map[string]string{}}
}

func infoID(i *resource.Info) (id, doc string) {
	gvk := i.Object.GetObjectKind().GroupVersionKind()
	ns := i.Namespace
	if ns == "" {
		ns = "default"
	}
	doc = ""
	if acc, ok := i.Object.(interface{ GetLabels() map[string]string }); ok {
		doc = acc.GetLabels()["doc"]
	}
	return gvk.Kind + "/" + ns + "/" + i.Name, doc
}

func (c *cluster) Build(r io.Reader, _ bool) (kube.ResourceList, error) {
	return resource.NewLocalBuilder().Unstructured().Stream(r, "").Flatten().Do().Infos()
}

func (c *cluster) Create(rs kube.ResourceList) (*kube.Result, error) {
	for _, i := range rs {
		id, doc := infoID(i)
		if _, ok := c.objects[id]; ok {
			c.calls = append(c.calls, "create "+id+" ("+doc+"): already exists")
			gvk := i.Object.GetObjectKind().GroupVersionKind()
			return nil, apierrors.NewAlreadyExists(schema.GroupResource{Group: gvk.Group, Resource: strings.ToLower(gvk.Kind) + "s"}, i.Name)
		}
		c.objects[id] = doc
		c.calls = append(c.calls, "create "+id+" ("+doc+")")
	}
	return &kube.Result{Created: rs}, nil
}

func (c *cluster) Delete(rs kube.ResourceList) (*kube.Result, []error) {
	for _, i := range rs {
		id, doc := infoID(i)
		held, ok := c.objects[id]
		switch {
		case !ok:
			c.calls = append(c.calls, "delete "+id+" ("+doc+"): not found")
		case held != doc:
			c.calls = append(c.calls, "delete "+id+" ("+doc+"): deletes "+held)
		default:
			c.calls = append(c.calls, "delete "+id+" ("+doc+")")
		}
		delete(c.objects, id)
	}
	return &kube.Result{Deleted: rs}, nil
}

func (c *cluster) left() []string {
	var out []string
	for id, doc := range c.objects {
		out = append(out, id+" ("+doc+")")
	}
	sort.Strings(out)
	return out
}

var _ kube.InterfaceExt = (*cluster)(nil)

func fakeConfig(c *cluster) *action.Configuration {
	return &action.Configuration{
		Releases:     storage.Init(driver.NewMemory()),
		KubeClient:   c,
		Capabilities: chartutil.DefaultCapabilities,
		Log:          func(string, ...interface{}) {},
	}
}

func testChart(templates ...string) *chart.Chart {
	ch := &chart.Chart{Metadata: &chart.Metadata{APIVersion: "v2", Name: "c", Version: "0.1.0"}}
	for i, tpl := range templates {
		ch.Templates = append(ch.Templates, &chart.File{Name: fmt.Sprintf("templates/t%d.yaml", i), Data: []byte(tpl)})
	}
	return ch
}

// hookDoc is a ConfigMap hook named name, labelled doc=which.
func hookDoc(kind, name, which, annotations string) string {
	return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n  labels:\n    doc: " + which +
		"\n  annotations:\n" + annotations
}

type lifecycle struct {
	Err   []string // error per command, "" for success
	Calls []string
	Left  []string
}

// runLifecycle installs, upgrades and uninstalls a chart with Helm's own
// actions against a fake cluster and returns what happened.
func runLifecycle(t *testing.T, ch *chart.Chart, steps ...string) lifecycle {
	t.Helper()
	c := newCluster()
	cfg := fakeConfig(c)
	var out lifecycle
	record := func(err error) {
		if err != nil {
			out.Err = append(out.Err, err.Error())
		} else {
			out.Err = append(out.Err, "")
		}
	}
	for _, s := range steps {
		c.calls = append(c.calls, "-- "+s)
		switch s {
		case "install":
			in := action.NewInstall(cfg)
			in.ReleaseName, in.Namespace, in.Timeout = "r", "default", time.Second
			_, err := in.Run(ch, map[string]any{})
			record(err)
		case "upgrade":
			up := action.NewUpgrade(cfg)
			up.Namespace, up.Timeout = "default", time.Second
			_, err := up.Run("r", ch, map[string]any{})
			record(err)
		case "uninstall":
			un := action.NewUninstall(cfg)
			un.Timeout = time.Second
			_, err := un.Run("r")
			record(err)
		default:
			t.Fatalf("unknown step %q", s)
		}
	}
	out.Calls, out.Left = c.calls, c.left()
	return out
}

// TestExecHookDeletePolicies: an unknown or empty delete policy drops the
// default before-hook-creation, so the hook is never deleted and its next
// run fails with "already exists" (HL1006); without hook-succeeded or
// hook-failed a hook outlives uninstall (HL1013).
func TestExecHookDeletePolicies(t *testing.T) {
	const already = `pre-upgrade hooks failed: warning: Hook pre-upgrade c/templates/t0.yaml failed: configmaps "h" already exists`
	tests := []struct {
		name, policy string // policy "-" = no annotation
		want         lifecycle
	}{
		{"default", "-", lifecycle{
			Err: []string{"", "", ""},
			Calls: []string{"-- install", "delete ConfigMap/default/h (a): not found", "create ConfigMap/default/h (a)",
				"-- upgrade", "delete ConfigMap/default/h (a)", "create ConfigMap/default/h (a)", "-- uninstall"},
			Left: []string{"ConfigMap/default/h (a)"},
		}},
		{"typo", "hook-succeded", lifecycle{
			Err:   []string{"", already, ""},
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "-- upgrade", "create ConfigMap/default/h (a): already exists", "-- uninstall"},
			Left:  []string{"ConfigMap/default/h (a)"},
		}},
		{"empty", `""`, lifecycle{
			Err:   []string{"", already, ""},
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "-- upgrade", "create ConfigMap/default/h (a): already exists", "-- uninstall"},
			Left:  []string{"ConfigMap/default/h (a)"},
		}},
		{"typo next to a valid policy", "before-hook-creation,hook-succeded", lifecycle{
			Err: []string{"", "", ""},
			Calls: []string{"-- install", "delete ConfigMap/default/h (a): not found", "create ConfigMap/default/h (a)",
				"-- upgrade", "delete ConfigMap/default/h (a)", "create ConfigMap/default/h (a)", "-- uninstall"},
			Left: []string{"ConfigMap/default/h (a)"},
		}},
		{"hook-succeeded", "hook-succeeded", lifecycle{
			Err: []string{"", "", ""},
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "delete ConfigMap/default/h (a)",
				"-- upgrade", "create ConfigMap/default/h (a)", "delete ConfigMap/default/h (a)", "-- uninstall"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ann := "    helm.sh/hook: pre-install,pre-upgrade\n"
			if tt.policy != "-" {
				ann += "    helm.sh/hook-delete-policy: " + tt.policy + "\n"
			}
			got := runLifecycle(t, testChart(hookDoc("ConfigMap", "h", "a", ann)), "install", "upgrade", "uninstall")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lifecycle (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExecHookDeleteHooksOutliveUninstall: pre-delete and post-delete hooks
// without hook-succeeded stay after the release is gone (HL1013).
func TestExecHookDeleteHooksOutliveUninstall(t *testing.T) {
	ch := testChart(
		hookDoc("ConfigMap", "pre", "a", "    helm.sh/hook: pre-delete\n"),
		hookDoc("ConfigMap", "post", "b", "    helm.sh/hook: post-delete\n    helm.sh/hook-delete-policy: hook-succeeded\n"),
	)
	got := runLifecycle(t, ch, "install", "uninstall")
	want := lifecycle{
		Err: []string{"", ""},
		Calls: []string{"-- install", "-- uninstall",
			"delete ConfigMap/default/pre (a): not found", "create ConfigMap/default/pre (a)",
			"create ConfigMap/default/post (b)", "delete ConfigMap/default/post (b)"},
		Left: []string{"ConfigMap/default/pre (a)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lifecycle (-want +got):\n%s", diff)
	}
}

// TestExecHookDuplicateEvent: an event listed twice runs the hook twice in
// that phase: with before-hook-creation the second run deletes and
// re-creates it; without it the second create fails (HL1008).
func TestExecHookDuplicateEvent(t *testing.T) {
	tests := []struct {
		name, annotations string
		want              lifecycle
	}{
		{"default policy", "    helm.sh/hook: pre-install,pre-install\n", lifecycle{
			Err: []string{""},
			Calls: []string{"-- install", "delete ConfigMap/default/h (a): not found", "create ConfigMap/default/h (a)",
				"delete ConfigMap/default/h (a)", "create ConfigMap/default/h (a)"},
			Left: []string{"ConfigMap/default/h (a)"},
		}},
		{"hook-succeeded only", "    helm.sh/hook: pre-install,pre-install\n    helm.sh/hook-delete-policy: hook-succeeded\n", lifecycle{
			Err:   []string{`failed pre-install: warning: Hook pre-install c/templates/t0.yaml failed: configmaps "h" already exists`},
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "create ConfigMap/default/h (a): already exists"},
			Left:  []string{"ConfigMap/default/h (a)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runLifecycle(t, testChart(hookDoc("ConfigMap", "h", "a", tt.annotations)), "install")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lifecycle (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExecHookDuplicateName: two hook documents with the same kind,
// namespace and name in one event. With before-hook-creation the second
// one deletes the first (after it ran) and takes its place; without it the
// second create fails; a CRD is never deleted by any policy (HL1012).
func TestExecHookDuplicateName(t *testing.T) {
	const failed = `failed pre-install: warning: Hook pre-install c/templates/t1.yaml failed: %s "h" already exists`
	tests := []struct {
		name, kind, policyA, policyB string // "-" = no annotation
		want                         lifecycle
	}{
		{"default policies", "ConfigMap", "-", "-", lifecycle{
			Err: []string{""},
			Calls: []string{"-- install", "delete ConfigMap/default/h (a): not found", "create ConfigMap/default/h (a)",
				"delete ConfigMap/default/h (b): deletes a", "create ConfigMap/default/h (b)"},
			Left: []string{"ConfigMap/default/h (b)"},
		}},
		{"hook-succeeded only", "ConfigMap", "hook-succeeded", "hook-succeeded", lifecycle{
			Err: []string{fmt.Sprintf(failed, "configmaps")},
			// a failed Create returns at once: no cleanup of earlier hooks
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "create ConfigMap/default/h (b): already exists"},
			Left:  []string{"ConfigMap/default/h (a)"},
		}},
		{"first deletes the second at the end", "ConfigMap", "hook-succeeded", "-", lifecycle{
			Err: []string{""},
			Calls: []string{"-- install", "create ConfigMap/default/h (a)", "delete ConfigMap/default/h (b): deletes a", "create ConfigMap/default/h (b)",
				"delete ConfigMap/default/h (a): deletes b"},
		}},
		{"CRD", "CustomResourceDefinition", "-", "-", lifecycle{
			Err:   []string{fmt.Sprintf(failed, "customresourcedefinitions")},
			Calls: []string{"-- install", "create CustomResourceDefinition/default/h (a)", "create CustomResourceDefinition/default/h (b): already exists"},
			Left:  []string{"CustomResourceDefinition/default/h (a)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ann := func(p string) string {
				s := "    helm.sh/hook: pre-install\n"
				if p != "-" {
					s += "    helm.sh/hook-delete-policy: " + p + "\n"
				}
				return s
			}
			ch := testChart(hookDoc(tt.kind, "h", "a", ann(tt.policyA)), hookDoc(tt.kind, "h", "b", ann(tt.policyB)))
			got := runLifecycle(t, ch, "install")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lifecycle (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRuleDocsCiteHelmClaims: every test a rule's doc names exists in this
// package, and each annotation rule HL1002-HL1013 and HL1015 names at
// least one.
func TestRuleDocsCiteHelmClaims(t *testing.T) {
	defined := map[string]bool{}
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Test") {
				defined[fd.Name.Name] = true
			}
		}
	}
	cite := regexp.MustCompile(`\bTest[A-Z][A-Za-z0-9]*`)
	for _, id := range []int{1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1015} {
		path := filepath.Join("..", "..", "rules", fmt.Sprintf("hl%d", id), "doc.go")
		b, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			t.Errorf("%s: missing", path)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		names := cite.FindAllString(string(b), -1)
		if len(names) == 0 {
			t.Errorf("%s: cites no test of internal/hook for its claims about Helm", path)
		}
		for _, n := range slices.Compact(slices.Sorted(slices.Values(names))) {
			if !defined[n] {
				t.Errorf("%s: cites %s, which is not a test in internal/hook", path, n)
			}
		}
	}
}
