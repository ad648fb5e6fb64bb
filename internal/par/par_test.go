package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, 1, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestDoRunsAll(t *testing.T) {
	var a, b, c atomic.Int32
	Do(func() { a.Add(1) }, func() { b.Add(1) }, func() { c.Add(1) })
	if a.Load() != 1 || b.Load() != 1 || c.Load() != 1 {
		t.Fatalf("calls %d %d %d", a.Load(), b.Load(), c.Load())
	}
	if len(slots) != 0 {
		t.Fatalf("%d slots still taken", len(slots))
	}
}

// With every slot taken (a run whose charts keep all CPUs busy), Do and
// For start no goroutine: the work runs in the caller's goroutine.
func TestNoSlotRunsInline(t *testing.T) {
	for range cap(slots) {
		Acquire()
	}
	defer func() {
		for range cap(slots) {
			Release()
		}
	}()
	before := runtime.NumGoroutine()
	seen := 0
	Do(func() {}, func() { seen = max(seen, runtime.NumGoroutine()) })
	For(100, 1, func(int) { seen = max(seen, runtime.NumGoroutine()) })
	if seen > before {
		t.Fatalf("goroutines: %d before, %d while running", before, seen)
	}
}

// A panic in work on another goroutine reaches the caller, after every
// piece has returned and its slot is free again.
func TestPanicReachesCaller(t *testing.T) {
	var done atomic.Int32
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("recovered %v, want boom", r)
			}
		}()
		For(64, 1, func(i int) {
			defer done.Add(1)
			if i == 3 {
				panic("boom")
			}
		})
	}()
	if done.Load() != 64 {
		t.Fatalf("%d of 64 calls returned before the panic was raised", done.Load())
	}
	if len(slots) != 0 {
		t.Fatalf("%d slots still taken", len(slots))
	}
}

func TestSpare(t *testing.T) {
	ran := false
	wait := Spare(func() { ran = true })
	if wait == nil {
		t.Fatal("no slot was free")
	}
	wait()
	if !ran {
		t.Fatal("f did not run")
	}
	for range cap(slots) {
		Acquire()
	}
	if w := Spare(func() { t.Error("ran without a free slot") }); w != nil {
		t.Error("Spare returned a wait function without a free slot")
	}
	for range cap(slots) {
		Release()
	}
}
