#!/usr/bin/env bash
# A name with two dots in it (a typo, or a version range) is published under that name: the
# build refused it as "outside the output folder".
out=$1
[ "$(cat "$out/report..final.txt")" = final ] && [ -f "$out/v1..2/plan/index.html" ] &&
  grep -q 'href="/report..final.txt"' "$out/v1..2/plan/index.html"
