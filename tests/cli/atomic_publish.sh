#!/usr/bin/env bash
# A build killed with SIGKILL midway, or one that fails, leaves the previous public/ exactly
# as it was (its staging folder aside); the next build cleans up the killed build's staging
# folder.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/../../bench/gen_corpus.py" --stories 3000 --datasets 2 --out "$work/site" >/dev/null
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
(cd "$work/public" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/before.txt"

# The published files, a staging folder aside.
published() {
  (cd "$work/public" && find . -path ./.firefly-staging-\* -prune -o -type f -print0 | sort -z |
    xargs -0 sha256sum)
}

# Kill a build midway: once its staging folder has files in it, so the kill lands while it
# writes (a fixed sleep killed it before or after that, by how fast the machine was). The
# wait lasts as long as the build does: the sanitizer build's reading of 3,000 stories
# took more than the five seconds a count of 500 short sleeps allowed, and the kill landed
# before the staging folder was made. (Here it writes pages for about 3 s.) A process
# killed outright cannot clean up: its open-data files' folder is left in TMPDIR, so the
# test gives it one of its own.
mkdir "$work/tmp"
TMPDIR="$work/tmp" "$FIREFLY" build --site "$work/site" --out "$work/public" --quiet --jobs 1 &
pid=$!
deadline=$((SECONDS + 600))
while ! compgen -G "$work/public/.firefly-staging-*/stories" >/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then break; fi
  sleep 0.01
done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
compgen -G "$work/public/.firefly-staging-*" >/dev/null ||
  { echo "the build ended before its staging folder had pages, or was killed before it had one"; exit 1; }
published >"$work/after.txt"
diff "$work/before.txt" "$work/after.txt"

# A failing build leaves it too.
printf -- '---\ntitle: broken\n' >"$work/site/content/stories/broken.md"
if "$FIREFLY" build --site "$work/site" --out "$work/public" --quiet 2>/dev/null; then
  echo "a broken site built"; exit 1
fi
published >"$work/after2.txt"
diff "$work/before.txt" "$work/after2.txt"

# The next good build removes the stale temporary folder of the killed build.
rm "$work/site/content/stories/broken.md"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
stale=$(find "$work" "$work/public" -maxdepth 1 -name '.*firefly-*' ! -name .firefly-output | wc -l)
[ "$stale" = 0 ] || { echo "stale temporary folders left: $stale"; exit 1; }
echo "atomic publish: ok"
