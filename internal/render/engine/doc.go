// Package engine is Helm 3's template engine (helm.sh/helm/v3@v3.22.0
// pkg/engine: engine.go, funcs.go, files.go), copied so that hooklint owns
// two things Helm's engine does not let a caller change:
//
//   - tpl is bounded: Helm's tplFun has no depth counter (includeFun has
//     one, recursionMaxNums), so a values string that renders itself
//     through tpl recurses until Go's stack overflows, a fatal error no
//     recover catches. Here a tpl nested deeper than MaxTplDepth is an
//     error (ErrTplDepth).
//   - Engine.Funcs replaces functions of the FuncMap after Helm's own, as
//     Helm 4's Engine.CustomTemplateFuncs does (helm.sh/helm/v4@v4.3.1
//     pkg/engine/engine.go initFunMap); render uses it for deterministic
//     random, clock and key functions. Engine.Template is told which
//     template is about to execute, so those functions can be seeded per
//     template.
//   - Engine.Trees keeps the parse trees of a chart's templates for its
//     next render (lint renders a chart for an install and again for an
//     upgrade; parsing is most of a render): the trees are added to the
//     render's template set as Parse adds them (trees.go).
//
// Everything else is Helm's code unchanged (error texts included; the
// files type keeps its name, since template errors print it as
// "engine.files"). lookup is Helm's placeholder: an empty map, offline.
package engine
