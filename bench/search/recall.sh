#!/usr/bin/env bash
# Recall in the top ten, Firefly against Pagefind 1.4 on the same built sample portal, over
# queries generated from its pages in every language (bench/search/recall.mjs). Builds the
# portal, runs Pagefind over its content pages only (stories, programs, other pages and
# datasets: no list pages), then both engines' search in Chromium.
#
# Usage: bench/search/recall.sh [PER_KIND]   (FIREFLY=path/to/firefly, WORK=folder,
#   SEED=27; PER_KIND queries of each kind and language, default 8: about 500 queries)
set -euo pipefail
cd "$(dirname "$0")/../.."
firefly=${FIREFLY:-build/firefly}
work=${WORK:-bench/out/search-recall}
per_kind=${1:-8}
rm -rf "$work" && mkdir -p "$work"
(cd bench/search && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
(cd tests/a11y && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
"$firefly" build --site . --out "$work/site" --quiet 2>/dev/null
# Pagefind over a copy holding only the content pages (as links), its index put in the site.
(cd "$work/site" && grep -l -E '<article class="(entry|dataset)' -r --include=index.html . || true) |
  while read -r f; do mkdir -p "$work/content/$(dirname "$f")" && ln "$work/site/$f" "$work/content/$f"; done
bench/search/node_modules/.bin/pagefind --site "$work/content" --output-path "$work/site/pagefind" >"$work/pagefind.log"
node bench/search/recall.mjs "$work/site" --per-kind "$per_kind" --seed "${SEED:-27}" --pagefind --json "$work/rows.jsonl"
