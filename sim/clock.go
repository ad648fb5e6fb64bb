package sim

import (
	"fmt"
	"time"
)

// Clock is the simulation's virtual time. Waits and timeouts resolve at once;
// the clock only records how long they would have taken. The zero Clock
// starts at 0.
type Clock struct {
	now time.Duration
}

// Now is the virtual time since the start of the scenario.
func (c *Clock) Now() time.Duration { return c.now }

// Advance moves the clock forward by d (never backward).
func (c *Clock) Advance(d time.Duration) {
	if d > 0 {
		c.now += d
	}
}

// AdvanceTo moves the clock to t if t is later than now.
func (c *Clock) AdvanceTo(t time.Duration) {
	if t > c.now {
		c.now = t
	}
}

// FormatTime formats a virtual time as mm:ss (h:mm:ss past an hour), with
// tenths when the time is not a whole second.
func FormatTime(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	h := d / time.Hour
	m := (d % time.Hour) / time.Minute
	s := (d % time.Minute) / time.Second
	frac := (d % time.Second) / (100 * time.Millisecond)
	var out string
	if h > 0 {
		out = fmt.Sprintf("%d:%02d:%02d", h, m, s)
	} else {
		out = fmt.Sprintf("%02d:%02d", m, s)
	}
	if frac > 0 {
		out += fmt.Sprintf(".%d", frac)
	}
	return out
}

// pollEnd is when a poll loop that checks at start and then every interval
// first sees a condition that becomes true at ready
// (k8s.io/apimachinery wait.PollUntilContextCancel with immediate=true, as
// helm.sh/helm/v3@v3.22.0 pkg/kube/wait.go waitForResources uses it).
func pollEnd(start, ready, interval time.Duration) time.Duration {
	if ready <= start {
		return start
	}
	n := (ready - start + interval - 1) / interval
	return start + n*interval
}
