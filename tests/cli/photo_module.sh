#!/usr/bin/env bash
# libvips is in the photo module (firefly-photos.so), loaded the first time a photo is read:
# the program itself links none of libvips's hundred libraries. Without the module, every
# command but the photos works, and a photo is an error that says how to mend it; with the
# module where `make install` puts it (../libexec/firefly/ from the program), photos work.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=lib/photo_site.bash
source "$(dirname "$0")/lib/photo_site.bash"
# shellcheck source=lib/sanitizer.bash
source "$(dirname "$0")/lib/sanitizer.bash"
module=$(dirname "$FIREFLY")/firefly-photos.so
[ -f "$module" ] || fail "no $module beside $FIREFLY"
# (The sanitizer build links them at its start: see CMakeLists.txt.) ldd's list is read
# whole first: `ldd | grep -q` under pipefail fails when grep leaves before ldd's last line.
libs=$(ldd "$FIREFLY")
if ! sanitizer_build "$FIREFLY" && grep -E 'libvips|libgobject|libcairo' <<<"$libs"; then
  fail "the program links libvips or its libraries; only the photo module should"
fi

mkdir -p "$work/bin" "$work/libexec/firefly"
cp "$FIREFLY" "$work/bin/firefly"
alone=$work/bin/firefly

photo_site "$work/site"
"$alone" build --site "$work/site" --out "$work/out" --quiet || fail "a site without photos"

vips black "$work/site/static/images/a.jpg" 64 48
printf -- '---\ntitle: A\ndate: 2026-03-02\nimages:\n  - {src: /images/a.jpg, alt: A dark square}\n---\nText.\n' \
  >"$work/site/content/stories/a.md"
set +e
"$alone" build --site "$work/site" --out "$work/out" --quiet 2>"$work/err"
code=$?
set -e
[ "$code" = 1 ] || fail "exit $code without the module"
cat >"$work/expected" <<TXT
content/stories/a.md:5:11: error: the image /images/a.jpg (static/images/a.jpg) cannot be read: Firefly's photo module could not be loaded ($work/bin/firefly-photos.so: cannot open shared object file: No such file or directory)
      - {src: /images/a.jpg, alt: A dark square}
              ^
    = help: install Firefly again: its photo module, firefly-photos.so, belongs beside the program or in ../libexec/firefly/ from it
build failed: 1 error, 0 warnings; the previous output was left as it was
TXT
diff -u "$work/expected" "$work/err" || fail "the error without the module"

cp "$module" "$work/libexec/firefly/"
"$alone" build --site "$work/site" --out "$work/out" --quiet || fail "the module in ../libexec/firefly"
ls "$work/out/images/" | grep -q '^a-.*\.webp$' || fail "no WebP made through the module"
echo "photo module: ok"
