#!/usr/bin/env bash
# The photo is a <picture>; the raw HTML is published as written.
html="$1/a/index.html"
[ "$(grep -c '<picture' "$html")" = 1 ] || { echo "the photo is not one <picture>"; exit 1; }
for n in 7 x '' 18446744073709551616; do
  grep -qF "<img src=\"firefly-photo:$n\"" "$html" || { echo "firefly-photo:$n is not as written"; exit 1; }
done
