#!/usr/bin/env bash
# Firefly's search against Pagefind 1.4 on the same built site, in one run: generates the
# corpus (default 1,000 stories, --vocab 5000), builds it with Firefly, runs Pagefind over
# the built story pages (list pages left out), then runs the query set through both in
# Chromium (bytes.mjs) and prints bytes a query and recall in the top ten (compare.mjs).
#
# Usage: bench/search/compare.sh [STORIES]   (FIREFLY=path/to/firefly, WORK=folder,
#   QUERIES=file: queries-1k.json, picked from the 1,000-story corpus at four page
#   frequencies per language, queries.json, picked the same way from 10,000 stories, or
#   queries-mixed.json, 1-5 Chinese characters and 1-3 English words cut from 10,000
#   stories' pages by pick_mixed_queries.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
stories=${1:-1000}
firefly=${FIREFLY:-build/firefly}
work=${WORK:-bench/out/search-$stories}
queries=${QUERIES:-bench/search/queries-1k.json}
mkdir -p "$work"
(cd bench/search && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
[ -d "$work/corpus" ] || python3 bench/gen_corpus.py --stories "$stories" --vocab 5000 --out "$work/corpus"
rm -rf "$work/site"
start=$(date +%s%N)
"$firefly" build --site "$work/corpus" --out "$work/site" --quiet 2>/dev/null
firefly_ms=$((($(date +%s%N) - start) / 1000000))
start=$(date +%s%N)
bench/search/node_modules/.bin/pagefind --site "$work/site" \
  --glob "{stories,en/stories}/*/index.html" >"$work/pagefind.log"
pagefind_ms=$((($(date +%s%N) - start) / 1000000))
echo "build: firefly ${firefly_ms} ms (whole site, index included); pagefind ${pagefind_ms} ms (index only)"
for lang in zh-TW en; do
  echo "index files: firefly $lang $(find "$work/site/search/$lang" -type f | wc -l)"
done
echo "index files: pagefind $(find "$work/site/pagefind" -type f | wc -l) (all languages)"
node bench/search/bytes.mjs "$work/site" "$queries" >"$work/firefly.jsonl"
node bench/search/bytes.mjs "$work/site" "$queries" --pagefind >"$work/pagefind.jsonl"
node bench/search/compare.mjs "$work/site" "$work/firefly.jsonl" "$work/pagefind.jsonl"
