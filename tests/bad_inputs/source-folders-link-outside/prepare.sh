#!/usr/bin/env bash
# Source folders that are themselves links out of the site (static -> a home folder would
# publish all of it): none is read. git does not keep such links portably, so the test
# makes them.
out="$1/../source-folders-outside"
mkdir -p "$out/static" "$out/data" "$out/i18n" "$out/layouts"
echo secret >"$out/static/secret.txt"
printf 'year,n\n2024,1\n' >"$out/data/rows.csv"
printf 'title: {en: Rows}\n' >"$out/data/rows.yaml"
echo 'skip_to_content: "Skip"' >"$out/i18n/en.yaml"
echo '{{title}}' >"$out/layouts/page.mustache"
for f in static data i18n layouts; do ln -s ../source-folders-outside/$f "$1/$f"; done
