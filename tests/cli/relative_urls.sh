#!/usr/bin/env bash
# relative_urls: true makes every page browsable from file://: no root-relative links remain,
# and every relative link from a page resolves to a file of the output.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"
printf 'relative_urls: true\n' >>"$work/site/site.yaml"
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet
if grep -rEl '(href|src)="/[^/]' "$work/out" --include='*.html'; then
  echo "root-relative links remain"; exit 1
fi
/usr/bin/python3 - "$work/out" <<'PY'
import os, re, sys
root = sys.argv[1]
bad = 0
for page in ["en/stories/story-2/index.html", "stories/index.html", "index.html"]:
    html = open(os.path.join(root, page), encoding="utf-8").read()
    for url in re.findall(r'(?:href|src)="([^"#?]+)', html):
        if "://" in url or url.startswith("mailto:"):
            continue
        target = os.path.normpath(os.path.join(root, os.path.dirname(page), url))
        if not os.path.isfile(target):
            print(f"{page}: {url} -> missing {target}"); bad += 1
sys.exit(1 if bad else 0)
PY
echo "relative urls: ok"
