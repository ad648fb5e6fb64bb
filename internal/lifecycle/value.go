package lifecycle

import (
	"fmt"
	"strconv"
	"time"
)

// Int reads an integer field as decoded from YAML (an int, or a string
// holding one, as a templated value quoted by mistake).
func Int(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint64:
		return int(n), true
	case float64:
		if n == float64(int(n)) {
			return int(n), true
		}
	case string:
		i, err := strconv.Atoi(n)
		return i, err == nil
	}
	return 0, false
}

// Seconds formats n seconds as a duration: "3000 (50m0s)".
func Seconds(n int) string {
	return fmt.Sprintf("%d (%s)", n, time.Duration(n)*time.Second)
}

// Job controller retry delays, as the Kubernetes Job documentation states
// them ("Pod backoff failure policy": an exponential back-off delay of 10s,
// 20s, 40s, ... capped at six minutes). DefaultBackoffLimit is the
// batch/v1 JobSpec default.
const (
	BackoffBase         = 10 * time.Second
	BackoffCap          = 6 * time.Minute
	DefaultBackoffLimit = 6
)

// MinFailTime is the least time a Job with backoffLimit b needs to fail
// when every pod fails at once: the sum of the b retry delays.
func MinFailTime(b int) time.Duration {
	var total time.Duration
	d := BackoffBase
	for range b {
		total += d
		d *= 2
		if d > BackoffCap {
			d = BackoffCap
		}
	}
	return total
}
