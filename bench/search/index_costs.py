#!/usr/bin/env python3
"""Where a query's bytes go in a built search index, and what other layouts would cost.

Reads one language's index (search/<lang>/, format 6: render/search_shards.h) of a built
site and, for each query of a query set in that language, prints:
  shards    gzip bytes of the shard files the query reads (as bytes.mjs counts them), and
            of the positions files it reads
  own       gzip bytes of the query's own token lines in them (the rest is other tokens)
  own_pos   of which the positions (gzip of the line's positions alone)
and then, for the same tokens and the same number of token files, what the shards would
cost if the lines were laid out otherwise (each layout cut into files the way the
generator cuts them, split_shards):
  no_pos    no positions at all: a floor, since phrases and runs of CJK characters could
            then not be checked
  apart     page lists in half of the files, positions in the other half (a query that
            needs positions reads a file of each kind per token)
  ranges    raw bytes of the query's own lines: what reading them from one large file
            with HTTP range requests would transfer (ranges are sent uncompressed),
            before the lookups that find where the lines are
The manifest and the results are reported apart: a result shown costs about the average
chunk's gzip size (at most 10, assuming each in a different chunk) plus its page's title and
text, read by a range request from x/<n>.bin (the average record, as stored: deflated).

Query tokens are made as the search page makes them for the benchmark's queries: a run of
one or two Han characters is one token (a page list without positions, "*"), a longer
run gives each of its pairs; other text gives its lower-case words.

Usage: python3 bench/search/index_costs.py SITE_DIR QUERIES.json LANG
"""
import bisect
import gzip
import json
import os
import re
import statistics
import sys

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
VALUE = {c: i for i, c in enumerate(DIGITS)}
HAN = re.compile(r"[\u3400-\u9fff]+")
SHARD_TARGET = 12 * 1024


def vlq(s, i):
    v = shift = 0
    while True:
        d = VALUE[s[i]]
        i += 1
        v |= (d & 31) << shift
        if not d & 32:
            return v, i
        shift += 5


def split_line(postings):
    """(page list and weights, positions) of one token's postings."""
    if postings.startswith("*"):
        return postings, ""
    docs, positions, i = [], [], 0
    while i < len(postings):
        j = i
        _, i = vlq(postings, i)
        weight, i = vlq(postings, i)
        docs.append(postings[j:i])
        j = i
        for _ in range(weight // 3 + 1):
            _, i = vlq(postings, i)
        positions.append(postings[j:i])
    return "".join(docs), "".join(positions)


def fill(sizes, target):
    starts, filled = [], 0
    for i, s in enumerate(sizes):
        if not starts or (filled > 0 and filled + s > target):
            starts.append(i)
            filled = 0
        filled += s
    return starts


def split_shards(sizes, max_shards):
    """The generator's split_shards: the first line of each file."""
    starts = fill(sizes, SHARD_TARGET)
    if len(starts) <= max_shards:
        return starts
    lo, hi = SHARD_TARGET, 2 * sum(sizes) // max_shards + 1
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if len(fill(sizes, mid)) <= max_shards:
            hi = mid
        else:
            lo = mid
    return fill(sizes, hi)


def gz(text):
    return len(gzip.compress(text.encode(), 6))


class Layout:
    """Lines (in token order) cut into at most `files` files; gzip size of a token's file."""

    def __init__(self, tokens, texts, files):
        self.keys = [t.encode() for t in tokens]
        self.texts = texts
        self.starts = split_shards([len(t.encode()) for t in texts], files)
        self.first_keys = [self.keys[s] for s in self.starts]
        self.cache = {}

    def file_bytes(self, token):
        f = bisect.bisect_right(self.first_keys, token.encode()) - 1
        if f not in self.cache:
            end = self.starts[f + 1] if f + 1 < len(self.starts) else len(self.texts)
            self.cache[f] = gz("".join(self.texts[self.starts[f]:end]))
        return f, self.cache[f]


def query_tokens(q):
    tokens = []
    for part in re.findall(r"[\u3400-\u9fff]+|[^\W\d_]+|\d+", q.lower()):
        if HAN.fullmatch(part):
            tokens += [part] if len(part) <= 2 else [part[i:i + 2] for i in range(len(part) - 1)]
        else:
            tokens.append(part)
    return tokens


def main():
    site, queries_file, lang = sys.argv[1:4]
    index = os.path.join(site, "search", lang)
    shard_dir = os.path.join(index, "s")
    lines = {}
    for name in os.listdir(shard_dir):
        with open(os.path.join(shard_dir, name), encoding="utf-8") as f:
            for line in f:
                token, postings = line.rstrip("\n").split("\t", 1)
                lines[token] = (name, postings)
    tokens = sorted(lines, key=lambda t: t.encode())
    files = len(os.listdir(shard_dir))
    split = {}
    for t in tokens:
        postings = lines[t][1]
        if postings.startswith("#"):  # the positions in p/<k>.txt
            k, pages = postings[1:].split("#", 1)
            with open(os.path.join(index, "p", k + ".txt"), encoding="utf-8") as f:
                split[t] = (pages, f.read())
        else:
            split[t] = split_line(postings)
    no_pos = Layout(tokens, [t + "\t" + split[t][0] + "\n" for t in tokens], files)
    apart_docs = Layout(tokens, [t + "\t" + split[t][0] + "\n" for t in tokens], files // 2)
    apart_pos = Layout(tokens, [t + "\t" + split[t][1] + "\n" for t in tokens], files - files // 2)
    shard_gz = {}
    chunk_dir = os.path.join(index, "d")
    chunk_sizes = []
    for name in os.listdir(chunk_dir):
        with open(os.path.join(chunk_dir, name), encoding="utf-8") as f:
            chunk_sizes.append(gz(f.read()))
    chunk = statistics.mean(chunk_sizes)
    with open(os.path.join(index, "index.json"), encoding="utf-8") as f:
        text = f.read()
        manifest = gz(text)
        docs = max(1, json.loads(text)["docs"])
    text_dir = os.path.join(index, "x")
    record = sum(os.path.getsize(os.path.join(text_dir, n)) for n in os.listdir(text_dir)) / docs
    print(f"{lang}: {files} shard files, {len(chunk_sizes)} chunks of {chunk / 1024:.1f} KB gzip "
          f"on average, pages' records of {record / 1024:.1f} KB, manifest {manifest / 1024:.1f} KB gzip")
    cols = ["shards", "own", "own_pos", "no_pos", "apart", "ranges", "chunks"]
    print("query\tdf\t" + "\t".join(cols) + "\t(KB)")
    rows = []
    for q in json.load(open(queries_file, encoding="utf-8")):
        if q["lang"] != lang:
            continue
        toks = [t for t in query_tokens(q["q"]) if t in lines]
        positional = len(toks) > 1
        r = dict.fromkeys(cols, 0)
        files_read, nopos_read, docs_read, pos_read = set(), set(), set(), set()
        for t in toks:
            name, postings = lines[t]
            if name not in shard_gz:
                with open(os.path.join(shard_dir, name), encoding="utf-8") as f:
                    shard_gz[name] = gz(f.read())
            files_read.add((name, shard_gz[name]))
            r["own"] += gz(t + "\t" + postings + "\n")
            if postings.startswith("#") and positional:
                r["shards"] += gz(split[t][1])  # its positions file
            r["own_pos"] += gz(split[t][1]) if split[t][1] else 0
            nopos_read.add(no_pos.file_bytes(t))
            docs_read.add(("pages",) + apart_docs.file_bytes(t))
            if positional:
                pos_read.add(("positions",) + apart_pos.file_bytes(t))
            r["ranges"] += len((t + "\t" + split[t][0] + split[t][1] + "\n").encode())
        r["shards"] += sum(b for _, b in files_read)
        r["no_pos"] = sum(b for _, b in nopos_read)
        r["apart"] = sum(b for _, _, b in docs_read | pos_read)
        r["chunks"] = min(q["df"], 10) * (chunk + record)
        rows.append(r)
        print(f"{q['q']}\t{q['df']}\t" + "\t".join(f"{r[c] / 1024:.1f}" for c in cols))
    print("median\t\t" + "\t".join(f"{statistics.median(r[c] for r in rows) / 1024:.1f}" for c in cols))
    total = [r["shards"] + manifest + r["chunks"] for r in rows]
    floor = [r["no_pos"] + manifest + r["chunks"] for r in rows]
    print(f"median with manifest and chunks: as built {statistics.median(total) / 1024:.1f} KB, "
          f"without any positions {statistics.median(floor) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
