#!/usr/bin/env bash
# Site paths for where the site is published:
# - relative_urls: true makes every page browsable from file://: no root-relative paths
#   remain (links, images, forms, the search index, redirects), and every relative link
#   from a page resolves to a file of the output;
# - a base URL with a path (GitHub project pages: https://org.github.io/portal/) puts every
#   site path under /portal/, and each resolves to a file when the output is served there.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r tests/sites/multilingual/site "$work/site"
mkdir "$work/portal" && cp -r site.yaml content data static "$work/portal/"

# resolve <root> <prefix> <pages...>: every site path of the pages is a file of <root>.
resolve() {
  /usr/bin/python3 - "$@" <<'PY'
import os, re, sys
root, prefix, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
pattern = r'(?:href|src|action|data-index|data-root)="([^"#?]+)|content="0; url=([^"#?]+)'
for page in pages:
    html = open(os.path.join(root, page), encoding="utf-8").read()
    for m in re.finditer(pattern, html):
        url = m.group(1) or m.group(2)
        if "://" in url or url.startswith(("mailto:", "tel:", "//")):
            continue
        if prefix == "relative":
            target = os.path.normpath(os.path.join(root, os.path.dirname(page), url))
        else:
            if not url.startswith(prefix):
                print(f"{page}: {url} is not under {prefix}"); bad += 1; continue
            target = os.path.join(root, url[len(prefix):])
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        if not os.path.exists(target):
            print(f"{page}: {url} -> missing {target}"); bad += 1
sys.exit(1 if bad else 0)
PY
}

# relative_urls on the golden site and on the sample portal (default theme: search, forms).
printf 'relative_urls: true\n' >>"$work/site/site.yaml"
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet
sed -i 's/^relative_urls: false$/relative_urls: true/' "$work/portal/site.yaml"
"$FIREFLY" build --site "$work/portal" --out "$work/portal-out" --quiet
for out in "$work/out" "$work/portal-out"; do
  if grep -rEl '(href|src|action|data-index|data-root)="/[^/]|content="0; url=/' "$out" --include='*.html'; then
    fail "root-relative paths remain in $out"
  fi
done
resolve "$work/out" relative en/stories/story-2/index.html stories/index.html index.html \
  old/story-one/index.html ||
  fail "relative links of the golden site"
resolve "$work/portal-out" relative en/search/index.html search/index.html en/index.html \
  en/data/awards/index.html || fail "relative links of the portal"
grep -q 'data-root="../../"' "$work/portal-out/en/search/index.html" || fail "search data-root"

# A base URL with a path: everything under /portal/.
sed -i 's/^relative_urls: true$/relative_urls: false/' "$work/portal/site.yaml"
"$FIREFLY" build --site "$work/portal" --out "$work/host/portal" --quiet \
  --base-url https://org.github.io/portal/
if grep -rEl '(href|src|action|data-index|data-root)="/([^p/]|p[^o])|content="0; url=/[^p]' "$work/host/portal" --include='*.html'; then
  fail "site paths outside /portal/ remain"
fi
resolve "$work/host/portal" /portal/ search/index.html en/search/index.html index.html 404.html \
  en/stories/index.html data/awards/index.html || fail "links under /portal/"
grep -q '<loc>https://org.github.io/portal/en/</loc>' "$work/host/portal/sitemap.xml" ||
  fail "sitemap.xml is not under the base URL"
echo "site paths: ok"
