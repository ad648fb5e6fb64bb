package sim

import (
	"fmt"
	"slices"
	"sync"

	"helm.sh/helm/v3/pkg/release"
)

// This file says why each event happens when it does. It decides nothing:
// Helm's execHook has already chosen the order, and the explainer only
// follows the calls it sees, keeping track of which hook event runs and how
// far it got (helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go execHook):
//
//  1. hooks of the event sorted by weight, then name (hookByWeight; kind
//     only orders equal names, from the stored InstallOrder);
//  2. per hook: the before-hook-creation DELETE (the default when no policy
//     is given), the create, the wait;
//  3. on a failure: hook-failed deletes the failed hook, then hook-succeeded
//     deletes the earlier hooks of the event, in order;
//  4. when all succeeded: hook-succeeded deletes, in reverse order.

// hookInfo is what the explainer knows of a hook, from the release records
// Helm stores (first seen, before execHook applies the default policy).
type hookInfo struct {
	Name, Kind, Path string
	Manifest         string
	Weight           int
	Events           []string
	Policies         []string // as written, parsed by Helm
}

func newHookInfo(h *release.Hook) *hookInfo {
	hi := &hookInfo{Name: h.Name, Kind: h.Kind, Path: h.Path, Manifest: h.Manifest, Weight: h.Weight}
	for _, e := range h.Events {
		hi.Events = append(hi.Events, string(e))
	}
	for _, p := range h.DeletePolicies {
		hi.Policies = append(hi.Policies, string(p))
	}
	return hi
}

// effectivePolicies are the delete policies execHook applies: the default
// before-hook-creation when the list is empty.
func (h *hookInfo) effectivePolicies() []string {
	if len(h.Policies) == 0 {
		return []string{string(release.HookBeforeHookCreation)}
	}
	return h.Policies
}

// has reports whether execHook deletes the hook for policy
// (deleteHookByPolicy: never for CustomResourceDefinitions).
func (h *hookInfo) has(policy release.HookDeletePolicy) bool {
	return h.Kind != "CustomResourceDefinition" && slices.Contains(h.effectivePolicies(), string(policy))
}

func (h *hookInfo) occurrences(event string) int {
	n := 0
	for _, e := range h.Events {
		if e == event {
			n++
		}
	}
	return n
}

func (h *hookInfo) String() string { return h.Kind + "/" + h.Name }

type execState int

const (
	stateIdle execState = iota
	stateRunning
	stateCleanupSucceeded
	stateCleanupFailed
)

// explainer follows one step's hook executions.
type explainer struct {
	mu         sync.Mutex
	byManifest map[string]*hookInfo
	records    map[string][]*hookInfo // the hooks of each release record learned (learnRecord)
	hooks      []*hookInfo            // the hooks of the release being acted on, stored order
	events     []string               // the hook events the step can run, in order
	cur        int
	created    []*hookInfo
	total      int
	state      execState
	queue      []*hookInfo
	failed     *hookInfo
}

func newExplainer() *explainer {
	return &explainer{byManifest: map[string]*hookInfo{}, cur: -1}
}

// learn records the hooks of a release record; the first record of a
// manifest wins (it has the policies as parsed).
func (x *explainer) learn(rel *release.Release) []*hookInfo {
	return x.learnRecord(rel.Name, rel.Version, false, func() []*hookInfo {
		hooks := make([]*hookInfo, 0, len(rel.Hooks))
		for _, h := range rel.Hooks {
			hooks = append(hooks, newHookInfo(h))
		}
		return hooks
	})
}

// learnNew learns the hooks of a record Helm has just created.
func (x *explainer) learnNew(rel *release.Release) []*hookInfo {
	x.mu.Lock()
	delete(x.records, fmt.Sprintf("%s.v%d", rel.Name, rel.Version))
	x.mu.Unlock()
	return x.learn(rel)
}

// learnRecord learns the hooks of release record name.vversion once:
// Helm writes a record after every hook it runs (execHook's
// recordRelease), and reading all its hooks each time made a release of n
// hooks cost n squared. fresh (a new record: Create) reads them again.
func (x *explainer) learnRecord(name string, version int, fresh bool, read func() []*hookInfo) []*hookInfo {
	key := fmt.Sprintf("%s.v%d", name, version)
	x.mu.Lock()
	if cached, ok := x.records[key]; ok && !fresh {
		x.mu.Unlock()
		return cached
	}
	x.mu.Unlock()
	out := x.learnHooks(read())
	x.mu.Lock()
	if x.records == nil {
		x.records = map[string][]*hookInfo{}
	}
	x.records[key] = out
	x.mu.Unlock()
	return out
}

// learnHooks records hooks of any Helm version's release record: the first
// hookInfo of a manifest wins.
func (x *explainer) learnHooks(hooks []*hookInfo) []*hookInfo {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make([]*hookInfo, 0, len(hooks))
	for _, h := range hooks {
		hi, ok := x.byManifest[h.Manifest]
		if !ok {
			hi = h
			x.byManifest[h.Manifest] = hi
		}
		out = append(out, hi)
	}
	return out
}

// hookByManifest finds the hook a manifest Helm builds belongs to.
func (x *explainer) hookByManifest(m string) *hookInfo {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.byManifest[m]
}

// setRelease makes rel the release whose hooks run next.
func (x *explainer) setRelease(hooks []*hookInfo) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.hooks = hooks
}

// startStep resets the state for a step that can run the given events.
func (x *explainer) startStep(events []release.HookEvent) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.events = x.events[:0]
	for _, e := range events {
		x.events = append(x.events, string(e))
	}
	x.cur, x.created, x.total, x.state, x.queue, x.failed = -1, nil, 0, stateIdle, nil, nil
}

func (x *explainer) count(event string) int {
	n := 0
	for _, h := range x.hooks {
		n += h.occurrences(event)
	}
	return n
}

func (x *explainer) createdTimes(h *hookInfo) int {
	n := 0
	for _, c := range x.created {
		if c == h {
			n++
		}
	}
	return n
}

// advance moves to the event h runs in next, unless h still has a run in
// the current one.
func (x *explainer) advance(h *hookInfo) {
	if x.cur >= 0 && x.cur < len(x.events) && x.state == stateRunning &&
		h.occurrences(x.events[x.cur]) > x.createdTimes(h) {
		return
	}
	for j := x.cur + 1; j < len(x.events); j++ {
		if h.occurrences(x.events[j]) > 0 {
			x.cur, x.created, x.total, x.state, x.queue, x.failed = j, nil, x.count(x.events[j]), stateRunning, nil, nil
			return
		}
	}
}

func (x *explainer) event() string {
	if x.cur >= 0 && x.cur < len(x.events) {
		return x.events[x.cur]
	}
	return ""
}

// eventContext is the hook event, weight and reason for the events of one
// call.
type eventContext struct {
	hook     string
	weight   *int
	hookPath string
	reason   string
}

func (c eventContext) event(t EventType, o *Object) Event {
	return Event{Type: t, Hook: c.hook, Weight: c.weight, HookPath: c.hookPath, Object: o.Key, Origin: o.Origin, Reason: c.reason}
}

func (x *explainer) ctx(h *hookInfo, reason string) eventContext {
	w := h.Weight
	return eventContext{hook: x.event(), weight: &w, hookPath: h.Path, reason: reason}
}

// onBuildFailed explains a hook Helm's builder rejects: execHook returns the
// error before sending anything for it.
func (x *explainer) onBuildFailed(h *hookInfo) eventContext {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.state != stateCleanupFailed && x.state != stateCleanupSucceeded {
		x.advance(h)
	}
	c := x.ctx(h, "Helm cannot build the hook's manifest: nothing is sent for it and execHook stops")
	x.state = stateIdle
	return c
}

// current is the context of h in the running event, for wait events.
func (x *explainer) current(h *hookInfo) eventContext {
	if h == nil {
		return eventContext{}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.ctx(h, "")
}

// onCreate explains the create of h: its place in the order Helm sorted the
// event's hooks in (helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go hookByWeight:
// weight, then name; kind only for equal names).
func (x *explainer) onCreate(h *hookInfo) eventContext {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.advance(h)
	ev := x.event()
	var reason string
	switch {
	case len(x.created) == 0 && x.total <= 1:
		reason = fmt.Sprintf("the only %s hook", ev)
	case len(x.created) == 0:
		reason = fmt.Sprintf("first of %d %s hooks: lowest weight %d", x.total, ev, h.Weight)
	default:
		prev := x.created[len(x.created)-1]
		switch {
		case prev.Weight < h.Weight:
			reason = fmt.Sprintf("weight %d < %d: after %s", prev.Weight, h.Weight, prev)
		case prev.Name < h.Name:
			reason = fmt.Sprintf("equal weight %d, name order: %q < %q", h.Weight, prev.Name, h.Name)
		case prev.Name == h.Name && prev != h:
			reason = fmt.Sprintf("equal weight and name: kind order (InstallOrder), %s before %s", prev.Kind, h.Kind)
		case prev == h:
			reason = fmt.Sprintf("listed twice in helm.sh/hook: runs again in %s", ev)
		default:
			reason = fmt.Sprintf("after %s", prev)
		}
	}
	x.created = append(x.created, h)
	return x.ctx(h, reason)
}

// onCreateFailed: execHook returns at once; nothing is cleaned up.
func (x *explainer) onCreateFailed(*hookInfo) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.state = stateIdle
}

// onWatched follows the end of h's wait: a failure starts the failure
// clean-up, the last success the success clean-up.
func (x *explainer) onWatched(h *hookInfo, err error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.state != stateRunning {
		return
	}
	if err != nil {
		x.state, x.failed, x.queue = stateCleanupFailed, h, nil
		if h.has(release.HookFailed) {
			x.queue = append(x.queue, h)
		}
		earlier := x.created
		if len(earlier) > 0 {
			earlier = earlier[:len(earlier)-1]
		}
		for _, c := range earlier {
			if c.has(release.HookSucceeded) {
				x.queue = append(x.queue, c)
			}
		}
	} else if len(x.created) >= x.total {
		x.state, x.queue = stateCleanupSucceeded, nil
		for i := len(x.created) - 1; i >= 0; i-- {
			if x.created[i].has(release.HookSucceeded) {
				x.queue = append(x.queue, x.created[i])
			}
		}
	}
	if x.state != stateRunning && len(x.queue) == 0 {
		x.state = stateIdle
	}
}

// onDelete explains a delete of h by a delete policy.
func (x *explainer) onDelete(h *hookInfo) eventContext {
	x.mu.Lock()
	defer x.mu.Unlock()
	if (x.state == stateCleanupSucceeded || x.state == stateCleanupFailed) && len(x.queue) > 0 && x.queue[0] == h {
		x.queue = x.queue[1:]
		ev := x.event()
		var reason string
		switch {
		case x.state == stateCleanupSucceeded:
			reason = fmt.Sprintf("hook-succeeded: deleted after all %s hooks succeeded (reverse order)", ev)
		case h == x.failed:
			reason = "hook-failed: deleted because it failed"
		default:
			reason = fmt.Sprintf("hook-succeeded: %s failed, so the earlier %s hooks with hook-succeeded are deleted", x.failed, ev)
		}
		c := x.ctx(h, reason)
		if len(x.queue) == 0 {
			x.state = stateIdle
		}
		return c
	}
	x.advance(h)
	reason := "delete policy before-hook-creation"
	if len(h.Policies) == 0 {
		reason += " (the default: no helm.sh/hook-delete-policy)"
	}
	return x.ctx(h, reason)
}
