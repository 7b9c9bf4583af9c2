#!/usr/bin/env bash
# Files saved as UTF-16 without a byte order mark (little- and big-endian): letters, digits
# and commas each with a NUL byte, which is valid UTF-8. One error each naming UTF-16 (the
# CSV had one "invisible control character" error per field, the page one per line).
mkdir -p "$1/content"
printf 'year,count\n2021,12\n2022,14\n' | iconv -f UTF-8 -t UTF-16LE >"$1/data/awards.csv"
printf -- '---\ntitle: Story\n---\nText.\n' | iconv -f UTF-8 -t UTF-16BE >"$1/content/story.md"
