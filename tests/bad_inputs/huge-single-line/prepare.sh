#!/usr/bin/env bash
# A one-line Markdown file just under the 2 MB limit and 10,000-deep nesting must build in
# bounded time (git keeps no empty folder, so content/ is made here).
mkdir -p "$1/content"
{ printf -- '---\ntitle: Long\n---\n'; head -c 2000000 /dev/zero | tr '\0' 'a'; echo; } > "$1/content/long.md"
{ printf -- '---\ntitle: Deep\n---\n'; for i in $(seq 10000); do printf '>'; done; echo ' deep'; } > "$1/content/deep.md"
