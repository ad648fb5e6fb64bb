package hl7001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl7001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl7001.Analyzer) }
