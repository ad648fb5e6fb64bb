package hl8003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl8003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl8003.Analyzer) }
