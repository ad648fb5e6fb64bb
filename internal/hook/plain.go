package hook

import yaml "go.yaml.in/yaml/v3"

// Plain reports whether the value at path (as for Get) is a scalar written
// plain: not quoted and not a block scalar. It matters where YAML readers
// disagree: Helm's Kubernetes client reads manifests with YAML 1.1 rules
// (sigs.k8s.io/yaml, go-yaml v2), where a plain yes, no, on or off is a
// boolean, while Content follows YAML 1.2 and keeps them as strings.
func (o *Object) Plain(path ...string) bool {
	n := o.tree()
	for _, p := range path {
		if n == nil {
			return false
		}
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		n, _ = child(n, p)
	}
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.ScalarNode && n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}
