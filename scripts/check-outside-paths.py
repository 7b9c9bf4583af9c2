#!/usr/bin/env python3
"""Fails when a file of the project refers to a path outside the project.

    scripts/check-outside-paths.py [ROOT]

Looks at every file git tracks under ROOT (every file, when ROOT is not a git checkout),
and reports, as file:line:col:
  - a "../" chain that climbs above ROOT from the file's folder, or that names the
    folder the project was first written beside (BESIDE below), from any depth;
  - an absolute path into a developer's machine (top folders work, home, root, Users);
  - a Markdown link or image whose relative target lies outside ROOT.
Exit 0 when there is none, 1 otherwise.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

SKIP_DIRS = {".git", "build", "build-asan", "build-fuzz", "node_modules", "public"}
# An absolute path on a developer's machine (not part of a URL: no host or word before it).
ABSOLUTE = re.compile(r"(?<![\w.:/~-])/(work|home|root|Users)/[\w.-]+")
# A climb of one or more "../" followed by a name: checked against the file's depth.
CLIMB = re.compile(r"(?<![\w.])((?:\.\./)+)([\w][\w.-]*)")
BESIDE = "sha" + "red"  # spelt in two so that this file does not report itself
MD_LINK = re.compile(r"\]\(([^)\s]+)")


def project_files(root):
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], check=True,
                             capture_output=True).stdout.decode()
        return [root / p for p in out.split("\0") if p]
    except (subprocess.CalledProcessError, FileNotFoundError):
        files = []
        for here, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            files += [Path(here) / n for n in names]
        return files


def problems(root, path):
    rel = path.relative_to(root)
    try:
        data = path.read_bytes()
    except OSError:
        return
    if b"\0" in data[:4096]:
        return
    text = data.decode("utf-8", "replace")
    depth = len(rel.parts) - 1
    for lineno, line in enumerate(text.split("\n"), 1):
        for m in ABSOLUTE.finditer(line):
            yield lineno, m.start() + 1, f"absolute path outside the project: {m.group(0)}"
        for m in CLIMB.finditer(line):
            # A climb above ROOT from the file's folder; or to the folder that stood
            # beside the project while it was written, from wherever it is run.
            if m.group(1).count("../") > depth or m.group(2) == BESIDE:
                yield lineno, m.start() + 1, f"path outside the project: {m.group(0)}"
        if path.suffix == ".md":
            for m in MD_LINK.finditer(line):
                target = m.group(1).split("#")[0]
                if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
                    continue
                resolved = os.path.normpath(path.parent / target)
                if not resolved.startswith(str(root) + os.sep) and resolved != str(root):
                    yield lineno, m.start() + 3, f"link outside the project: {m.group(1)}"


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]).resolve()
    found = 0
    for path in sorted(project_files(root)):
        if path.is_symlink() or not path.is_file():
            continue
        for line, col, message in problems(root, path):
            print(f"{path.relative_to(root)}:{line}:{col}: {message}")
            found += 1
    if found:
        print(f"{found} reference(s) to paths outside the project", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
