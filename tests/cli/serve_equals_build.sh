#!/usr/bin/env bash
# firefly serve always equals a fresh build of the same files: the sample portal and the
# golden multilingual site are served and edited as staff edit them (stories, translations,
# datasets, photos, site.yaml, the theme, strings, commits and checkouts, a break and its
# fix), and after each update every file a fresh `firefly build` publishes is served byte
# for byte (HTML less serve's reload script), every file it no longer publishes answers 404
# (or redirects, a file replaced by a folder), and a failed build's errors are shown
# (tests/cli/lib/serve_equals_build.py). The edits are chosen by a seed:
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
# both in git, some steps a commit (the pages' "updated" dates, translations out of date
# and the datasets' history come from git): the golden site in a folder below the top of
# its repository, the portal in a repository of its own, made by its first edit (`git
# init` while serve runs).
run tests/sites/multilingual/site "$work/golden" --seed "$seed" --steps "${SERVE_STEPS:-20}" --no-drafts --git-below
run . "$work/portal" --seed "$((seed + 1))" --steps "${SERVE_STEPS:-10}" --git-later
# The golden site again, with the edits that move pages between files and templates and the
# repository between commits: translations linked by translation_key, unlinked and their
# files renamed; a page's layout; layouts added to and removed from its theme; a static
# file replaced by a folder; checkouts of an earlier commit (a detached HEAD) and branches.
run tests/sites/multilingual/site "$work/moves" --seed "$((seed + 2))" --steps "${SERVE_STEPS:-14}" \
  --no-drafts --git-below --kinds checkout,translation_key,layout,layout_file,static_folder,commit,new_story
echo "serve_equals_build: ok"
