package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/cli/values"
	"helm.sh/helm/v3/pkg/ignore"
	archive4 "helm.sh/helm/v4/pkg/chart/loader/archive"
	chart4 "helm.sh/helm/v4/pkg/chart/v2"
	loader4 "helm.sh/helm/v4/pkg/chart/v2/loader"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/hooklint/hooklint/internal/safefile"
)

// dirFiles is helm.sh/helm/v3@v3.22.0 pkg/chart/loader/directory.go
// LoadDir's walk (internal/sympath/walk.go symwalk: lexical order,
// symbolic links followed, .helmignore and its defaults, irregular files
// refused, 5 MiB per file, a byte order mark trimmed), confined to the
// chart:
//
//   - a symbolic link whose target lies outside the chart directory and
//     outside the working directory, or anywhere under /proc, /dev or
//     /sys, is not followed: the file (or folder) is treated as absent,
//     as a packaged chart has no such file, and returned in unread;
//   - files are opened without blocking and must be regular files
//     (safefile), so a named pipe cannot hang the run;
//   - errors name files relative to the chart, never by host path.
func dirFiles(dir string) (files []*loader.BufferedFile, unread []Unread, err error) {
	topdir, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, err
	}
	realTop, err := filepath.EvalSymlinks(topdir)
	if err != nil {
		return nil, nil, err
	}
	roots := []string{realTop}
	if wd, err := os.Getwd(); err == nil {
		if rwd, err := filepath.EvalSymlinks(wd); err == nil {
			roots = append(roots, rwd)
		}
	}

	rules := ignore.Empty()
	ifile := filepath.Join(topdir, ignore.HelmIgnore)
	if err := safefile.Check(ifile, ignore.HelmIgnore); err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(ifile); err == nil {
		r, err := ignore.ParseFile(ifile)
		if err != nil {
			return nil, nil, err
		}
		rules = r
	}
	rules.AddDefaults()

	rel := func(p string) string {
		n := strings.TrimPrefix(p, topdir+string(filepath.Separator))
		return filepath.ToSlash(n)
	}
	visit := func(p string, fi fs.FileInfo) error {
		n := rel(p)
		if p == topdir {
			return nil
		}
		if fi.IsDir() {
			if rules.Ignore(n, fi) {
				return filepath.SkipDir
			}
			return nil
		}
		if rules.Ignore(n, fi) {
			return nil
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("cannot load irregular file %s as it has file mode type bits set", n)
		}
		if fi.Size() > loader.MaxDecompressedFileSize {
			return fmt.Errorf("chart file %q is larger than the maximum file size %d", fi.Name(), loader.MaxDecompressedFileSize)
		}
		f, err := safefile.Open(p, n)
		if err != nil {
			var ie *safefile.IrregularError
			if errors.As(err, &ie) {
				return fmt.Errorf("cannot load irregular file %s as it has file mode type bits set", n)
			}
			return fmt.Errorf("error reading %s: %w", n, safefile.Cause(err))
		}
		data, err := io.ReadAll(io.LimitReader(f, loader.MaxDecompressedFileSize+1))
		f.Close()
		if err != nil {
			return fmt.Errorf("error reading %s: %w", n, err)
		}
		files = append(files, &loader.BufferedFile{Name: n, Data: bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})})
		return nil
	}

	var walk func(p string, fi fs.FileInfo, depth int) error
	walk = func(p string, fi fs.FileInfo, depth int) error {
		if depth > 64 {
			return fmt.Errorf("error evaluating symlink %s: too many levels of symbolic links", rel(p))
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			resolved, err := filepath.EvalSymlinks(p)
			if err != nil {
				return fmt.Errorf("error evaluating symlink %s: %w", rel(p), relPathError(err, topdir))
			}
			if reason := outside(resolved, roots); reason != "" {
				target, _ := os.Readlink(p)
				unread = append(unread, Unread{File: rel(p), Target: target, Reason: reason})
				return nil
			}
			if fi, err = os.Lstat(resolved); err != nil {
				return relPathError(err, topdir)
			}
			if err := walk(p, fi, depth+1); err != nil && !errors.Is(err, filepath.SkipDir) {
				return err
			}
			return nil
		}
		if err := visit(p, fi); err != nil {
			return err
		}
		if !fi.IsDir() {
			return nil
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return relPathError(err, topdir)
		}
		names := make([]string, len(ents))
		for i, e := range ents {
			names[i] = e.Name()
		}
		sort.Strings(names)
		for _, name := range names {
			fp := filepath.Join(p, name)
			cfi, err := os.Lstat(fp)
			if err != nil {
				return relPathError(err, topdir)
			}
			if err := walk(fp, cfi, depth); err != nil {
				if (!cfi.IsDir() && cfi.Mode()&fs.ModeSymlink == 0) || !errors.Is(err, filepath.SkipDir) {
					return err
				}
			}
		}
		return nil
	}
	info, err := os.Lstat(topdir)
	if err != nil {
		return nil, nil, err
	}
	if err := walk(topdir, info, 0); err != nil && !errors.Is(err, filepath.SkipDir) {
		return nil, unread, err
	}
	return files, unread, nil
}

// outside says why a symbolic link's resolved target may not be read, or
// "" when it lies in one of roots (the chart, the working directory) and
// not in the kernel's file systems.
func outside(resolved string, roots []string) string {
	for _, sys := range []string{"/proc", "/dev", "/sys"} {
		if resolved == sys || strings.HasPrefix(resolved, sys+"/") {
			return "the link points into " + sys + ", which is the host's, not the chart's"
		}
	}
	for _, r := range roots {
		if resolved == r || strings.HasPrefix(resolved, r+string(filepath.Separator)) {
			return ""
		}
	}
	return "the link points outside the chart and outside the directory hooklint runs in"
}

// relPathError rewrites the host path of a *fs.PathError to a path
// relative to the chart directory, when it is inside it.
func relPathError(err error, topdir string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		p := pe.Path
		if r, rerr := filepath.Rel(topdir, p); rerr == nil && !strings.HasPrefix(r, "..") {
			p = filepath.ToSlash(r)
		} else if filepath.IsAbs(p) {
			p = filepath.Base(p)
		}
		return &fs.PathError{Op: pe.Op, Path: p, Err: pe.Err}
	}
	return err
}

// loadDir3 is loader.LoadDir over dirFiles.
func loadDir3(dir string) (*chart.Chart, []Unread, error) {
	files, unread, err := dirFiles(dir)
	if err != nil {
		return nil, unread, err
	}
	ch, err := loader.LoadFiles(files)
	return ch, unread, err
}

// loadDir4 is helm.sh/helm/v4@v4.3.1 pkg/chart/loader/load.go LoadDir
// over dirFiles: Chart.yaml's apiVersion picks the loader; charts of API
// v1 and v2 load with pkg/chart/v2/loader LoadFiles.
func loadDir4(dir string) (*chart4.Chart, []Unread, error) {
	files, unread, err := dirFiles(dir)
	if err != nil {
		return nil, unread, err
	}
	var base struct {
		APIVersion string `json:"apiVersion"`
	}
	found := false
	for _, f := range files {
		if f.Name == "Chart.yaml" {
			found = true
			if err := sigsyaml.Unmarshal(f.Data, &base); err != nil {
				return nil, unread, fmt.Errorf("cannot load Chart.yaml: %w", err)
			}
		}
	}
	if !found {
		return nil, unread, errors.New("unable to detect chart at Chart.yaml: no such file or directory")
	}
	switch base.APIVersion {
	case chart4.APIVersionV1, chart4.APIVersionV2, "":
	default:
		return nil, unread, errors.New("invalid chart apiVersion")
	}
	bf := make([]*archive4.BufferedFile, len(files))
	for i, f := range files {
		bf[i] = &archive4.BufferedFile{Name: f.Name, Data: f.Data}
	}
	ch, err := loader4.LoadFiles(bf)
	return ch, unread, err
}

// checkArchive refuses a chart argument that is not a regular file (a
// named pipe would block Helm's loader in its read) before the loader
// opens it.
func checkArchive(arg string) error {
	f, err := safefile.Open(arg, filepath.Base(arg))
	if err != nil {
		var ie *safefile.IrregularError
		if errors.As(err, &ie) {
			return &InputError{Chart: arg, Err: fmt.Errorf("the chart is a %s, not a directory or a chart archive: not read", ie.Kind)}
		}
		return nil // the loader reports it
	}
	return f.Close()
}

// checkValueFiles refuses -f and --set-file files that are not regular
// files before Helm's MergeValues reads them (helm.sh/helm/v3@v3.22.0
// pkg/cli/values/options.go readFile: os.ReadFile, which blocks on a
// named pipe). "-" (stdin) and URLs are MergeValues' to handle.
func checkValueFiles(arg string, o *values.Options) error {
	var paths []string
	for _, f := range o.ValueFiles {
		if f != "-" && !strings.Contains(f, "://") {
			paths = append(paths, f)
		}
	}
	for _, v := range o.FileValues {
		for _, kv := range strings.Split(v, ",") {
			if _, p, ok := strings.Cut(kv, "="); ok && p != "-" && !strings.Contains(p, "://") {
				paths = append(paths, p)
			}
		}
	}
	for _, p := range paths {
		f, err := safefile.Open(p, p)
		if err != nil {
			var ie *safefile.IrregularError
			if errors.As(err, &ie) {
				return &InputError{Chart: arg, Err: fmt.Errorf("values: %w", err)}
			}
			continue // MergeValues reports it
		}
		f.Close()
	}
	return nil
}
