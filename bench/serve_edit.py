#!/usr/bin/python3
"""Edit-to-browser latency of `firefly serve`: how long from saving a story until an open
page has been told to reload and can fetch the new text.

    bench/serve_edit.py FIREFLY SITE_DIR STORY_FILE PAGE_PATH [--edits N]

Starts `firefly serve` on a free port, waits for the first build, listens on the reload
event stream like a browser tab, then N times: appends a marker line to STORY_FILE, waits
for the "reload" event, fetches PAGE_PATH and checks the marker is there. Prints the first
build time, each edit's latency and their median, and the server's own "updated ..." lines.
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    return r.status, r.read().decode("utf-8", "replace")


def with_marker(text, marker, where):
    """The story with `marker` as its last paragraph, or its first (after the front matter)."""
    if where == "end":
        return text + "\n" + marker + "\n"
    lines = text.split("\n")
    end = lines.index("---", 1) if lines and lines[0] == "---" else -1
    return "\n".join(lines[:end + 1] + ["", marker, ""] + lines[end + 1:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("firefly")
    ap.add_argument("site")
    ap.add_argument("story")
    ap.add_argument("page")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--where", choices=["end", "start"], default="end",
                    help="add the marker at the end of the text, or as its first paragraph "
                         "(which changes the summary, so lists, feeds and search change too)")
    args = ap.parse_args()

    port = free_port()
    log = tempfile.TemporaryFile()
    start = time.monotonic()
    server = subprocess.Popen(
        [args.firefly, "serve", "--site", args.site, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if server.poll() is not None:
                sys.exit("serve exited early")
            try:
                if get(port, "/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - start > 300:
                sys.exit("serve did not answer within 300 s")
            time.sleep(0.05)
        first_build = time.monotonic() - start

        events = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        events.request("GET", "/__firefly/events")
        stream = events.getresponse()
        while b"connected" not in stream.readline():
            pass

        original = open(args.story, encoding="utf-8").read()
        latencies = []
        try:
            for n in range(args.edits):
                marker = f"Edit marker {os.getpid()}-{n}."
                t0 = time.monotonic()
                with open(args.story, "w", encoding="utf-8") as f:
                    f.write(with_marker(original, marker, args.where))
                while not stream.readline().startswith(b"event: reload"):
                    pass
                status, body = get(port, args.page)
                latency = time.monotonic() - t0
                if status != 200 or marker not in body:
                    sys.exit(f"edit {n}: the page does not show the edit (HTTP {status})")
                latencies.append(latency)
                time.sleep(0.3)
        finally:
            with open(args.story, "w", encoding="utf-8") as f:
                f.write(original)
        events.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    log.seek(0)
    lines = [l for l in log.read().decode("utf-8", "replace").splitlines()
             if l.startswith(("built", "updated"))]
    print(f"first build and serve: {first_build:.2f} s")
    for n, l in enumerate(latencies):
        print(f"edit {n}: {l * 1000:.0f} ms from save to a page showing the edit")
    print(f"median: {statistics.median(latencies) * 1000:.0f} ms")
    for l in lines:
        print("server: " + l)


if __name__ == "__main__":
    main()
