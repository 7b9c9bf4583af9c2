#!/usr/bin/env bash
# firefly serve always equals a fresh build of the same files: the sample portal and the
# golden multilingual site are served and edited as staff edit them (stories, translations,
# datasets, photos, site.yaml, the theme, strings, commits and checkouts, a break and its
# fix), and after each update every file a fresh `firefly build` publishes is served byte
# for byte (HTML less serve's reload script), every file it no longer publishes answers 404
# (or redirects, a file replaced by a folder), and a failed build's errors are shown
# (tests/cli/lib/serve_equals_build.py). The edits are chosen by a seed:
# SERVE_SEED=N SERVE_STEPS=N bash tests/cli/serve_equals_build.sh runs other sequences;
# SERVE_SEEDS="1 2 3" runs them for each seed in turn (a longer sweep), and
# SERVE_KEEP_GOING=1 goes on after a difference to list every step's.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v vips >/dev/null || { echo "FAIL: needs vips (scripts/install-deps --test)"; exit 1; }
more=()
[[ -n "${SERVE_KEEP_GOING:-}" ]] && more=(--keep-going)
failed=0
run() {
  timeout -k 5 170 /usr/bin/python3 tests/cli/lib/serve_equals_build.py "$FIREFLY" "$@" \
    ${more[@]+"${more[@]}"} && return
  failed=1
  [[ -n "${SERVE_KEEP_GOING:-}" ]] || { echo "serve_equals_build: FAIL (seed $seed)"; exit 1; }
}
for seed in ${SERVE_SEEDS:-${SERVE_SEED:-43}}; do
  rm -rf "${work:?}"/*
  # The golden site previews as published (--no-drafts), the portal with its drafts shown;
  # both in git, some steps a commit (the pages' "updated" dates, translations out of date
  # and the datasets' history come from git): the golden site in a folder below the top of
  # its repository, the portal in a repository of its own, made by its first edit (`git
  # init` while serve runs).
  run tests/sites/multilingual/site "$work/golden" --seed "$seed" --steps "${SERVE_STEPS:-20}" --no-drafts --git-below
  run . "$work/portal" --seed "$((seed + 1))" --steps "${SERVE_STEPS:-10}" --git-later
  # The golden site again, with the edits that move pages between files and templates and
  # the repository between commits: translations linked by translation_key, unlinked and
  # their files renamed; a page's layout; layouts added to and removed from its theme; a
  # static file replaced by a folder; checkouts of an earlier commit (a detached HEAD) and
  # branches.
  run tests/sites/multilingual/site "$work/moves" --seed "$((seed + 2))" --steps "${SERVE_STEPS:-14}" \
    --no-drafts --git-below --kinds checkout,translation_key,layout,layout_file,static_folder,commit,new_story
  # The portal again, with the edits of what later rounds publish from the datasets and
  # site.yaml: a page's chart and table blocks, a dataset's own chart, licence, keywords
  # and frequency, its figures and rows, the publisher, the footer menu, a tag renamed on
  # one page, a glossary term in a translation, the search page's strings, a photo of
  # another size, and a publish_at that comes while serve runs (drafts shown: its notice
  # goes).
  run . "$work/data" --seed "$((seed + 3))" --steps "${SERVE_STEPS:-6}" --kinds \
    chart_block,embed_block,chart_spec,dataset_licence,publisher,menu,term_rename,glossary_use,search_strings,photo_size,publish_soon,csv_value,csv_row
  # The clock: a story whose publish_at comes a few seconds after it is saved, previewed as
  # published (the page comes without an edit).
  run tests/sites/multilingual/site "$work/time" --seed "$((seed + 4))" --steps 1 --no-drafts \
    --kinds publish_soon
done
[[ $failed == 0 ]] || { echo "serve_equals_build: FAIL"; exit 1; }
echo "serve_equals_build: ok"
