#!/usr/bin/env bash
# Files of static/ whose names have a space, a quote or a # (static/ allows them) are
# reached at escaped addresses: a photo's srcset was split at the space, a quote ended the
# attribute (the rest of the name became markup), and a story's SVG picture at
# /images/plan#2.svg asked for /images/plan. Each address is checked against a file.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FIREFLY" init "$work/site" --lang en >/dev/null
site="$work/site"
python3 - "$site/static/images" <<'PY'
import struct, sys, zlib
def png(w, h):
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
for name in ["job fair.png", 'the "best" team.png']:
    open(sys.argv[1] + "/" + name, "wb").write(png(900, 600))
PY
cp "$site/static/images/firefly.svg" "$site/static/images/plan#2.svg"
cat >"$site/content/photos.en.md" <<'MD'
---
title: Photos
---
![The job fair](/images/job%20fair.png)

![The best team](/images/the%20%22best%22%20team.png)
MD
cat >"$site/content/stories/plan.en.md" <<'MD'
---
title: The plan
date: 2026-12-01
topic: employment
photo: {src: '/images/plan#2.svg', alt: "The plan, second draft"}
---
Text.
MD
"$FIREFLY" build --site "$site" --out "$work/public" --quiet
python3 - "$work/public" <<'PY' || fail "an image's address leads to no file"
import html.parser, os, sys, urllib.parse
root = sys.argv[1]
class Images(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.attrs = [], []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if tag in ("img", "source"):
                self.attrs.append(k)
            if tag in ("img", "source") and k == "src":
                self.urls.append(v)
            if tag in ("img", "source") and k == "srcset":
                for part in v.split(","):
                    url, width = part.split()
                    assert width.endswith("w") and width[:-1].isdigit(), v
                    self.urls.append(url)
bad = []
for page in ["photos/index.html", "stories/plan/index.html", "stories/index.html"]:
    p = Images()
    p.feed(open(os.path.join(root, page), encoding="utf-8").read())
    if not set(p.attrs) <= {"src", "srcset", "sizes", "type", "width", "height", "alt",
                             "loading", "decoding", "class", "fetchpriority"}:
        bad.append(page + ": an image with the attributes " + repr(sorted(set(p.attrs))))
    urls = [u for u in p.urls if u.startswith("/images/") and "firefly" not in u]
    if not urls:
        bad.append(page + ": no image")
    for u in urls:
        if "#" in u or "?" in u or " " in u:
            bad.append(page + ": " + u)
        elif not os.path.isfile(os.path.join(root, urllib.parse.unquote(u)[1:])):
            bad.append(page + ": " + u + " is no file")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
echo "file_names_in_addresses: ok"
