#!/usr/bin/env bash
# The sample portal with a `cms:` block: /admin/config.yml is valid YAML with a collection
# per content collection and one for the datasets, the fields and widgets of site.yaml's
# schema, and a field for every key the portal's own files use (so the editor keeps them).
# /admin/ in Chromium, with no network: "loading" until the script runs, then the CMS's
# own page; a clear message when the script cannot be loaded. Nothing is downloaded.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/site"
for f in site.yaml content data static i18n themes; do
  [ -e "$root/$f" ] && cp -r "$root/$f" "$work/site/"
done
# The portal's own `cms:` block (the last key of site.yaml) replaced by another backend.
grep -q '^cms:' "$work/site/site.yaml" || { echo "the sample portal has no cms: block"; exit 1; }
sed -i '/^cms:/,$d' "$work/site/site.yaml"
cat >>"$work/site/site.yaml" <<'YAML'
cms:
  backend: gitea
  repo: labor/portal
  api_root: https://git.example.gov.tw/api/v1
  script: editor.js
YAML
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet

python3 - "$work/public/admin/config.yml" "$work/site" <<'PY'
import glob, os, sys, yaml
cfg = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
site = sys.argv[2]
assert cfg["backend"] == {"name": "gitea", "repo": "labor/portal", "branch": "main",
                          "api_root": "https://git.example.gov.tw/api/v1"}, cfg["backend"]
assert cfg["publish_mode"] == "editorial_workflow"
assert (cfg["media_folder"], cfg["public_folder"]) == ("static/images", "/images")
assert cfg["i18n"] == {"structure": "multiple_files", "locales": ["zh-TW", "en", "vi", "id", "th"],
                       "default_locale": "zh-TW"}, cfg["i18n"]
coll = {c["name"]: c for c in cfg["collections"]}
assert list(coll) == ["programs", "stories", "datasets"], list(coll)
for name in ("programs", "stories"):
    assert coll[name]["folder"] == "content/" + name and coll[name]["extension"] == "md"

def fields(c):
    return {f["name"]: f for f in c["fields"]}

stories = fields(coll["stories"])
assert list(stories) == ["title", "date", "program", "people", "images", "audiences", "tags",
                         "summary", "description", "translated_from", "draft", "body"], list(stories)
assert stories["date"]["widget"] == "datetime" and stories["date"]["required"] is True
assert stories["date"]["format"] == "YYYY-MM-DD" and stories["date"]["time_format"] is False
p = stories["program"]
assert (p["widget"], p["collection"], p["value_field"], p["required"]) == \
    ("relation", "programs", "{{slug}}", True), p
people = fields(stories["people"])
assert stories["people"]["widget"] == "list" and list(people) == ["name", "age", "union"]
assert people["age"]["widget"] == "number" and people["age"]["value_type"] == "int"
images = fields(stories["images"])
assert stories["images"]["widget"] == "list" and list(images) == ["src", "alt", "caption"]
assert images["src"]["widget"] == "image" and images["alt"]["required"] is True
aud = stories["audiences"]
assert aud["widget"] == "select" and aud["multiple"] is True
assert aud["options"] == ["elderly", "unions", "workers", "volunteers", "employers", "disabled",
                          "jobseekers", "migrant-workers", "youth"], aud["options"]
assert stories["title"]["i18n"] is True and stories["program"]["i18n"] == "duplicate"
assert stories["body"]["widget"] == "markdown"
programs = fields(coll["programs"])
assert programs["weight"]["widget"] == "number"

# Every key the portal's own pages and datasets use has a field, so saving keeps it.
def front_matter(path):
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text.split("---\n")[1]) or {}
for name in ("programs", "stories"):
    for path in glob.glob(os.path.join(site, "content", name, "*.md")):
        if os.path.basename(path).startswith("_index."):
            continue
        missing = set(front_matter(path)) - set(fields(coll[name]))
        assert not missing, (path, missing)
ds = coll["datasets"]["files"]
names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(site, "data", "*.yaml")))
assert [f["name"] for f in ds] == names, [f["name"] for f in ds]
for f in ds:
    assert f["file"] == "data/" + f["name"] + ".yaml"
    meta = yaml.safe_load(open(os.path.join(site, f["file"]), encoding="utf-8"))
    missing = set(meta) - set(fields(f))
    assert not missing, (f["file"], missing)
    assert [l["name"] for l in fields(f)["title"]["fields"]] == cfg["i18n"]["locales"]
print("config.yml: %d collections, %d datasets" % (len(coll), len(ds)))
PY

# The page in Chromium (local files only): the script is missing, then present.
dump() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --dump-dom "file://$work/public/admin/index.html" 2>/dev/null
}
page=$(dump)
grep -q '<div role="alert" id="cms-failed">' <<<"$page" || { echo "no failure message shown"; echo "$page"; exit 1; }
grep -q '<div role="status" id="cms-loading" hidden="">' <<<"$page" || { echo "'loading' still shown"; exit 1; }
grep -q '無法從 <code>editor.js</code> 載入編輯器' <<<"$page"
grep -q 'The editor could not be loaded from <code>editor.js</code>' <<<"$page"
# A stand-in script committed beside the page (the CMS draws its own page): the status is gone.
mkdir -p "$work/site/static/admin"
echo 'document.body.insertAdjacentHTML("beforeend", "<p id=editor-ran>ran</p>")' \
  >"$work/site/static/admin/editor.js"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
page=$(dump)
grep -q 'id="editor-ran"' <<<"$page" || { echo "the script did not run"; exit 1; }
if grep -q 'id="cms-status"' <<<"$page"; then echo "the loading message stayed"; exit 1; fi
# The portal with /admin/ passes the structural end-to-end checks (links, h1, lang, main).
/usr/bin/python3 "$root/tests/e2e/check_portal.py" "$work/public" | tail -1
echo "cms portal: ok"
