// Package sim simulates what Helm does with a chart's hooks against a cluster,
// without a cluster.
//
// Helm decides the order; sim is the cluster. A simulation runs Helm's own
// pkg/action (Install, Upgrade, Rollback, Uninstall, ReleaseTesting from
// helm.sh/helm/v3@v3.22.0) with an in-memory release store
// (storage/driver.NewMemory) and an in-memory fake cluster behind Helm's
// kube.Interface and the extension interfaces Helm type-asserts
// (InterfaceExt, InterfaceDeletionPropagation, InterfaceThreeWayMerge,
// InterfaceLogs, InterfaceResources). Nothing in sim re-implements execHook or
// the command flows.
//
// The fake cluster (cluster.go) keeps its own objects keyed by
// group/kind/namespace/name and answers like the API server (AlreadyExists,
// NotFound, missing namespaces). build.go maps manifests to resources without a
// server (Helm's own kube.Client.Build over a static REST mapping plus the CRDs
// in the fake cluster). readiness.go is what Helm's waiters see per kind;
// outcome.go decides how each Job or Pod ends (success after a virtual
// duration, failure, hang, Pending on a missing reference); clock.go is virtual
// time: waits and timeouts resolve at once, the timeline shows simulated
// seconds. scenario.go holds the steps, timeline.go the typed events and their
// text, JSON and Mermaid forms, explain.go the reasons given for each event,
// findings.go what the linter reports from a simulation.
//
// The Helm-facing adapter for v3 is kube3.go, for v4 (helm.sh/helm/v4@v4.3.1)
// kube4.go with waiter4.go, run4.go and store4.go; the store, outcomes and
// timeline do not use Helm's types and serve both (HelmVersion). Helm's
// tpl has no depth bound, so Helm's renders cannot be left to Helm's
// engine alone: rendergate.go renders Helm 3's with hooklint's bounded
// copy where renderResources renders, with the inputs it has, and hands
// Helm's engine the rendered text; it probes Helm 4's there. argocd.go
// and flux.go simulate the controllers built on Helm (Engine), compare.go
// aligns the engines' calls.
//
// What Helm really does with hooks is described in
// ../shared/docs/helm-hook-semantics.md (relative to the repository root);
// where that text and Helm's code disagree, Helm's code wins.
package sim
