package lint

// RenderSets exposes renderSets to the external tests.
var RenderSets = renderSets
