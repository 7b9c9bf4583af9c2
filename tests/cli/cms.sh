#!/usr/bin/env bash
# With `cms:` in site.yaml the build publishes /admin/ with a config.yml generated from
# site.yaml: the exact files (tests/cms/expected/), read back as YAML. Without `cms:`
# there is no /admin/.
set -euo pipefail
here=$(cd "$(dirname "$0")/../cms" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" check --site "$here/site" --strict >/dev/null
"$FIREFLY" build --site "$here/site" --out "$work/public" --quiet
diff -u "$here/expected/config.yml" "$work/public/admin/config.yml"
diff -u "$here/expected/index.html" "$work/public/admin/index.html"
python3 - "$work/public/admin/config.yml" <<'PY'
import sys, yaml
cfg = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert cfg["backend"] == {"name": "github", "repo": "tainan-labor/portal", "branch": "main"}, cfg["backend"]
assert cfg["publish_mode"] == "editorial_workflow"
assert cfg["i18n"]["structure"] == "multiple_files" and cfg["i18n"]["locales"] == ["zh-TW", "en"]
names = [c["name"] for c in cfg["collections"]]
assert names == ["programs", "stories", "datasets"], names
stories = {f["name"]: f for f in cfg["collections"][1]["fields"]}
assert stories["program"]["widget"] == "relation" and stories["program"]["collection"] == "programs"
assert stories["kind"]["widget"] == "select"
alt = [f for f in stories["photo"]["fields"] if f["name"] == "alt"][0]
assert alt["required"] is True
PY
# The local backend only when asked: `build --cms-local` (and serve), without the
# editorial workflow, which decap-server cannot do on a checkout's files.
grep -q local_backend "$work/public/admin/config.yml" && { echo "local_backend in a production build"; exit 1; }
"$FIREFLY" build --site "$here/site" --out "$work/local" --quiet --cms-local
python3 - "$work/local/admin/config.yml" <<'PY'
import sys, yaml
cfg = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert cfg["local_backend"] is True and "publish_mode" not in cfg, cfg
PY
cp -r "$here/site" "$work/plain"
sed -i '/^cms:/,$d' "$work/plain/site.yaml"
"$FIREFLY" build --site "$work/plain" --out "$work/plain-out" --quiet
[ ! -e "$work/plain-out/admin" ] || { echo "/admin/ published without cms:"; exit 1; }
echo "cms: ok"
