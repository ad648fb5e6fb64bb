package sim

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/render"
)

// oracleDir is ../shared/oracle relative to the repository root.
const oracleDir = "../../shared/oracle"

// recordedStep is one "## step" of a recording, reduced to what the
// simulator must reproduce: the mutating calls on hook and release objects
// in order, the exit code and Helm's error text.
type recordedStep struct {
	Command string
	Exit    int
	Error   string
	Calls   []string
}

var stepHeader = regexp.MustCompile(`^## step (\d+): helm4? (.*) \(exit (\d+)(?:, [0-9.]+ s)?\)$`)

// parseRecording reads <chart>.helm.<scenario>.txt (Helm v3) or
// <chart>.helm4.<scenario>.txt (Helm v4). Reads (get, list, watch:
// the *-reads recordings) and Helm's release records (secrets
// sh.helm.release.v1.*: the *-records recordings) are left out, as the
// oracle README says: they are not calls on hook or release objects.
func parseRecording(t *testing.T, path string) []recordedStep {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var steps []recordedStep
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := stepHeader.FindStringSubmatch(line); m != nil {
			exit, _ := strconv.Atoi(m[3])
			steps = append(steps, recordedStep{Command: m[2], Exit: exit})
			continue
		}
		if line == "" || len(steps) == 0 {
			continue
		}
		fields := strings.Fields(line)
		switch fields[0] {
		case "get", "list", "watch":
			continue
		}
		if len(fields) != 4 {
			t.Fatalf("%s: unexpected line %q", path, line)
		}
		if fields[1] == "secrets" && strings.Contains(fields[2], "/sh.helm.release.v1.") {
			continue
		}
		steps[len(steps)-1].Calls = append(steps[len(steps)-1].Calls, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return steps
}

// parseOutputLog reads the "Error:" text of each step from the
// .helm-output.log beside a recording.
func parseOutputLog(t *testing.T, path string) map[int]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	step := 0
	inErr := false
	for _, line := range strings.Split(string(data), "\n") {
		if m := stepHeader.FindStringSubmatch(line); m != nil {
			step, _ = strconv.Atoi(m[1])
			inErr = false
			continue
		}
		if strings.HasPrefix(line, "Error: ") {
			inErr = true
			out[step] = strings.TrimPrefix(line, "Error: ")
			continue
		}
		if inErr {
			if line == "" {
				inErr = false
				continue
			}
			out[step] += "\n" + line
		}
	}
	return out
}

// oracleScenario turns the helm command lines of a recording into a
// scenario. Every step of a recording gets --namespace oracle.
func oracleScenario(t *testing.T, helm HelmVersion, steps []recordedStep) *Scenario {
	t.Helper()
	sc := &Scenario{Helm: helm, Release: "rel", Namespace: "oracle", KubeVersion: "v1.35.4", Outcomes: Outcomes{Decide: oracleDecide}}
	for _, rs := range steps {
		args := strings.Fields(rs.Command)
		st := Step{Action: Action(args[0]), Timeout: DefaultTimeout}
		var vals values.Options
		var pos []string
		for i := 1; i < len(args); i++ {
			switch a := args[i]; a {
			case "--install":
				st.Install = true
			case "--atomic", "--rollback-on-failure":
				st.Atomic = true
			case "--set":
				i++
				vals.Values = append(vals.Values, args[i])
			case "-f", "--values":
				i++
				vals.ValueFiles = append(vals.ValueFiles, filepath.Join(oracleDir, args[i]))
			case "--namespace":
				i++
			case "--timeout":
				i++
				d, err := time.ParseDuration(args[i])
				if err != nil {
					t.Fatal(err)
				}
				st.Timeout = d
			default:
				if strings.HasPrefix(a, "-") {
					t.Fatalf("step %q: flag %s is not mapped", rs.Command, a)
				}
				pos = append(pos, a)
			}
		}
		switch st.Action {
		case ActionInstall, ActionUpgrade:
			chart := filepath.Join(oracleDir, pos[1])
			ch, err := render.Load(chart, &render.Options{Values: vals, ReleaseName: "rel", Namespace: "oracle"})
			if err != nil {
				t.Fatal(err)
			}
			st.Chart = ch
		case ActionRollback:
			if len(pos) > 1 {
				n, err := strconv.Atoi(pos[1])
				if err != nil {
					t.Fatal(err)
				}
				st.Revision = n
			}
		}
		sc.Steps = append(sc.Steps, st)
	}
	return sc
}

// oracleDecide maps the oracle charts' kwok stages (oracle/stages-fail.yaml)
// to failure injection: label oracle.hooklint.dev/fail fails the pod,
// oracle.hooklint.dev/hang keeps it running, annotation
// oracle.hooklint.dev/delay slows it.
func oracleDecide(info ObjectInfo) (Decision, bool) {
	d := Decision{Verdict: Succeed}
	matched := false
	if v := info.PodAnnotations["oracle.hooklint.dev/delay"]; v != "" {
		if dur, err := time.ParseDuration(v); err == nil {
			d.Duration, d.Rule, matched = dur, "oracle delay "+v, true
		}
	}
	switch {
	case info.PodLabels["oracle.hooklint.dev/fail"] == "true":
		d.Verdict, d.Rule, matched = Fail, "oracle fail label", true
	case info.PodLabels["oracle.hooklint.dev/hang"] == "true":
		d.Verdict, d.Rule, matched = Hang, "oracle hang label", true
	}
	return d, matched
}

// normalize sorts the calls of each batch of same-verb, same-resource
// release resources: Helm sends them in parallel (pkg/kube/client.go
// batchPerform), so their order differs between runs. Hook calls keep their
// order: hooks run one at a time.
func normalize(calls []string, release map[string]bool) []string {
	out := append([]string(nil), calls...)
	batchKey := func(line string) string {
		f := strings.Fields(line)
		if !release[f[1]+" "+f[2]] {
			return ""
		}
		return f[0] + " " + f[1]
	}
	for i := 0; i < len(out); {
		k := batchKey(out[i])
		j := i + 1
		for k != "" && j < len(out) && batchKey(out[j]) == k {
			j++
		}
		sort.Strings(out[i:j])
		i = j
	}
	return out
}

func TestOracleRecordings(t *testing.T) {
	if _, err := os.Stat(oracleDir); err != nil {
		t.Skipf("oracle recordings not found at %s (../shared/oracle from the repository root): %v", oracleDir, err)
	}
	for _, r := range recordings(t, filepath.Join(oracleDir, "recordings"), "*") {
		replayRecording(t, r.helm, r.file)
	}
}

// recording is a recording file and the Helm version that made it.
type recording struct {
	helm HelmVersion
	file string
}

// recordings lists dir's recordings of scenario (a glob): Helm v3's
// <chart>.helm.<scenario>.txt, then Helm v4's <chart>.helm4.<scenario>.txt;
// none of either is an error.
func recordings(t *testing.T, dir, scenario string) []recording {
	t.Helper()
	var out []recording
	for _, v := range []struct {
		helm HelmVersion
		glob string
	}{{HelmV3, "*.helm." + scenario + ".txt"}, {HelmV4, "*.helm4." + scenario + ".txt"}} {
		files, err := filepath.Glob(filepath.Join(dir, v.glob))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no Helm %s recordings (%s) in %s", v.helm, v.glob, dir)
		}
		for _, f := range files {
			out = append(out, recording{v.helm, f})
		}
	}
	return out
}

// replayRecording simulates the steps of one recording with Helm version
// helm and compares the calls, exit codes and errors.
func replayRecording(t *testing.T, helm HelmVersion, file string) {
	t.Helper()
	replay(t, helm, file, oracleDecide)
}

// replay is replayRecording with decide deciding each pod's outcome.
func replay(t *testing.T, helm HelmVersion, file string, decide func(ObjectInfo) (Decision, bool)) {
	t.Helper()
	replayWith(t, helm, file, decide, nil)
}

// replayWith is replay on a cluster that holds state before the first step.
func replayWith(t *testing.T, helm HelmVersion, file string, decide func(ObjectInfo) (Decision, bool), state []StateObject) {
	t.Helper()
	{
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			want := parseRecording(t, file)
			errs := parseOutputLog(t, strings.TrimSuffix(file, ".txt")+".helm-output.log")
			for i := range want {
				want[i].Error = normalizeUIDs(errs[i+1])
			}
			sc := oracleScenario(t, helm, want)
			sc.Outcomes.Decide = decide
			sc.ClusterState = state
			res, err := Run(sc)
			if err != nil {
				t.Fatal(err)
			}
			release := map[string]bool{}
			for _, c := range res.Calls {
				if c.Origin == OriginRelease || c.Origin == OriginCRD {
					release[c.Resource+" "+c.Key.Namespace+"/"+c.Key.Name] = true
				}
			}
			got := make([]recordedStep, len(want))
			for i := range got {
				got[i].Command = want[i].Command
				sr := res.Steps[i]
				// The log shows Helm's stderr; the blank lines that end a
				// multierror message cannot be told from the log's own.
				got[i].Error = normalizeUIDs(strings.TrimRight(sr.Err, "\n"))
				if sr.Failed() {
					got[i].Exit = 1
				}
			}
			for _, c := range res.Calls {
				got[c.Step-1].Calls = append(got[c.Step-1].Calls, c.String())
			}
			for i := range got {
				got[i].Calls = normalize(got[i].Calls, release)
				want[i].Calls = normalize(want[i].Calls, release)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("simulation differs from the recording (-real helm +simulated):\n%s", diff)
				for _, st := range res.Steps {
					t.Logf("step %d: %s", st.Index, st.Command)
				}
			}
		})
	}
}

// uidPattern matches an object UID (a dynamically provisioned volume is
// named pvc-<claim UID>): the API server makes them at random, the
// simulation derives them from the object.
var uidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

func normalizeUIDs(s string) string { return uidPattern.ReplaceAllString(s, "UID") }

func TestParseOracleHelpers(t *testing.T) {
	calls := []string{
		"create configmaps oracle/d-plain 201",
		"create configmaps oracle/d-keep 201",
		"delete jobs oracle/b 200",
		"delete jobs oracle/a 200",
	}
	release := map[string]bool{"configmaps oracle/d-plain": true, "configmaps oracle/d-keep": true}
	want := []string{
		"create configmaps oracle/d-keep 201",
		"create configmaps oracle/d-plain 201",
		"delete jobs oracle/b 200",
		"delete jobs oracle/a 200",
	}
	if diff := cmp.Diff(want, normalize(calls, release)); diff != "" {
		t.Errorf("normalize (-want +got):\n%s", diff)
	}
}
