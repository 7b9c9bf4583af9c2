#!/usr/bin/env bash
# A 20 MB one-line Markdown file and 10,000-deep nesting must build in bounded time.
{ printf -- '---\ntitle: Long\n---\n'; head -c 20000000 /dev/zero | tr '\0' 'a'; echo; } > "$1/content/long.md"
{ printf -- '---\ntitle: Deep\n---\n'; for i in $(seq 10000); do printf '>'; done; echo ' deep'; } > "$1/content/deep.md"
