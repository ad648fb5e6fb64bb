// Package par shares the process's CPUs between the charts of a run and
// the independent work inside one chart.
//
// There are GOMAXPROCS slots. The charts of a lint run each take one
// (Acquire, blocking); work inside a chart that could run in parallel
// (Do, For) starts goroutines only on slots that are free at that moment
// and otherwise runs in the caller's goroutine. A run over many charts
// therefore keeps every CPU on a chart of its own, and its last charts,
// or a single chart, spread over the CPUs the others left idle. Results
// never depend on how the work was spread: each piece writes only its
// own output.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

var slots = make(chan struct{}, runtime.GOMAXPROCS(0)) //nolint:gochecknoglobals // the process's CPUs

// Acquire takes a slot, waiting for one to be free.
func Acquire() { slots <- struct{}{} }

// Release gives back a slot taken by Acquire.
func Release() { <-slots }

// tryAcquire takes a slot when one is free.
func tryAcquire() bool {
	select {
	case slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// Do runs fs and returns when all of them have returned. fs[0] runs in
// the caller's goroutine, each other one on a goroutine of its own when
// a slot is free for it, else in the caller's goroutine after fs[0]. A
// panic in any of them is raised again in the caller once all are done.
func Do(fs ...func()) {
	if len(fs) == 0 {
		return
	}
	var g group
	var inline []func()
	for _, f := range fs[1:] {
		if tryAcquire() {
			g.start(f)
		} else {
			inline = append(inline, f)
		}
	}
	g.run(fs[0])
	for _, f := range inline {
		g.run(f)
	}
	g.wait()
}

// Spare starts f on a goroutine of its own when a slot is free and
// returns a function that waits for f to return (raising its panic
// again); when no slot is free it does not run f and returns nil. It is
// for work that may turn out not to be needed, such as a render started
// before the caller knows it will want it: on a busy machine it is not
// done at all.
func Spare(f func()) (wait func()) {
	if !tryAcquire() {
		return nil
	}
	g := &group{}
	g.start(f)
	return g.wait
}

// For calls f(i) for every i in [0,n) and returns when all calls have
// returned. The caller's goroutine and a goroutine on each free slot
// (up to one per chunk of minChunk items) take the next index in turn.
// A panic in f(i) does not stop the other calls; the first one is raised
// again in the caller once all are done.
func For(n, minChunk int, f func(i int)) {
	if n <= 0 {
		return
	}
	var next atomic.Int64
	var g group
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			g.run(func() { f(i) })
		}
	}
	for helpers := (n - 1) / max(minChunk, 1); helpers > 0 && tryAcquire(); helpers-- {
		g.start(work)
	}
	g.run(work)
	g.wait()
}

// group is the goroutines Do and For started on slots they took.
type group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	panic any
}

// start runs f on a new goroutine that holds a slot taken for it.
func (g *group) start(f func()) {
	g.wg.Add(1)
	go func() {
		defer func() {
			<-slots
			g.wg.Done()
		}()
		g.run(f)
	}()
}

// run runs f and keeps its panic, the first one, for wait.
func (g *group) run(f func()) {
	defer func() {
		if r := recover(); r != nil {
			g.mu.Lock()
			if g.panic == nil {
				g.panic = r
			}
			g.mu.Unlock()
		}
	}()
	f()
}

func (g *group) wait() {
	g.wg.Wait()
	if g.panic != nil {
		panic(g.panic)
	}
}
