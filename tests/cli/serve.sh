#!/usr/bin/env bash
# firefly serve: answers from the in-memory build, injects the reload script, streams a
# "reload" event after a source edit and shows the change, refuses paths outside the
# output, shows build errors as an accessible page, and stops cleanly on SIGTERM.
# Every wait is bounded; the whole test cannot hang.
set -euo pipefail
work=$(mktemp -d)
server_pid=""
sse_pid=""
cleanup() {
  [ -n "$sse_pid" ] && kill "$sse_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=serve_start.bash
source "$(dirname "$0")/lib/serve_start.bash"
fail() { echo "FAIL: $*"; echo "--- server output:"; cat "$work/server.log" 2>/dev/null || true; exit 1; }

cp -r tests/sites/multilingual/site "$work/site"
get() { curl -sS --max-time 5 "$@"; }
# has [curl options] URL PATTERN: the body of URL matches PATTERN (no pipe, so no SIGPIPE).
has() {
  local args=("$@") pattern="${*: -1}" body
  body=$(curl -s --max-time 5 "${args[@]:0:$(($# - 1))}") || true
  grep -q -- "$pattern" <<<"$body"
}

start_server "$work/site"
[ "$(status "$base/")" = 200 ] || fail "no answer on $base/"
grep -q "^serving .*site at $base/ (Ctrl+C to stop)" "$work/server.log" || fail "no 'serving' line"

# Pages, directories, content types, 404.
get "$base/" >"$work/home.html"
grep -q '首頁' "$work/home.html" || fail "/ is not the home page"
grep -q 'new EventSource("/__firefly/events' "$work/home.html" || fail "no reload script in /"
grep -q 'location.reload()' "$work/home.html" || fail "the script does not reload"
has "$base/en/" 'Welcome' || fail "/en/ is not the English home page"
[ "$(status "$base/en")" = 301 ] || fail "/en does not redirect to /en/"
ctype() { curl -s --max-time 5 -o /dev/null -w '%{content_type}' "$1"; }
[ "$(ctype "$base/")" = "text/html; charset=utf-8" ] || fail "HTML content type: $(ctype "$base/")"
[ "$(ctype "$base/feed.xml")" = "application/xml; charset=utf-8" ] || fail "feed content type"
[ "$(ctype "$base/sitemap.xml")" = "application/xml; charset=utf-8" ] || fail "sitemap content type"
[ "$(ctype "$base/robots.txt")" = "text/plain; charset=utf-8" ] || fail "robots content type"
[ "$(status "$base/no/such/page/")" = 404 ] || fail "unknown path is not 404"
has "$base/no/such/page/" '<html' || fail "404 does not serve the site's 404.html"
! has "$base/robots.txt" EventSource || fail "script injected into a text file"
# A byte range (the search page reads its results' texts so): 206 and exactly those bytes.
code=$(curl -s --max-time 5 -o "$work/range.bin" -w '%{http_code}' -H 'Range: bytes=2-11' \
  "$base/search/en/x/0.bin")
[ "$code" = 206 ] || fail "a byte range answered $code"
[ "$(wc -c <"$work/range.bin")" = 10 ] || fail "a byte range of 10 sent $(wc -c <"$work/range.bin")"

# Path traversal: never the site's own files.
for p in '/../site.yaml' '/%2e%2e/site.yaml' '/%2E%2E/site.yaml' '/en/../../site.yaml' '/..%2fsite.yaml'; do
  code=$(status --path-as-is "$base$p")
  [ "$code" = 400 ] || [ "$code" = 404 ] || fail "$p answered $code"
  ! has --path-as-is "$base$p" 'base_url' || fail "$p leaked site.yaml"
done

# Live reload: an edit sends "reload" on the event stream and the page shows it.
curl -sS -N --max-time 30 "$base/__firefly/events" >"$work/events.txt" 2>/dev/null &
sse_pid=$!
for _ in $(seq 1 50); do grep -q 'connected' "$work/events.txt" && break; sleep 0.1; done
grep -q 'connected' "$work/events.txt" || fail "the event stream did not open"
printf '\nServe marker 4711.\n' >>"$work/site/content/_index.en.md"
for _ in $(seq 1 100); do grep -q '^event: reload' "$work/events.txt" && break; sleep 0.1; done
grep -q '^event: reload' "$work/events.txt" || fail "no reload event within 10 s"
for _ in $(seq 1 50); do has "$base/en/" 'Serve marker 4711' && break; sleep 0.1; done
has "$base/en/" 'Serve marker 4711' || fail "the edit is not shown"
kill "$sse_pid" 2>/dev/null || true
sse_pid=""
# An edit to the text only re-renders what shows it; the terminal says how much.
grep -q '^updated [0-9]* files\?\(, removed [0-9]* files\?\)\? (rendered [0-9]* pages\?, [0-9]* Markdown bod\(y\|ies\)) in [0-9]* ms\(, the reload sent after [0-9]* ms\)\?$' "$work/server.log" ||
  fail "a text edit was not updated in place"
[ "$(grep -c '^built ' "$work/server.log")" = 1 ] || fail "a text edit rebuilt the whole site"

# A broken link written in the text: the error page, and the fix updates in place again.
story="$work/site/content/stories/story-2.en.md"
cp "$story" "$work/story-2.en.md"
sed -i 's#(../story-3/)#(../story-33/)#' "$story"
for _ in $(seq 1 100); do has "$base/en/" 'role="alert"' && break; sleep 0.1; done
has "$base/en/" 'points to nothing this site publishes' || fail "a broken link in an edit is not shown"
cp "$work/story-2.en.md" "$story"
for _ in $(seq 1 100); do [ "$(status "$base/en/")" = 200 ] && break; sleep 0.1; done
[ "$(status "$base/en/")" = 200 ] || fail "the site did not come back after fixing the link"
[ "$(grep -c '^built ' "$work/server.log")" = 1 ] || fail "fixing a link rebuilt the whole site"
grep -q '^changed: content/stories/story-2.en.md$' "$work/server.log" ||
  fail "the terminal does not name the edited file (sed -i's scratch file instead?)"

# A new title: updated in place too, and the lists show it.
sed -i 's/^title: Story 2.*$/title: Story Two Retitled/' "$story"
for _ in $(seq 1 100); do has "$base/en/stories/" 'Story Two Retitled' && break; sleep 0.1; done
has "$base/en/stories/story-2/" 'Story Two Retitled' || fail "the new title is not on the page"
has "$base/en/stories/" 'Story Two Retitled' || fail "the new title is not in the list"
[ "$(grep -c '^built ' "$work/server.log")" = 1 ] || fail "a new title rebuilt the whole site"

# New figures in a dataset: updated in place, on its page and in its downloads.
sed -i 's/^2022,1350,$/2022,1357,/' "$work/site/data/counts.csv"
for _ in $(seq 1 100); do has "$base/en/data/counts/" '1,357' && break; sleep 0.1; done
has "$base/en/data/counts/" '1,357' || fail "the new figure is not on the dataset page"
has "$base/data/counts.csv" '2022,1357' || fail "the new figure is not in the download"
[ "$(grep -c '^built ' "$work/server.log")" = 1 ] || fail "a data edit rebuilt the whole site"

# A new date moves the story in every list: updated in place too, and the page shows it.
sed -i 's/^date: 2023-02-12$/date: 2023-04-01/' "$story"
for _ in $(seq 1 100); do has "$base/en/stories/story-2/" '2023-04-01' && break; sleep 0.1; done
has "$base/en/stories/story-2/" '2023-04-01' || fail "the new date is not on the page"
# The feeds and sitemap.xml are made after the page is shown; asked for at once, they wait
# for it and show the new date (never the old one).
has "$base/sitemap.xml" '<lastmod>2023-04-01</lastmod>' || fail "sitemap.xml lacks the new date"
has "$base/en/feed.xml" '<updated>2023-04-01' || fail "the feed lacks the new date"
! has "$base/en/stories/feed.xml" '<updated>2023-02-12' || fail "the section feed has the old date"
grep -q '^firefly serve: internal error' "$work/server.log" && fail "the site files were not made"
[ "$(grep -c '^built ' "$work/server.log")" = 1 ] || fail "a new date rebuilt the whole site"

# A broken file: the accessible error page for HTML, the terminal shows the error too.
cp "$work/site/content/stories/story-1.en.md" "$work/story-1.en.md"
printf -- '---\ntitle: [unclosed\n---\nbroken\n' >"$work/site/content/stories/story-1.en.md"
for _ in $(seq 1 100); do has "$base/" 'role="alert"' && break; sleep 0.1; done
get "$base/" >"$work/overlay.html"
grep -q 'role="alert"' "$work/overlay.html" || fail "no error page with role=alert"
# In the site's default language (zh-TW here), then English.
grep -q '<html lang="zh-Hant-TW">' "$work/overlay.html" || fail "the error page is not in zh-TW"
grep -q '<h1>網站無法產生</h1>' "$work/overlay.html" || fail "no zh-TW heading"
grep -q '<p lang="en"><strong>The site could not be built.</strong>' "$work/overlay.html" ||
  fail "no English beside the zh-TW words"
grep -q '<title>' "$work/overlay.html" || fail "the error page has no title"
grep -q 'content/stories/story-1.en.md' "$work/overlay.html" || fail "the error page does not name the file"
grep -q '<pre lang="en">' "$work/overlay.html" || fail "the errors are not in <pre lang=en>"
has "$base/en/stories/" 'role="alert"' || fail "another page is not the error page"
grep -q 'content/stories/story-1.en.md' "$work/server.log" || fail "the terminal does not show the error"
[ "$(status "$base/robots.txt")" = 200 ] || fail "files of the last good build are not served"

# Fixed again: the site is back.
cp "$work/story-1.en.md" "$work/site/content/stories/story-1.en.md"
for _ in $(seq 1 100); do [ "$(status "$base/")" = 200 ] && break; sleep 0.1; done
[ "$(status "$base/")" = 200 ] || fail "the site did not come back after the fix"

# SIGTERM: exit 0, promptly.
kill -TERM "$server_pid"
code=0
for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 10 s of SIGTERM"
wait "$server_pid" || code=$?
server_pid=""
[ "$code" = 0 ] || fail "exit code $code after SIGTERM"
echo "serve: ok"
