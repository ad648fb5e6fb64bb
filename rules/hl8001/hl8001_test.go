package hl8001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl8001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl8001.Analyzer) }
