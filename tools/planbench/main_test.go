package main

import (
	"debug/elf"
	"path/filepath"
	"runtime"
	"testing"
)

// TestProviderBuild_static: the provider planbench times is built as a
// release builds it, static, even where the environment enables cgo.
func TestProviderBuild_static(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the binary as ELF")
	}
	t.Setenv("CGO_ENABLED", "1")
	out := filepath.Join(t.TempDir(), "terraform-provider-megallm")
	build := providerBuild(out)
	build.Dir = filepath.Join("..", "..") // the module root, where planbench runs
	if text, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	binary, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = binary.Close() }()
	for _, prog := range binary.Progs {
		if prog.Type == elf.PT_INTERP {
			t.Fatal("the provider is dynamically linked (it names an ELF interpreter); a release's is static (CGO_ENABLED=0)")
		}
	}
}
