#!/usr/bin/python3
"""Edit-to-browser latency of a preview server: how long from saving a story until the
served page shows the edit.

    bench/serve_edit.py --tool firefly|hugo BINARY SITE_DIR STORY_FILE PAGE_PATH
                        [--edits N] [--where end|start]
                        [--server-log FILE]

Starts the server (`firefly serve` or `hugo server`) on a free port, waits for the first
build, then N times: saves STORY_FILE with a marker paragraph added and waits until
PAGE_PATH shows it. For Firefly the script does what an open browser tab does: it waits
for the "reload" event on the event stream, then fetches the page. Hugo's live reload is
a WebSocket, which Python's standard library cannot open, so for Hugo the script fetches
the page every 20 ms instead (at most 20 ms late, against Hugo's seconds). `--where
start` adds the marker as the first paragraph, which changes the story's summary and so
every list, feed and search index that shows it; `--where title` changes its title in the
front matter instead. The story is restored afterwards.
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


def with_marker(text, marker, where):
    """The story with `marker` as its last paragraph, its first (after the front matter),
    or its title."""
    if where == "end":
        return text + "\n" + marker + "\n"
    lines = text.split("\n")
    if where == "title":
        return "\n".join(f'title: "{marker}"' if l.startswith("title:") else l for l in lines)
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
    ap.add_argument("--where", choices=["end", "start", "title"], default="end")
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
            events.request("GET", "/__firefly/events")
            stream = events.getresponse()
            while b"connected" not in stream.readline():
                pass
        time.sleep(1)  # let the watcher settle
        for n in range(args.edits):
            marker = f"Edit marker {os.getpid()}-{args.where}-{n}."
            t0 = time.monotonic()
            with open(args.story, "w", encoding="utf-8") as f:
                f.write(with_marker(original, marker, args.where))
            if events:
                while not stream.readline().startswith(b"event: reload"):
                    pass
            while marker not in get(port, args.page)[1]:
                if time.monotonic() - t0 > 120:
                    sys.exit(f"{args.tool}: edit {n} not shown within 120 s")
                time.sleep(0.02)
            latencies.append(time.monotonic() - t0)
            time.sleep(1)  # a person does not save twice a second
        if events:
            events.close()
    finally:
        with open(args.story, "w", encoding="utf-8") as f:
            f.write(original)
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
