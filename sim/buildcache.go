package sim

import (
	"sync"

	"k8s.io/cli-runtime/pkg/resource"
)

// buildCache keeps the resources Helm's kube client built from each
// manifest text. A simulation builds the same text many times (an upgrade
// builds the current and the target manifest, a rollback both again, an
// uninstall the current one, every hook each time it runs), and parsing
// the YAML through cli-runtime was a third of a simulation's time. What the
// real client would return is a fresh build, so every hit is a copy: Helm's
// actions change the objects they get (ownership metadata, Refresh).
type buildCache struct {
	mu    sync.Mutex
	infos map[string][]*resource.Info
}

// get returns a copy of what was built from text, if anything was.
func (c *buildCache) get(text string) ([]*resource.Info, bool) {
	c.mu.Lock()
	infos, ok := c.infos[text]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	return cloneInfos(infos), true
}

// put remembers a copy of what was built from text.
func (c *buildCache) put(text string, infos []*resource.Info) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.infos == nil {
		c.infos = map[string][]*resource.Info{}
	}
	c.infos[text] = cloneInfos(infos)
}

func cloneInfos(infos []*resource.Info) []*resource.Info {
	out := make([]*resource.Info, len(infos))
	for i, info := range infos {
		c := *info
		if info.Object != nil {
			c.Object = info.Object.DeepCopyObject()
		}
		out[i] = &c
	}
	return out
}
