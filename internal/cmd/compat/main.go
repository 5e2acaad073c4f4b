// Command compat measures how much of the third-party WSDL corpus sogen handles, as a user meets it:
// every entry point listed in public/MANIFEST.tsv is run through the sogen command on its own, named
// by its path (its folder is the input directory), with no flags first, then with the flags its
// error suggests (its typed hint; -fetch is noted, not followed: the measurement is offline); then all
// the packages are built and vetted at once in a temporary module that replaces
// github.com/sogen-go/sogen with this repository, and a Markdown report is written.
//
//	SOGEN_CORPUS=../shared/corpus go run ./internal/cmd/compat            # writes docs/compat.md
//	SOGEN_CORPUS=../shared/corpus go run ./internal/cmd/compat -check     # fails when docs/compat.md is stale
//
// A panic while generating is recovered and counted as a failure. The report is deterministic: it
// depends only on the corpus and the repository.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	corpus := flag.String("corpus", os.Getenv("SOGEN_CORPUS"), "the corpus `directory` (default $SOGEN_CORPUS)")
	out := flag.String("o", "docs/compat.md", "the report `file` to write, relative to the repository root")
	check := flag.Bool("check", false, "compare with the report file instead of writing it; exit status 1 when it differs")
	flag.Parse()
	if *corpus == "" {
		fmt.Fprintln(os.Stderr, "compat: no corpus: set SOGEN_CORPUS (e.g. SOGEN_CORPUS=../shared/corpus) or use -corpus")
		os.Exit(2)
	}
	root, err := RepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "compat:", err)
		os.Exit(1)
	}
	rep, err := Run(*corpus, root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compat:", err)
		os.Exit(1)
	}
	md := rep.Markdown()
	path := *out
	if !filepathIsAbs(path) {
		path = joinPath(root, path)
	}
	if *check {
		old, err := os.ReadFile(path)
		if err != nil || string(old) != md {
			fmt.Fprintf(os.Stderr, "compat: %s is stale: run go run ./internal/cmd/compat\n", *out)
			os.Exit(1)
		}
		fmt.Println(rep.Summary())
		return
	}
	if err := os.MkdirAll(dirOf(path), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "compat:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "compat:", err)
		os.Exit(1)
	}
	fmt.Println(rep.Summary())
	fmt.Println("wrote", *out)
}
