package sim

import (
	"fmt"

	releasei "helm.sh/helm/v4/pkg/release"
	rv1 "helm.sh/helm/v4/pkg/release/v1"
	driver4 "helm.sh/helm/v4/pkg/storage/driver"
)

// recordingDriver4 is Helm v4's in-memory release driver
// (helm.sh/helm/v4@v4.3.1 pkg/storage/driver/memory.go) that tells the
// simulation about every record Helm writes, as recordingDriver does for v3.
type recordingDriver4 struct {
	*driver4.Memory
	s      *simulation
	status map[string]string
}

func newRecordingDriver4(s *simulation, namespace string) *recordingDriver4 {
	mem := driver4.NewMemory()
	mem.SetNamespace(namespace)
	return &recordingDriver4{Memory: mem, s: s, status: map[string]string{}}
}

// asV1 is the v1 release behind a Releaser.
func asV1(r releasei.Releaser) (*rv1.Release, error) {
	switch rel := r.(type) {
	case *rv1.Release:
		return rel, nil
	case rv1.Release:
		return &rel, nil
	}
	return nil, fmt.Errorf("hooklint: unexpected release type %T", r)
}

// learn4 records the hooks of a v4 release record (explainer.learnHooks).
func (s *simulation) learn4(rel *rv1.Release) []*hookInfo {
	return s.learn4Record(rel, false)
}

// learn4Record is learn4 once per record (explainer.learnRecord); fresh
// reads a record Helm has just created again.
func (s *simulation) learn4Record(rel *rv1.Release, fresh bool) []*hookInfo {
	return s.explain.learnRecord(rel.Name, rel.Version, fresh, func() []*hookInfo { return hookInfos4(rel) })
}

// hookInfos4 reads the hooks of a v4 release record.
func hookInfos4(rel *rv1.Release) []*hookInfo {
	hooks := make([]*hookInfo, 0, len(rel.Hooks))
	for _, h := range rel.Hooks {
		hi := &hookInfo{Name: h.Name, Kind: h.Kind, Path: h.Path, Manifest: h.Manifest, Weight: h.Weight}
		for _, e := range h.Events {
			hi.Events = append(hi.Events, string(e))
		}
		for _, p := range h.DeletePolicies {
			hi.Policies = append(hi.Policies, string(p))
		}
		hooks = append(hooks, hi)
	}
	return hooks
}

// Create stores a new revision (install, upgrade, rollback).
func (d *recordingDriver4) Create(key string, r releasei.Releaser) error {
	if err := d.Memory.Create(key, r); err != nil {
		return err
	}
	if rls, err := asV1(r); err == nil {
		d.s.explain.setRelease(d.s.learn4Record(rls, true))
		d.written(key, rls)
	}
	return nil
}

// Update stores a changed revision.
func (d *recordingDriver4) Update(key string, r releasei.Releaser) error {
	if err := d.Memory.Update(key, r); err != nil {
		return err
	}
	if rls, err := asV1(r); err == nil {
		d.s.learn4(rls)
		d.written(key, rls)
	}
	return nil
}

// Delete removes a revision (uninstall purges every one).
func (d *recordingDriver4) Delete(key string) (releasei.Releaser, error) {
	r, err := d.Memory.Delete(key)
	if err != nil {
		return r, err
	}
	delete(d.status, key)
	if rls, err := asV1(r); err == nil && rls != nil {
		d.s.emit(Event{Type: EventStatus, Release: rls.Name, Revision: rls.Version, Status: "deleted",
			Reason: "release record removed"})
	}
	return r, nil
}

func (d *recordingDriver4) written(key string, rls *rv1.Release) {
	if rls.Info == nil {
		return
	}
	st := rls.Info.Status.String()
	if d.status[key] == st {
		return
	}
	d.status[key] = st
	reason := ""
	if rls.Info.Description != "" {
		reason = oneLine(rls.Info.Description)
	}
	d.s.emit(Event{Type: EventStatus, Release: rls.Name, Revision: rls.Version, Status: st, Reason: reason})
}
