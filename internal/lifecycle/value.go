package lifecycle

import (
	"fmt"
	"strconv"
	"time"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
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

// The kubelet's container restart back-off, which paces a Job whose pods
// have restartPolicy OnFailure: the containers restart in place after 10s,
// 20s, 40s, ... capped at five minutes (k8s.io/kubernetes@v1.35
// pkg/kubelet/kubelet.go backOffPeriod and MaxContainerBackOff), and the
// Job fails once the restarts reach backoffLimit (pkg/controller/job
// job_controller.go pastBackoffLimitOnFailure).
const (
	RestartBackoffBase = 10 * time.Second
	RestartBackoffCap  = 5 * time.Minute
)

// JobMinFailTime is the least time a Job with backoffLimit b and pod
// restartPolicy policy needs to fail when every run fails at once:
// MinFailTime for Never (new pods, the Job controller's back-off), the sum
// of b kubelet restart delays for OnFailure.
func JobMinFailTime(b int, policy string) time.Duration {
	if policy != "OnFailure" {
		return MinFailTime(b)
	}
	var total time.Duration
	d := RestartBackoffBase
	for range b {
		total += d
		d = min(2*d, RestartBackoffCap)
	}
	return total
}

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

// RestartPolicy is the restartPolicy of a Job's pod template ("" unset).
func RestartPolicy(o *hook.Object) string {
	v, _ := o.Get("spec", "template", "spec", "restartPolicy")
	s, _ := v.(string)
	return s
}

// RetriesOutlast reports whether Job o's explicit spec.backoffLimit,
// above the default every Job has, makes a failing run retry past Helm's
// --timeout (st) with no
// activeDeadlineSeconds within the timeout to fail it first, with the
// limit and the least time its retries take. HL2006 reports these Jobs,
// and HL2007 leaves them to it.
func RetriesOutlast(o *hook.Object, st lint.Settings) (b int, fail time.Duration, ok bool) {
	v, set := o.Get("spec", "backoffLimit")
	if !set {
		return 0, 0, false
	}
	if b, ok = Int(v); !ok {
		return 0, 0, false
	}
	if dv, set := o.Get("spec", "activeDeadlineSeconds"); set {
		if d, ok := Int(dv); ok && !st.Outlasts(time.Duration(d)*time.Second) {
			return 0, 0, false // the deadline fails the Job before Helm's timeout
		}
	}
	fail = JobMinFailTime(b, RestartPolicy(o))
	return b, fail, b > DefaultBackoffLimit && st.Outlasts(fail)
}
