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

# Kill a build midway.
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet --jobs 1 &
pid=$!
sleep 0.5
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
(cd "$work/public" && find . -path ./.firefly-staging-\* -prune -o -type f -print0 | sort -z |
  xargs -0 sha256sum) >"$work/after.txt"
diff "$work/before.txt" "$work/after.txt"

# A failing build leaves it too.
printf -- '---\ntitle: broken\n' >"$work/site/content/stories/broken.md"
if "$FIREFLY" build --site "$work/site" --out "$work/public" --quiet 2>/dev/null; then
  echo "a broken site built"; exit 1
fi
(cd "$work/public" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/after2.txt"
diff "$work/before.txt" "$work/after2.txt"

# The next good build removes the stale temporary folder of the killed build.
rm "$work/site/content/stories/broken.md"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
stale=$(find "$work" "$work/public" -maxdepth 1 -name '.*firefly-*' ! -name .firefly-output | wc -l)
[ "$stale" = 0 ] || { echo "stale temporary folders left: $stale"; exit 1; }
echo "atomic publish: ok"
