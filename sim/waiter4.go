package sim

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	kube "helm.sh/helm/v3/pkg/kube"
	kube4pkg "helm.sh/helm/v4/pkg/kube"
)

// defaultStatusWatcherTimeout is what the kstatus waiters use for
// --timeout 0 (helm.sh/helm/v4@v4.3.1 pkg/kube/statuswait.go
// DefaultStatusWatcherTimeout).
const defaultStatusWatcherTimeout = 30 * time.Second

// waiter4 is the Waiter Helm 4 gets from GetWaiter for a strategy
// (helm.sh/helm/v4@v4.3.1 pkg/kube/client.go GetWaiterWithOptions):
//
//   - hookOnly (the CLI default): hooks are watched with kstatus;
//     Wait, WaitWithJobs and WaitForDelete are no-ops (hookOnlyWaiter), so
//     before-hook-creation does not wait for the old hook to go;
//   - watcher (--wait, --rollback-on-failure): kstatus for everything
//     (statusWaiter);
//   - legacy: Helm 3's waits (legacyWaiter, the code kube3.go mirrors).
//
// With flux set it is Flux helm-controller's waiter instead (flux.go).
type waiter4 struct {
	s        *simulation
	strategy kube4pkg.WaitStrategy
	flux     bool
}

var _ kube4pkg.Waiter = (*waiter4)(nil)

// WatchUntilReady waits for hooks: legacy as Helm 3 does, otherwise kstatus.
func (w *waiter4) WatchUntilReady(resources kube4pkg.ResourceList, timeout time.Duration) error {
	if w.strategy == kube4pkg.LegacyStrategy {
		return (&kube3{s: w.s}).WatchUntilReady(kube.ResourceList(resources), timeout)
	}
	return w.s.kstatusWatch(resources, timeout, w.flux)
}

// Wait waits for release resources (--wait): nothing under hookOnly.
func (w *waiter4) Wait(resources kube4pkg.ResourceList, timeout time.Duration) error {
	return w.wait(resources, timeout, false)
}

// WaitWithJobs is Wait with Jobs that must complete (--wait-for-jobs).
func (w *waiter4) WaitWithJobs(resources kube4pkg.ResourceList, timeout time.Duration) error {
	return w.wait(resources, timeout, true)
}

func (w *waiter4) wait(resources kube4pkg.ResourceList, timeout time.Duration, withJobs bool) error {
	switch w.strategy {
	case kube4pkg.HookOnlyStrategy:
		return nil
	case kube4pkg.LegacyStrategy:
		return w.s.waitResources(kube.ResourceList(resources), timeout, withJobs)
	}
	if timeout == 0 {
		timeout = defaultStatusWatcherTimeout
	}
	if w.flux {
		return w.s.fluxWaitResources(kube.ResourceList(resources), timeout, withJobs)
	}
	return w.s.waitResources(kube.ResourceList(resources), timeout, withJobs)
}

// WaitForDelete waits until deleted objects are gone: a no-op under
// hookOnly (the v4 default: the oracle shows no GET after a hook DELETE);
// otherwise the fake cluster deletes at once, so the wait ends at once.
func (w *waiter4) WaitForDelete(resources kube4pkg.ResourceList, timeout time.Duration) error {
	if w.strategy == kube4pkg.HookOnlyStrategy {
		return nil
	}
	if w.strategy == kube4pkg.LegacyStrategy {
		return (&kube3{s: w.s}).WaitForDelete(kube.ResourceList(resources), timeout)
	}
	if timeout == 0 {
		timeout = defaultStatusWatcherTimeout
	}
	var errs []error
	for _, info := range resources {
		o, err := w.s.objectOf(info)
		if err != nil {
			return err
		}
		if _, ok := w.s.cluster.Get(o.Key); ok {
			errs = append(errs, fmt.Errorf("resource %s/%s/%s still exists. status: Current, message: Resource is current", o.Kind, o.Namespace, o.Name))
		}
	}
	if len(errs) > 0 {
		w.s.clock.Advance(timeout)
		errs = append(errs, context.DeadlineExceeded)
		return errors.Join(errs...)
	}
	return nil
}

// kstatusResult is what the kstatus readers of WatchUntilReady report for
// one hook when its wait ends.
type kstatusResult struct {
	hookWait
	status  string // Current, InProgress, Failed, NotFound
	message string
}

// kstatusWatch mirrors statusWaiter.WatchUntilReady
// (helm.sh/helm/v4@v4.3.1 pkg/kube/statuswait.go, with the custom readers
// of internal/statusreaders): all resources are watched together; a Job is
// Current when Complete ("Job Completed. succeeded: n/m") and Failed when
// Failed ("Job Failed. failed: n/m"); a Pod is Current when Succeeded and
// Failed when Failed ("pod NAME failed"); every other kind is Current once
// observed. The wait ends when every resource is Current or Failed (a
// Failed resource is terminal: statusObserver stops waiting for it); the
// error lists each resource that is not Current ("resource KIND/NS/NAME not
// ready. status: S, message: M") and, on timeout, the context's "context
// deadline exceeded". --timeout 0 means 30s. Flux's waiter never fails
// fast: a Failed hook holds the wait until the timeout (flux.go).
//
// A negative --timeout has no deadline (statuswait.go contextWithTimeout:
// client-go watchtools.ContextWithOptionalTimeout makes no deadline for
// it): a hook that never finishes holds helm forever, which the simulation
// reports instead of waiting.
func (s *simulation) kstatusWatch(resources kube4pkg.ResourceList, timeout time.Duration, flux bool) error {
	if timeout == 0 {
		timeout = defaultStatusWatcherTimeout
	}
	forever := timeout < 0
	if forever {
		timeout = noDeadline
	}
	var t tag
	if len(resources) > 0 {
		t = s.tagOf(resources[0])
	}
	start := s.clock.Now()
	deadline := start + timeout
	var results []kstatusResult
	var firstErr error
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			firstErr = err
			break
		}
		results = append(results, s.kstatusOf(o, start, deadline, flux))
	}
	if firstErr != nil {
		if t.hook != nil {
			s.explain.onWatched(t.hook, firstErr)
		}
		return firstErr
	}
	end := start
	timedOut := false
	for _, r := range results {
		if r.status == "InProgress" || r.status == "NotFound" || (flux && r.status == "Failed") {
			timedOut = true
		}
		if r.end > end {
			end = r.end
		}
	}
	if timedOut && forever {
		return s.waitsForever(results, start, t)
	}
	if timedOut {
		end = deadline
	}
	var errs []error
	order := append([]kstatusResult(nil), results...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].end < order[j].end })
	for _, r := range order {
		w := r.hookWait
		if r.status != "Current" {
			w.err = fmt.Errorf("resource %s/%s/%s not ready. status: %s, message: %s", r.obj.Kind, r.obj.Namespace, r.obj.Name, r.status, r.message)
			if timedOut && r.status != "Failed" {
				w.end = deadline
			}
		}
		s.clock.AdvanceTo(w.end)
		w.emit(s, t)
	}
	for _, r := range results {
		if r.status != "Current" {
			errs = append(errs, fmt.Errorf("resource %s/%s/%s not ready. status: %s, message: %s", r.obj.Kind, r.obj.Namespace, r.obj.Name, r.status, r.message))
		}
	}
	s.clock.AdvanceTo(end)
	if timedOut {
		errs = append(errs, context.DeadlineExceeded)
	}
	result := errors.Join(errs...)
	if t.hook != nil {
		s.explain.onWatched(t.hook, result)
	}
	return result
}

// kstatusOf decides what the readers see of one hook until the deadline.
func (s *simulation) kstatusOf(o *Object, start, deadline time.Duration, flux bool) kstatusResult {
	r := kstatusResult{hookWait: hookWait{obj: o, start: start, end: start}, status: "Current", message: "Resource is current"}
	cur, ok := s.cluster.Get(o.Key)
	if !ok {
		r.waited = true
		r.status, r.message, r.end = "NotFound", "Resource not found", deadline
		r.reason = "not in the cluster: the watch never sees it"
		return r
	}
	if o.Kind != "Job" && o.Kind != "Pod" {
		return r
	}
	r.waited = true
	ex := cur.Exec
	inProgress := "Job in progress"
	if o.Kind == "Pod" {
		inProgress = "Pod in progress"
	}
	if ex == nil {
		r.status, r.message, r.end = "InProgress", inProgress, deadline
		return r
	}
	if len(ex.Pending) > 0 {
		r.pending, r.refs = ex.Reason, ex.Pending
	}
	endsAt := ex.EndsAt()
	if endsAt < start {
		endsAt = start
	}
	if ex.Forever || endsAt > deadline {
		r.status, r.message, r.end = "InProgress", inProgress, deadline
		r.reason = "timed out after " + (deadline - start).String()
		if ex.Reason != "" {
			r.reason += ": " + ex.Reason
		} else {
			r.reason += fmt.Sprintf(": runs %s", ex.Duration)
		}
		return r
	}
	r.end = endsAt
	ran := endsAt - ex.StartedAt
	if ex.Phase(endsAt) == PhaseFailed {
		r.status = "Failed"
		if o.Kind == "Job" {
			completions := jobCompletions(cur)
			r.message = fmt.Sprintf("Job Failed. failed: %d/%d", jobFailedPods(cur, ex), completions)
			r.reason = fmt.Sprintf("Failed after %s: %s", ran, ex.Reason)
		} else {
			r.message = fmt.Sprintf("pod %s failed", o.Name)
			r.reason = fmt.Sprintf("Failed after %s", ran)
		}
		if flux {
			r.end = deadline
			r.reason += "; Flux's waiter does not fail fast: it waits until the timeout"
		}
	} else {
		if o.Kind == "Job" {
			r.reason = fmt.Sprintf("Complete after %s", ran)
		} else {
			r.reason = fmt.Sprintf("Succeeded after %s", ran)
		}
	}
	if ex.Rule != "" {
		r.reason += " (" + ex.Rule + ")"
	}
	return r
}

// jobCompletions is .spec.completions, defaulting to .spec.parallelism,
// then 1 (the custom Job reader's jobConditions).
func jobCompletions(o *Object) int64 {
	par, ok := nestedInt(o.Content, "spec", "parallelism")
	if !ok {
		par = 1
	}
	if c, ok := nestedInt(o.Content, "spec", "completions"); ok {
		return c
	}
	return par
}

// jobFailedPods is .status.failed of a failed Job: the job controller runs
// backoffLimit+1 pods (default backoffLimit 6) before BackoffLimitExceeded;
// a Job stopped by its activeDeadlineSeconds has one failed pod.
func jobFailedPods(o *Object, ex *Execution) int64 {
	if ex.Reason == "DeadlineExceeded" {
		return 1
	}
	b, ok := nestedInt(o.Content, "spec", "backoffLimit")
	if !ok {
		b = 6
	}
	return b + 1
}

// noDeadline stands for a wait without a deadline: longer than any run the
// simulation decides.
const noDeadline = 1 << 62

// waitsForever reports the hooks a wait without a deadline never sees
// finish: the helm command would hang.
func (s *simulation) waitsForever(results []kstatusResult, start time.Duration, t tag) error {
	var errs []error
	for _, r := range results {
		w := r.hookWait
		w.end = start
		if r.status != "Current" && r.status != "Failed" {
			w.err = fmt.Errorf("hooklint: helm would wait forever for %s %s (a negative --timeout has no deadline and it never finishes: %s)", r.obj.Kind, r.obj.Name, r.message)
			w.reason = "a negative --timeout waits forever"
			errs = append(errs, w.err)
		}
		w.emit(s, t)
	}
	result := errors.Join(errs...)
	if t.hook != nil {
		s.explain.onWatched(t.hook, result)
	}
	return result
}
