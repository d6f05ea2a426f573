#!/usr/bin/env bash
# Load figures for `sanctions serve` on loopback with wrk (apt-get install wrk): requests per second
# and latency (p50, p99) of single-name /v1/screen and yente /match requests at 1, 16 and 64
# connections, and of a 100-query /match batch. Uses the release binary and the default ledger.
#   Benchmarks/serve-load.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
bin=.build/release/sanctions
[ -x "$bin" ] || swift build -c release --product sanctions
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
key="bench-key-$(date +%s)-0123456789"
echo "read $key" > "$work/keys"
port=18199
"$bin" serve --port "$port" --keys "$work/keys" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf "localhost:$port/readyz" > /dev/null && break; sleep 0.1; done
run() { # mode connections
  KEY="$key" MODE="$1" wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${seconds}s" --latency \
    -s Benchmarks/serve-request.lua "http://localhost:$port" > "$work/out"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/out")
  p50=$(awk '$1 == "50%" {print $2}' "$work/out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/out")
  errors=$(awk '/Non-2xx/ {print $NF}' "$work/out")
  printf '%-7s %3s connections: %9s requests/s, p50 %8s, p99 %8s%s\n' "$1" "$2" "$rps" "$p50" "$p99" \
    "${errors:+, non-2xx $errors}"
}
for mode in screen match; do for connections in 1 16 64; do run "$mode" "$connections"; done; done
run batch 1
run batch 16
