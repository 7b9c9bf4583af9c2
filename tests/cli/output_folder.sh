#!/usr/bin/env bash
# --out safety: a build never deletes the site, a source folder or a folder it did not make;
# it publishes through a symlink (keeping it), into a mount point or a folder whose parent
# it cannot write, writes nothing beside --out, and cleans up when interrupted.
set -euo pipefail
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
site="$work/site"
cp -r tests/sites/multilingual/site "$site"
# Every entry of a folder with its type, and every file's checksum.
snapshot() { (cd "$1" && find . -printf '%y %p\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snapshot "$site" >"$work/site.before"

# refused <exit code> <expected first line of stderr> -- <build arguments>
refused() {
  local code=$1 line=$2
  shift 3
  set +e
  "$FIREFLY" build --site "$site" --quiet "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  set -e
  [ "$got" = "$code" ] || { echo "exit $got, expected $code for: $*"; cat "$work/err.txt"; exit 1; }
  head -1 "$work/err.txt" | grep -qxF "$line" || { echo "for: $*"; cat "$work/err.txt"; exit 1; }
  snapshot "$site" | diff "$work/site.before" - || { echo "the site changed for: $*"; exit 1; }
}

refused 2 "firefly: error: --out $site is the site folder itself; building would replace site.yaml, content/, data/ and static/ with the published site" -- --out "$site"
refused 2 "firefly: error: --out $site/. is the site folder itself; building would replace site.yaml, content/, data/ and static/ with the published site" -- --out "$site/."
refused 2 "firefly: error: --out $work contains the site folder $site; building would replace the site with the published site" -- --out "$work"
refused 2 "firefly: error: --out $site/content is inside the site's content/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$site/content"
refused 2 "firefly: error: --out $site/static/out is inside the site's static/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$site/static/out"
refused 2 "firefly: error: --out $site/content is inside the site's content/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$site/content" --force
# The same through a symbolic link.
ln -s "$site/data" "$work/data-link"
refused 2 "firefly: error: --out $work/data-link is inside the site's data/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$work/data-link"
rm "$work/data-link"
# A link reached through `..` after a folder that does not exist (which the build would
# create): the link is followed, with --force too; partials/ is a source folder too.
ln -s "$site" "$work/site-link"
refused 2 "firefly: error: --out $work/nx/../site-link is the site folder itself; building would replace site.yaml, content/, data/ and static/ with the published site" -- --out "$work/nx/../site-link" --force
refused 2 "firefly: error: --out $work/nx/../site-link/content is inside the site's content/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$work/nx/../site-link/content"
rm "$work/site-link"
[ ! -e "$work/nx" ] || { echo "a refused --out created $work/nx"; exit 1; }
refused 2 "firefly: error: --out $site/partials is inside the site's partials/ folder, which the build reads; building would replace or republish the site's own files" -- --out "$site/partials" --force
# A file, and a folder Firefly did not make.
echo hi >"$work/a-file"
refused 2 "firefly: error: --out $work/a-file is a file, not a folder" -- --out "$work/a-file"
# A symbolic link that leads back to itself (`ln -s loop loop`), as --out or on its way:
# a usage error, like a file, not a failed build.
ln -s loop "$work/loop"
refused 2 "firefly: error: --out $work/loop leads through a loop of symbolic links (a link that points back to itself)" -- --out "$work/loop"
refused 2 "firefly: error: --out $work/loop/public leads through a loop of symbolic links (a link that points back to itself)" -- --out "$work/loop/public" --force
rm "$work/loop"
mkdir "$work/documents" && echo precious >"$work/documents/letter.txt"
refused 2 "firefly: error: --out $work/documents is a folder that Firefly did not create and it is not empty; building would delete everything in it" -- --out "$work/documents"
grep -qx precious "$work/documents/letter.txt"
grep -q "add --force to replace its contents" "$work/err.txt"

# --force replaces it; from then on it is Firefly's.
"$FIREFLY" build --site "$site" --out "$work/documents" --force --quiet
[ ! -e "$work/documents/letter.txt" ] && [ -f "$work/documents/.firefly-output" ] && [ -f "$work/documents/index.html" ]
"$FIREFLY" build --site "$site" --out "$work/documents" --quiet

# --force never replaces a home folder, a folder holding one, the folder one works in, or a
# git repository (a previous output's too): `--out ~ --force` deleted the home folder.
mkdir -p "$work/users/alice/Documents" && echo precious >"$work/users/alice/Documents/letter.txt"
home_refused() {
  local line=$1
  shift
  set +e
  (cd "${WHERE:-.}" && HOME="$work/users/alice" "$FIREFLY" build --site "$site" --quiet "$@") \
    >/dev/null 2>"$work/err.txt"
  local got=$?
  set -e
  [ "$got" = 2 ] && head -1 "$work/err.txt" | grep -qxF "$line" ||
    { echo "exit $got for: $*"; cat "$work/err.txt"; exit 1; }
  grep -qx precious "$work/users/alice/Documents/letter.txt"
}
home_refused "firefly: error: --out $work/users/alice is your home folder; building would delete everything in it, even with --force" --out "$work/users/alice" --force
home_refused "firefly: error: --out $work/users contains your home folder $work/users/alice; building would delete everything in it, even with --force" --out "$work/users" --force
WHERE="$work/users/alice/Documents" home_refused "firefly: error: --out . is the current folder, where you are working; building would delete everything in it, even with --force" --out . --force
# The example is the site's public/ from where the command was typed (three folders up).
up=..
grep -qxF -- "    = help: --out is a folder for the published site alone: choose an empty or new one, e.g. --out $up/$up/$up/site/public" "$work/err.txt" ||
  { cat "$work/err.txt"; exit 1; }
mkdir -p "$work/gh-pages/.git" && echo x >"$work/gh-pages/index.html"
refused 2 "firefly: error: --out $work/gh-pages holds a git repository (.git) that is not a Firefly output; building would delete its files, even with --force" -- --out "$work/gh-pages" --force
[ -d "$work/gh-pages/.git" ] && [ -f "$work/gh-pages/index.html" ]
# A repository made in an output to push the site from there is kept by every build.
"$FIREFLY" build --site "$site" --out "$work/pushed" --quiet
mkdir -p "$work/pushed/.git/refs" && echo "ref: refs/heads/main" >"$work/pushed/.git/HEAD"
"$FIREFLY" build --site "$site" --out "$work/pushed" --quiet
grep -qx "ref: refs/heads/main" "$work/pushed/.git/HEAD" && [ -d "$work/pushed/.git/refs" ]
[ -f "$work/pushed/index.html" ]
# A folder of one's own under the home folder is replaced as before.
mkdir -p "$work/users/alice/portal" && echo old >"$work/users/alice/portal/old.html"
(cd "$work/users/alice" && HOME="$work/users/alice" "$FIREFLY" build --site "$site" --out portal --force --quiet)
[ -f "$work/users/alice/portal/index.html" ] && [ ! -e "$work/users/alice/portal/old.html" ]

# An empty folder and a new one are fine; public/ inside the site is fine.
mkdir "$work/empty"
"$FIREFLY" build --site "$site" --out "$work/empty" --quiet
"$FIREFLY" build --site "$site" --out "$work/new/deeper" --quiet
"$FIREFLY" build --site "$site" --quiet
[ -f "$site/public/index.html" ]
rm -rf "$site/public"

# A symlinked --out: published into its target, the link kept.
mkdir -p "$work/www/portal"
ln -s www/portal "$work/public-link"
"$FIREFLY" build --site "$site" --out "$work/public-link" --quiet
[ -L "$work/public-link" ] || { echo "the symlink was replaced"; exit 1; }
[ -f "$work/www/portal/index.html" ]
"$FIREFLY" build --site "$site" --out "$work/public-link" --quiet
[ -L "$work/public-link" ] && [ -f "$work/www/portal/index.html" ]

# A mount point (a container volume) is built into, twice (where this machine lets us mount).
mkdir "$work/volume"
if mount -t tmpfs tmpfs "$work/volume" 2>/dev/null; then
  set +e
  "$FIREFLY" build --site "$site" --out "$work/volume" --quiet &&
    "$FIREFLY" build --site "$site" --out "$work/volume" --quiet &&
    [ -f "$work/volume/index.html" ]
  code=$?
  set -e
  umount "$work/volume"
  [ "$code" = 0 ] || { echo "cannot build into a mount point"; exit 1; }
else
  echo "skipped: mount point (cannot mount here)"
fi

# Nothing written beside --out, even while building; stale files inside are replaced.
mkdir -p "$work/only/web"
"$FIREFLY" build --site "$site" --out "$work/only/web" --quiet
echo stale >"$work/only/web/old-page.html"
chmod a-w "$work/only"
ls -a "$work/only" >"$work/beside.before"
chmod u+w "$work/only"
# A deploy user who owns the web root but not its parent can still publish.
chmod 755 "$work" && chmod -R a+rX "$site"
if [ "$(id -u)" = 0 ] && runuser -u nobody -- test -x "$FIREFLY" 2>/dev/null; then
  mkdir -p "$work/srv/web" && chown nobody "$work/srv/web" && chmod 555 "$work/srv"
  runuser -u nobody -- "$FIREFLY" build --site "$site" --out "$work/srv/web" --quiet
  runuser -u nobody -- "$FIREFLY" build --site "$site" --out "$work/srv/web" --quiet
  [ -f "$work/srv/web/index.html" ] && [ "$(ls -A "$work/srv")" = web ]
  chmod 755 "$work/srv"
else
  "$FIREFLY" build --site "$site" --out "$work/only/web" --quiet
fi
"$FIREFLY" build --site "$site" --out "$work/only/web" --quiet
ls -a "$work/only" | diff "$work/beside.before" -
[ ! -e "$work/only/web/old-page.html" ] || { echo "a file of the old output was kept"; exit 1; }
[ -z "$(find "$work/only/web" -maxdepth 1 -name '.firefly-staging-*')" ]
# A build that ends the process without freeing its state (build.cpp, run_steps) still
# removes the open-data files' temporary folder; the site has datasets.
mkdir "$work/tmp"
TMPDIR="$work/tmp" "$FIREFLY" build --site "$site" --out "$work/only/web" --quiet
[ -z "$(ls -A "$work/tmp")" ] || { echo "a build left $(ls "$work/tmp") in TMPDIR"; exit 1; }

# Interrupted builds (SIGTERM, SIGINT, SIGHUP) remove their staging folder and their
# open-data files' folder in TMPDIR; the previous output stays whole.
python3 - "$site" <<'PY'
import os, sys
site = sys.argv[1]
for i in range(1500):
    with open(f"{site}/content/stories/bulk-{i}.md", "w") as f:
        f.write(f"---\ntitle: Story {i}\ndate: 2020-01-01\nprogram: learning\n---\n" + "Text. " * 400 + "\n")
PY
"$FIREFLY" build --site "$site" --out "$work/sig" --quiet
(cd "$work/sig" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/sig.before"
for sig in TERM INT HUP; do
  TMPDIR="$work/tmp" "$FIREFLY" build --site "$site" --out "$work/sig" --quiet --jobs 1 &
  pid=$!
  for _ in $(seq 100); do
    [ -n "$(find "$work/sig" -maxdepth 1 -name '.firefly-staging-*')" ] && break
    sleep 0.02
  done
  kill -"$sig" "$pid"
  wait "$pid" 2>/dev/null || true
  left=$(find "$work/sig" -maxdepth 1 -name '.firefly-staging-*' | wc -l)
  [ "$left" = 0 ] || { echo "SIG$sig left a staging folder"; exit 1; }
  [ -z "$(ls -A "$work/tmp")" ] || { echo "SIG$sig left $(ls "$work/tmp") in TMPDIR"; exit 1; }
  (cd "$work/sig" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | diff "$work/sig.before" -
done
# A new --out that an interrupted first build created is removed again.
"$FIREFLY" build --site "$site" --out "$work/fresh" --quiet --jobs 1 &
pid=$!
for _ in $(seq 100); do [ -d "$work/fresh" ] && break; sleep 0.02; done
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
[ ! -e "$work/fresh" ] || { echo "an interrupted first build left $work/fresh"; exit 1; }
# A first build killed outright leaves its staging folder: the next build takes the folder.
mkdir -p "$work/killed/.firefly-staging-99999/en" && echo x >"$work/killed/.firefly-staging-99999/en/a.html"
"$FIREFLY" build --site "$site" --out "$work/killed" --quiet
[ -f "$work/killed/index.html" ] && [ -z "$(find "$work/killed" -name '.firefly-staging-*')" ] ||
  { echo "the folder a killed first build left was not taken over"; exit 1; }

snapshot "$site" | grep -v bulk- | diff <(grep -v bulk- "$work/site.before") -
echo "output folder: ok"
