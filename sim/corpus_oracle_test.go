package sim

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kwokException is a corpus chart whose recording differs from a real
// cluster only because the oracle's kubelet is kwok: kwok runs a pod whose
// ConfigMap, Secret or PVC does not exist, where a real kubelet keeps it
// Pending (CreateContainerConfigError, or unschedulable for a claim) and
// Helm times out. For these the recording is replayed with kwok's
// behaviour, and the simulation as it stands must explain the Pending pod
// before the timeout: these references, in the first step.
type kwokException struct {
	pending []string // Kind/name of the missing references, sorted
	reason  string
}

// kwokExceptions is every allowance the corpus replay makes; each is
// reviewed and has one line of reason.
var kwokExceptions = map[string]kwokException{ //nolint:gochecknoglobals // test table
	"bitnami-opensearch": {pending: []string{"Secret/rel-opensearch"},
		reason: "the snapshots post-install Job reads Secret rel-opensearch, which the chart renders only with security enabled"},
	"elastic-kibana": {pending: []string{"ConfigMap/rel-kibana-helm-scripts", "Secret/elasticsearch-master-certs", "Secret/elasticsearch-master-credentials"},
		reason: "the pre-install Job reads the Secrets of an Elasticsearch release installed first, and the helm-scripts ConfigMap hook that Helm creates after it (same weight, later name)"},
}

// TestCorpusRecordings replays every recording in
// ../shared/oracle/corpus-recordings (real Helm v3.22.0 and v4.3.1 running
// install, upgrade, rollback 1, test and uninstall of each corpus chart
// against a real API server) and compares each step's calls, exit code and
// error text, as TestOracleRecordings does for the small oracle charts.
// kwokExceptions are the only allowance.
func TestCorpusRecordings(t *testing.T) {
	dir := filepath.Join(oracleDir, "corpus-recordings")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus recordings not found at %s: %v", dir, err)
	}
	for _, v := range []struct {
		helm HelmVersion
		glob string
	}{{HelmV3, "*.helm.lifecycle.txt"}, {HelmV4, "*.helm4.lifecycle.txt"}} {
		files, err := filepath.Glob(filepath.Join(dir, v.glob))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no Helm %s recordings (%s) in %s", v.helm, v.glob, dir)
		}
		for _, file := range files {
			chart := strings.SplitN(filepath.Base(file), ".", 2)[0]
			ex, ok := kwokExceptions[chart]
			if !ok {
				replayRecording(t, v.helm, file)
				continue
			}
			replay(t, v.helm, file, func(info ObjectInfo) (Decision, bool) {
				d, matched := oracleDecide(info)
				d.RunsDespiteMissingRefs = true
				return d, matched || true
			})
			checkPendingExplained(t, v.helm, file, ex)
		}
	}
}

// checkPendingExplained simulates the recording's first step as it stands
// (a real kubelet) and checks that the timeline names the missing
// references of the exception.
func checkPendingExplained(t *testing.T, helm HelmVersion, file string, ex kwokException) {
	t.Run(strings.TrimSuffix(filepath.Base(file), ".txt")+"/pending", func(t *testing.T) {
		want := parseRecording(t, file)
		sc := oracleScenario(t, helm, want[:1])
		res, err := Run(sc)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, ev := range res.Events {
			if ev.Type != EventWait {
				continue
			}
			for _, r := range ev.Refs {
				seen[r.Kind+"/"+r.Name] = true
			}
		}
		var got []string
		for k := range seen {
			got = append(got, k)
		}
		sort.Strings(got)
		if diff := cmp.Diff(ex.pending, got); diff != "" {
			t.Errorf("Pending references the timeline explains (-want +got):\n%s\nexception: %s", diff, ex.reason)
		}
	})
}
