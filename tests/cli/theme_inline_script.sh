#!/usr/bin/env bash
# The default theme's one inline script (it applies the saved text size and contrast before
# the first paint): docs/templates.md gives its exact CSP hash, and a built page carries
# it byte for byte, in <head>, before the style sheet.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head=themes/default/partials/head.mustache
script=$(sed -n 's|^<script>\(.*\)</script>$|\1|p' "$head")
[ "$(printf '%s\n' "$script" | grep -c .)" = 1 ] || { echo "expected one inline <script> line in $head"; exit 1; }
hash="sha256-$(printf '%s' "$script" | openssl dgst -sha256 -binary | base64)"
grep -qF "'$hash'" docs/templates.md ||
  { echo "docs/templates.md does not give the inline script's hash '$hash'"; exit 1; }

cp -r tests/sites/multilingual/site "$work/site"
sed -i 's/^theme:.*/theme: default/' "$work/site/site.yaml"
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet 2>/dev/null
page="$work/out/index.html"
/usr/bin/python3 - "$page" "$script" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
script = "<script>" + sys.argv[2] + "</script>"
head = html.split("</head>", 1)[0]
assert script in head, "the inline script is not in <head>"
assert head.index(script) < head.index('rel="stylesheet"'), "the script comes after the style sheet"
assert html.count("<script>") == 1, "another inline script without a hash"
PY
echo "ok: $hash"
