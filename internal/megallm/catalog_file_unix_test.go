//go:build unix

package megallm_test

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// A named pipe as catalog_file is an error at once: opening it waited for a
// writer that never comes, and the plan hung.
func TestReadCatalogFile_namedPipe(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "catalog.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := megallm.ReadCatalogFile(path, "")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, megallm.ErrCatalogNotRegular) {
			t.Errorf("err = %v, want ErrCatalogNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadCatalogFile still waits on a named pipe after 5s")
	}
}
