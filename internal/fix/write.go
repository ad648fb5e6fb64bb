package fix

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Write writes the outcome's files into the chart directory dir. Every
// file is checked and written to a temporary file in its own folder
// first (with the file's permissions); only when all of them are ready is
// each renamed over its file, so no file is ever half written, and a file
// with several hard links is replaced, not written through (its other
// names keep the old text; notes say so). A file whose text on disk is
// no longer the one the fixes were computed from stops the write before
// any file changed.
func Write(dir string, files []File) (notes []string, err error) {
	type pending struct{ tmp, path string }
	var ready []pending
	defer func() {
		for _, p := range ready {
			os.Remove(p.tmp) // left only when the write failed
		}
	}()
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		fi, err := os.Lstat(full)
		if err != nil {
			return nil, err
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: %w", f.Path, errChanged)
		}
		cur, err := os.ReadFile(full)
		if err != nil {
			return nil, err
		}
		if string(cur) != f.Old {
			return nil, fmt.Errorf("%s: %w", f.Path, errChanged)
		}
		if n := links(fi); n > 1 {
			notes = append(notes, fmt.Sprintf("%s had %d hard links: it is replaced by a new file, and the other links keep the old text", f.Path, n))
		}
		tmp, err := os.CreateTemp(filepath.Dir(full), "."+filepath.Base(full)+".hooklint-*")
		if err != nil {
			return nil, err
		}
		ready = append(ready, pending{tmp: tmp.Name(), path: full})
		_, werr := tmp.WriteString(f.New)
		err = errors.Join(werr, tmp.Chmod(fi.Mode().Perm()), tmp.Sync(), tmp.Close())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	for i, p := range ready {
		if err := os.Rename(p.tmp, p.path); err != nil {
			ready = ready[i:]
			return notes, fmt.Errorf("%w (the files before it were written)", err)
		}
	}
	ready = nil
	return notes, nil
}
