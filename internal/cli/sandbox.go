package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// sandbox is a directory that files are read from with no way out: opened with os.Root, so that no
// path and no symbolic link leads outside it (os.DirFS follows symbolic links anywhere). The
// directories of -map prefix entries are read through one: their files stand for downloaded
// documents, whose relative imports resolve against their URLs, never to other local files.
type sandbox struct {
	dir  string
	root *os.Root
	fsys fs.FS
}

func openSandbox(dir string) (*sandbox, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &sandbox{dir: dir, root: r, fsys: r.FS()}, nil
}

func (s *sandbox) Close() error { return s.root.Close() }

// Open opens name inside the directory. When the directory refuses a file that exists, the name (or a
// directory on its way) is a symbolic link leading outside: that is said plainly.
func (s *sandbox) Open(name string) (fs.File, error) {
	f, err := s.fsys.Open(name)
	if err == nil {
		return f, nil
	}
	if fs.ValidPath(name) {
		if _, serr := os.Stat(filepath.Join(s.dir, filepath.FromSlash(name))); serr == nil {
			return nil, fmt.Errorf("%s leads outside %s through a symbolic link", name, s.dir)
		}
	}
	return nil, renamed(err, name)
}
