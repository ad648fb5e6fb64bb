package sim

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"github.com/hooklint/hooklint/internal/safefile"
)

// maxStateBytes bounds what --cluster-state reads in all.
const maxStateBytes = 256 << 20

// StateObject is one object of the user's cluster (--cluster-state), as
// `kubectl get -o yaml` prints it.
type StateObject struct {
	File    string         // the file it was read from, for errors
	Content map[string]any // apiVersion, kind, metadata, ...
}

// LoadClusterState reads the objects of --cluster-state paths: YAML or
// JSON files, or directories of them (*.yaml, *.yml, *.json, recursively,
// in name order), each holding documents separated by ---; a List (what
// `kubectl get -o yaml` prints for several objects) contributes its items.
// Only regular files are read.
func LoadClusterState(paths []string) ([]StateObject, error) {
	var out []StateObject
	total := 0
	for _, p := range paths {
		files, err := stateFiles(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			objs, n, err := readStateFile(f, maxStateBytes-total)
			if err != nil {
				return nil, err
			}
			total += n
			out = append(out, objs...)
		}
	}
	return out, nil
}

func stateFiles(p string) ([]string, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("--cluster-state: %w", err)
	}
	if fi.Mode().IsRegular() {
		return []string{p}, nil
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("--cluster-state %s: not a regular file or directory", p)
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml", ".json":
			if d.Type().IsRegular() {
				files = append(files, path)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--cluster-state: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

func readStateFile(path string, budget int) ([]StateObject, int, error) {
	f, err := safefile.Open(path, path)
	if err != nil {
		return nil, 0, fmt.Errorf("--cluster-state: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(budget)+1))
	if err != nil {
		return nil, 0, fmt.Errorf("--cluster-state %s: %w", path, err)
	}
	if len(data) > budget {
		return nil, 0, fmt.Errorf("--cluster-state: more than %d MiB in all", maxStateBytes>>20)
	}
	var out []StateObject
	rd := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	for doc := 1; ; doc++ {
		raw, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("--cluster-state %s: document %d: %w", path, doc, err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(raw, &m); err != nil {
			return nil, 0, fmt.Errorf("--cluster-state %s: document %d: %w", path, doc, err)
		}
		if len(m) == 0 {
			continue
		}
		kind, _ := m["kind"].(string)
		if items, ok := m["items"].([]any); ok && strings.HasSuffix(kind, "List") {
			for i, it := range items {
				im, ok := it.(map[string]any)
				if !ok {
					return nil, 0, fmt.Errorf("--cluster-state %s: document %d: item %d is not an object", path, doc, i+1)
				}
				out = append(out, StateObject{File: path, Content: im})
			}
			continue
		}
		out = append(out, StateObject{File: path, Content: m})
	}
	for _, o := range out {
		if nestedString(o.Content, "apiVersion") == "" || nestedString(o.Content, "kind") == "" || nestedString(o.Content, "metadata", "name") == "" {
			return nil, 0, fmt.Errorf("--cluster-state %s: an object without apiVersion, kind or metadata.name", path)
		}
	}
	return out, len(data), nil
}

// loadState puts the user's objects into the cluster before the first
// step, as objects of the cluster (no call, never Helm's). CRDs go first, so
// that the objects of their kinds are known; a namespace an object names
// exists. mapper is the built-in kinds' mapping (it must not read the
// cluster: c.mu is held). Callers do not hold c.mu.
func (c *Cluster) loadState(objs []StateObject, mapper meta.RESTMapper, releaseNS string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	// The state's StorageClasses are the cluster's: they replace the
	// simulated default one.
	for _, so := range objs {
		if nestedString(so.Content, "kind") == "StorageClass" && strings.HasPrefix(nestedString(so.Content, "apiVersion"), "storage.k8s.io/") {
			delete(c.objects, Key{Group: "storage.k8s.io", Kind: "StorageClass", Name: DefaultStorageClass})
			break
		}
	}
	ordered := append([]StateObject(nil), objs...)
	sort.SliceStable(ordered, func(i, j int) bool {
		return isCRD(ordered[i].Content) && !isCRD(ordered[j].Content)
	})
	for _, so := range ordered {
		content := so.Content
		gvk := schema.FromAPIVersionAndKind(nestedString(content, "apiVersion"), nestedString(content, "kind"))
		resource, namespaced := c.resourceOf(gvk, mapper, content)
		k := Key{Group: gvk.Group, Kind: gvk.Kind, Name: nestedString(content, "metadata", "name")}
		if namespaced {
			k.Namespace = nestedString(content, "metadata", "namespace")
			if k.Namespace == "" {
				k.Namespace = releaseNS
			}
			if md, ok := content["metadata"].(map[string]any); ok {
				md["namespace"] = k.Namespace
			}
			if !c.namespaces[k.Namespace] {
				c.namespaces[k.Namespace] = true
				c.provideNamespace(k.Namespace)
			}
		}
		o := &Object{Key: k, APIVersion: gvk.GroupVersion().String(), Resource: resource, Content: content, Origin: OriginCluster}
		o.store()
		c.objects[k] = o
		c.reconcile(o)
	}
	return nil
}

func isCRD(content map[string]any) bool {
	return nestedString(content, "kind") == "CustomResourceDefinition" &&
		strings.HasPrefix(nestedString(content, "apiVersion"), "apiextensions.k8s.io/")
}

// resourceOf is the plural resource and scope of gvk: from the built-in
// mapping, from a CRD in the cluster, or else guessed (plural of the kind;
// namespaced when the object names a namespace). Callers hold c.mu.
func (c *Cluster) resourceOf(gvk schema.GroupVersionKind, mapper meta.RESTMapper, content map[string]any) (string, bool) {
	if m, err := mapper.RESTMapping(gvk.GroupKind(), gvk.Version); err == nil {
		return m.Resource.Resource, m.Scope.Name() == meta.RESTScopeNameNamespace
	}
	for _, ck := range c.crdKindsLocked() {
		if ck.Group == gvk.Group && ck.Kind == gvk.Kind {
			return ck.Plural, ck.Namespaced
		}
	}
	plural, _ := meta.UnsafeGuessKindToResource(gvk)
	return plural.Resource, nestedString(content, "metadata", "namespace") != ""
}

// secretValues are the values of the Secrets of the cluster state, as
// they could appear in an output (decoded and base64), longest first.
func secretValues(objs []StateObject) []string {
	seen := map[string]bool{}
	for _, o := range objs {
		if nestedString(o.Content, "kind") != "Secret" || nestedString(o.Content, "apiVersion") != "v1" {
			continue
		}
		for _, field := range []string{"data", "stringData"} {
			m, _ := o.Content[field].(map[string]any)
			for _, v := range m {
				s, _ := v.(string)
				if s == "" {
					continue
				}
				seen[s] = true
				if field == "data" {
					if dec, err := base64.StdEncoding.DecodeString(s); err == nil {
						seen[string(dec)] = true
					}
				} else {
					seen[base64.StdEncoding.EncodeToString([]byte(s))] = true
				}
			}
		}
	}
	var out []string
	for s := range seen {
		if len(strings.TrimSpace(s)) >= 4 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// redact replaces every Secret value of the cluster state in what a
// simulation prints (Helm's errors and the reasons of events).
func redact(res *Result, secrets []string) {
	if len(secrets) == 0 {
		return
	}
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, "[redacted: a Secret value of --cluster-state]")
	}
	r := strings.NewReplacer(pairs...)
	for i := range res.Steps {
		res.Steps[i].Err = r.Replace(res.Steps[i].Err)
		res.Steps[i].Info = r.Replace(res.Steps[i].Info)
	}
	for i := range res.Events {
		res.Events[i].Error = r.Replace(res.Events[i].Error)
		res.Events[i].Reason = r.Replace(res.Events[i].Reason)
	}
	for i := range res.Leftovers {
		res.Leftovers[i].Reason = r.Replace(res.Leftovers[i].Reason)
	}
}

// External is a reference a hook or release pod needs that neither the
// chart nor the cluster state provides: the user's cluster must have it, or
// the pod stays Pending.
type External struct {
	Ref      Ref    `json:"ref"`
	Consumer Key    `json:"consumer"` // the Job or Pod that needs it
	Hint     string `json:"hint"`
}

// externalDependencies lists the references pods waited for that no object
// of the simulation ever provided (no successful create or patch of that
// kind and name) and that the chart does not define either (defined: the
// Kind/name of every hook and release resource Helm built; one the chart
// defines but creates too late is an ordering problem the timeline shows),
// once each, in the order they were first waited for.
func externalDependencies(res *Result, defined map[string]bool) []External {
	made := map[string]bool{}
	for _, c := range res.Calls {
		if c.Code < 300 && (c.Verb == "create" || c.Verb == "patch") {
			made[c.Key.Kind+"/"+c.Key.Namespace+"/"+c.Key.Name] = true
		}
	}
	seen := map[string]bool{}
	var out []External
	for _, ev := range res.Events {
		for _, r := range ev.Refs {
			id := r.Kind + "/" + ev.Object.Namespace + "/" + r.Name
			if made[id] || seen[id] || defined[r.Kind+"/"+r.Name] {
				continue
			}
			seen[id] = true
			out = append(out, External{Ref: r, Consumer: ev.Object,
				Hint: fmt.Sprintf("create %s %q in namespace %q before the release, or pass it with --cluster-state", r.Kind, r.Name, ev.Object.Namespace)})
		}
	}
	return out
}

// definedObjects is the Kind/name of every hook of the releases Helm acted
// on and of every resource it built.
func (s *simulation) definedObjects() map[string]bool {
	out := map[string]bool{}
	s.explain.mu.Lock()
	for _, h := range s.explain.byManifest {
		out[h.Kind+"/"+h.Name] = true
	}
	s.explain.mu.Unlock()
	s.mu.Lock()
	for info := range s.tags {
		if info.Mapping != nil {
			out[info.Mapping.GroupVersionKind.Kind+"/"+info.Name] = true
		}
	}
	s.mu.Unlock()
	return out
}
