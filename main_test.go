package main

import (
	"os"
	"testing"
)

func TestQuietUnlessLogging(t *testing.T) {
	for name, tc := range map[string]struct {
		environ []string
		want    string
	}{
		"no TF_LOG variable":   {[]string{"HOME=/root", "TF_CLI_CONFIG_FILE=x"}, "off"},
		"TF_LOG":               {[]string{"TF_LOG=TRACE"}, ""},
		"TF_LOG_PROVIDER":      {[]string{"TF_LOG_PROVIDER=DEBUG"}, ""},
		"TF_LOG_SDK_FRAMEWORK": {[]string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, ""},
		"TF_LOG_PATH alone":    {[]string{"TF_LOG_PATH=tf.log"}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv("TF_LOG_SDK", "")
			os.Unsetenv("TF_LOG_SDK") //nolint:errcheck // t.Setenv restores it
			quietUnlessLogging(tc.environ)
			if got := os.Getenv("TF_LOG_SDK"); got != tc.want {
				t.Errorf("TF_LOG_SDK = %q, want %q", got, tc.want)
			}
		})
	}
}
