package hook

import "strconv"

// PodContainer is one container of an object's pod spec, as written.
type PodContainer struct {
	// Path is the path to the container's mapping:
	// spec, template, spec, containers, 0.
	Path []string
	// Name is the container's name ("" when missing or not a string).
	Name string
	// Init is true for initContainers.
	Init bool
	// Fields is the container's mapping.
	Fields map[string]any
}

// PodContainers returns the initContainers, then the containers, of the
// object's pod spec (see PodSpec); nil when it runs no pods. Entries that
// are not mappings are skipped.
func (o *Object) PodContainers() []PodContainer {
	spec, base, ok := o.PodSpec()
	if !ok {
		return nil
	}
	var out []PodContainer
	for _, list := range []string{"initContainers", "containers"} {
		items, _ := spec[list].([]any)
		for i, it := range items {
			m, ok := it.(map[string]any)
			if !ok {
				continue
			}
			name, _ := m["name"].(string)
			p := append(append([]string(nil), base...), list, strconv.Itoa(i))
			out = append(out, PodContainer{Path: p, Name: name, Init: list == "initContainers", Fields: m})
		}
	}
	return out
}
