// Package safefile opens the files hooklint reads (configuration, chart
// archives, values files, chart files) so that a file that is not a
// regular file, such as a named pipe, a device or a socket, is refused
// instead of read: reading a FIFO blocks until someone writes to it. The
// file is opened with O_NONBLOCK and the opened descriptor's mode is
// checked, so a file swapped for a FIFO after a stat cannot block either.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// IrregularError says a path names something other than a regular file
// or directory.
type IrregularError struct {
	Name string // the name to print (relative to the chart when known)
	Kind string // "named pipe", "device", "socket", ...
}

func (e *IrregularError) Error() string {
	return fmt.Sprintf("%s is a %s, not a regular file: not read", e.Name, e.Kind)
}

// Kind names a non-regular file mode.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "directory"
	}
	return "special file"
}

// Open opens path for reading if it is a regular file; name is what
// errors call it.
func Open(path, name string) (*os.File, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, &IrregularError{Name: name, Kind: Kind(st.Mode())}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &IrregularError{Name: name, Kind: Kind(st.Mode())}
	}
	return f, nil
}

// ReadFile reads a regular file whole (os.ReadFile for regular files
// only); name is what errors call it.
func ReadFile(path, name string) ([]byte, error) {
	f, err := Open(path, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Check reports an error when path exists and is neither a regular file
// nor a directory.
func Check(path, name string) error {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() || st.Mode().IsRegular() {
		return nil //nolint:nilerr // a missing file is the reader's error to report
	}
	return &IrregularError{Name: name, Kind: Kind(st.Mode())}
}

// Cause is err without the host path a *fs.PathError carries.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
