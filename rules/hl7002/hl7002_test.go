package hl7002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl7002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl7002.Analyzer) }
