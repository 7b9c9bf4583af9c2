#!/usr/bin/env bash
# Files and folders the build cannot read (copied with another user's permissions): each
# is an error saying so, and the site published before stays as it was. A folder of
# stories that could not be opened was left out without a word (its pages vanished from
# the site), a page that could not be read was said to be "not a regular file", and a file
# of static/ was said to be one the build "cannot write" in a staging folder of the output.
# An output folder that cannot be written into is said once.
set -euo pipefail
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
# root reads everything: the builds then run as an ordinary user.
as_user=()
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null || { echo "unreadable files: skipped (root without setpriv)"; exit 0; }
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
"$FIREFLY" init "$work/site" --lang en >/dev/null
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet
[ -f "$work/out/stories/first-story/index.html" ] || { echo "no first build"; exit 1; }
chmod -R a+rwX "$work/site" "$work/out"
before=$(cd "$work/out" && find . -type f | sort | xargs md5sum)

build() {  # build: the findings of a build run by the ordinary user, its exit code last
  local code=0
  "${as_user[@]}" "$FIREFLY" build --site "$work/site" --out "$work/out" --quiet \
    >"$work/stdout" 2>"$work/stderr" || code=$?
  echo "exit $code" >>"$work/stderr"
}
expect() {  # expect LINE: the build's output has this line
  grep -qxF -- "$1" "$work/stderr" || { echo "missing: $1"; cat "$work/stderr"; exit 1; }
}

mkdir "$work/site/content/stories/kept"
cp "$work/site/content/stories/first-story.en.md" "$work/site/content/stories/kept/second.en.md"
chmod 000 "$work/site/content/stories/kept" "$work/site/content/about.en.md" \
  "$work/site/data/haircut-sessions.csv"
build
expect "content/stories/kept/: error: cannot open this folder (permission denied), so its files would be left out of the site"
expect "    = help: let the user who builds the site open it and read its files (chmod -R a+rX)"
expect "content/about.en.md: error: cannot read this file (permission denied)"
expect "data/haircut-sessions.csv: error: cannot read this file (permission denied)"
expect "exit 1"
chmod 755 "$work/site/content/stories/kept"
rm -r "$work/site/content/stories/kept"
chmod 644 "$work/site/content/about.en.md" "$work/site/data/haircut-sessions.csv"

chmod 000 "$work/site/static/images/firefly.svg"
build
expect "static/images/firefly.svg: error: cannot read this file (permission denied)"
expect "exit 1"
! grep -q "cannot write" "$work/stderr" || { echo "the output was blamed"; cat "$work/stderr"; exit 1; }
chmod 644 "$work/site/static/images/firefly.svg"

# An output folder the build cannot write into: said once (each file said it could not be
# written, under a staging folder that never was: 38 errors for this small site).
chmod 555 "$work/out"
build
[ "$(cat "$work/stderr")" = "firefly: error: cannot write into $work/out: permission denied
build failed: 1 error, 0 warnings; the previous output was left as it was
exit 1" ] || { echo "a read-only output folder:"; cat "$work/stderr"; exit 1; }
chmod 777 "$work/out"

after=$(cd "$work/out" && find . -type f | sort | xargs md5sum)
[ "$before" = "$after" ] || { echo "the site published before was changed"; exit 1; }
echo "unreadable files and folders: ok"
