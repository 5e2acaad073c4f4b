package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The tests here run sogen in child processes (this test binary, started with SOGEN_CLI_HELPER set),
// to kill them for real in the middle of a run and to run several at once.

func TestMain(m *testing.M) {
	if os.Getenv("SOGEN_CLI_HELPER") != "" {
		os.Exit(helperMain())
	}
	os.Exit(m.Run())
}

// helperMain runs sogen with the arguments in SOGEN_HELPER_ARGS (JSON). Its file system steps are
// counted: it prints each on stdout when SOGEN_HELPER_STEPS is set, fails the one numbered
// SOGEN_HELPER_FAIL (from 1), kills its own process at the one numbered SOGEN_HELPER_KILL, and
// sleeps SOGEN_HELPER_SLOW at each, to widen the window in which concurrent runs could overlap.
func helperMain() int {
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv("SOGEN_HELPER_ARGS")), &args); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 3
	}
	failAt, _ := strconv.Atoi(os.Getenv("SOGEN_HELPER_FAIL"))
	killAt, _ := strconv.Atoi(os.Getenv("SOGEN_HELPER_KILL"))
	slow, _ := time.ParseDuration(os.Getenv("SOGEN_HELPER_SLOW"))
	printSteps := os.Getenv("SOGEN_HELPER_STEPS") != ""
	n := 0
	fsHook = func(op, name string) error {
		n++
		if printSteps {
			fmt.Printf("%s %s\n", op, filepath.Base(name))
		}
		time.Sleep(slow)
		if n == killAt {
			p, _ := os.FindProcess(os.Getpid())
			p.Kill() // SIGKILL: no deferred function runs
			select {}
		}
		if n == failAt {
			return fmt.Errorf("%s %s: injected failure", op, name)
		}
		return nil
	}
	if err := Run(args, io.Discard, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "sogen:", err)
		return 1
	}
	fmt.Println("done")
	return 0
}

// helper returns the command running sogen with args in a child process, with the extra environment.
func helper(t *testing.T, args []string, env ...string) *exec.Cmd {
	t.Helper()
	a, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), append([]string{"SOGEN_CLI_HELPER=1", "SOGEN_HELPER_ARGS=" + string(a)}, env...)...)
	return cmd
}

// services88Args returns the arguments generating the services88 fixture's given agents into dir.
func services88Args(t *testing.T, dir string, agents ...string) []string {
	args := []string{"-o", dir, "-pkg", "services88", "-client-suffix", "Agent"}
	for _, a := range agents {
		args = append(args, filepath.Join(repo(t), "testdata", "wsdl", "services88", a+".wsdl"))
	}
	return args
}

// oldAndNew returns the files sogen generates for the Webhook agent alone (the old package) and for
// Webhook and SoPrincipal together (the new one): a mix of the two does not build, since types move
// between files (Carrier, only Webhook's in the old package, is shared in the new).
func oldAndNew(t *testing.T) (old, new map[string]string) {
	gen := func(agents ...string) map[string]string {
		dir := t.TempDir()
		var log bytes.Buffer
		if err := Run(services88Args(t, dir, agents...), &log, &log); err != nil {
			t.Fatalf("%v\n%s", err, log.String())
		}
		return snapshot(t, dir)
	}
	old, new = gen("Webhook"), gen("Webhook", "SoPrincipal")
	if len(new) <= len(old) {
		t.Fatalf("the new package has %d files, the old %d: want more", len(new), len(old))
	}
	return old, new
}

// withHand adds a hand-written file, which every run must leave alone.
func withHand(files map[string]string) map[string]string {
	out := map[string]string{"gen.go": "package services88\n"}
	for k, v := range files {
		out[k] = v
	}
	return out
}

// TestKilledRun kills a run at each of its file system steps and checks that, once the next run has
// recovered what it left, the directory holds the old package or the new one exactly, nothing else
// (the old one when the kill came before the journal was written); the same while a failing run
// undoes its renames. Some kills must leave a mix until then: the recovery is what the test checks.
func TestKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per step; skipped with -short")
	}
	old, new := oldAndNew(t)
	old, new = withHand(old), withHand(new)
	setup := func(t *testing.T) string {
		dir := t.TempDir()
		for name, content := range old {
			write(t, filepath.Join(dir, name), content)
		}
		return dir
	}
	for _, tc := range []struct {
		name string
		fail string // the step made to fail, counted from 1; "" for none
	}{
		{name: "run"},
		{name: "undoing", fail: "rename .sogen-so_principal_agent_types.go.new"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The steps of the run, as the child process counts them.
			dir := setup(t)
			var env []string
			if tc.fail != "" {
				out, _ := helper(t, services88Args(t, dir, "Webhook", "SoPrincipal"), "SOGEN_HELPER_STEPS=1").Output()
				i := slices.Index(strings.Split(strings.TrimSpace(string(out)), "\n"), tc.fail)
				if i < 0 {
					t.Fatalf("no step %q in a run:\n%s", tc.fail, out)
				}
				env = append(env, "SOGEN_HELPER_FAIL="+strconv.Itoa(i+1))
				dir = setup(t)
			}
			out, err := helper(t, services88Args(t, dir, "Webhook", "SoPrincipal"), append(env, "SOGEN_HELPER_STEPS=1")...).Output()
			steps := strings.Split(strings.TrimSpace(string(out)), "\n")
			steps = steps[:len(steps)-1] // "done", or the run's failure
			if tc.fail == "" && err != nil || tc.fail != "" && err == nil {
				t.Fatalf("the run: %v\n%s", err, out)
			}
			want := new
			if tc.fail != "" {
				want = old
			}
			if diff := cmp.Diff(want, snapshot(t, dir)); diff != "" {
				t.Fatalf("after the run (-want +got):\n%s", diff)
			}
			t.Logf("%d steps", len(steps))
			mixed := 0
			for k := 1; k <= len(steps); k++ {
				dir := setup(t)
				cmd := helper(t, services88Args(t, dir, "Webhook", "SoPrincipal"), append(env, "SOGEN_HELPER_KILL="+strconv.Itoa(k))...)
				out, err := cmd.Output()
				if err == nil || strings.Contains(string(out), "done") {
					t.Fatalf("kill at step %d (%s): the run was not killed (%v)", k, steps[k-1], err)
				}
				left := generatedOnly(snapshot(t, dir))
				if !cmp.Equal(left, generatedOnly(old)) && !cmp.Equal(left, generatedOnly(new)) {
					mixed++
				}
				// What the next run finds: it completes or undoes the switch before anything else.
				unlock, err := lockDir(dir, io.Discard)
				if err != nil {
					t.Fatalf("kill at step %d (%s): the lock of the killed run is held: %v", k, steps[k-1], err)
				}
				var log bytes.Buffer
				err = recoverDir(dir, &log)
				unlock()
				if err != nil {
					t.Fatalf("kill at step %d (%s): recovering: %v", k, steps[k-1], err)
				}
				got := snapshot(t, dir)
				if !cmp.Equal(got, old) && !cmp.Equal(got, new) {
					t.Errorf("kill at step %d (%s): after recovery the directory is neither the old package nor the new one:\n%s",
						k, steps[k-1], cmp.Diff(old, got))
				}
				if tc.fail == "" && k-1 <= slices.Index(steps, "rename .sogen-journal.tmp") && !cmp.Equal(got, old) {
					t.Errorf("kill at step %d (%s), before the journal: not the old package", k, steps[k-1])
				}
				// And a whole run then gives the new package.
				if err := Run(services88Args(t, dir, "Webhook", "SoPrincipal"), &log, &log); err != nil {
					t.Fatalf("kill at step %d: the next run: %v\n%s", k, err, log.String())
				}
				if diff := cmp.Diff(new, snapshot(t, dir)); diff != "" {
					t.Errorf("kill at step %d (%s): after the next run (-want +got):\n%s", k, steps[k-1], diff)
				}
			}
			// The kills did catch the run between two renames: the recovery was needed.
			if mixed == 0 {
				t.Errorf("no kill left a mix of old and new files: the test does not reach the switch")
			}
		})
	}
}

// generatedOnly keeps the Go files of a snapshot (leaving the temporary files and the journal out).
func generatedOnly(files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		if strings.HasSuffix(k, ".go") && !strings.HasPrefix(k, ".") {
			out[k] = v
		}
	}
	return out
}

// TestConcurrentRuns starts several runs at once into one directory, generating the old or the new
// package, each step slowed down so that they would overlap: every run succeeds, one after the other,
// and the directory holds exactly one of the packages.
func TestConcurrentRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes; skipped with -short")
	}
	old, new := oldAndNew(t)
	for round := range 3 {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "gen.go"), "package services88\n")
		var wg sync.WaitGroup
		outs := make([][]byte, 6)
		errs := make([]error, 6)
		for i := range outs {
			agents := []string{"Webhook"}
			if i%2 == 1 {
				agents = append(agents, "SoPrincipal")
			}
			cmd := helper(t, services88Args(t, dir, agents...), "SOGEN_HELPER_SLOW=2ms")
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i], errs[i] = cmd.CombinedOutput()
			}()
		}
		wg.Wait()
		for i := range outs {
			if errs[i] != nil {
				t.Errorf("round %d, run %d: %v\n%s", round, i, errs[i], outs[i])
			}
		}
		got := snapshot(t, dir)
		if !cmp.Equal(got, withHand(old)) && !cmp.Equal(got, withHand(new)) {
			t.Errorf("round %d: the directory holds neither package:\n%s", round, cmp.Diff(withHand(new), got))
		}
	}
}
