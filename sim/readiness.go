package sim

import (
	"fmt"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"reflect"
	"time"
)

// readiness is when a release resource becomes ready for `--wait`.
type readiness struct {
	at       time.Duration // ready from this time on
	never    bool          // never ready
	failedAt time.Duration // a Job that failed (WaitWithJobs), -1 otherwise
	reason   string
}

// resourceReadiness judges one release resource the way
// helm.sh/helm/v3@v3.22.0 pkg/kube/ready.go ReadyChecker.IsReady does, with
// the fake cluster's controllers: a Pod is ready while its container runs
// (a completed Pod is not Ready: isPodReady wants the Ready condition); a Job
// only counts with --wait-for-jobs and must complete (jobReady); Deployments,
// StatefulSets, DaemonSets, ReplicaSets and ReplicationControllers are ready
// once their pods run (after the run's duration) unless a pod cannot start; a
// paused Deployment counts as ready (PausedAsReady); PersistentVolumeClaims
// bind at once (the fake cluster has a default StorageClass); Services get a
// cluster IP at once and LoadBalancers an ingress; CRDs are established at
// once; every other kind is ready.
func resourceReadiness(o *Object, exists bool, withJobs bool, now time.Duration) readiness {
	rd := readiness{at: now, failedAt: -1}
	if !exists {
		rd.never, rd.reason = true, "not found in the cluster"
		return rd
	}
	r := o.Exec
	switch o.Kind {
	case "Pod":
		if r == nil {
			return rd
		}
		switch {
		case len(r.Pending) > 0:
			rd.never, rd.reason = true, r.Reason
		case r.Verdict == Fail:
			rd.never, rd.reason = true, "the pod failed ("+r.Rule+")"
		case r.Verdict == Hang:
			rd.never, rd.reason = true, "the pod never becomes Ready ("+r.Rule+")"
		case r.Forever:
			rd.at, rd.reason = r.EndsAt(), "Ready (container running)"
		case now < r.EndsAt():
			rd.at, rd.reason = now, "Ready while its container runs"
		default:
			rd.never, rd.reason = true, "the pod has completed: a completed Pod is not Ready"
		}
	case "Job":
		if !withJobs || r == nil {
			return rd
		}
		switch {
		case len(r.Pending) > 0 || r.Forever:
			rd.never, rd.reason = true, r.Reason
		case r.Phase(r.EndsAt()) == PhaseFailed:
			rd.failedAt, rd.reason = r.EndsAt(), "the Job failed: "+r.Reason
		default:
			rd.at, rd.reason = r.EndsAt(), fmt.Sprintf("Complete after %s", r.Duration)
		}
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController":
		if o.Kind == "Deployment" {
			if paused, _ := nestedValue(o.Content, "spec", "paused").(bool); paused {
				rd.reason = "paused: counts as ready"
				return rd
			}
		}
		if n, ok := nestedInt(o.Content, "spec", "replicas"); ok && n == 0 {
			rd.reason = "0 replicas"
			return rd
		}
		if r == nil {
			return rd
		}
		switch {
		case len(r.Pending) > 0:
			rd.never, rd.reason = true, "its pods stay "+r.Reason
		case r.Verdict == Fail:
			rd.never, rd.reason = true, "its pods fail ("+r.Rule+")"
		case r.Verdict == Hang:
			rd.never, rd.reason = true, "its pods never become Ready ("+r.Rule+")"
		default:
			if r.EndsAt() > now {
				rd.at = r.EndsAt()
			}
			rd.reason = fmt.Sprintf("pods Ready after %s", r.Duration)
		}
	}
	return rd
}

// immutableChange returns the API server's error for a patch that changes
// a field Kubernetes does not allow to change: a Job's selector and pod
// template, and the selector of Deployments, StatefulSets, DaemonSets and
// ReplicaSets (k8s.io/kubernetes pkg/apis/batch/validation
// ValidateJobSpecUpdate, pkg/apis/apps/validation).
func immutableChange(cur, next *Object) error {
	var fields [][]string
	switch cur.Kind {
	case "PersistentVolumeClaim":
		if err := pvcSpecChange(cur, next); err != nil {
			return err
		}
	case "Job":
		fields = [][]string{{"spec", "selector"}, {"spec", "template"}}
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet":
		fields = [][]string{{"spec", "selector"}}
	}
	for _, f := range fields {
		a, b := nestedValue(cur.Content, f...), nestedValue(next.Content, f...)
		if f[1] == "selector" && b == nil {
			continue // defaulted from the template by the server
		}
		if !reflect.DeepEqual(a, b) {
			return invalidError(next, fieldPath(f), "field is immutable")
		}
	}
	return nil
}

// podTemplateChanged reports whether a patch starts a new rollout.
// Both are compared in the stored form (what the API server compares: a
// template that differs only in defaults or empty fields is unchanged).
func podTemplateChanged(cur, next *Object) bool {
	gvk := schema.FromAPIVersionAndKind(next.APIVersion, next.Kind)
	stored := &Object{Key: next.Key, Content: storedForm(gvk, next.Content)}
	return !reflect.DeepEqual(podTemplate(cur), podTemplate(stored))
}
