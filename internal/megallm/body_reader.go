package megallm

import (
	"errors"
	"fmt"
	"io"
)

// readErrorOf reads r and keeps the error that ended it, other than io.EOF.
type readErrorOf struct {
	r   io.Reader
	err error
}

func (e *readErrorOf) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
	}
	return n, err
}

// limitedReader fails with ErrBodyTooLarge once more than limit bytes are read.
type limitedReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// At the limit: the body is too large if anything at all follows.
		var probe [1]byte
		n, err := l.r.Read(probe[:])
		if n > 0 {
			return 0, fmt.Errorf("%w of %s", ErrBodyTooLarge, byteSize(l.limit))
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// byteSize writes a size in MiB when it is a whole number of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
