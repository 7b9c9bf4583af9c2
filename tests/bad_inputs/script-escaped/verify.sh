#!/usr/bin/env bash
# No tag or event handler from the content may survive as markup (javascript: links are
# errors: see link-javascript). The one <script> without attributes that a page may hold is
# the default theme's own, in <head>, which applies the saved text size before the first
# paint (themes/default/partials/head.mustache).
out=$1
if grep -rl -e '<script>alert' -e '<img src=x' -e 'href="javascript:' "$out" --include='*.html' --include='*.xml' --include='*.json'; then exit 1; fi
if grep -rlP '<script>(?!try\{var c=document\.documentElement\.classList)' "$out" --include='*.html' --include='*.xml' --include='*.json'; then exit 1; fi
grep -q '&lt;script&gt;alert(2)&lt;/script&gt;' "$out/xss/index.html"
