package hl8002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl8002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl8002.Analyzer) }
