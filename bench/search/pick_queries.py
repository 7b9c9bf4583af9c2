#!/usr/bin/env python3
"""Picks a search benchmark's queries from a built corpus site, at four page frequencies.

Reads the title and body of the story pages (zh-TW at stories/, English at en/stories/) and
picks, with a fixed seed, three-character Chinese strings and English words in four bands
of how many story pages contain them (rare, uncommon, common, nearly everywhere).

Usage: python3 bench/search/pick_queries.py SITE_DIR > bench/search/queries.json
"""
import glob
import json
import os
import random
import re
import sys
from collections import Counter

BANDS = [(1, 3), (20, 70), (1000, 1700), (7000, 10000)]
PER_BAND = {"zh-TW": 4, "en": 3}
HAN = re.compile(r"[\u3400-\u9fff]+")


def main_text(path):
    """The page's title and body (<h1> and <div class="content">), not the theme's text."""
    with open(path, encoding="utf-8") as f:
        html = f.read()
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)
    start = html.find('<div class="content"')
    ends = [i for i in (html.find('class="taxonomy"', start), html.find("</main>", start)) if i > 0]
    html = (title.group(1) if title else "") + " " + (html[start:min(ends)] if start >= 0 and ends else "")
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def candidates(text, lang):
    if lang == "en":
        return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}
    grams = set()
    for run in HAN.findall(text):
        grams.update(run[i:i + 3] for i in range(len(run) - 2))
    return grams


def main():
    site = sys.argv[1]
    rng = random.Random(42)
    queries = []
    for lang, folder in (("en", "en/stories"), ("zh-TW", "stories")):
        df = Counter()
        for page in glob.glob(os.path.join(site, folder, "*", "index.html")):
            df.update(candidates(main_text(page), lang))
        for lo, hi in BANDS:
            pool = sorted(t for t, n in df.items() if lo <= n <= hi)
            for q in rng.sample(pool, min(PER_BAND[lang], len(pool))):
                queries.append({"lang": lang, "q": q, "df": df[q]})
    json.dump(queries, sys.stdout, ensure_ascii=False, indent=0)
    print()


if __name__ == "__main__":
    main()
