#!/usr/bin/env bash
# firefly serve keeps search current: once a page shows an edit, a search finds it. The
# index is remade after the edited pages are shown; until it is, requests for its files
# wait (never the index of before the edit). On 1,500 stories remaking the index takes
# long enough that a request made as soon as the new page answers would get the old one.
set -euo pipefail
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=serve_start.bash
source "$(dirname "$0")/lib/serve_start.bash"
fail() { echo "FAIL: $*"; echo "--- server output:"; tail -20 "$work/server.log" 2>/dev/null || true; exit 1; }

python3 "$(dirname "$0")/../../bench/gen_corpus.py" --stories 1500 --datasets 1 --vocab 2000 \
  --out "$work/site" >/dev/null
start_server "$work/site"
# docs N: the number of pages in the zh-TW index shown now.
docs() { curl -s --max-time 60 "$base/search/zh-TW/index.json" | grep -o '"docs":[0-9]*' | cut -d: -f2; }
for _ in $(seq 1 300); do
  [ "$(status "$base/search/zh-TW/index.json")" = 200 ] && break
  sleep 0.1
done
before=$(docs)
[ -n "$before" ] || fail "no zh-TW search index"

# Three new stories, one after the other: each is looked for the moment its page answers.
for i in 1 2 3; do
  printf -- '---\ntitle: 新故事%s\ndate: 2024-05-0%s\n---\n\n志工服務的新故事，第%s篇。\n' "$i" "$i" "$i" \
    >"$work/site/content/stories/new-story-$i.zh-TW.md"
  shown=0
  for _ in $(seq 1 1500); do
    [ "$(status "$base/stories/new-story-$i/")" = 200 ] && { shown=1; break; }
    sleep 0.02
  done
  [ "$shown" = 1 ] || fail "story $i was not shown within 30 s"
  now=$(docs)
  [ "$now" = $((before + i)) ] || fail "story $i is shown, but the search index has $now pages (expected $((before + i))): stale"
done
echo "ok: each new story was in the search index the moment its page was shown"
