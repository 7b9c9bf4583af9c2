#!/usr/bin/env bash
# A page with 60,000 tags (470 KB) would make 60,000 term pages in every language (a
# minute and a half to build the sample portal): more than 100 terms of one taxonomy on
# a page is an error, at the 101st.
c="$1/content/stories"
{
  printf -- '---\ntitle: A\ntags: [t0'
  for i in $(seq 1 59999); do printf ', t%d' "$i"; done
  printf ']\n---\nBody.\n'
} >"$c/a.md"
