#!/usr/bin/python3
"""Structural end-to-end checks over a built Firefly portal (public/).

Usage: check_portal.py PUBLIC_DIR [--schema-dir DIR] [--base-url URL] [--allow-missing]

Checks what docs "What a build publishes" promises: page structure, internal
links, feeds, sitemap, the Data Package, checksums, the archive and the
dataset downloads. Prints one line per failure and ends with
"e2e: N passed, M failed" (", K skipped" when some inputs were absent and
--allow-missing was given). Exits 1 when any check failed, 2 on bad usage.
"""

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalog_rdf import check_catalog_rdf  # noqa: E402

# A text cell a spreadsheet would take for a number, date or time (001, 1/2, 3-4, 10:30).
TEXT_READ_AS_NUMBER = re.compile(r"^[(.]?[0-9][0-9.,:/+eE% ()-]*$")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:",
                    "javascript:", "ftp:", "sms:", "geo:")
# Files every full build publishes (relative to PUBLIC_DIR).
REQUIRED_FILES = [
    "index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml",
    "sitemap/index.html", "search/index.html", "data/index.html",
    "data/datapackage.json", "data/catalog.jsonld", "data/SHA256SUMS",
    "data/all.zip",
]
FORMULA_STARTS = ("=", "+", "-", "@")
# Known public addresses of the Frictionless profiles, mapped to local files.
PROFILE_BASES = [
    "https://datapackage.org/profiles/1.0/",
    "https://datapackage.org/profiles/2.0/",
    "https://specs.frictionlessdata.io/schemas/",
    "https://frictionlessdata.io/schemas/",
]


class Report:
    """Collects check outcomes and prints failures as they happen."""

    def __init__(self, allow_missing):
        self.allow_missing = allow_missing
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def result(self, name, where, problems):
        """Records one check over one file; problems is a list of strings."""
        if problems:
            self.failed += 1
            for p in problems:
                print(f"FAIL [{name}] {where}: {p}")
        else:
            self.passed += 1

    def missing(self, name, where, what):
        """Records a check whose input is absent: a failure unless allowed."""
        if self.allow_missing:
            self.skipped += 1
            print(f"skipped [{name}] {where}: {what} is absent")
        else:
            self.result(name, where, [f"{what} is missing"])

    def summary(self):
        line = f"e2e: {self.passed} passed, {self.failed} failed"
        if self.skipped:
            line += f", {self.skipped} skipped"
        return line


# ---------------------------------------------------------------- HTML pages

FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary", "iframe"}


class PageParser(HTMLParser):
    """Collects what the structure and link checks need from one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.h1 = 0
        self.main = 0
        self.in_body = False
        self.first_focusable = None  # (tag, attrs)
        self.ids = set()
        self.refs = []  # (attribute, url, line)
        self.redirect = False
        self.base_href = None
        self.jsonld = []
        self._jsonld_buf = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "body":
            self.in_body = True
        elif tag == "h1":
            self.h1 += 1
        elif tag == "main" and "hidden" not in a:
            self.main += 1
        elif tag == "base" and "href" in a:
            self.base_href = a["href"]
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.redirect = True
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content", ""), re.I)
            if m:
                self.refs.append(("meta refresh", m.group(1).strip(), line))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._jsonld_buf = []
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for attr in ("href", "src", "poster", "action", "xlink:href", "data"):
            if attr in a and a[attr].strip() and not (tag == "object" and attr != "data"):
                if tag == "base":
                    continue
                self.refs.append((f"{tag}[{attr}]", a[attr].strip(), line))
        for attr in ("srcset", "imagesrcset"):
            for part in a.get(attr, "").split(","):
                url = part.strip().split(" ")[0] if part.strip() else ""
                if url:
                    self.refs.append((f"{tag}[{attr}]", url, line))
        if self.in_body and self.first_focusable is None and self._focusable(tag, a):
            self.first_focusable = (tag, a, line)

    @staticmethod
    def _focusable(tag, a):
        if "tabindex" in a:
            try:
                return int(a["tabindex"]) >= 0
            except ValueError:
                return False
        if tag == "a":
            return "href" in a
        if tag == "input":
            return a.get("type", "").lower() != "hidden"
        return tag in FOCUSABLE

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._jsonld_buf is not None:
            self._jsonld_buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._jsonld_buf is not None:
            self.jsonld.append("".join(self._jsonld_buf))
            self._jsonld_buf = None


def page_url(public, path):
    """The site path a file is served at: /a/b/ for a/b/index.html."""
    rel = path.relative_to(public).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class Site:
    """The built files, parsed pages and the resolution of site URLs."""

    def __init__(self, public, base_url):
        self.public = public
        self.base_url = base_url
        self.pages = {}  # Path -> PageParser

    def parse_pages(self):
        for path in sorted(self.public.rglob("*.html")):
            parser = PageParser()
            try:
                parser.feed(path.read_text(encoding="utf-8"))
                parser.close()
            except UnicodeDecodeError as e:
                parser.decode_error = str(e)
            self.pages[path] = parser

    def resolve(self, url, from_url):
        """Maps a URL to (file Path or None, fragment, error); None file = external."""
        low = url.lower()
        if low.startswith("//"):
            url = "https:" + url
            low = url.lower()
        if self.base_url and low.startswith(self.base_url.lower()):
            url = "/" + url[len(self.base_url):]
        elif low.startswith(EXTERNAL_SCHEMES) or re.match(r"^[a-z][a-z0-9+.-]*:", low):
            return None, None, None
        absolute = urljoin("https://site.invalid" + from_url, url)
        parts = urlsplit(absolute)
        path = unquote(parts.path)
        segments = [s for s in path.split("/") if s not in ("", ".")]
        if ".." in segments:
            return None, None, f"{url} leaves the site root"
        target = self.public.joinpath(*segments) if segments else self.public
        if path.endswith("/") or target.is_dir():
            index = target / "index.html"
            if not index.is_file():
                return None, None, f"{url} -> {index.relative_to(self.public)} does not exist"
            return index, unquote(parts.fragment), None
        if not target.is_file():
            return None, None, f"{url} -> {target.relative_to(self.public)} does not exist"
        return target, unquote(parts.fragment), None


def check_page_structure(site, path, page, report):
    problems = []
    if getattr(page, "decode_error", None):
        problems.append(f"not valid UTF-8: {page.decode_error}")
    elif not page.redirect:
        if not (page.html_lang or "").strip():
            problems.append("<html> has no lang attribute")
        if page.h1 != 1:
            problems.append(f"has {page.h1} <h1> elements, expected exactly 1")
        if page.main != 1:
            problems.append(f"has {page.main} <main> elements, expected exactly 1")
        ff = page.first_focusable
        # /admin/ (cms: in site.yaml) is the editor's shell: it has nothing to skip until
        # the editor's script draws its own page.
        cms_shell = path.relative_to(site.public).as_posix() == "admin/index.html"
        if ff is None and cms_shell:
            pass
        elif ff is None:
            problems.append("has no focusable element: skip link missing")
        else:
            tag, a, line = ff
            href = a.get("href", "")
            if tag != "a" or not href.startswith("#") or len(href) < 2:
                problems.append(f"first focusable element (line {line}) is <{tag}"
                                f"{' href=' + repr(href) if href else ''}>, not a skip link "
                                "to an in-page target")
            elif unquote(href[1:]) not in page.ids:
                problems.append(f"skip link {href} points to no element with that id")
        for i, block in enumerate(page.jsonld, 1):
            try:
                json.loads(block)
            except ValueError as e:
                problems.append(f"JSON-LD block {i} is not valid JSON: {e}")
    report.result("page", path.relative_to(site.public).as_posix(), problems)


def check_page_links(site, path, page, report):
    problems = []
    from_url = page_url(site.public, path)
    if page.base_href:
        from_url = urljoin("https://site.invalid" + from_url, page.base_href)
        from_url = urlsplit(from_url).path
    for what, url, line in page.refs:
        if url.startswith("#"):
            frag = unquote(url[1:])
            if frag and frag not in page.ids and frag != "top":
                problems.append(f"line {line}: {what}={url}: no element with id {frag!r}")
            continue
        target, frag, err = site.resolve(url, from_url)
        if err:
            problems.append(f"line {line}: {what}: {err}")
        elif target is not None and frag and target.suffix == ".html":
            other = site.pages.get(target)
            if other is not None and frag not in other.ids and frag != "top":
                problems.append(f"line {line}: {what}={url}: "
                                f"{target.relative_to(site.public)} has no id {frag!r}")
    report.result("links", path.relative_to(site.public).as_posix(), problems)


# ---------------------------------------------------------------- XML files

def parse_xml(path, problems):
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        problems.append(f"not well-formed XML: {e}")
        return None


def check_url_target(site, url, what, problems):
    if not site.base_url:
        return
    if not url.lower().startswith(site.base_url.lower()):
        problems.append(f"{what} {url} is not under the base URL {site.base_url}")
        return
    _, _, err = site.resolve(url, "/")
    if err:
        problems.append(f"{what}: {err}")


def check_sitemap(site, report):
    path = site.public / "sitemap.xml"
    if not path.is_file():
        report.missing("sitemap", "sitemap.xml", "sitemap.xml")
        return
    problems = []
    root = parse_xml(path, problems)
    if root is not None:
        if root.tag != SITEMAP + "urlset":
            problems.append(f"root element is {root.tag}, expected sitemap urlset")
        urls = root.findall(SITEMAP + "url")
        if not urls:
            problems.append("lists no <url>")
        for n, u in enumerate(urls, 1):
            loc = (u.findtext(SITEMAP + "loc") or "").strip()
            if not loc:
                problems.append(f"url #{n} has no <loc>")
                continue
            check_url_target(site, loc, "loc", problems)
            links = u.findall(XHTML + "link")
            if not links:
                problems.append(f"{loc}: no xhtml:link alternates")
            for link in links:
                if link.get("rel") != "alternate" or not link.get("hreflang") or not link.get("href"):
                    problems.append(f"{loc}: xhtml:link needs rel=alternate, hreflang and href")
                else:
                    check_url_target(site, link.get("href"), f"{loc} alternate", problems)
    report.result("sitemap", "sitemap.xml", problems)


def check_feed(site, path, report):
    problems = []
    root = parse_xml(path, problems)
    where = path.relative_to(site.public).as_posix()
    if root is None:
        report.result("feed", where, problems)
        return

    def need_text(el, tag, label):
        text = (el.findtext(ATOM + tag) or "").strip()
        if not text:
            problems.append(f"{label} has no <{tag}>")
        elif tag == "updated" and not RFC3339.match(text):
            problems.append(f"{label} <updated> {text!r} is not an RFC 3339 date-time")
        return text

    if root.tag != ATOM + "feed":
        problems.append(f"root element is {root.tag}, expected Atom feed")
    else:
        for tag in ("id", "title", "updated"):
            need_text(root, tag, "feed")
        for n, entry in enumerate(root.findall(ATOM + "entry"), 1):
            label = f"entry #{n}"
            for tag in ("id", "title", "updated"):
                need_text(entry, tag, label)
            hrefs = [l.get("href") for l in entry.findall(ATOM + "link")
                     if l.get("href") and l.get("rel", "alternate") == "alternate"]
            if not hrefs:
                problems.append(f"{label} has no <link rel=alternate href>")
            for href in hrefs:
                check_url_target(site, href, f"{label} link", problems)
    report.result("feed", where, problems)


# ---------------------------------------------------------------- open data

def load_validator(schema_dir):
    """A Draft 7 validator for datapackage.json whose $refs resolve locally."""
    import jsonschema

    store = {}
    for f in sorted(schema_dir.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        store[f.resolve().as_uri()] = doc
        for base in PROFILE_BASES:
            store[base + f.name] = doc
        for key in ("$id", "id"):
            if isinstance(doc.get(key), str):
                store[doc[key]] = doc
    main = json.loads((schema_dir / "datapackage.json").read_text(encoding="utf-8"))
    resolver = jsonschema.RefResolver(
        base_uri=(schema_dir / "datapackage.json").resolve().as_uri(),
        referrer=main, store=store)
    cls = jsonschema.validators.validator_for(main, default=jsonschema.Draft7Validator)
    return cls(main, resolver=resolver)


def check_datapackage(site, schema_dir, report):
    path = site.public / "data" / "datapackage.json"
    if not path.is_file():
        report.missing("datapackage", "data/datapackage.json", "data/datapackage.json")
        return
    problems = []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        report.result("datapackage", "data/datapackage.json", [f"not valid JSON: {e}"])
        return
    if schema_dir is None or not (schema_dir / "datapackage.json").is_file():
        report.missing("datapackage", "data/datapackage.json", "the Frictionless schema directory")
    else:
        validator = load_validator(schema_dir)
        for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            loc = "/".join(str(p) for p in err.absolute_path) or "(root)"
            problems.append(f"schema: at {loc}: {err.message[:300]}")
    for res in doc.get("resources", []) if isinstance(doc, dict) else []:
        paths = res.get("path") if isinstance(res, dict) else None
        for p in ([paths] if isinstance(paths, str) else paths or []):
            if isinstance(p, str) and not re.match(r"^[a-z]+:", p):
                if not (path.parent / p).is_file():
                    problems.append(f"resource {res.get('name')!r} path {p} does not exist")
    report.result("datapackage", "data/datapackage.json", problems)


def dataset_names(data_dir):
    return sorted(p.name[:-4] for p in data_dir.glob("*.csv")
                  if not p.name.endswith(".excel.csv"))


def check_sha256sums(site, report):
    data = site.public / "data"
    sums = data / "SHA256SUMS"
    if not sums.is_file():
        report.missing("sha256", "data/SHA256SUMS", "data/SHA256SUMS")
        return
    problems = []
    run = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=data,
                         capture_output=True, text=True)
    if run.returncode != 0:
        for line in (run.stdout + run.stderr).splitlines():
            if not line.endswith(": OK"):
                problems.append(f"sha256sum -c: {line}")
        if not problems:
            problems.append(f"sha256sum -c exited {run.returncode}")
    listed = set()
    for line in sums.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^[0-9a-f]{64} [ *](.+)$", line)
        if m:
            listed.add(m.group(1).lstrip("./"))
    for name in dataset_names(data):
        for f in (f"{name}.csv", f"{name}.excel.csv", f"{name}.xlsx", f"{name}.ods",
                  f"{name}.json"):
            if (data / f).is_file() and f not in listed:
                problems.append(f"{f} is not listed")
    if (data / "datapackage.json").is_file() and "datapackage.json" not in listed:
        problems.append("datapackage.json is not listed")
    report.result("sha256", "data/SHA256SUMS", problems)


SVG_NS = "{http://www.w3.org/2000/svg}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"


def sha256_listed(site):
    """The paths (under data/) that data/SHA256SUMS lists."""
    sums = site.public / "data" / "SHA256SUMS"
    listed = set()
    if sums.is_file():
        for line in sums.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^[0-9a-f]{64} [ *](.+)$", line)
            if m:
                listed.add(m.group(1).lstrip("./"))
    return listed


def check_chart_files(site, report):
    """Every chart's download links name files of their own (no data: URL in a page), each
    listed in SHA256SUMS; each SVG carries its title, source and licence as visible text
    and metadata; each CSV has a header and a row."""
    listed = sha256_listed(site)
    seen = set()
    for path, page in site.pages.items():
        problems = []
        from_url = page_url(site.public, path)
        for what, url, line in page.refs:
            if url.startswith("data:"):
                problems.append(f"line {line}: {what} is an inline data: URL")
                continue
            if "/charts/" not in url or not url.endswith((".svg", ".csv")):
                continue
            target, _, err = site.resolve(url, from_url)
            if err or target is None:
                continue  # the link check reports it
            rel = target.relative_to(site.public / "data").as_posix()
            if rel not in listed:
                problems.append(f"line {line}: {url} is not listed in data/SHA256SUMS")
            if target in seen:
                continue
            seen.add(target)
            problems += [f"{rel}: {p}" for p in chart_file_problems(target)]
        report.result("chart files", path.relative_to(site.public).as_posix(), problems)
    if not seen:
        report.missing("chart files", "data/", "every chart file")


def chart_file_problems(target):
    if target.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
        return [] if len(rows) >= 2 and all(rows[0]) else ["no header and row"]
    problems = []
    try:
        root = ET.parse(target).getroot()
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    title = root.findtext(SVG_NS + "title") or ""
    # Long lines wrap into several <text> elements (CJK without spaces): compare without
    # white space.
    text = "".join("".join(t.itertext()) for t in root.iter(SVG_NS + "text"))
    text = re.sub(r"\s+", "", text)
    meta = {k: "".join(e.itertext()) for k in ("title", "creator", "rights", "source")
            for e in root.iter(DC_NS + k)}
    if not title.strip():
        problems.append("no <title>")
    for key, what in (("creator", "source"), ("rights", "licence"), ("source", "data URL")):
        value = meta.get(key, "").strip()
        if not value:
            problems.append(f"no {what} (dc:{key})")
        elif re.sub(r"\s+", "", value) not in text:
            problems.append(f"its {what} {value!r} is not shown")
    if title.strip() and re.sub(r"\s+", "", title) not in text:
        problems.append(f"its title {title!r} is not shown")
    return problems


def check_zip(site, report):
    data = site.public / "data"
    path = data / "all.zip"
    if not path.is_file():
        report.missing("zip", "data/all.zip", "data/all.zip")
        return
    problems = []
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad:
                problems.append(f"member {bad} is corrupt")
            members = {}
            for info in z.infolist():
                if not info.is_dir():
                    members.setdefault(info.filename.rsplit("/", 1)[-1], info.filename)
            wanted = [f"{n}.csv" for n in dataset_names(data)] + ["datapackage.json"]
            for f in wanted:
                if f not in members:
                    problems.append(f"does not contain {f}")
                elif (data / f).is_file() and z.read(members[f]) != (data / f).read_bytes():
                    problems.append(f"{members[f]} differs from data/{f}")
    except zipfile.BadZipFile as e:
        problems.append(f"not a zip archive: {e}")
    report.result("zip", "data/all.zip", problems)


def norm_number(text):
    try:
        d = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    return d.normalize()


def json_cell(value):
    """A typed JSON value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def cells_equal(csv_text, value):
    as_text = json_cell(value)
    if csv_text == as_text:
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        a, b = norm_number(csv_text), norm_number(as_text)
        return a is not None and a == b
    if isinstance(value, bool):
        return csv_text.strip().lower() == as_text
    return False


def read_csv_rows(raw, where, problems):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{where} is not UTF-8: {e}")
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        problems.append(f"{where} is not valid CSV: {e}")
        return None
    while rows and rows[-1] == []:
        rows.pop()  # blank lines at the end hold no record
    if not rows:
        problems.append(f"{where} is empty (no header row)")
        return None
    width = len(rows[0])
    for i, r in enumerate(rows[1:], 2):
        if len(r) != width:
            problems.append(f"{where} row {i} has {len(r)} cells, header has {width}")
    return rows


def json_rows(doc):
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("rows", "data"):
            if isinstance(doc.get(key), list):
                return doc[key]
    return None


def check_dataset(site, name, report):
    data = site.public / "data"
    where = f"data/{name}.csv"
    problems = []
    raw = (data / f"{name}.csv").read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("canonical CSV starts with a BOM")
        raw = raw[3:]
    rows = read_csv_rows(raw, where, problems)
    jpath = data / f"{name}.json"
    if not jpath.is_file():
        report.missing("dataset", where, f"data/{name}.json")
    elif rows is not None:
        try:
            objs = json_rows(json.loads(jpath.read_text(encoding="utf-8")))
        except ValueError as e:
            objs = None
            problems.append(f"data/{name}.json is not valid JSON: {e}")
        if objs is None and not problems:
            problems.append(f"data/{name}.json holds no array of row objects")
        if objs is not None:
            header, body = rows[0], rows[1:]
            if len(objs) != len(body):
                problems.append(f"{len(body)} CSV rows but {len(objs)} JSON rows")
            for i, (r, o) in enumerate(zip(body, objs), 2):
                if not isinstance(o, dict):
                    problems.append(f"JSON row {i - 1} is not an object")
                    continue
                if set(o) != set(header):
                    problems.append(f"row {i}: JSON keys {sorted(o)} != CSV header {header}")
                    continue
                for col, cell in zip(header, r):
                    if not cells_equal(cell, o[col]):
                        problems.append(f"row {i} column {col}: CSV {cell!r} != JSON {o[col]!r}")
                if len(problems) > 20:
                    problems.append("(more differences not shown)")
                    break
    report.result("dataset", where, problems)
    check_excel(site, name, rows, report)


def neutralised(cell):
    """The forms of a canonical cell that the Excel copy may hold."""
    if cell.startswith(FORMULA_STARTS):
        forms = {"'" + cell}
        if norm_number(cell) is not None:
            forms.add(cell)  # a plain signed number may stay a number
        return forms
    if cell.startswith(("\t", "\r")):
        return {cell, "'" + cell}
    if TEXT_READ_AS_NUMBER.match(cell.strip()) or cell.strip().lower() in ("true", "false"):
        return {cell, '="' + cell + '"'}  # text a spreadsheet would read as a number or date
    return {cell}


def check_excel(site, name, rows, report):
    path = site.public / "data" / f"{name}.excel.csv"
    where = f"data/{name}.excel.csv"
    if not path.is_file():
        report.missing("excel", where, where)
        return
    problems = []
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("does not start with a UTF-8 BOM")
    else:
        raw = raw[3:]
    xrows = read_csv_rows(raw, where, problems)
    if xrows is not None and rows is not None:
        if len(xrows) != len(rows):
            problems.append(f"{len(xrows)} rows, canonical CSV has {len(rows)}")
        for i, (a, b) in enumerate(zip(rows, xrows), 1):
            if len(a) != len(b):
                problems.append(f"row {i} has {len(b)} cells, canonical has {len(a)}")
                continue
            for j, (ca, cb) in enumerate(zip(a, b), 1):
                if cb not in neutralised(ca):
                    problems.append(f"row {i} cell {j}: {cb!r}, expected "
                                    f"{' or '.join(sorted(map(repr, neutralised(ca))))}")
            if len(problems) > 20:
                problems.append("(more differences not shown)")
                break
    report.result("excel", where, problems)


def check_json_files(site, report):
    for rel in ("data/catalog.jsonld",):
        path = site.public / rel
        if path.is_file():
            try:
                json.loads(path.read_text(encoding="utf-8"))
                report.result("json", rel, [])
            except ValueError as e:
                report.result("json", rel, [f"not valid JSON: {e}"])


# ---------------------------------------------------------------- main

def find_schema_dir(arg):
    if arg:
        return Path(arg)
    env = os.environ.get("FIREFLY_SCHEMA_DIR")
    if env:
        return Path(env)
    cand = Path(__file__).resolve().parents[1] / "spec" / "frictionless"
    return cand if cand.is_dir() else None


def detect_base_url(public):
    """The longest common prefix of the sitemap's locs, cut after a '/'."""
    try:
        root = ET.parse(public / "sitemap.xml").getroot()
    except (ET.ParseError, OSError):
        return None
    locs = [(u.text or "").strip() for u in root.iter(SITEMAP + "loc")]
    locs = [l for l in locs if l]
    if not locs:
        return None
    prefix = os.path.commonprefix(locs)
    prefix = prefix[: prefix.rfind("/") + 1]
    return prefix if re.match(r"^https?://[^/]+/", prefix) else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("public", type=Path, help="the built site (public/)")
    ap.add_argument("--schema-dir", help="folder with the Frictionless JSON schemas")
    ap.add_argument("--base-url", help="the site's base URL (default: from sitemap.xml)")
    ap.add_argument("--allow-missing", action="store_true",
                    help="skip, rather than fail, checks whose input files are absent")
    args = ap.parse_args(argv)
    public = args.public.resolve()
    if not public.is_dir():
        print(f"e2e: {args.public} is not a directory", file=sys.stderr)
        return 2
    report = Report(args.allow_missing)
    base = args.base_url or detect_base_url(public)
    if base and not base.endswith("/"):
        base += "/"
    site = Site(public, base)

    for rel in REQUIRED_FILES:
        if not (public / rel).is_file():
            report.missing("required", rel, rel)
    site.parse_pages()
    if not site.pages:
        report.missing("page", ".", "every HTML page")
    for path, page in site.pages.items():
        check_page_structure(site, path, page, report)
        check_page_links(site, path, page, report)
    check_sitemap(site, report)
    feeds = sorted(public.rglob("feed.xml"))
    if not feeds:
        report.missing("feed", "feed.xml", "every feed.xml")
    for f in feeds:
        check_feed(site, f, report)
    check_datapackage(site, find_schema_dir(args.schema_dir), report)
    check_json_files(site, report)
    check_catalog_rdf(site, report)
    check_sha256sums(site, report)
    check_chart_files(site, report)
    check_zip(site, report)
    data = public / "data"
    names = dataset_names(data) if data.is_dir() else []
    if not names:
        report.missing("dataset", "data/", "every dataset CSV")
    for name in names:
        check_dataset(site, name, report)
    print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
