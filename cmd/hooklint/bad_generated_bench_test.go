package main

import (
	"strings"
	"testing"
)

// BenchmarkBadInputsGenerated measures the wall time of hooklint on each
// generated hostile chart of TestBadInputsGenerated (issue 17's target: at
// most 10 s each on an idle machine), a whole process per iteration:
//
//	go test ./cmd/hooklint -run '^$' -bench BadInputsGenerated -benchtime 1x
func BenchmarkBadInputsGenerated(b *testing.B) {
	for _, tt := range badGeneratedCases() {
		b.Run(tt.name, func(b *testing.B) {
			dir := b.TempDir()
			tt.write(b, dir)
			hooklintBin(b)
			b.ResetTimer()
			for range b.N {
				if res := runBin(b, dir, nil, nil, tt.argv()...); res.code != 0 && res.code != 1 && res.code != 2 {
					b.Fatalf("exit %d:\n%s", res.code, res.stderr)
				}
			}
		})
	}
}

// BenchmarkSimulateScaleGenerated measures the wall time of the generated
// simulations of TestSimulateScaleGenerated, a whole process per iteration.
func BenchmarkSimulateScaleGenerated(b *testing.B) {
	for _, tt := range simulateScaleCases() {
		b.Run(tt.name, func(b *testing.B) {
			dir := b.TempDir()
			tt.write(b, dir)
			hooklintBin(b)
			b.ResetTimer()
			for range b.N {
				if res := runBin(b, dir, nil, nil, tt.args...); res.code != 0 || !strings.Contains(res.stdout, tt.want) {
					b.Fatalf("exit %d, stdout without %q:\n%s", res.code, tt.want, res.stderr)
				}
			}
		})
	}
}
