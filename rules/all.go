// Package rules is the registry of hooklint's rules: one folder per rule,
// named by its lower-case ID, each holding the rule's code (hlNNNN.go), its
// documentation (doc.go) and its fixtures (testdata/bad, testdata/good).
package rules

import (
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/rules/hl1001"
	"github.com/hooklint/hooklint/rules/hl1002"
	"github.com/hooklint/hooklint/rules/hl1003"
	"github.com/hooklint/hooklint/rules/hl1004"
	"github.com/hooklint/hooklint/rules/hl1005"
	"github.com/hooklint/hooklint/rules/hl1006"
	"github.com/hooklint/hooklint/rules/hl1007"
	"github.com/hooklint/hooklint/rules/hl1008"
	"github.com/hooklint/hooklint/rules/hl1009"
	"github.com/hooklint/hooklint/rules/hl1010"
	"github.com/hooklint/hooklint/rules/hl1011"
	"github.com/hooklint/hooklint/rules/hl1012"
	"github.com/hooklint/hooklint/rules/hl1013"
	"github.com/hooklint/hooklint/rules/hl2001"
	"github.com/hooklint/hooklint/rules/hl2002"
	"github.com/hooklint/hooklint/rules/hl2003"
	"github.com/hooklint/hooklint/rules/hl2004"
	"github.com/hooklint/hooklint/rules/hl2005"
	"github.com/hooklint/hooklint/rules/hl2006"
	"github.com/hooklint/hooklint/rules/hl2007"
	"github.com/hooklint/hooklint/rules/hl2008"
	"github.com/hooklint/hooklint/rules/hl2009"
	"github.com/hooklint/hooklint/rules/hl2010"
	"github.com/hooklint/hooklint/rules/hl2011"
	"github.com/hooklint/hooklint/rules/hl3001"
	"github.com/hooklint/hooklint/rules/hl3002"
	"github.com/hooklint/hooklint/rules/hl3003"
	"github.com/hooklint/hooklint/rules/hl3004"
	"github.com/hooklint/hooklint/rules/hl3005"
	"github.com/hooklint/hooklint/rules/hl3006"
	"github.com/hooklint/hooklint/rules/hl3007"
	"github.com/hooklint/hooklint/rules/hl5001"
	"github.com/hooklint/hooklint/rules/hl5002"
	"github.com/hooklint/hooklint/rules/hl5003"
	"github.com/hooklint/hooklint/rules/hl6001"
	"github.com/hooklint/hooklint/rules/hl6002"
	"github.com/hooklint/hooklint/rules/hl6003"
	"github.com/hooklint/hooklint/rules/hl6004"
	"github.com/hooklint/hooklint/rules/hl6005"
	"github.com/hooklint/hooklint/rules/hl6006"
	"github.com/hooklint/hooklint/rules/hl6007"
)

// All is every rule, sorted by ID. Add a line here for a new rule; the
// registry test says what else is missing.
var All = []*lint.Analyzer{
	hl1001.Analyzer,
	hl1002.Analyzer,
	hl1003.Analyzer,
	hl1004.Analyzer,
	hl1005.Analyzer,
	hl1006.Analyzer,
	hl1007.Analyzer,
	hl1008.Analyzer,
	hl1009.Analyzer,
	hl1010.Analyzer,
	hl1011.Analyzer,
	hl1012.Analyzer,
	hl1013.Analyzer,
	hl2001.Analyzer,
	hl2002.Analyzer,
	hl2003.Analyzer,
	hl2004.Analyzer,
	hl2005.Analyzer,
	hl2006.Analyzer,
	hl2007.Analyzer,
	hl2008.Analyzer,
	hl2009.Analyzer,
	hl2010.Analyzer,
	hl2011.Analyzer,
	hl3001.Analyzer,
	hl3002.Analyzer,
	hl3003.Analyzer,
	hl3004.Analyzer,
	hl3005.Analyzer,
	hl3006.Analyzer,
	hl3007.Analyzer,
	hl5001.Analyzer,
	hl5002.Analyzer,
	hl5003.Analyzer,
	hl6001.Analyzer,
	hl6002.Analyzer,
	hl6003.Analyzer,
	hl6004.Analyzer,
	hl6005.Analyzer,
	hl6006.Analyzer,
	hl6007.Analyzer,
}
