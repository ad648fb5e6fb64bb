//go:build unix

package fix

import (
	"os"
	"syscall"
)

// writable reports whether this process may write the file or folder
// (access(2) W_OK).
func writable(p string) bool { return syscall.Access(p, 2) == nil }

// links is the file's number of hard links (1 when unknown).
func links(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
