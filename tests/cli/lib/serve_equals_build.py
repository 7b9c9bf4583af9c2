#!/usr/bin/env python3
"""`firefly serve` against fresh builds: a copy of a site is served, edited the way staff
edit (stories, translations, datasets, photos, site.yaml, the theme, strings, a break and
its fix), one edit or a few at a time, chosen by a seed; after each update every path a
fresh `firefly build --drafts --cms-local` of the same files publishes must be served with
exactly its bytes (HTML with serve's reload script taken out), every path an earlier build
published and this one does not must answer 404 (or redirect to the folder that replaced
the file), and a site with errors must show them.

Usage: serve_equals_build.py FIREFLY SITE WORK [--seed N] [--steps N] [--keep-going]
                             [--no-drafts] [--git | --git-below | --git-later]
                             [--kinds A,B,...]
"""
import argparse
import html
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_edits import Editor  # noqa: E402

# What serve adds to an HTML page (serve/overlay.cpp): its reload script, before </body>.
RELOAD = re.compile(
    rb'<script>\(function\(\)\{var s=new EventSource\("/__firefly/events\?since=[0-9]+&path="'
    rb'\+encodeURIComponent\(location\.pathname\)\);s\.addEventListener\("reload",'
    rb'function\(\)\{s\.close\(\);location\.reload\(\);\}\);\}\)\(\);</script>\n')
DONE = re.compile(r'^(updated |built |build failed)', re.M)
CHANGED = re.compile(r'^changed: ', re.M)


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Serve:
    """`firefly serve` on a free port of 127.0.0.1, its terminal output in a file."""

    def __init__(self, firefly, site, log, options):
        self.port = free_port()
        self.log = log
        self.proc = subprocess.Popen(
            [firefly, 'serve', '--site', site, '--port', str(self.port)] + options,
            stdout=open(log, 'wb'), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while 'serving ' not in self.text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit('FAIL: serve did not start:\n' + self.text())
            time.sleep(0.05)

    def text(self):
        with open(self.log, encoding='utf-8', errors='replace') as f:
            return f.read()

    def counts(self):
        t = self.text()
        return len(CHANGED.findall(t)), len(DONE.findall(t))

    def mark(self):
        """Where serve's output ends now: wait_update(..., mark) after the last save waits
        for a change serve reports after it."""
        with open(self.log, 'rb') as f:
            return len(f.read())

    def wait_update(self, changed_before, mark=0):
        """Waits until serve has seen an edit and finished every update it started; an
        edit not seen within 5 s is left for the comparison to show. With `mark` (the
        output's length just after the last save), a "changed:" line must follow it: a save
        made while serve was busy with the one before is seen after that update ends, which
        on a loaded machine can be later than the quiet moment below."""
        deadline = time.monotonic() + 60
        seen_by = time.monotonic() + 5
        quiet_since, last = None, None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit('FAIL: serve exited:\n' + self.text()[-3000:])
            with open(self.log, 'rb') as f:
                output = f.read()  # once a poll: the counts and what follows the mark
            t = output.decode('utf-8', 'replace')
            c, d = len(CHANGED.findall(t)), len(DONE.findall(t))
            now = time.monotonic()
            if c == changed_before and now > seen_by:
                return
            after_mark = CHANGED.search(output[mark:].decode('utf-8', 'replace'))
            if not after_mark and now <= seen_by:
                last = None
            elif c > changed_before and d >= c:
                if last != (c, d):
                    last, quiet_since = (c, d), now
                elif now - quiet_since >= 0.2:
                    return
            else:
                last = None
            time.sleep(0.02)
        raise SystemExit('FAIL: serve did not finish an update within 60 s:\n' +
                         self.text()[-3000:])

    def get(self, path):
        """(status, content type, body) of GET `path`, on a connection of its own (one
        kept open waits for the server's delayed acknowledgement: 40 ms a request)."""
        for attempt in range(3):
            conn = http.client.HTTPConnection('127.0.0.1', self.port, timeout=60)
            try:
                conn.request('GET', path, headers={'Connection': 'close'})
                r = conn.getresponse()
                return r.status, r.getheader('Content-Type', ''), r.read()
            except (http.client.HTTPException, OSError):
                if attempt == 2:
                    raise
            finally:
                conn.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def files_of(out):
    """Site-relative path -> bytes of every file the build published."""
    files = {}
    for root, _, names in os.walk(out):
        for name in names:
            full = os.path.join(root, name)
            rel = os.path.relpath(full, out)
            if rel == '.firefly-output':
                continue
            with open(full, 'rb') as f:
                files[rel] = f.read()
    return files


def url_of(rel):
    return '/' + urllib.parse.quote(rel)


def first_difference(a, b):
    n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    lo = max(0, n - 120)
    return ('served %d bytes, built %d; first difference at byte %d:\n  served: %r\n  built:  %r'
            % (len(a), len(b), n, a[lo:n + 120], b[lo:n + 120]))


def compare(serve, built, gone):
    """The differences between what serve answers and the fresh build's files."""
    problems = []
    photos_wait = time.monotonic() + 20
    for rel in sorted(built):
        want = built[rel]
        status, ctype, body = serve.get(url_of(rel))
        # A new or changed photo answers 404 for the moment it takes to make.
        while status == 404 and time.monotonic() < photos_wait:
            time.sleep(0.1)
            status, ctype, body = serve.get(url_of(rel))
        if status != 200:
            problems.append('%s: answered %d, the build publishes it' % (rel, status))
            continue
        if ctype.startswith('text/html'):
            body = RELOAD.sub(b'', body, count=1)
        if body != want:
            problems.append('%s: %s' % (rel, first_difference(body, want)))
    folders = {rel[:i] for rel in built for i in range(len(rel)) if rel[i] == '/'}
    for rel in sorted(gone):
        status, _, _ = serve.get(url_of(rel))
        if status == 301 and rel in folders:
            pass  # a file replaced by a folder: its address redirects to the folder's
        elif status != 404:
            problems.append('%s: answered %d, the build no longer publishes it' % (rel, status))
        if rel.endswith('/index.html') or rel == 'index.html':
            folder = url_of(rel[:-len('index.html')])
            status, _, _ = serve.get(folder)
            if status not in (404, 301) and folder != '/':
                problems.append('%s: answered %d, its page is gone' % (folder, status))
    return problems


def error_lines(stderr):
    return [l for l in stderr.splitlines() if re.match(r'^\S[^:]*:\d+:\d+: (error|warning)', l)]


def compare_errors(serve, stderr):
    """serve shows the fresh build's errors on its pages."""
    status, _, body = serve.get('/')
    text = html.unescape(body.decode('utf-8', 'replace'))
    if 'role="alert"' not in text:
        return ['/: no error page (role="alert"), the build failed with:\n' + stderr]
    lines = error_lines(stderr)
    if re.search(r'^\([0-9]+ more not shown', stderr, re.M):
        # Past 50 of a kind, which are shown depends on the order the build's threads found
        # them in (two builds may show different warnings): then only its errors count.
        lines = [l for l in lines if ': error: ' in l]
    missing = [l for l in lines if l not in text]
    if missing:
        return ['/: the error page lacks the build\'s %s' % '; '.join(missing[:5])]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('firefly')
    ap.add_argument('site')
    ap.add_argument('work')
    ap.add_argument('--seed', type=int, default=43)
    ap.add_argument('--steps', type=int, default=30)
    ap.add_argument('--keep-going', action='store_true')
    ap.add_argument('--git', action='store_true',
                    help='the site in a git repository of its own, its edits committed')
    ap.add_argument('--git-below', action='store_true',
                    help='as --git, the site in a folder below the top of the repository')
    ap.add_argument('--git-later', action='store_true',
                    help='the site put in a git repository of its own by the first edit')
    ap.add_argument('--kinds', default='',
                    help='only these edits (serve_edits.py e_<kind>), comma-separated')
    ap.add_argument('--no-drafts', action='store_true',
                    help='serve --no-drafts against build without --drafts')
    args = ap.parse_args()
    repo = os.path.join(args.work, 'repo')
    site = os.path.join(repo, 'portal') if args.git_below else os.path.join(args.work, 'site')
    out = os.path.join(args.work, 'public')
    ignore = shutil.ignore_patterns('public', '.firefly-cache', '.git', 'node_modules', 'build*')
    os.makedirs(site)
    for entry in ('site.yaml', 'content', 'data', 'static', 'themes', 'i18n', 'layouts',
                  'partials'):
        src = os.path.join(args.site, entry)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(site, entry), ignore=ignore)
        elif os.path.isfile(src):
            shutil.copy(src, os.path.join(site, entry))
    if args.site.rstrip('/') in ('.', os.getcwd()):
        # The sample portal: the default theme is built into firefly; a copy would be the
        # site's own theme folder, which it does not have.
        shutil.rmtree(os.path.join(site, 'themes'), ignore_errors=True)
    if args.git or args.git_below:
        subprocess.run(['git', 'init', '-q', '-b', 'main', repo if args.git_below else site],
                       check=True)
    if args.git_below:  # the repository has more than the site
        with open(os.path.join(repo, 'README.md'), 'w') as f:
            f.write('The bureau\'s portal is in portal/.\n')
        subprocess.run(['git', '-C', repo, 'add', 'README.md'], check=True)
    editor = Editor(site, args.seed)
    editor.in_git = args.git or args.git_below
    if args.kinds:
        editor.kinds = [getattr(editor, 'e_' + k) for k in args.kinds.split(',')]
    if editor.in_git:
        editor.commit('The site as copied', good=True)
    drafts = [] if args.no_drafts else ['--drafts']
    serve = Serve(args.firefly, site, os.path.join(args.work, 'serve.log'),
                  ['--no-drafts'] if args.no_drafts else [])
    base = 'http://127.0.0.1:%d/' % serve.port
    seen = set()
    failed = 0
    start = time.monotonic()
    try:
        for step in range(args.steps + 1):
            if step == 0:
                what = 'as copied'
            else:
                before, _ = serve.counts()
                what = editor.git_init() if args.git_later and step == 1 else editor.step()
                mark = serve.mark()
                if 'fixed' not in what and editor.rng.random() < 0.3:
                    # Saved again while serve may still be busy with the last save.
                    time.sleep(editor.rng.uniform(0.03, 0.4))
                    what += ' | then ' + editor.step(more=True)
                    mark = serve.mark()
                serve.wait_update(before, mark)
                if editor.wake_at:
                    # A publish_at written comes: serve publishes its page by itself.
                    before, mark = serve.counts()[0], serve.mark()
                    time.sleep(max(0.0, editor.wake_at - time.time()) + 0.3)
                    editor.wake_at = 0
                    serve.wait_update(before, mark)
                    what += ' | then the publish_at came'
            build = subprocess.run(
                [args.firefly, 'build', '--site', site, '--out', out, '--cms-local', '--base-url',
                 base, '--quiet'] + drafts, capture_output=True, text=True)
            if build.returncode != 0:
                problems = compare_errors(serve, build.stderr)
                editor.broken()
                first = next((l for l in build.stderr.splitlines() if ': error' in l), '?')
                result = 'errors (%s)' % (first if len(first) < 160 else first[:160] + '...')
            else:
                built = files_of(out)
                problems = compare(serve, built, seen - set(built))
                seen |= set(built)
                result = '%d files' % len(built)
            if problems:
                failed += 1
                print('FAIL step %d (%s): %d differences' % (step, what, len(problems)))
                for p in problems[:12]:
                    print('  ' + p)
                if not args.keep_going:
                    break
            else:
                print('ok   step %d (%s): %s' % (step, what, result))
    finally:
        serve.stop()
    secs = time.monotonic() - start
    if failed:
        print('--- serve output (last lines):\n' + serve.text()[-4000:])
        print('serve_equals_build: %d of the steps differ (seed %d) in %.0f s'
              % (failed, args.seed, secs))
        sys.exit(1)
    print('serve_equals_build: ok, %d edits (seed %d) in %.0f s' % (args.steps, args.seed, secs))


if __name__ == '__main__':
    main()
