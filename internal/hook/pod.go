package hook

// PodSpecPath is the path to the pod spec of a workload kind, nil for kinds
// that do not run pods.
func PodSpecPath(kind string) []string {
	switch kind {
	case "Pod":
		return []string{"spec"}
	case "Job", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController":
		return []string{"spec", "template", "spec"}
	case "CronJob":
		return []string{"spec", "jobTemplate", "spec", "template", "spec"}
	}
	return nil
}

// PodSpec returns the object's pod spec and its path, if it runs pods.
func (o *Object) PodSpec() (map[string]any, []string, bool) {
	p := PodSpecPath(o.Kind)
	if p == nil {
		return nil, nil, false
	}
	v, ok := o.Get(p...)
	if !ok {
		return nil, p, false
	}
	m, ok := v.(map[string]any)
	return m, p, ok
}
