#!/usr/bin/env bash
# A build onto a full disk says "no space left on device" once (not once per file), exits 1,
# and leaves the previous output, the site and the other files on that disk as they were,
# with no staging folder. The disk is a 2 MB tmpfs mounted in a private mount namespace
# (unshare -rm: no root needed where user namespaces are allowed).
set -euo pipefail
if ! unshare -rm true 2>/dev/null; then
  echo "skipped: this machine cannot make a private mount namespace (unshare -rm)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"
mkdir "$work/disk"
snapshot() { (cd "$1" && find . -printf '%y %p %s\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }

FIREFLY="$FIREFLY" work="$work" unshare -rm bash -euo pipefail -c '
  snapshot() { (cd "$1" && find . -printf "%y %p %s\n" | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }
  mount -t tmpfs -o size=2m tmpfs "$work/disk"
  out="$work/disk/public"
  "$FIREFLY" build --site "$work/site" --out "$out" --quiet 2>/dev/null
  # Fill the disk, then build a changed site.
  head -c 3000000 /dev/zero >"$work/disk/filler" 2>/dev/null || true
  echo "Changed." >>"$work/site/content/_index.zh-TW.md"
  snapshot "$out" >"$work/out.before"
  snapshot "$work/site" >"$work/site.before"
  # Beside --out: names, kinds and sizes (not times: a staging folder made and removed
  # inside the output touches its time, and ls shows a new minute on a slow build).
  find "$work/disk" -mindepth 1 -maxdepth 1 -printf "%y %f %s\n" | LC_ALL=C sort >"$work/disk.before"
  set +e
  "$FIREFLY" build --site "$work/site" --out "$out" --quiet 2>"$work/err.txt"
  code=$?
  set -e
  [ "$code" = 1 ] || { echo "exit $code, expected 1"; cat "$work/err.txt"; exit 1; }
  expected="firefly: error: cannot write the site into $out: no space left on device"
  grep -q "^$expected (" "$work/err.txt" || { echo "expected: $expected"; cat "$work/err.txt"; exit 1; }
  [ "$(grep -c "no space left on device" "$work/err.txt")" = 1 ] || { echo "said more than once:"; cat "$work/err.txt"; exit 1; }
  tail -1 "$work/err.txt" | grep -qxE "build failed: 1 error, [0-9]+ warnings?; the previous output was left as it was" ||
    { echo "expected one error:"; cat "$work/err.txt"; exit 1; }
  snapshot "$out" | diff "$work/out.before" - || { echo "the previous output changed"; exit 1; }
  snapshot "$work/site" | diff "$work/site.before" - || { echo "the site changed"; exit 1; }
  find "$work/disk" -mindepth 1 -maxdepth 1 -printf "%y %f %s\n" | LC_ALL=C sort |
    diff "$work/disk.before" - || { echo "the disk changed"; exit 1; }
  ! ls -a "$out" | grep -q "^.firefly-staging" || { echo "a staging folder was left"; exit 1; }
'
echo "disk full: ok"
