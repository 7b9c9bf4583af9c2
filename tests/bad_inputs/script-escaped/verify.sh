#!/usr/bin/env bash
# No tag or event handler from the content may survive as markup (javascript: links are
# errors: see link-javascript).
out=$1
if grep -rl -e '<script>alert' -e '<img src=x' -e 'href="javascript:' -e '<script>' "$out" --include='*.html' --include='*.xml' --include='*.json'; then exit 1; fi
grep -q '&lt;script&gt;alert(2)&lt;/script&gt;' "$out/xss/index.html"
