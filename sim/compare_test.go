package sim

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Past maxLCSCells the merge is greedy and linear: equal call lists still
// share every row, and an extra call gets a row of its own (5,000 hooks
// made the table 1.8 GB; issue 17 point 10).
func TestMergeRowsLarge(t *testing.T) {
	var lines []string
	for i := 0; i < 3000; i++ {
		lines = append(lines, fmt.Sprintf("create jobs hook-%d 201", i))
	}
	rows := mergeRows(nil, lines, 0)
	other := append(append([]string{"delete jobs hook-x 404"}, lines[:1500]...), lines[1501:]...)
	if len(rows)*len(other) <= maxLCSCells {
		t.Fatalf("the case is too small to take the greedy merge")
	}
	got := mergeRows(rows, other, 1)
	if len(got) != 3001 {
		t.Fatalf("got %d rows, want 3001 (3,000 shared, one extra)", len(got))
	}
	if diff := cmp.Diff([]string{"", "delete jobs hook-x 404"}, got[0]); diff != "" {
		t.Errorf("first row (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"create jobs hook-1500 201", ""}, got[1501]); diff != "" {
		t.Errorf("the call only the first engine sent (-want +got):\n%s", diff)
	}
	for i, r := range got {
		if i != 0 && i != 1501 && r[0] != r[1] {
			t.Fatalf("row %d not shared: %q", i, r)
		}
	}
}
