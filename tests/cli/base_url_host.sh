#!/usr/bin/env bash
# A base_url with a host in another script (勞工局.台灣) is published in its ASCII (IDNA)
# form in the sitemap, feeds and canonical links, which crawlers read; the path stays as it
# was. A host no address can carry is an error naming site.yaml's line or the option.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/content/stories"
cat >"$work/site/site.yaml" <<'YAML'
title: 測試
base_url: https://勞工局.台灣/入口/
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}
YAML
printf -- '---\ntitle: 首頁\n---\n歡迎。\n' >"$work/site/content/_index.md"
printf -- '---\ntitle: 玫瑰\ndate: 2021-03-01\n---\n志工收到玫瑰。\n' >"$work/site/content/stories/玫瑰.md"
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet
host=https://xn--qhr41tckb.xn--kpry57d
grep -q "<loc>$host/入口/stories/玫瑰/</loc>" "$work/out/sitemap.xml" ||
  { cat "$work/out/sitemap.xml"; echo "the sitemap does not give the ASCII host"; exit 1; }
if grep -rlF '勞工局' "$work/out" --include=*.xml --include=*.html --include=*.json; then
  echo "the Unicode host was published"; exit 1
fi

# --base-url is converted the same way.
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet --base-url https://Bücher.example/
grep -q "<loc>https://xn--bcher-kva.example/</loc>" "$work/out/sitemap.xml" ||
  { cat "$work/out/sitemap.xml"; echo "--base-url's host is not in ASCII"; exit 1; }

# A bad host given with --base-url names the option.
code=0
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet --base-url https://-x.org/ \
  2>"$work/err.txt" || code=$?
[ "$code" = 2 ] || { cat "$work/err.txt"; echo "exit $code, expected 2"; exit 1; }
grep -qF "error: --base-url has the host name '-x.org', which has a part (between dots) that starts or ends with '-'" \
  "$work/err.txt" || { cat "$work/err.txt"; echo "wrong message"; exit 1; }

# In site.yaml: an empty part, at its line and column.
sed -i 's|^base_url: .*|base_url: https://a..b/|' "$work/site/site.yaml"
code=0
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet 2>"$work/err.txt" || code=$?
[ "$code" = 2 ] || { cat "$work/err.txt"; echo "exit $code, expected 2"; exit 1; }
grep -qF "site.yaml:2:11: error: base_url has the host name 'a..b', which has an empty part (two dots in a row, or a dot at the start)" \
  "$work/err.txt" || { cat "$work/err.txt"; echo "wrong message"; exit 1; }
echo "ok"
