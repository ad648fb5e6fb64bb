package render

// WithoutTrees returns a copy of c that parses its templates on every
// render (no engine.Trees), for comparison.
func WithoutTrees(c *Chart) *Chart {
	cp := *c
	cp.trees = nil
	return &cp
}

// KeptTrees returns the templates whose parse trees c keeps.
func KeptTrees(c *Chart) []string { return c.trees.Kept() }
