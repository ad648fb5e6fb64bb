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

// kwokExceptions is every allowance the corpus replay makes, by recording
// (chart, scenario and variant, for both Helm versions); each is reviewed
// and has one line of reason.
var kwokExceptions = map[string]kwokException{
	"bitnami-opensearch.lifecycle": {pending: []string{"Secret/rel-opensearch"},
		reason: "the snapshots post-install Job reads Secret rel-opensearch, which the chart renders only with security enabled"},
	"cnpg-cluster.lifecycle.standin-crds": {pending: []string{"Secret/rel-cluster-app"},
		reason: "the test Job reads the app Secret the CNPG operator makes for the Cluster; the oracle (and the simulation) run no operator"},
	"elastic-kibana.lifecycle": {pending: []string{"ConfigMap/rel-kibana-helm-scripts", "Secret/elasticsearch-master-certs", "Secret/elasticsearch-master-credentials"},
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
	for _, r := range recordings(t, dir, "lifecycle") {
		replayCorpus(t, r, nil)
	}
}

// TestCorpusRecordingsClusterState replays the variants
// (../shared/oracle/corpus-recordings/variants) with what was changed in
// the cluster given as --cluster-state: standin-crds (a cluster that holds
// CNPG's and cert-manager's CRDs) with those CRDs, no-default-sc (the
// default StorageClass deleted) with a StorageClass that is not the default
// and provisions nothing (the state's StorageClasses replace the simulated
// default one).
func TestCorpusRecordingsClusterState(t *testing.T) {
	dir := filepath.Join(oracleDir, "corpus-recordings", "variants")
	crds, err := LoadClusterState([]string{filepath.Join(dir, "standin-crds.yaml")})
	if err != nil {
		t.Skipf("no standin-crds.yaml in %s: %v", dir, err)
	}
	noDefault, err := parseStateForTest(t, "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: manual\nprovisioner: kubernetes.io/no-provisioner\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		name  string
		state []StateObject
	}{{"standin-crds", crds}, {"no-default-sc", noDefault}} {
		for _, r := range recordings(t, dir, "lifecycle."+v.name) {
			replayCorpus(t, r, v.state)
		}
	}
}

// replayCorpus replays a corpus recording on a cluster holding state: with
// kwok's behaviour and the Pending check for a kwokException, as it stands
// otherwise.
func replayCorpus(t *testing.T, r recording, state []StateObject) {
	t.Helper()
	ex, ok := kwokExceptions[recordingKey(r.file)]
	if !ok {
		replayWith(t, r.helm, r.file, oracleDecide, state)
		return
	}
	replayWith(t, r.helm, r.file, kwokDecide, state)
	checkPendingExplained(t, r.helm, r.file, ex, state)
}

// recordingKey is a recording's name without the Helm version and the
// extension: "cnpg-cluster.lifecycle.standin-crds".
func recordingKey(file string) string {
	parts := strings.Split(strings.TrimSuffix(filepath.Base(file), ".txt"), ".")
	if len(parts) < 2 {
		return filepath.Base(file)
	}
	return strings.Join(append(parts[:1:1], parts[2:]...), ".")
}

// kwokDecide is oracleDecide on kwok: pods run whatever they reference.
func kwokDecide(info ObjectInfo) (Decision, bool) {
	d, _ := oracleDecide(info)
	d.RunsDespiteMissingRefs = true
	return d, true
}

// checkPendingExplained simulates the recording's steps as they stand (a
// real kubelet) and checks that the timeline names the missing references
// of the exception, and lists them as external dependencies.
func checkPendingExplained(t *testing.T, helm HelmVersion, file string, ex kwokException, state []StateObject) {
	t.Run(strings.TrimSuffix(filepath.Base(file), ".txt")+"/pending", func(t *testing.T) {
		want := parseRecording(t, file)
		sc := oracleScenario(t, helm, want)
		sc.ClusterState = state
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
