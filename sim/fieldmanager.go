package sim

import (
	"fmt"
	"sort"
	"strconv"
)

// upgradeFieldManager mirrors the first request of helm.sh/helm/v4@v4.3.1
// pkg/kube/client.go upgradeClientSideFieldManager, which Helm 4 sends
// before the apply of every existing resource in a rollback (and in an
// upgrade from a release installed client-side): it GETs the object and
// PATCHes metadata.managedFields when k8s.io/client-go util/csaupgrade
// UpgradeManagedFieldsPatch returns a patch. That function decodes Helm's
// Apply entry and encodes it again, so it returns one whenever the client's
// encoding differs from the API server's, even with no client-side entry to
// upgrade. The two differ in the order of the keys of a list keyed by a port
// number (the server's FieldsV1 orders `k:{"port":443,...}` before
// `k:{"port":80,...}` as text, structured-merge-diff v6.4.2 by number): a
// Service or pod template with two ports whose order by number is not their
// order as text. The corpus recordings show exactly these objects patched
// twice in a Helm 4 rollback.
func (s *simulation) upgradeFieldManager(o *Object) {
	cur, ok := s.cluster.Get(o.Key)
	if !ok || !portKeysReorder(cur) {
		return
	}
	s.cluster.RecordCall("patch", cur, 200)
	s.emit(Event{Type: EventUpdate, Object: cur.Key, Origin: cur.Origin, Code: 200,
		Reason: "Helm 4 upgrades client-side field managers first (csaupgrade): the managedFields it re-encodes order port-keyed entries differently, so it sends a JSON patch before the apply"})
}

// portKeysReorder reports whether o holds a list keyed by port numbers
// (Service spec.ports; containerPort of the containers of a pod spec) whose
// numeric order differs from the text order of the numbers.
func portKeysReorder(o *Object) bool {
	var lists [][]int64
	ports := func(v any, key string) []int64 {
		var out []int64
		l, _ := v.([]any)
		for _, e := range l {
			if n, ok := nestedInt(e, key); ok {
				out = append(out, n)
			}
		}
		return out
	}
	if o.Group == "" && o.Kind == "Service" {
		lists = append(lists, ports(nestedValue(o.Content, "spec", "ports"), "port"))
	}
	if pt := podTemplate(o); pt != nil {
		for _, field := range []string{"containers", "initContainers"} {
			cs, _ := nestedValue(pt, "spec", field).([]any)
			for _, c := range cs {
				lists = append(lists, ports(nestedValue(c, "ports"), "containerPort"))
			}
		}
	}
	for _, l := range lists {
		byNum := append([]int64(nil), l...)
		sort.Slice(byNum, func(i, j int) bool { return byNum[i] < byNum[j] })
		byText := append([]int64(nil), l...)
		sort.Slice(byText, func(i, j int) bool {
			return strconv.FormatInt(byText[i], 10) < strconv.FormatInt(byText[j], 10)
		})
		if fmt.Sprint(byNum) != fmt.Sprint(byText) {
			return true
		}
	}
	return false
}
