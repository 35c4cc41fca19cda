#!/usr/bin/env bash
# make demo: start the mock MegaLLM API on loopback, plan and apply
# examples/demo against it with the freshly built provider (dev_overrides in a
# CLI config of its own, never the user's ~/.terraformrc), print the result,
# and stop the mock. Needs no API key and no network beyond loopback.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$root/bin}
TERRAFORM=${TERRAFORM:-terraform}
work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$BIN/megallm-mock" -addr 127.0.0.1:0 -url-file "$work/url" >"$work/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
[ -s "$work/url" ] || { echo "the mock API did not start:" >&2; cat "$work/mock.log" >&2; exit 1; }

cat >"$work/cli.tfrc" <<CONFIG
provider_installation {
  dev_overrides {
    "megallm/megallm" = "$BIN"
  }
  direct {}
}
CONFIG
mkdir "$work/config"
cp "$root"/examples/demo/*.tf "$work/config/"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export MEGALLM_BASE_URL="$(cat "$work/url")" MEGALLM_API_KEY="mock-megallm-key-not-a-secret"
tf() { "$TERRAFORM" -chdir="$work/config" "$@"; }

echo "== mock MegaLLM API at $MEGALLM_BASE_URL (fake key, loopback only)"
echo "== $TERRAFORM plan"
tf plan -input=false -no-color -compact-warnings -out=demo.tfplan >"$work/plan.log" || { cat "$work/plan.log"; exit 1; }
# One line for the plan: what was read, what would change, which outputs.
reads=$(grep -c ': Read complete after' "$work/plan.log" || true)
changes=$(grep -E '^(Plan:|No changes)' "$work/plan.log" || echo "no resources to change")
outputs=$(awk '/^Changes to Outputs:/ { on = 1; next } on && /^  [+~-] [a-z_0-9]+ +=/ { printf "%s%s", sep, $2; sep = ", " }' "$work/plan.log")
echo "$reads data sources read from the catalog; $changes; outputs to set: ${outputs:-none}"
echo "== $TERRAFORM apply"
tf apply -input=false -no-color -compact-warnings demo.tfplan >"$work/apply.log" || { cat "$work/apply.log"; exit 1; }
grep -E '^Apply complete' "$work/apply.log" || true

echo
echo "== models (megallm_models.all, sorted by input cost): what each can do, and its limits"
tf output -raw models_table
echo
echo
echo "== cheapest chat model with vision and >= 128k context: $(tf output -raw cheapest_vision_128k)"
echo "== cheapest chat model of all: $(tf output -raw cheapest_chat)"
echo "== app model:"
tf output app_model
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true; mock_pid=""
echo "== $(tail -n 1 "$work/mock.log")"
