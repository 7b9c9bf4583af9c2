#!/usr/bin/env bash
# A paragraph of 20,000 links among as many emphasis marks (200 KB) took cmark-gfm 0.29
# 35 s: refused before it is parsed, where the limit is passed. The same links and marks
# in a list, one item to a line, are read in a moment and are not refused.
c="$1/content"
mkdir -p "$c"
rep() { for _ in $(seq "$2"); do printf '%s' "$1"; done; }
{ printf -- '---\ntitle: Links\n---\nIntro.\n\n'; rep '*a [e](/) ' 20000; echo; } >"$c/links.md"
{ printf -- '---\ntitle: List\n---\n'; for _ in $(seq 20000); do echo '- *a* [e](/)'; done; } >"$c/list.md"
