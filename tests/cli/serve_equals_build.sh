#!/usr/bin/env bash
# firefly serve always equals a fresh build of the same files: the sample portal and the
# golden multilingual site are served and edited as staff edit them (stories, translations,
# datasets, photos, site.yaml, the theme, strings, commits, a break and its fix), and after
# each update every file a fresh `firefly build` publishes is served byte for byte (HTML less
# serve's reload script), every file it no longer publishes answers 404, and a failed build's
# errors are shown (tests/cli/lib/serve_equals_build.py). The edits are chosen by a seed:
# SERVE_SEED=N SERVE_STEPS=N bash tests/cli/serve_equals_build.sh runs other sequences.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v vips >/dev/null || { echo "FAIL: needs vips (scripts/install-deps --test)"; exit 1; }
seed=${SERVE_SEED:-43}
run() {
  timeout -k 5 170 /usr/bin/python3 tests/cli/lib/serve_equals_build.py "$FIREFLY" "$@"
}
# The golden site previews as published (--no-drafts), the portal with its drafts shown;
# each in a git repository of its own, some steps a commit (the pages' "updated" dates,
# translations out of date and the datasets' history come from git).
run tests/sites/multilingual/site "$work/golden" --seed "$seed" --steps "${SERVE_STEPS:-24}" --no-drafts --git
run . "$work/portal" --seed "$((seed + 1))" --steps "${SERVE_STEPS:-16}" --git
echo "serve_equals_build: ok"
