#!/bin/bash
# Update times of `firefly serve` for each kind of edit, and its memory against a build.
#   bench/serve_updates.sh FIREFLY SITE_DIR
# SITE_DIR is a corpus of bench/gen_corpus.py (it is edited, then put back). For each
# kind of edit (text at the end, a new first paragraph, title, date, tags, a new story, a
# deleted story, a dataset's rows, a dataset's title) it saves the file 3 times and reads
# serve's own "updated ... in N ms, the reload sent after M ms" line (N: from the file
# event to every new file in memory, the feeds, sitemap.xml and pages no tab shows
# included; M: to the open pages' files shown and the reload sent; the browser's reload
# adds the 40 ms debounce and a fetch). Then it prints
# serve's resident memory (VmRSS, VmHWM) and the peak of a plain `firefly build`. With
# SETTLE=N in the environment it also reads VmRSS again N seconds after the last edit, once
# its search refresh and freed memory have settled (the memory goal's measure).
set -euo pipefail
FIREFLY=$1
SITE=$2
work=$(mktemp -d)
backup="$work/backup"
cp -r "$SITE/content/stories" "$backup-stories"
cp -r "$SITE/data" "$backup-data"
restore() {
  rm -rf "$SITE/content/stories" "$SITE/data"
  cp -r "$backup-stories" "$SITE/content/stories"
  cp -r "$backup-data" "$SITE/data"
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$FIREFLY" serve --site "$SITE" --port "$port" --no-drafts >"$work/out.log" 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; restore; rm -rf "$work" "$backup-stories" "$backup-data"' EXIT
for _ in $(seq 1 600); do grep -q '^built ' "$work/serve.log" && break; sleep 0.2; done
grep '^built ' "$work/serve.log"
story="$SITE/content/stories/story-00042.en.md"
data="$SITE/data/outcome-003"
updates() { grep -c '^updated \|^build failed' "$work/serve.log" || true; }
wait_update() {  # waits for update number $1
  for _ in $(seq 1 300); do [ "$(updates)" -ge "$1" ] && return; sleep 0.05; done
  echo "no update" >&2
}
n=$(updates)
edit() {  # edit NAME COMMAND...: runs the command 3 times, each followed by its update
  local name=$1
  shift
  for i in 1 2 3; do
    "$@" "$i"
    n=$((n + 1))
    wait_update $n
    sleep 0.3
    echo "$name: $(grep '^updated \|^build failed' "$work/serve.log" | tail -n 1)"
  done
}
text() { printf '\nA marker paragraph %s.\n' "$1" >>"$story"; }
opening() { sed -i "0,/^---\$/! {0,/^---\$/ s/^---\$/---\n\nOpening $1.\n/}" "$story"; }
title() { sed -i "s/^title: .*/title: \"A new title $1\"/" "$story"; }
date_() { sed -i "s/^date: .*/date: 2019-0$1-15/" "$story"; }
tags() { sed -i "s/^tags: .*/tags: [tag-0$1, tag-11]/" "$story"; }
new() { printf -- '---\ntitle: "New %s"\ndate: 2024-05-0%s\nprograms: [participation]\ntags: [tag-01]\n---\nNew story %s.\n' "$1" "$1" "$1" >"$SITE/content/stories/new-$1.en.md"; }
delete() { rm "$SITE/content/stories/story-0010$1.en.md"; }
rows() { echo "20$((40 + $1)),indicator-3,$((100 + $1)),persons" >>"$data.csv"; }
dtitle() { sed -i "s/^  en: Outcome indicator.*/  en: Outcome indicator 3, version $1/" "$data.yaml"; }
edit text text
edit summary opening
edit title title
edit date date_
edit tags tags
edit new new
edit delete delete
edit rows rows
edit "dataset title" dtitle
grep -E 'VmRSS|VmHWM' /proc/$pid/status
if [ "${SETTLE:-0}" != 0 ]; then
  sleep "$SETTLE"
  echo "after $SETTLE s: $(grep -E 'VmRSS' /proc/$pid/status)"
fi
kill $pid
wait $pid 2>/dev/null || true
restore
/usr/bin/time -f 'plain build: %e s, peak %M KB' "$FIREFLY" build --site "$SITE" --out "$work/public" --quiet
