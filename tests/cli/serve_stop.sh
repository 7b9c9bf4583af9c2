#!/usr/bin/env bash
# firefly serve stops at once on SIGTERM or Ctrl+C while it is still building, instead of
# after the build (which takes minutes at 100,000 pages): it prints "stopped", exits 0 and
# never says it is serving. Every wait is bounded.
set -euo pipefail
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- server output:"; cat "$work/server.log" 2>/dev/null || true; exit 1; }

# 8,000 stories: a first build of seconds, much longer than the half second before the signal.
cp -r tests/sites/multilingual/site "$work/site"
/usr/bin/python3 - "$work/site/content/stories" <<'PY'
import sys
for i in range(1000, 9000):
    with open(f"{sys.argv[1]}/many-{i}.en.md", "w") as f:
        f.write(f"---\ntitle: Story {i}\ndate: 2023-01-11\nprogram: learning\ntags: [volunteers]\n---\nStory number {i}.\n")
PY

for sig in TERM INT; do
  "$FIREFLY" serve --site "$work/site" --port 0 >"$work/server.log" 2>&1 &
  server_pid=$!
  # Once it takes the signals (blocked, read from a signalfd: SigBlk has SIGINT's and
  # SIGTERM's bits, 0x4002), a moment into the first build; on a loaded machine the process
  # can take longer than half a second to get there.
  for _ in $(seq 1 100); do
    blk=$(awk '/^SigBlk/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    (( (16#${blk:-0} & 0x4002) == 0x4002 )) && break
    sleep 0.1
  done
  sleep 0.5
  kill -"$sig" "$server_pid"
  for _ in $(seq 1 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$server_pid" 2>/dev/null && fail "SIG$sig during the first build: still running 2 s later"
  code=0
  wait "$server_pid" || code=$?
  server_pid=""
  [ "$code" = 0 ] || fail "SIG$sig during the first build: exit code $code"
  grep -q '^stopped$' "$work/server.log" || fail "SIG$sig during the first build: no 'stopped' line"
  ! grep -q '^serving' "$work/server.log" || fail "SIG$sig during the first build: it waited for the build to end (or the build took under half a second)"
done
echo "serve_stop: ok"
