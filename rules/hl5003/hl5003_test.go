package hl5003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl5003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl5003.Analyzer) }
