#!/usr/bin/python3
"""Writes a small hand-made built portal into DIR, for testing the checkers.

Usage: make_fixture.py DIR

The fixture is what a correct build could publish: pages in two languages, a
redirect alias, Atom feeds, a sitemap with alternates, and a data folder with
a Data Package, checksums, an archive and CSV/Excel CSV/JSON downloads.
"""

import hashlib
import json
import sys
import zipfile
from pathlib import Path

BASE = "https://labor.example.gov.tw/"

CSS = """body{font:18px/1.7 sans-serif;color:#1a1a1a;background:#fff;margin:0}
a{color:#0645ad}.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px}
main,header,footer{max-width:48rem;margin:0 auto;padding:1rem}
@media (prefers-color-scheme: dark){body{background:#111;color:#eee}a{color:#9cf}}
"""

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img">
<title>dot</title><circle cx="5" cy="5" r="4"/></svg>
"""


def page(lang, title, body, url, alternates):
    links = "".join(f'<link rel="alternate" hreflang="{h}" href="{BASE}{u.lstrip("/")}">'
                    for h, u in alternates)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/assets/style.0123abcd.css">
<link rel="canonical" href="{BASE}{url.lstrip('/')}">
{links}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Main"><ul>
<li><a href="/">Home</a></li><li><a href="/stories/">Stories</a></li>
<li><a href="/data/">Data</a></li><li><a href="/en/">English</a></li>
</ul></nav></header>
<main id="main">
<h1>{title}</h1>
{body}
</main>
<footer><p><a href="/sitemap/">Site map</a> <a href="/feed.xml">Feed</a></p></footer>
</body>
</html>
"""


def rows():
    return [
        {"year": 2021, "unit": "Tainan Labor Bureau", "award": "=SUM(A1) gold", "count": 3,
         "rate": 0.85},
        {"year": 2022, "unit": "Job center, \"South\"", "award": "+Silver", "count": 1,
         "rate": -1.5},
        {"year": 2023, "unit": "臺南市政府勞工局", "award": "@Bronze\nline two", "count": 0,
         "rate": None},
    ]


def csv_text(rs, excel=False):
    def cell(v):
        s = "" if v is None else str(v)
        if excel and s[:1] in ("=", "+", "-", "@"):
            s = "'" + s
        if any(c in s for c in ",\"\r\n"):
            s = '"' + s.replace('"', '""') + '"'
        return s
    cols = list(rs[0])
    lines = [",".join(cols)] + [",".join(cell(r[c]) for c in cols) for r in rs]
    return "\r\n".join(lines) + "\r\n"


def write(root, rel, content):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def feed(title, self_url, entries):
    items = "".join(f"""<entry><id>{BASE}{u.lstrip('/')}</id><title>{t}</title>
<updated>2023-06-30T00:00:00+08:00</updated><link rel="alternate" href="{BASE}{u.lstrip('/')}"/>
</entry>""" for t, u in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>{BASE}{self_url.lstrip('/')}</id>
<title>{title}</title><updated>2023-06-30T00:00:00+08:00</updated>
<link rel="self" href="{BASE}{self_url.lstrip('/')}"/>{items}</feed>
"""


def build(root):
    root = Path(root)
    home_alt = [("zh-Hant-TW", "/"), ("en", "/en/"), ("x-default", "/")]
    story_alt = [("zh-Hant-TW", "/stories/roses/"), ("en", "/en/stories/roses/"),
                 ("x-default", "/stories/roses/")]
    pages = {
        "index.html": page("zh-Hant-TW", "臺南市政府勞工局 施政成果",
                           '<p><a href="/stories/roses/#story">南投玫瑰</a></p>'
                           '<img src="/images/dot.svg" alt="">', "/", home_alt),
        "en/index.html": page("en", "Tainan Labor Affairs Bureau — Results",
                              '<p><a href="stories/roses/">Roses</a></p>', "/en/", home_alt),
        "stories/index.html": page("zh-Hant-TW", "故事", '<p><a href="roses/">玫瑰</a></p>',
                                   "/stories/", [("zh-Hant-TW", "/stories/")]),
        "stories/roses/index.html": page("zh-Hant-TW", "南投玫瑰",
                                         '<article id="story"><p>內容</p></article>',
                                         "/stories/roses/", story_alt),
        "en/stories/roses/index.html": page("en", "Roses", '<p><a href="../../">Home</a></p>',
                                            "/en/stories/roses/", story_alt),
        "sitemap/index.html": page("zh-Hant-TW", "網站導覽", "<p>:::</p>", "/sitemap/",
                                   [("zh-Hant-TW", "/sitemap/")]),
        "search/index.html": page("zh-Hant-TW", "搜尋", "<p>搜尋</p>", "/search/",
                                  [("zh-Hant-TW", "/search/")]),
        "data/index.html": page("zh-Hant-TW", "開放資料",
                                '<p><a href="/data/awards/">獎項</a></p>', "/data/",
                                [("zh-Hant-TW", "/data/")]),
        "data/awards/index.html": page(
            "zh-Hant-TW", "歷年重大得獎紀錄",
            '<p><a href="/data/awards.csv">CSV</a> <a href="/data/awards.excel.csv">Excel</a>'
            ' <a href="/data/awards.json">JSON</a> <a href="/data/SHA256SUMS">SHA-256</a></p>'
            '<script type="application/ld+json">{"@type": "Dataset", "name": "awards"}</script>',
            "/data/awards/", [("zh-Hant-TW", "/data/awards/")]),
        "404.html": page("zh-Hant-TW", "找不到網頁", '<p><a href="/">首頁</a></p>', "/404.html",
                         [("zh-Hant-TW", "/404.html")]),
        "old-roses/index.html": """<!DOCTYPE html><html lang="zh-Hant-TW"><head>
<meta charset="utf-8"><title>/stories/roses/</title>
<meta http-equiv="refresh" content="0; url=/stories/roses/">
<link rel="canonical" href="https://labor.example.gov.tw/stories/roses/"></head>
<body><p><a href="/stories/roses/">/stories/roses/</a></p></body></html>
""",
    }
    for rel, html in pages.items():
        write(root, rel, html)
    write(root, "assets/style.0123abcd.css", CSS)
    write(root, "images/dot.svg", SVG)
    write(root, "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n")
    write(root, "feed.xml", feed("施政成果", "/feed.xml", [("南投玫瑰", "/stories/roses/")]))
    write(root, "en/feed.xml", feed("Results", "/en/feed.xml", [("Roses", "/en/stories/roses/")]))
    write(root, "stories/feed.xml", feed("故事", "/stories/feed.xml", []))
    urls = ""
    for rel in pages:
        if rel.startswith(("old-roses", "404")):
            continue
        loc = "/" + rel[: -len("index.html")]
        alts = story_alt if "roses" in rel else home_alt if loc in ("/", "/en/") else [
            ("zh-Hant-TW", loc), ("x-default", loc)]
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{h}" href="{BASE}{u.lstrip("/")}"/>'
                        for h, u in alts)
        urls += f"<url><loc>{BASE}{loc.lstrip('/')}</loc>{links}</url>\n"
    write(root, "sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
          f'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n{urls}</urlset>\n')

    rs = rows()
    write(root, "data/awards.csv", csv_text(rs))
    write(root, "data/awards.excel.csv", b"\xef\xbb\xbf" + csv_text(rs, excel=True).encode())
    write(root, "data/awards.json", json.dumps(rs, ensure_ascii=False, indent=1))
    package = {
        "name": "tainan-labor",
        "title": "Tainan Labor Affairs Bureau open data",
        "licenses": [{"name": "OGDL-Taiwan-1.0",
                      "path": "https://data.gov.tw/license",
                      "title": "Open Government Data License, version 1.0"}],
        "resources": [{
            "name": "awards", "path": "awards.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": [
                {"name": "year", "type": "integer"}, {"name": "unit", "type": "string"},
                {"name": "award", "type": "string"}, {"name": "count", "type": "integer"},
                {"name": "rate", "type": "number"}]},
        }],
    }
    write(root, "data/datapackage.json", json.dumps(package, indent=1))
    write(root, "data/catalog.jsonld", json.dumps({"@context": "https://www.w3.org/ns/dcat",
                                                   "@type": "Catalog"}))
    data = root / "data"
    with zipfile.ZipFile(data / "all.zip", "w") as z:
        for f in ("awards.csv", "datapackage.json"):
            z.write(data / f, f"tainan-labor/{f}")
    sums = ""
    for f in ("all.zip", "awards.csv", "awards.excel.csv", "awards.json", "datapackage.json"):
        sums += f"{hashlib.sha256((data / f).read_bytes()).hexdigest()}  {f}\n"
    write(root, "data/SHA256SUMS", sums)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixture.py DIR")
    build(sys.argv[1])
