#!/usr/bin/env bash
# Recall in the top ten, Firefly against Pagefind 1.4, on the written (held-out) queries of
# tests/a11y/recall_heldout.mjs: on the sample portal and on the generated corpus (1,000
# stories, --vocab 5000); and on those of tests/a11y/recall_made.mjs on the portal
# (portal-more) and on the small five-language site it writes (made). Each site is built, Pagefind is run over its content pages only
# (no list pages), then both engines' search in Chromium (bench/search/recall.mjs), which
# prints the misses, a page with the query in its title listed after one without
# ("order"), each query where Pagefind finds more ("behind"), and recall by language and kind.
#
# Usage: bench/search/heldout.sh [portal|corpus|portal-more|made]...   (default the first two; FIREFLY=path/to/firefly,
#   WORK=folder, GEN=the corpus generator, default bench/gen_corpus.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
firefly=${FIREFLY:-build/firefly}
work=${WORK:-bench/out/search-heldout}
mkdir -p "$work"
# The written CORPUS queries name the made-up words of the reference corpus generator the
# search was compared on (not this repository's bench/gen_corpus.py, whose corpus lacks
# most of them): pass that generator as GEN.
gen=${GEN:-bench/gen_corpus.py}
(cd bench/search && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
(cd tests/a11y && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
for which in "${@:-portal corpus}"; do
  for w in $which; do
    site="$work/$w/site"
    rm -rf "$site" "$work/$w/content" && mkdir -p "$work/$w"
    if [ "$w" = corpus ]; then
      [ -d "$work/corpus/src" ] || python3 "$gen" --stories 1000 --vocab 5000 --out "$work/corpus/src" >/dev/null
      "$firefly" build --site "$work/corpus/src" --out "$site" --quiet 2>/dev/null
    elif [ "$w" = made ]; then
      rm -rf "$work/made/src" && mkdir -p "$work/made/src"
      node tests/a11y/recall_made.mjs "$work/made/src"
      "$firefly" build --site "$work/made/src" --out "$site" --quiet 2>/dev/null
    else
      "$firefly" build --site . --out "$site" --quiet 2>/dev/null
    fi
    (cd "$site" && grep -l -E '<article class="(entry|dataset)' -r --include=index.html . || true) |
      while read -r f; do mkdir -p "$work/$w/content/$(dirname "$f")" && ln "$site/$f" "$work/$w/content/$f"; done
    bench/search/node_modules/.bin/pagefind --site "$work/$w/content" --output-path "$site/pagefind" >"$work/$w/pagefind.log"
    echo "== $w"
    node bench/search/recall.mjs "$site" --held-out "$w" --pagefind --json "$work/$w/rows.jsonl"
  done
done
