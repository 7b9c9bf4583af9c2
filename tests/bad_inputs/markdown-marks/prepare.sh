#!/usr/bin/env bash
# A page of more Markdown marks than cmark-gfm can hold in reasonable memory (up to about
# 1 KB each: 2 MB of footnote references `[^a]` took 1 GB to build) is refused before it
# is parsed, at the mark that passes 250,000: 260,000 references, 20 to a line.
{
  printf -- '---\ntitle: Notes\n---\nA page of notes.\n\n'
  awk 'BEGIN { for (i = 1; i <= 13000; i++) { for (k = 0; k < 20; k++) printf "[^n] "; printf "\n" } }'
  printf '\n[^n]: The note.\n'
} >"$1/content/notes.md"
