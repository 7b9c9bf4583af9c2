#!/usr/bin/python3
"""Edit-to-browser latency of a preview server: how long from saving a story until the
served page shows the edit.

    bench/serve_edit.py --tool firefly|hugo BINARY SITE_DIR STORY_FILE PAGE_PATH
                        [--edits N] [--where end|start]
                        [--server-log FILE]

Starts the server (`firefly serve` or `hugo server`) on a free port, waits for the first
build, then N times: saves STORY_FILE with a marker paragraph added and waits until
PAGE_PATH shows it. For Firefly the script does what an open browser tab does: it listens
on the event stream (naming PAGE_PATH, as the tab's script names its page), waits for the
"reload" event, then fetches the page. Hugo's live reload is
a WebSocket, which Python's standard library cannot open, so for Hugo the script fetches
the page every 20 ms instead (at most 20 ms late, against Hugo's seconds). `--where
start` adds the marker as the first paragraph, which changes the story's summary and so
every list, feed and search index that shows it; `--where title` changes its title in the
front matter instead, `date` its date (which moves it in every list sorted by date),
`tags` its tags (a new term page; the old terms' lists lose it). `--where new` saves a new
story beside STORY_FILE, dated today, and waits for PAGE_PATH (give the section's first
list page) to show its title; `--where delete` removes STORY_FILE and waits for PAGE_PATH
(its page) to change (Firefly then shows the story's other language there, Hugo its
404 page), then restores it untimed before the next edit. `--where rows` takes
a dataset's CSV file as STORY_FILE and PAGE_PATH as the dataset's page, and adds a row
with a marker value. `--where dtitle` takes a dataset's YAML file as STORY_FILE (its
`title:` a line of its own or a map with an `en:` line) and PAGE_PATH as its English
page, and gives it an English title holding the marker. `--where string` takes a strings
file (i18n/<code>.yaml of the site) as STORY_FILE and gives its string `--string-key`
(default `preview`, which only the dataset pages show) a value holding the marker.
For date edits and rows too, the wait is for PAGE_PATH to change.
STORY_FILE is restored afterwards (the new stories removed).
Prints each latency, then one line for bench/run.sh:
    result <tool> <where> <first build s> <median ms> <min ms> <max ms>
"""
import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        c.close()


def tag_of(marker):
    """The tag a tags edit gives the story: `marker` as a slug."""
    return marker.lower().replace(" ", "-").replace(".", "")


def with_marker(text, marker, where, n=0):
    """The story with `marker` as its last paragraph, its first (after the front matter),
    its title or its tags; with another date (the `n`th); or the CSV with a row whose
    cells hold `marker` or the year 3000 + n."""
    if where == "end":
        return text + "\n" + marker + "\n"
    lines = text.split("\n")
    if where == "title":
        return "\n".join(f'title: "{marker}"' if l.startswith("title:") else l for l in lines)
    if where == "date":
        date = f"2019-{1 + n % 12:02d}-{10 + n // 12 % 18:02d}"
        return "\n".join(f"date: {date}" if l.startswith("date:") else l for l in lines)
    if where == "tags":
        tag = tag_of(marker)
        return "\n".join(f"tags: [{tag}]" if l.startswith("tags:") else l for l in lines)
    if where == "rows":
        cells = lines[0].count(",") + 1
        row = ",".join([str(3000 + n)] + ["1"] * (cells - 1))
        return text.rstrip("\n") + "\n" + row + "\n"
    if where == "dtitle":
        # The English title: the `en:` line of a title map, or the title line itself.
        at = next(i for i, l in enumerate(lines) if l.startswith("title:"))
        if lines[at].strip() == "title:":
            at = next(i for i in range(at + 1, len(lines)) if lines[i].strip().startswith("en:"))
            return "\n".join(lines[:at] + [f'  en: "{marker}"'] + lines[at + 1:])
        return "\n".join(lines[:at] + [f'title: "{marker}"'] + lines[at + 1:])
    if where.startswith("string:"):
        key = where[len("string:"):]
        line = f'{key}: "{marker}"'
        if any(l.startswith(key + ":") for l in lines):
            return "\n".join(line if l.startswith(key + ":") else l for l in lines)
        return text.rstrip("\n") + "\n" + line + "\n"
    end = lines.index("---", 1) if lines and lines[0] == "---" else -1
    return "\n".join(lines[:end + 1] + ["", marker, ""] + lines[end + 1:])


def server_command(tool, binary, site, port):
    if tool == "firefly":
        return [binary, "serve", "--site", site, "--port", str(port)]
    return [binary, "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1",
            "--disableLiveReload"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", choices=["firefly", "hugo"], default="firefly")
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("story")
    ap.add_argument("page")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--where", default="end", choices=["end", "start", "title", "date", "tags",
                                                       "new", "delete", "rows", "dtitle",
                                                       "string"])
    ap.add_argument("--string-key", default="preview",
                    help="with --where string: the string the edit changes")
    ap.add_argument("--server-log", help="keep the server's output in this file (with "
                    "FIREFLY_TIMINGS=1 in the environment: the CPU of each step of an update)")
    args = ap.parse_args()

    port = free_port()
    log = open(args.server_log, "w+b") if args.server_log else tempfile.TemporaryFile()
    start = time.monotonic()
    server = subprocess.Popen(server_command(args.tool, args.binary, args.site, port),
                              stdout=log, stderr=subprocess.STDOUT)
    original = open(args.story, encoding="utf-8").read()
    latencies = []
    new_stories = []
    try:
        while True:
            if server.poll() is not None:
                log.seek(0)
                sys.exit(f"{args.tool}: the server exited early:\n" + log.read().decode())
            try:
                if get(port, args.page)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - start > 600:
                sys.exit(f"{args.tool}: the server did not answer within 600 s")
            time.sleep(0.05)
        first_build = time.monotonic() - start
        events = None
        if args.tool == "firefly":
            events = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            # As the tab's reload script does: it names the page it shows, which an
            # update renders first.
            events.request("GET", "/__firefly/events?path=" + urllib.parse.quote(args.page))
            stream = events.getresponse()
            while b"connected" not in stream.readline():
                pass
        time.sleep(1)  # let the watcher settle
        def reload_seen():
            if events:
                while not stream.readline().startswith(b"event: reload"):
                    pass

        def wait_until(shown, what, t0):
            while not shown():
                if time.monotonic() - t0 > 120:
                    sys.exit(f"{args.tool}: {what} not shown within 120 s")
                time.sleep(0.02)

        folder = os.path.dirname(args.story)
        for n in range(args.edits):
            marker = f"Edit marker {os.getpid()}-{args.where}-{n}."
            before = get(port, args.page)[1]
            t0 = time.monotonic()
            if args.where == "new":
                path = os.path.join(folder, f"story-edit-{os.getpid()}-{n}.en.md")
                new_stories.append(path)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(f'---\ntitle: "{marker}"\ndate: {time.strftime("%Y-%m-%d")}\n'
                            f"---\n\nA new story.\n")
            elif args.where == "delete":
                os.remove(args.story)
            else:
                with open(args.story, "w", encoding="utf-8") as f:
                    where = ("string:" + args.string_key if args.where == "string"
                             else args.where)
                    f.write(with_marker(original, marker, where, n))
            reload_seen()
            if args.where in ("date", "rows", "delete"):
                wait_until(lambda: get(port, args.page)[1] != before, f"edit {n}", t0)
            else:
                shown = tag_of(marker) if args.where == "tags" else marker
                wait_until(lambda: shown in get(port, args.page)[1], f"edit {n}", t0)
            latencies.append(time.monotonic() - t0)
            time.sleep(1)  # a person does not save twice a second
            if args.where == "delete":  # back, untimed
                gone = get(port, args.page)[1]
                with open(args.story, "w", encoding="utf-8") as f:
                    f.write(original)
                reload_seen()
                wait_until(lambda: get(port, args.page)[1] != gone, f"restoring {n}",
                           time.monotonic())
                time.sleep(1)
        if events:
            events.close()
    finally:
        with open(args.story, "w", encoding="utf-8") as f:
            f.write(original)
        for path in new_stories:
            os.remove(path)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    ms = [l * 1000 for l in latencies]
    for n, l in enumerate(ms):
        print(f"{args.tool} edit {n} ({args.where}): {l:.0f} ms from save to the page showing it")
    print(f"result {args.tool} {args.where} {first_build:.2f} {statistics.median(ms):.0f} "
          f"{min(ms):.0f} {max(ms):.0f}")


if __name__ == "__main__":
    main()
