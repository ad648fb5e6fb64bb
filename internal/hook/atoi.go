package hook

import "strconv"

// atoiExact is strconv.Atoi with Helm's fallback to 0
// (helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go calculateHookWeight).
func atoiExact(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}
