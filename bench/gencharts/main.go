// Command gencharts writes the generated performance charts
// (internal/gencharts) into a directory, one folder per case, and prints
// "name<TAB>dir<TAB>ok|bad" for each: bench/compare.sh times them.
//
//	go run ./bench/gencharts DIR
package main

import (
	"fmt"
	"os"

	"github.com/hooklint/hooklint/internal/gencharts"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gencharts DIR")
		os.Exit(2)
	}
	for _, c := range gencharts.Cases() {
		dir, err := gencharts.Write(os.Args[1], c)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gencharts:", err)
			os.Exit(1)
		}
		state := "ok"
		if c.Bad {
			state = "bad"
		}
		fmt.Fprintf(os.Stdout, "%s\t%s\t%s\n", c.Name, dir, state)
	}
}
