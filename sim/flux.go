package sim

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"helm.sh/helm/v3/pkg/kube"
)

// This file simulates Flux's helm-controller (github.com/fluxcd/helm-controller
// v1.6.3 @ 0f61a86, read in its source; it links Helm v4.2.1, go.mod).
// helm-controller runs Helm 4's pkg/action (so hook parsing, ordering,
// delete policies and execHook are Helm's: kube4.go, run4.go, with Helm
// 4.3.1, whose pkg/action/hooks.go, pkg/release/v1/util and pkg/kube/ready.go
// differ from v4.2.1 only in style; 4.3.1's wait for crds/ under hookOnly
// does not matter here, as helm-controller sets SkipCRDs and applies CRDs
// itself, internal/action/install.go) with its own waiter and its own
// remediation instead of Helm's --rollback-on-failure:
//
//   - waiter (internal/action/client.go newWaiter, internal/action/wait.go):
//     a kstatus waiter for every strategy but legacy whose WatchUntilReady
//     never fails fast: a failed hook Job holds the wait until the timeout
//     (waiter4.go kstatusWatch with flux set); the default strategy is
//     poller (Helm's watcher), hookOnly with disableWait;
//   - Jobs are waited for: install, upgrade and rollback set WaitForJobs to
//     !disableWaitForJobs (internal/action/install.go:93, upgrade.go:116,
//     rollback.go:111), and the waiter's WaitWithJobs reads Jobs with a Job
//     status reader (wait.go:118-127), so a failing plain Job fails the
//     action;
//   - remediation: a failed install is uninstalled, a failed upgrade rolled
//     back (or uninstalled), then retried up to `retries` times; the last
//     failure is remediated only if remediateLastFailure, which defaults to
//     false for install whatever the retries (InstallRemediation
//     MustRemediateLastFailure, api/v2/helmrelease_types.go:731-736) and to
//     retries > 0 for upgrade (UpgradeRemediation
//     MustRemediateLastFailure); internal/reconcile/atomic_release.go:511
//     stops when the retries are exhausted and it is false;
//   - tests (test.enable) run after a successful install or upgrade; a
//     failure is remediated unless test.ignoreFailures.
//
// Flux retries a stalled release only after its requeue interval
// (spec.interval); the simulation runs the retries back to back.

// FluxOptions are the HelmRelease settings a Flux simulation uses.
type FluxOptions struct {
	InstallRetries       int    // spec.install.remediation.retries
	UpgradeRetries       int    // spec.upgrade.remediation.retries
	UpgradeStrategy      string // spec.upgrade.remediation.strategy: rollback (default) or uninstall
	RemediateLastFailure *bool  // spec.*.remediation.remediateLastFailure; nil: false for install, retries > 0 for upgrade
	DisableWait          bool   // spec.install/upgrade.disableWait: hookOnly
	DisableWaitForJobs   bool   // spec.install/upgrade/rollback.disableWaitForJobs
	DisableHooks         bool   // spec.install/upgrade/rollback/uninstall.disableHooks
	TestEnable           bool   // spec.test.enable
	IgnoreTestFailures   bool   // spec.test.ignoreFailures
}

// runFlux runs each scenario step as helm-controller would: install and
// upgrade steps are reconciliations of a HelmRelease (Flux decides between
// install and upgrade), uninstall is the HelmRelease's deletion, test runs
// Helm's tests, rollback has no Flux command (Flux rolls back only as
// remediation).
func runFlux(s *simulation, res *Result, kubeVersion string) (*Result, error) {
	h, ok := s.drv.(*helm4)
	if !ok {
		return nil, fmt.Errorf("flux: needs the Helm 4 driver")
	}
	res.Helm, res.Engine = HelmV4, EngineFlux
	for i, st := range s.sc.Steps {
		idx := i + 1
		s.mu.Lock()
		s.step, s.action = idx, st.Action
		s.outcomes = s.sc.Outcomes.merge(st.Outcomes)
		s.mu.Unlock()
		s.cluster.SetStep(idx)
		sr := StepResult{Index: idx, Action: st.Action, Start: s.clock.Now()}
		crds := s.cluster.crdKinds()
		if err := h.setCapabilities(s.sc.KubeVersion, s.sc.APIVersions, crds); err != nil {
			return nil, err
		}
		var err error
		switch st.Action {
		case ActionInstall, ActionUpgrade:
			sr.Command = fmt.Sprintf("flux reconcile helmrelease %s (chart %s)", s.sc.Release, strings.Join(st.Args, " "))
			err = s.safeRun(idx, func() error { return s.fluxReconcile(h, st, &sr) })
		case ActionRollback:
			sr.Command = "(helm rollback: Flux has no rollback command; it rolls back only to remediate a failed upgrade)"
			s.emit(Event{Type: EventStatus, Release: s.sc.Release, Reason: "no Flux equivalent: nothing runs"})
		case ActionUninstall:
			sr.Command = fmt.Sprintf("kubectl delete helmrelease %s (helm-controller uninstalls the release)", s.sc.Release)
			fst := s.fluxStep(st)
			err = s.safeRun(idx, func() error { return s.fluxRun(h, ActionUninstall, fst, &sr) })
		case ActionTest:
			sr.Command = fmt.Sprintf("flux: helm test %s (test.enable)", s.sc.Release)
			err = s.safeRun(idx, func() error { return s.fluxRun(h, ActionTest, st, &sr) })
		}
		if err != nil {
			sr.Err = err.Error()
		}
		if last, ok := h.last(s.sc.Release); ok {
			sr.Release, sr.Revision, sr.Status = last.name, last.version, last.status
		}
		sr.End = s.clock.Now()
		res.Steps = append(res.Steps, sr)
	}
	res.KubeVersion = kubeVersion
	res.Events = s.events
	res.Calls = s.cluster.Calls()
	res.Leftovers = s.leftovers()
	return res, nil
}

// fluxStep is a step with the flags helm-controller sets: no Helm atomic,
// the poller (watcher) strategy, or hookOnly with disableWait, and
// WaitForJobs unless disableWaitForJobs (internal/action/install.go:93).
func (s *simulation) fluxStep(st Step) Step {
	fst := st
	fst.Atomic, fst.CleanupOnFail = false, false
	fst.WaitStrategy, fst.Wait = WaitWatcher, true
	fst.WaitForJobs = !s.sc.Flux.DisableWaitForJobs
	if s.sc.Flux.DisableWait {
		fst.WaitStrategy, fst.Wait = WaitHookOnly, false
	}
	if st.WaitStrategy == WaitLegacy {
		fst.WaitStrategy = WaitLegacy
	}
	fst.NoHooks = st.NoHooks || s.sc.Flux.DisableHooks
	return fst
}

// fluxRun runs one Helm action inside a reconciliation, with the explainer
// told which hooks it can run.
func (s *simulation) fluxRun(h *helm4, a Action, st Step, sr *StepResult) error {
	s.explain.startStep(stepEvents(a, false))
	if last, ok := h.last(s.sc.Release); ok && a != ActionInstall && a != ActionUpgrade {
		hooks := last.hooks()
		if a == ActionTest {
			hooks = filterTestHooks(hooks, testFilters(st.Filter))
		}
		s.explain.setRelease(hooks)
	}
	s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: "flux: " + string(a), Reason: "helm-controller runs Helm's " + string(a) + " action"})
	err := h.runAction(a, st, sr)
	if err != nil {
		msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "INSTALLATION FAILED: "), "UPGRADE FAILED: ")
		return fmt.Errorf("%s", msg)
	}
	return nil
}

// fluxReconcile is one reconciliation of the HelmRelease: install when the
// release does not exist, else upgrade; on failure remediate and retry.
func (s *simulation) fluxReconcile(h *helm4, st Step, sr *StepResult) error {
	fo := s.sc.Flux
	fst := s.fluxStep(st)
	fst.Install = true // a failed install is reported without the CLI's prefix
	for attempt := 1; ; attempt++ {
		a := ActionUpgrade
		retries := fo.UpgradeRetries
		if h.installs(s.sc.Release) {
			a, retries = ActionInstall, fo.InstallRetries
		}
		err := s.fluxRun(h, a, fst, sr)
		if err == nil && fo.TestEnable {
			if terr := s.fluxRun(h, ActionTest, fst, sr); terr != nil {
				if fo.IgnoreTestFailures {
					s.emit(Event{Type: EventStatus, Release: s.sc.Release, Reason: "test failed, ignored (test.ignoreFailures): " + oneLine(terr.Error())})
				} else {
					err = fmt.Errorf("test failed: %w", terr)
				}
			}
		}
		if err == nil {
			return nil
		}
		last := attempt > retries
		// InstallRemediation.MustRemediateLastFailure: false by default;
		// UpgradeRemediation.MustRemediateLastFailure: retries > 0.
		remediateLast := a == ActionUpgrade && retries > 0
		if fo.RemediateLastFailure != nil {
			remediateLast = *fo.RemediateLastFailure
		}
		if last && !remediateLast {
			s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: "flux: stalled",
				Reason: fmt.Sprintf("%s failed after %d attempt(s); remediateLastFailure is false (retries %d; api/v2/helmrelease_types.go MustRemediateLastFailure): the failed release stays", a, attempt, retries)})
			return err
		}
		if a == ActionInstall || fo.UpgradeStrategy == "uninstall" {
			s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: "flux: remediation",
				Reason: fmt.Sprintf("%s failed (attempt %d of %d): helm-controller uninstalls the release (a retry follows at once here; Flux retries after the HelmRelease's interval)", a, attempt, retries+1)})
			un := fst
			un.KeepHistory = false
			if uerr := s.fluxRun(h, ActionUninstall, un, sr); uerr != nil {
				return fmt.Errorf("%w; remediation (uninstall) failed: %w", err, uerr)
			}
		} else {
			s.emit(Event{Type: EventStatus, Release: s.sc.Release, Status: "flux: remediation",
				Reason: fmt.Sprintf("upgrade failed (attempt %d of %d): helm-controller rolls back to the previous revision (its pre/post-rollback hooks run; a retry follows at once here, Flux retries after the HelmRelease's interval)", attempt, retries+1)})
			rb := fst
			rb.Revision = 0
			if rerr := s.fluxRun(h, ActionRollback, rb, sr); rerr != nil {
				return fmt.Errorf("%w; remediation (rollback) failed: %w", err, rerr)
			}
		}
		if last {
			return err
		}
	}
}

// fluxWaitResources is helm-controller's waiter for release resources
// (internal/action/wait.go Wait and WaitWithJobs: FailFast, a 5s poll
// interval) as github.com/fluxcd/pkg/ssa v0.76.0 manager_wait.go
// WaitForSetWithContext runs it: it ends at the first poll where every
// resource is Current, or, fail-fast, where one is Failed ("failed early
// due to stalled resources"), else at the timeout ("timeout waiting for",
// listing every resource not Current). A failed Job is Failed when it
// fails (only with WaitForJobs: the Job status reader); a Deployment whose
// pods never become ready is Failed once its progressDeadlineSeconds
// (default 600) pass from when its pods started (kstatus reads
// ProgressDeadlineExceeded as Failed); every other resource that never
// becomes ready stays InProgress.
func (s *simulation) fluxWaitResources(resources kube.ResourceList, timeout time.Duration, withJobs bool) error {
	const interval = 5 * time.Second
	start := s.clock.Now()
	deadline := start + timeout
	s.emit(Event{Type: EventWait, Reason: fmt.Sprintf("helm-controller waits for %d release resource(s) (fail-fast, Jobs: %v), timeout %s", len(resources), withJobs, timeout)})
	type state struct {
		o        *Object
		rd       readiness
		failedAt time.Duration // -1: never Failed
		forever  bool          // never Current
	}
	var states []state
	firstFail, lastReady, forever := time.Duration(-1), start, false
	for _, info := range resources {
		o, err := s.objectOf(info)
		if err != nil {
			return err
		}
		cur, ok := s.cluster.Get(o.Key)
		if !ok {
			cur = o
		}
		st := state{o: cur, rd: resourceReadiness(cur, ok, withJobs, start), failedAt: -1}
		switch {
		case st.rd.failedAt >= 0:
			st.failedAt = st.rd.failedAt
		case st.rd.never && ok && cur.Kind == "Deployment" && cur.Exec != nil && len(cur.Exec.Pending) == 0:
			deadlineSeconds := int64(600)
			if n, ok := nestedInt(cur.Content, "spec", "progressDeadlineSeconds"); ok {
				deadlineSeconds = n
			}
			st.failedAt = max(start, cur.Exec.StartedAt+time.Duration(deadlineSeconds)*time.Second)
			st.rd.reason += fmt.Sprintf("; Failed at its progressDeadlineSeconds (%ds, assumed from when its pods started)", deadlineSeconds)
		case st.rd.never:
			st.forever, forever = true, true
		default:
			lastReady = max(lastReady, st.rd.at)
		}
		if st.failedAt >= 0 && (firstFail < 0 || st.failedAt < firstFail) {
			firstFail = st.failedAt
		}
		states = append(states, st)
	}
	name := func(o *Object) string { return o.Kind + "/" + o.Namespace + "/" + o.Name }
	if firstFail >= 0 && pollEnd(start, firstFail, interval) <= deadline {
		at := pollEnd(start, firstFail, interval)
		s.clock.AdvanceTo(at)
		var errs []string
		for _, st := range states {
			if st.failedAt >= 0 && st.failedAt <= at {
				errs = append(errs, name(st.o)+" status: 'Failed'")
				s.emit(Event{Type: EventFailed, Object: st.o.Key, Origin: st.o.Origin, Reason: "Failed: " + st.rd.reason, Error: "stalled"})
			}
		}
		sort.Strings(errs)
		return fmt.Errorf("failed early due to stalled resources: [%s]", strings.Join(errs, ", "))
	}
	if forever || firstFail >= 0 || pollEnd(start, lastReady, interval) > deadline {
		s.clock.AdvanceTo(deadline)
		var errs []string
		for _, st := range states {
			if st.forever || st.failedAt >= 0 || st.rd.at > deadline {
				errs = append(errs, name(st.o)+" status: 'InProgress'")
				s.emit(Event{Type: EventFailed, Object: st.o.Key, Origin: st.o.Origin, Reason: "not Current: " + st.rd.reason, Error: "timeout"})
			}
		}
		sort.Strings(errs)
		return fmt.Errorf("timeout waiting for: [%s]", strings.Join(errs, ", "))
	}
	for _, st := range states {
		if st.rd.at > start {
			s.clock.AdvanceTo(st.rd.at)
			s.emit(Event{Type: EventReady, Object: st.o.Key, Origin: st.o.Origin, Reason: st.rd.reason})
		}
	}
	s.clock.AdvanceTo(pollEnd(start, lastReady, interval))
	return nil
}
