// Package fidelity holds the tests that compare hooklint's rendering and
// hook model with the real Helm CLI (`helm template`, built from the version
// hooklint links) on the shared corpus and on every fixture chart.
package fidelity
