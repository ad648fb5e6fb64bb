package lint

// MaxTokenFindings is how many findings a rule reports about the distinct
// tokens of one annotation (helm.sh/hook, helm.sh/hook-delete-policy, ...).
// They all stand at the annotation's value, and each carries the hook's
// HelmView (its whole token lists), so reporting every one of 8,000
// distinct tokens would print a report quadratic in the annotation. The
// rest are counted and reported as one finding (TokenCap).
const MaxTokenFindings = 20

// TokenCap counts a rule's findings about the tokens of one annotation.
type TokenCap struct{ n, more int }

// Take reports whether one more token finding may be reported; past
// MaxTokenFindings it counts the token instead.
func (c *TokenCap) Take() bool {
	if c.n < MaxTokenFindings {
		c.n++
		return true
	}
	c.more++
	return false
}

// More is how many token findings Take refused.
func (c *TokenCap) More() int { return c.more }
