package provider

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// unfinishedDetails are the diagnostic details, of every test that serves
// the provider, that do not end as a sentence or a list does (finished);
// TestMain fails the run with them.
var unfinishedDetails struct {
	sync.Mutex
	seen []string
}

// finished reports whether a diagnostic's detail ends as a sentence (a
// period or a question mark) or a list does (its last line an item: the
// lines before it say what it lists).
func finished(detail string) bool {
	text := strings.TrimSpace(detail)
	lines := strings.Split(text, "\n")
	return strings.HasSuffix(text, ".") || strings.HasSuffix(text, "?") ||
		strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), "- ")
}

// checkDetails keeps the details of diags that are not finished.
func checkDetails(rpc string, diags []*tfprotov6.Diagnostic) {
	for _, d := range diags {
		if finished(d.Detail) {
			continue
		}
		unfinishedDetails.Lock()
		if text := fmt.Sprintf("%s: %s: %q", rpc, d.Summary, d.Detail); !slices.Contains(unfinishedDetails.seen, text) {
			unfinishedDetails.seen = append(unfinishedDetails.seen, text)
		}
		unfinishedDetails.Unlock()
	}
}

// reportUnfinished writes the unfinished details to w and reports whether
// there were any.
func reportUnfinished(w io.Writer) bool {
	unfinishedDetails.Lock()
	defer unfinishedDetails.Unlock()
	if len(unfinishedDetails.seen) == 0 {
		return false
	}
	_, _ = fmt.Fprintf(w, "FAIL: %d diagnostic details do not end as a sentence does: pass them through sentence() or "+
		"sentences():\n  %s\n", len(unfinishedDetails.seen), strings.Join(unfinishedDetails.seen, "\n  "))
	return true
}

// checkedServer is the provider's protocol server with the details of its
// diagnostics checked (checkDetails): every test that serves the provider
// walks its texts.
type checkedServer struct{ tfprotov6.ProviderServer }

func (s checkedServer) ValidateProviderConfig(ctx context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	resp, err := s.ProviderServer.ValidateProviderConfig(ctx, req)
	if resp != nil {
		checkDetails("ValidateProviderConfig", resp.Diagnostics)
	}
	return resp, err
}

func (s checkedServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.ProviderServer.ConfigureProvider(ctx, req)
	if resp != nil {
		checkDetails("ConfigureProvider", resp.Diagnostics)
	}
	return resp, err
}

func (s checkedServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	resp, err := s.ProviderServer.ValidateDataResourceConfig(ctx, req)
	if resp != nil {
		checkDetails("ValidateDataResourceConfig "+req.TypeName, resp.Diagnostics)
	}
	return resp, err
}

func (s checkedServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	resp, err := s.ProviderServer.ReadDataSource(ctx, req)
	if resp != nil {
		checkDetails("ReadDataSource "+req.TypeName, resp.Diagnostics)
	}
	return resp, err
}
