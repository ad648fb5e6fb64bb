package sim

import (
	"encoding/json"
	"fmt"
	"github.com/hooklint/hooklint/internal/termtext"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// SchemaVersion names the JSON form of a Result (WriteJSON); it changes when
// a field changes meaning or goes away (README.md documents it).
const SchemaVersion = "hooklint.simulate/v1"

// Driver names what ran the hooks, for headers.
func (r *Result) Driver() string {
	switch r.Engine {
	case EngineArgoCD:
		return "Argo CD sync (helm template, hooks mapped as argoproj/argo-cd @ 37ee0097 maps them)"
	case EngineFlux:
		return fmt.Sprintf("Flux helm-controller (helm %s pkg/action, Flux's waiter and remediation)", r.Helm)
	}
	return fmt.Sprintf("helm %s (pkg/action)", r.Helm)
}

func (r *Result) engineField() Engine {
	if r.Engine == EngineHelm {
		return ""
	}
	return r.Engine
}

// WriteText writes the timeline for people: one line per event with the
// virtual time, step, hook event and weight, action, object, the API
// server's answer and the reason; each step's outcome with Helm's error
// text; and what is left in the cluster.
func WriteText(w io.Writer, r *Result) error {
	ew := &errWriter{w: w}
	ew.printf("hooklint simulate: %s against a fake cluster, Kubernetes %s, virtual time\n", r.Driver(), r.KubeVersion)
	ew.printf("release %q in namespace %q\n", r.Release, r.Namespace)
	if len(r.External) > 0 {
		ew.printf("\nexternal dependencies (neither the chart nor --cluster-state provides them; a pod that needs one stays Pending):\n")
		for _, e := range r.External {
			ew.printf("  %s %q (%s of %s): %s\n", esc(e.Ref.Kind), e.Ref.Name, esc(e.Ref.Field), esc(e.Consumer.String()), esc(e.Hint))
		}
	}
	byStep := eventsByStep(r)
	for _, st := range r.Steps {
		ew.printf("\nstep %d: %s\n", st.Index, esc(st.Command))
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  TIME\tSTEP\tHOOK\tACTION\tOBJECT\tRESULT\tREASON")
		for _, ev := range byStep[st.Index] {
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\n", FormatTime(ev.At), ev.Step, esc(hookColumn(ev)), ev.Type, esc(objectColumn(ev)), esc(resultColumn(ev)), esc(reasonColumn(ev)))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if st.Failed() {
			ew.printf("  => exit 1 at %s: Error: %s\n", FormatTime(st.End), indentRest(escLines(strings.TrimRight(st.Err, "\n")), "     "))
		} else {
			ew.printf("  => exit 0 at %s", FormatTime(st.End))
			if st.Status != "" {
				ew.printf(": release %s v%d %s", esc(st.Release), st.Revision, st.Status)
			} else {
				ew.printf(": release %s uninstalled", esc(r.Release))
			}
			ew.printf("\n")
		}
	}
	ew.printf("\nleft in the cluster:")
	if len(r.Leftovers) == 0 {
		ew.printf(" nothing\n")
	} else {
		ew.printf("\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		for _, l := range r.Leftovers {
			phase := l.Phase.String()
			if phase == "" {
				phase = "-"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", esc(l.Object.String()), l.Origin, phase, esc(l.Reason))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	failed := 0
	for _, st := range r.Steps {
		if st.Failed() {
			failed++
		}
	}
	if failed == 0 {
		ew.printf("\nresult: every helm command succeeded (%s of virtual time)\n", FormatTime(lastEnd(r)))
	} else {
		ew.printf("\nresult: %d of %d helm commands failed (%s of virtual time)\n", failed, len(r.Steps), FormatTime(lastEnd(r)))
	}
	return ew.err
}

func lastEnd(r *Result) time.Duration {
	if len(r.Steps) == 0 {
		return 0
	}
	return r.Steps[len(r.Steps)-1].End
}

func hookColumn(ev Event) string {
	if ev.Hook == "" {
		return "-"
	}
	if ev.Weight == nil {
		return ev.Hook
	}
	return ev.Hook + " " + strconv.Itoa(*ev.Weight)
}

func objectColumn(ev Event) string {
	if ev.Type == EventStatus {
		return fmt.Sprintf("release %s v%d", ev.Release, ev.Revision)
	}
	if ev.Object.Kind == "" {
		return "-"
	}
	return ev.Object.String()
}

func resultColumn(ev Event) string {
	switch ev.Type {
	case EventStatus:
		return ev.Status
	case EventCreate, EventUpdate, EventDelete:
		if ev.Code == 0 {
			return "-"
		}
		return strconv.Itoa(ev.Code) + " " + codeText(ev.Type, ev.Code)
	}
	return "-"
}

func codeText(t EventType, code int) string {
	switch {
	case code == 201:
		return "created"
	case code == 200 && t == EventDelete:
		return "deleted"
	case code == 200:
		return "patched"
	case code == 409:
		return "already exists"
	case code == 422:
		return "invalid"
	case code == 404:
		return "not found"
	case code == 403:
		return "forbidden"
	}
	return "error"
}

func reasonColumn(ev Event) string {
	s := ev.Reason
	if ev.Error != "" {
		if s != "" {
			s += "; "
		}
		s += "error: " + oneLine(ev.Error)
	}
	if s == "" {
		return "-"
	}
	return s
}

func indentRest(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}

// jsonResult is the JSON form of a Result (schema SchemaVersion). Times are
// virtual seconds since the start of the scenario.
type jsonResult struct {
	SchemaVersion string         `json:"schemaVersion"`
	Helm          string         `json:"helm"`
	Engine        Engine         `json:"engine,omitempty"` // absent for the helm CLI
	KubeVersion   string         `json:"kubeVersion"`
	Release       string         `json:"release"`
	Namespace     string         `json:"namespace"`
	Failed        bool           `json:"failed"`
	Steps         []jsonStep     `json:"steps"`
	Events        []jsonEvent    `json:"events"`
	Calls         []jsonCall     `json:"calls"`
	Leftovers     []jsonLeftover `json:"leftovers"`
	External      []External     `json:"externalDependencies,omitempty"`
}

type jsonStep struct {
	Index    int     `json:"index"`
	Action   Action  `json:"action"`
	Command  string  `json:"command"`
	Start    float64 `json:"start"`
	End      float64 `json:"end"`
	ExitCode int     `json:"exitCode"`
	Error    string  `json:"error,omitempty"`
	Release  string  `json:"release,omitempty"`
	Revision int     `json:"revision,omitempty"`
	Status   string  `json:"status,omitempty"`
	Info     string  `json:"info,omitempty"`
}

type jsonEvent struct {
	At       float64   `json:"at"`
	Step     int       `json:"step"`
	Type     EventType `json:"type"`
	Hook     string    `json:"hook,omitempty"`
	Weight   *int      `json:"weight,omitempty"`
	HookPath string    `json:"hookPath,omitempty"`
	Object   *Key      `json:"object,omitempty"`
	Origin   *Origin   `json:"origin,omitempty"`
	Code     int       `json:"code,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	Refs     []Ref     `json:"missingRefs,omitempty"`
	Error    string    `json:"error,omitempty"`
	Release  string    `json:"release,omitempty"`
	Revision int       `json:"revision,omitempty"`
	Status   string    `json:"status,omitempty"`
}

type jsonCall struct {
	Step     int     `json:"step"`
	At       float64 `json:"at"`
	Verb     string  `json:"verb"`
	Resource string  `json:"resource"`
	Object   Key     `json:"object"`
	Code     int     `json:"code"`
	Origin   Origin  `json:"origin"`
}

type jsonLeftover struct {
	Object   Key    `json:"object"`
	Origin   Origin `json:"origin"`
	HookPath string `json:"hookPath,omitempty"`
	Phase    string `json:"phase,omitempty"`
	Reason   string `json:"reason"`
}

func seconds(d time.Duration) float64 { return d.Seconds() }

// WriteJSON writes the Result as JSON (schema SchemaVersion, documented in
// README.md).
func WriteJSON(w io.Writer, r *Result) error {
	out := jsonResult{
		SchemaVersion: SchemaVersion, Helm: r.Helm.String(), KubeVersion: r.KubeVersion, Engine: r.engineField(),
		Release: r.Release, Namespace: r.Namespace, Failed: r.Failed(),
		Steps: []jsonStep{}, Events: []jsonEvent{}, Calls: []jsonCall{}, Leftovers: []jsonLeftover{},
	}
	for _, st := range r.Steps {
		js := jsonStep{Index: st.Index, Action: st.Action, Command: st.Command, Start: seconds(st.Start), End: seconds(st.End),
			Error: st.Err, Release: st.Release, Revision: st.Revision, Status: st.Status, Info: st.Info}
		if st.Failed() {
			js.ExitCode = 1
		}
		out.Steps = append(out.Steps, js)
	}
	for _, ev := range r.Events {
		je := jsonEvent{At: seconds(ev.At), Step: ev.Step, Type: ev.Type, Hook: ev.Hook, Weight: ev.Weight, HookPath: ev.HookPath, Code: ev.Code,
			Reason: ev.Reason, Refs: ev.Refs, Error: ev.Error, Release: ev.Release, Revision: ev.Revision, Status: ev.Status}
		if ev.Object.Kind != "" {
			k, o := ev.Object, ev.Origin
			je.Object, je.Origin = &k, &o
		}
		out.Events = append(out.Events, je)
	}
	for _, c := range r.Calls {
		out.Calls = append(out.Calls, jsonCall{Step: c.Step, At: seconds(c.At), Verb: c.Verb, Resource: c.Resource, Object: c.Key, Code: c.Code, Origin: c.Origin})
	}
	for _, l := range r.Leftovers {
		out.Leftovers = append(out.Leftovers, jsonLeftover{Object: l.Object, Origin: l.Origin, HookPath: l.HookPath, Phase: l.Phase.String(), Reason: l.Reason})
	}
	out.External = r.External
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteMermaid writes the timeline as a Mermaid sequence diagram: helm on
// one side, the cluster on the other, a note per step and status change.
//
// Mermaid sizes a note and a message to its longest line and centres a note
// over one participant on it, so a long one-line note over helm, the
// leftmost participant, starts left of the picture and is cut off, and a
// long message widens the whole diagram until it is scaled down past
// reading. Every note and message text is therefore wrapped at
// mermaidWidth characters with <br/>, Mermaid's line break, and the notes
// of helm are written "right of H", where they cannot start left of it.
func WriteMermaid(w io.Writer, r *Result) error {
	ew := &errWriter{w: w}
	ew.printf("sequenceDiagram\n")
	ew.printf("    participant H as helm %s\n", r.Helm)
	ew.printf("    participant K as cluster (Kubernetes %s)\n", r.KubeVersion)
	byStep := eventsByStep(r)
	for _, st := range r.Steps {
		ew.printf("    Note over H,K: %s\n", mermaidText(fmt.Sprintf("step %d: %s", st.Index, st.Command)))
		for _, ev := range byStep[st.Index] {
			at := FormatTime(ev.At)
			hook := ""
			if ev.Hook != "" {
				hook = " [" + hookColumn(ev) + "]"
			}
			switch ev.Type {
			case EventCreate, EventUpdate, EventDelete:
				ew.printf("    H->>K: %s\n", mermaidText(fmt.Sprintf("%s %s %s%s", at, ev.Type, ev.Object, hook)))
				if ev.Error != "" {
					ew.printf("    K--xH: %s\n", mermaidText(fmt.Sprintf("%d %s", ev.Code, ev.Error)))
				} else {
					ew.printf("    K-->>H: %d %s\n", ev.Code, codeText(ev.Type, ev.Code))
				}
			case EventWait:
				if ev.Object.Kind == "" {
					ew.printf("    H->>K: %s\n", mermaidText(at+" "+ev.Reason))
				} else {
					ew.printf("    H->>K: %s\n", mermaidText(fmt.Sprintf("%s wait for %s%s", at, ev.Object, hook)))
				}
			case EventReady:
				ew.printf("    K-->>H: %s\n", mermaidText(fmt.Sprintf("%s %s ready: %s", at, ev.Object, ev.Reason)))
			case EventFailed:
				ew.printf("    K--xH: %s\n", mermaidText(fmt.Sprintf("%s %s: %s", at, ev.Object, reasonColumn(ev))))
			case EventStatus:
				ew.printf("    Note right of H: %s\n", mermaidText(fmt.Sprintf("%s release %s v%d %s", at, ev.Release, ev.Revision, ev.Status)))
			case EventKept, EventLogs:
				ew.printf("    Note over K: %s\n", mermaidText(fmt.Sprintf("%s %s %s: %s", at, ev.Type, ev.Object, ev.Reason)))
			}
		}
		if st.Failed() {
			ew.printf("    Note right of H: %s\n", mermaidText("exit 1: "+st.Err))
		} else {
			ew.printf("    Note right of H: exit 0\n")
		}
	}
	for _, l := range r.Leftovers {
		if l.Origin == OriginHook || l.Origin == OriginCRD {
			ew.printf("    Note over K: %s\n", mermaidText(fmt.Sprintf("left over: %s (%s)", l.Object, l.Origin)))
		}
	}
	return ew.err
}

// mermaidWidth is the longest line of a note or message text, in
// characters: about 400 pixels in Mermaid's default 16px font.
const mermaidWidth = 56

// mermaidText makes text safe inside a Mermaid message or note: one line in
// the source, no ";" (a statement separator) and no "#" (entity codes), and
// wrapped with <br/> at mermaidWidth characters (mermaidWrap).
func mermaidText(s string) string {
	s = oneLine(s)
	s = strings.NewReplacer(";", ",", "#", "nr.", "\t", " ").Replace(s)
	return mermaidWrap(s, mermaidWidth)
}

// mermaidWrap breaks s into lines of at most width runes at spaces, a
// longer word at width runes, joined with <br/>.
func mermaidWrap(s string, width int) string {
	var lines []string
	var line []rune
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		if len(line) > 0 && len(line)+1+len(wr) > width {
			lines = append(lines, string(line))
			line = line[:0]
		}
		if len(line) > 0 {
			line = append(line, ' ')
		}
		for len(line)+len(wr) > width {
			n := width - len(line)
			lines = append(lines, string(append(line, wr[:n]...)))
			line, wr = line[:0], wr[n:]
		}
		line = append(line, wr...)
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, string(line))
	}
	return strings.Join(lines, "<br/>")
}

// esc writes control characters of a chart-derived string as escapes, so
// that a name or message cannot move the cursor or fake a line
// (termtext.Escape; issue 17 point 11).
func esc(s string) string { return termtext.Escape(s) }

// escLines escapes each line of a multi-line error, keeping its layout
// (line breaks and the tabs of Helm's multierror list).
func escLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j, p := range parts {
			parts[j] = termtext.Escape(p)
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}

// eventsByStep groups the events by step, in order: the writers visit each
// event once, not once per step.
func eventsByStep(r *Result) map[int][]Event {
	out := map[int][]Event{}
	for _, ev := range r.Events {
		out[ev.Step] = append(out[ev.Step], ev)
	}
	return out
}
