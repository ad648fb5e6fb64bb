package corpus

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
)

// KeyFuncs are sprig's key and certificate generators (sprig v3.3.0
// functions.go genericMap; crypto.go): the functions whose real
// generation costs seconds of prime search per call.
var KeyFuncs = []string{ //nolint:gochecknoglobals // read-only list
	"genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
	"genSignedCert", "genSignedCertWithKey",
}

// RandomFuncs are sprig's other random and clock functions, which
// render.DeterministicFuncs replaces the same way as KeyFuncs.
var RandomFuncs = []string{ //nolint:gochecknoglobals // read-only list
	"randAlphaNum", "randAlpha", "randNumeric", "randAscii", "randBytes", "randInt", "shuffle", "uuidv4",
	"encryptAES", "now", "date", "dateInZone", "date_in_zone", "htmlDate", "htmlDateInZone", "ago", "durationRound",
}

// Calls returns, of names, the template functions the chart's templates
// call (its own and every subchart's, enabled or not, as Helm's loader
// reads them: folders and archives under charts/), sorted. Each template
// is parsed as Helm's engine parses it (text/template, functions not
// checked), so a name in a comment, a string or plain text does not
// count.
func (c Chart) Calls(names ...string) ([]string, error) {
	ch, err := loader.Load(c.Dir)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	seen := map[string]bool{}
	var walk func(ch *chart.Chart) error
	walk = func(ch *chart.Chart) error {
		for _, t := range ch.Templates {
			name := path.Join(ch.ChartFullPath(), t.Name)
			tree := parse.New(name)
			tree.Mode = parse.SkipFuncCheck
			trees := map[string]*parse.Tree{}
			if _, err := tree.Parse(string(t.Data), "", "", trees); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			for _, tr := range trees {
				identifiers(tr.Root, func(id string) {
					if want[id] {
						seen[id] = true
					}
				})
			}
		}
		for _, d := range ch.Dependencies() {
			if err := walk(d); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(ch); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

// identifiers calls f with every function name a template node calls.
func identifiers(n parse.Node, f func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			identifiers(x, f)
		}
	case *parse.ActionNode:
		identifiers(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			identifiers(c, f)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			identifiers(a, f)
		}
	case *parse.ChainNode:
		identifiers(n.Node, f)
	case *parse.IdentifierNode:
		f(n.Ident)
	case *parse.IfNode:
		branch(&n.BranchNode, f)
	case *parse.RangeNode:
		branch(&n.BranchNode, f)
	case *parse.WithNode:
		branch(&n.BranchNode, f)
	case *parse.TemplateNode:
		identifiers(n.Pipe, f)
	}
}

func branch(b *parse.BranchNode, f func(string)) {
	identifiers(b.Pipe, f)
	identifiers(b.List, f)
	identifiers(b.ElseList, f)
}

// KeyChart is a corpus chart whose templates call a key or certificate
// generator.
type KeyChart struct {
	Chart
	Keys   []string // the KeyFuncs its templates call
	Random []string // the RandomFuncs they call
}

// KeyCharts returns the corpus charts whose templates call one of
// KeyFuncs (Calls), in MANIFEST.tsv order; found is false when the corpus
// is absent.
func KeyCharts() (out []KeyChart, found bool, err error) {
	charts, err := Charts()
	if err != nil || charts == nil {
		return nil, false, err
	}
	for _, c := range charts {
		keys, err := c.Calls(KeyFuncs...)
		if err != nil {
			return nil, true, fmt.Errorf("%s: %w", c.ID, err)
		}
		if len(keys) == 0 {
			continue
		}
		random, err := c.Calls(RandomFuncs...)
		if err != nil {
			return nil, true, fmt.Errorf("%s: %w", c.ID, err)
		}
		out = append(out, KeyChart{Chart: c, Keys: keys, Random: random})
	}
	return out, true, nil
}

// KeyChartsFor is KeyCharts for a test that proves something with them: it
// skips t when the corpus is absent, fails it when no chart calls a key
// generator (the test would prove nothing), and logs what each one calls.
func KeyChartsFor(t testing.TB) []KeyChart {
	t.Helper()
	charts, found, err := KeyCharts()
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Skip("../shared/corpus is absent: no chart to generate keys with")
	}
	if len(charts) == 0 {
		t.Fatal("no corpus chart calls a key or certificate generator: the test proves nothing")
	}
	for _, c := range charts {
		t.Logf("%s calls %s; also %s", c.ID, strings.Join(c.Keys, ", "), strings.Join(c.Random, ", "))
	}
	return charts
}
