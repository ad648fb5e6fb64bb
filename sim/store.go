package sim

import (
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage/driver"
)

// recordingDriver is Helm's in-memory release driver
// (helm.sh/helm/v3@v3.22.0 pkg/storage/driver/memory.go) that also tells the
// simulation about every record Helm writes: status changes go to the
// timeline, hooks to the explainer.
type recordingDriver struct {
	*driver.Memory
	s *simulation
	// status is the last status written per record key.
	status map[string]string
}

func newRecordingDriver(s *simulation, namespace string) *recordingDriver {
	mem := driver.NewMemory()
	mem.SetNamespace(namespace)
	return &recordingDriver{Memory: mem, s: s, status: map[string]string{}}
}

// Create stores a new revision (install, upgrade, rollback).
func (d *recordingDriver) Create(key string, rls *release.Release) error {
	d.s.restoreTemplates()
	if err := d.Memory.Create(key, rls); err != nil {
		return err
	}
	d.s.explain.setRelease(d.s.explain.learnNew(rls))
	d.written(key, rls)
	return nil
}

// Update stores a changed revision.
func (d *recordingDriver) Update(key string, rls *release.Release) error {
	d.s.restoreTemplates()
	if err := d.Memory.Update(key, rls); err != nil {
		return err
	}
	d.s.explain.learn(rls)
	d.written(key, rls)
	return nil
}

// Delete removes a revision (uninstall purges every one).
func (d *recordingDriver) Delete(key string) (*release.Release, error) {
	rls, err := d.Memory.Delete(key)
	if err != nil {
		return rls, err
	}
	delete(d.status, key)
	if rls != nil {
		d.s.emit(Event{Type: EventStatus, Release: rls.Name, Revision: rls.Version, Status: "deleted",
			Reason: "release record removed"})
	}
	return rls, nil
}

func (d *recordingDriver) written(key string, rls *release.Release) {
	if rls.Info == nil {
		return
	}
	st := rls.Info.Status.String()
	if d.status[key] == st {
		return
	}
	d.status[key] = st
	d.s.emit(Event{Type: EventStatus, Release: rls.Name, Revision: rls.Version, Status: st,
		Reason: statusReason(rls)})
}

func statusReason(rls *release.Release) string {
	if rls.Info.Description == "" {
		return ""
	}
	return oneLine(rls.Info.Description)
}
