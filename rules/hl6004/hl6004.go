package hl6004

import (
	_ "embed"
	"strconv"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook pods with access to the node.
var Analyzer = &lint.Analyzer{
	ID:       "HL6004",
	Name:     "hook-pod-host-access",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

const rejected = "; a namespace enforcing Pod Security \"baseline\" rejects the pod and Helm waits for the hook until --timeout"

var hostNamespaces = []struct{ key, what string }{ //nolint:gochecknoglobals // read-only lookup table
	{"hostNetwork", "uses the node's network namespace (hostNetwork: true): it can reach services listening on the node and is not subject to NetworkPolicies"},
	{"hostPID", "shares the node's process namespace (hostPID: true): it can see every process on the node, their environment included"},
	{"hostIPC", "shares the node's IPC namespace (hostIPC: true): it can read the shared memory of every process on the node"},
}

// notBaseline: the pod or container is one Pod Security "baseline"
// rejects for a reason this rule reports (host namespaces, hostPath,
// privileged).
func notBaseline(spec, c map[string]any) bool {
	for _, hn := range hostNamespaces {
		if spec[hn.key] == true {
			return true
		}
	}
	vols, _ := spec["volumes"].([]any)
	for _, v := range vols {
		if vol, _ := v.(map[string]any); vol["hostPath"] != nil {
			return true
		}
	}
	sc, _ := c["securityContext"].(map[string]any)
	return sc["privileged"] == true
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped {
			continue
		}
		spec, base, ok := o.PodSpec()
		if !ok {
			continue
		}
		if !pass.Settings.AllRules && lifecycle.ReleaseWorkloadWith(pass.Objects, o.Path, notBaseline) != nil {
			// The chart's own workloads need the same: its namespace must
			// allow such pods anyway, and the hook is not the outlier
			// (rules.default: all reports it).
			continue
		}
		at := func(p ...string) []string { return append(append([]string(nil), base...), p...) }
		for _, hn := range hostNamespaces {
			if spec[hn.key] == true {
				pass.Reportf(o.PosOf(at(hn.key)...), o, "hook %s pod %s%s", o.Kind, hn.what, rejected)
			}
		}
		vols, _ := spec["volumes"].([]any)
		for i, v := range vols {
			vol, _ := v.(map[string]any)
			hp, ok := vol["hostPath"].(map[string]any)
			if !ok {
				continue
			}
			name, _ := vol["name"].(string)
			path, _ := hp["path"].(string)
			pass.Reportf(o.PosOf(at("volumes", strconv.Itoa(i), "hostPath")...), o,
				"hook %s pod mounts the node's path %q (hostPath volume %q): it can read and change the node's files%s", o.Kind, path, name, rejected)
		}
		for _, c := range o.PodContainers() {
			sc, _ := c.Fields["securityContext"].(map[string]any)
			if sc["privileged"] == true {
				pass.Reportf(o.PosOf(append(c.Path, "securityContext", "privileged")...), o,
					"hook %s container %q is privileged: it has every capability and the node's devices, which is root on the node%s", o.Kind, c.Name, rejected)
			}
		}
	}
	return nil, nil
}
