#!/usr/bin/env bash
# Recall in the top ten, Firefly against Pagefind 1.4, on the written (held-out) queries of
# tests/a11y/recall_heldout.mjs: on the sample portal and on the generated corpus (1,000
# stories, --vocab 5000). Each site is built, Pagefind is run over its content pages only
# (no list pages), then both engines' search in Chromium (bench/search/recall.mjs), which
# prints the misses, a page with the query in its title listed after one without
# ("order"), each query where Pagefind finds more ("behind"), and recall by language and kind.
#
# Usage: bench/search/heldout.sh [portal|corpus]...   (default both; FIREFLY=path/to/firefly,
#   WORK=folder, GEN=the corpus generator, default ../shared/bench/gen_corpus.py,
#   or ../../shared/… from a worktree)
set -euo pipefail
cd "$(dirname "$0")/../.."
firefly=${FIREFLY:-build/firefly}
work=${WORK:-bench/out/search-heldout}
mkdir -p "$work"
# The corpus the written CORPUS queries were picked from: the workspace's shared generator
# (its words differ from bench/gen_corpus.py's, whose corpus lacks most of those queries).
gen=${GEN:-../shared/bench/gen_corpus.py}
[ -n "${GEN:-}" ] || [ -f "$gen" ] || gen=../../shared/bench/gen_corpus.py  # from a worktree
[ -f "$gen" ] || { echo "heldout.sh: no $gen; set GEN=path/to/gen_corpus.py" >&2; exit 2; }
(cd bench/search && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
(cd tests/a11y && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
for which in "${@:-portal corpus}"; do
  for w in $which; do
    site="$work/$w/site"
    rm -rf "$site" "$work/$w/content" && mkdir -p "$work/$w"
    if [ "$w" = corpus ]; then
      [ -d "$work/corpus/src" ] || python3 "$gen" --stories 1000 --vocab 5000 --out "$work/corpus/src" >/dev/null
      "$firefly" build --site "$work/corpus/src" --out "$site" --quiet 2>/dev/null
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
