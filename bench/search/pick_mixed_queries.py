#!/usr/bin/env python3
"""Picks search queries of several lengths from a built corpus site: Chinese strings of 1 to
5 characters and English runs of 1 to 3 words, each cut at random from a random story page
(pick_queries.py picks single terms by how many pages have them; these are what a reader
may type: a word, two words, a phrase-like run of characters).

Usage: python3 bench/search/pick_mixed_queries.py SITE_DIR [SEED] [PER_KIND] > queries.json
The "df" field holds the query's length (characters or words), which bytes.mjs echoes.
"""
import glob
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pick_queries import main_text  # noqa: E402

HAN = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[A-Za-z]+")


def main():
    site = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 31)
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    zh = sorted(glob.glob(os.path.join(site, "stories", "*", "index.html")))
    en = sorted(glob.glob(os.path.join(site, "en", "stories", "*", "index.html")))
    out = []
    for n in (1, 2, 3, 4, 5):
        for _ in range(per):
            while True:
                runs = [r for r in HAN.findall(main_text(rng.choice(zh))) if len(r) >= n]
                if runs:
                    r = rng.choice(runs)
                    i = rng.randrange(len(r) - n + 1)
                    out.append({"lang": "zh-TW", "q": r[i : i + n], "df": n})
                    break
    for k in (1, 2, 3):
        for _ in range(per):
            words = WORD.findall(re.sub(r"<[^>]+>", " ", main_text(rng.choice(en))))
            i = rng.randrange(len(words) - k)
            out.append({"lang": "en", "q": " ".join(words[i : i + k]).lower(), "df": k})
    print("[\n" + ",\n".join(json.dumps(q, ensure_ascii=False) for q in out) + "\n]")


if __name__ == "__main__":
    main()
