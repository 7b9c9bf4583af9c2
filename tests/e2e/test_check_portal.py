#!/usr/bin/python3
"""Self-tests of check_portal.py: the fixture passes, and each breakage fails.

Run: /usr/bin/python3 -m unittest tests/e2e/test_check_portal.py
"""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_fixture  # noqa: E402

CHECKER = HERE / "check_portal.py"


def run(public, *extra):
    proc = subprocess.run([sys.executable, str(CHECKER), str(public), *extra],
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


class CheckPortalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="e2e-fixture-"))
        cls.good = cls.tmp / "good"
        make_fixture.build(cls.good)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def copy(self):
        dst = Path(tempfile.mkdtemp(dir=self.tmp)) / "public"
        shutil.copytree(self.good, dst)
        return dst

    def edit(self, path, old, new):
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text, f"fixture changed: {old!r} not in {path}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def assertFails(self, public, *needles, extra=()):
        code, out = run(public, *extra)
        self.assertEqual(code, 1, out)
        for n in needles:
            self.assertIn(n, out)
        self.assertRegex(out, r"(?m)^e2e: \d+ passed, [1-9]\d* failed")

    def test_good_fixture_passes(self):
        code, out = run(self.good)
        self.assertEqual(code, 0, out)
        self.assertRegex(out, r"(?m)^e2e: [1-9]\d* passed, 0 failed$")

    def test_missing_lang(self):
        p = self.copy()
        self.edit(p / "stories/index.html", '<html lang="zh-Hant-TW">', "<html>")
        self.assertFails(p, "[page] stories/index.html", "no lang")

    def test_two_h1_and_no_main(self):
        p = self.copy()
        self.edit(p / "en/index.html", "<h1>", "<h1>x</h1><h1>")
        self.edit(p / "en/index.html", '<main id="main">', '<div id="main">')
        self.assertFails(p, "2 <h1>", "0 <main>")

    def test_skip_link_not_first(self):
        p = self.copy()
        self.edit(p / "data/index.html", "<body>\n", '<body>\n<a href="/">logo</a>\n')
        self.assertFails(p, "[page] data/index.html", "not a skip link")

    def test_skip_link_target_missing(self):
        p = self.copy()
        self.edit(p / "data/index.html", '<main id="main">', "<main>")
        self.assertFails(p, "skip link #main points to no element")

    def test_broken_links(self):
        p = self.copy()
        self.edit(p / "index.html", 'src="/images/dot.svg"', 'src="/images/gone.svg"')
        self.edit(p / "en/index.html", 'href="stories/roses/"', 'href="stories/tulips/"')
        self.edit(p / "stories/index.html", 'href="roses/"', 'href="/stories/roses/#nope"')
        self.assertFails(p, "images/gone.svg does not exist",
                         "en/stories/tulips/index.html does not exist", "has no id 'nope'")

    def test_redirect_page_is_not_structure_checked_but_links_are(self):
        p = self.copy()
        self.edit(p / "old-roses/index.html", "url=/stories/roses/", "url=/stories/lilies/")
        code, out = run(p)
        self.assertEqual(code, 1, out)
        self.assertIn("[links] old-roses/index.html", out)
        self.assertNotIn("[page] old-roses", out)

    def test_feed_problems(self):
        p = self.copy()
        self.edit(p / "en/feed.xml", "<title>Roses</title>", "")
        self.edit(p / "feed.xml", "</feed>", "")
        self.assertFails(p, "[feed] en/feed.xml: entry #1 has no <title>",
                         "[feed] feed.xml: not well-formed XML")

    def test_feed_bad_date(self):
        p = self.copy()
        self.edit(p / "stories/feed.xml", "2023-06-30T00:00:00+08:00", "30 June 2023")
        self.assertFails(p, "not an RFC 3339 date-time")

    def test_sitemap_without_alternates(self):
        p = self.copy()
        text = (p / "sitemap.xml").read_text(encoding="utf-8")
        start = text.index("<url><loc>https://labor.example.gov.tw/search/</loc>")
        end = text.index("</url>", start)
        head = "<url><loc>https://labor.example.gov.tw/search/</loc>"
        (p / "sitemap.xml").write_text(text[:start] + head + text[end:], encoding="utf-8")
        self.assertFails(p, "search/: no xhtml:link alternates")

    def test_datapackage_invalid_against_schema(self):
        p = self.copy()
        dp = p / "data/datapackage.json"
        doc = json.loads(dp.read_text())
        doc["resources"][0]["name"] = "Not A Valid Name!"
        doc["resources"][0]["schema"]["fields"][0]["type"] = "whole-number"
        dp.write_text(json.dumps(doc))
        self.assertFails(p, "[datapackage]", "schema: at resources/0")

    def test_checksums_and_zip(self):
        p = self.copy()
        with open(p / "data/awards.json", "a", encoding="utf-8") as f:
            f.write("\n")
        with zipfile.ZipFile(p / "data/all.zip", "w") as z:
            z.writestr("datapackage.json", (p / "data/datapackage.json").read_bytes())
        self.assertFails(p, "[sha256]", "awards.json: FAILED", "[zip]",
                         "does not contain awards.csv")

    def test_csv_json_mismatch(self):
        p = self.copy()
        jp = p / "data/awards.json"
        rows = json.loads(jp.read_text(encoding="utf-8"))
        rows[1]["count"] = 2
        jp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        self.assertFails(p, "[dataset] data/awards.csv: row 3 column count: CSV '1' != JSON 2")

    def test_json_numbers_compare_by_value(self):
        p = self.copy()
        jp = p / "data/awards.json"
        rows = json.loads(jp.read_text(encoding="utf-8"))
        rows[0]["rate"] = 0.850  # same number, written differently below
        jp.write_text(json.dumps(rows, ensure_ascii=False).replace("0.85", "8.5e-1"),
                      encoding="utf-8")
        code, out = run(p)
        self.assertNotIn("[dataset]", out)

    def test_excel_without_bom_or_unneutralised(self):
        p = self.copy()
        xp = p / "data/awards.excel.csv"
        raw = xp.read_bytes()[3:].replace(b"'=SUM", b"=SUM")
        xp.write_bytes(raw)
        self.assertFails(p, "[excel] data/awards.excel.csv: does not start with a UTF-8 BOM",
                         "'=SUM(A1) gold'")

    def test_canonical_csv_with_bom(self):
        p = self.copy()
        cp = p / "data/awards.csv"
        cp.write_bytes(b"\xef\xbb\xbf" + cp.read_bytes())
        self.assertFails(p, "canonical CSV starts with a BOM")

    def test_missing_inputs_fail_unless_allowed(self):
        p = self.copy()
        (p / "data/all.zip").unlink()
        (p / "data/awards.excel.csv").unlink()
        self.assertFails(p, "data/all.zip is missing", "awards.excel.csv is missing")
        code, out = run(p, "--allow-missing")
        self.assertIn("skipped [zip] data/all.zip", out)
        self.assertRegex(out, r"(?m)^e2e: \d+ passed, \d+ failed, [1-9]\d* skipped$")

    def test_empty_dir_fails(self):
        p = Path(tempfile.mkdtemp(dir=self.tmp))
        self.assertFails(p, "index.html is missing", "sitemap.xml is missing")


if __name__ == "__main__":
    unittest.main()
