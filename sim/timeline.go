package sim

import (
	"time"
)

// EventType is what happened in one timeline event.
type EventType int

// Event types.
const (
	EventCreate EventType = iota // a POST: a hook or a release resource is created
	EventUpdate                  // a PATCH of a release resource (upgrade, rollback)
	EventDelete                  // a DELETE: a delete policy, an uninstall, a removed resource
	EventWait                    // Helm starts waiting (hook readiness, --wait)
	EventReady                   // what Helm waited for is there
	EventFailed                  // a wait ended in failure or timeout
	EventStatus                  // the release record changed status
	EventKept                    // a resource Helm did not delete (resource-policy keep)
	EventLogs                    // Helm fetches a hook's pod logs (hook-output-log-policy)
)

var eventTypeNames = [...]string{"create", "update", "delete", "wait", "ready", "failed", "status", "kept", "logs"} //nolint:gochecknoglobals // read-only lookup table

func (t EventType) String() string {
	if int(t) < len(eventTypeNames) {
		return eventTypeNames[t]
	}
	return "unknown"
}

// MarshalText makes EventType a string in JSON.
func (t EventType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Event is one line of the timeline.
type Event struct {
	At     time.Duration // virtual time since the start of the scenario
	Step   int           // 1-based step index
	Type   EventType
	Hook   string // the hook event (pre-install, ...), "" for release resources and status
	Weight *int   // the hook's weight, nil when not a hook
	// HookPath is the Helm path of the hook's template
	// (chart/templates/x.yaml), for hook events.
	HookPath string
	Object   Key // the object, zero for status events
	Origin   Origin
	Code     int    // the API server's HTTP status for create, update and delete
	Reason   string // why it happened (explain.go)
	Refs     []Ref  // references a pod waited for that do not exist (wait, failed)
	Error    string // the error, for failed events

	// Release, Revision and Status are set for status events.
	Release  string
	Revision int
	Status   string
}

// Leftover is an object still in the cluster after the scenario.
type Leftover struct {
	Object   Key
	Origin   Origin
	HookPath string // for hooks
	Phase    Phase  // for Jobs and Pods
	Reason   string // why it is still there
}

// StepResult is the outcome of one step.
type StepResult struct {
	Index    int
	Action   Action
	Command  string // the helm command line this step stands for
	Start    time.Duration
	End      time.Duration
	Err      string // Helm's error as the helm CLI prints it ("Error: ..."), "" on success
	Release  string // the release's last revision and status after the step
	Revision int
	Status   string
	Info     string // extra output Helm prints (uninstall's kept resources)
}

// Failed reports whether the helm command of the step failed (exit 1).
func (s StepResult) Failed() bool { return s.Err != "" }

// Result is a whole simulation: the steps, the timeline, every call the fake
// cluster received, and what is left in it.
type Result struct {
	Helm        HelmVersion
	Engine      Engine // EngineHelm, EngineArgoCD, EngineFlux
	KubeVersion string
	Release     string
	Namespace   string
	Chart       string // the chart of the first step, for headers
	Steps       []StepResult
	Events      []Event
	Calls       []Call
	Leftovers   []Leftover
	// External are the references no object of the chart or of the
	// cluster state provides (listed before the timeline).
	External []External
}

// Failed reports whether any step's helm command failed.
func (r *Result) Failed() bool {
	for _, s := range r.Steps {
		if s.Failed() {
			return true
		}
	}
	return false
}
