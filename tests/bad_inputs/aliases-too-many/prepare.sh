#!/usr/bin/env bash
# A page with 35,000 old addresses (about 400 KB) would publish 35,000 redirect pages: more
# than 100 `aliases:` on a page is an error, at the 101st.
mkdir -p "$1/content"
{
  printf -- '---\ntitle: A\naliases: [/old/0'
  for i in $(seq 1 34999); do printf ', /old/%d' "$i"; done
  printf ']\n---\nBody.\n'
} >"$1/content/a.md"
