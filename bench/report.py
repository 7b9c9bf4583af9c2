#!/usr/bin/env python3
"""Turn bench/run.sh's raw measurements into the results table of BENCHMARKS.md.

Usage: report.py RAW BENCHMARKS.md CORES HUGO_VERSION

RAW has one line per timed run: "<tool>-<stories> <wall s> <cpu s> <peak rss KiB>".
The table replaces the text between the two bench:table markers of BENCHMARKS.md (the
file is created when missing); everything else in the file is kept.
"""
import datetime
import statistics
import sys

START = "<!-- bench:table -->"
END = "<!-- /bench:table -->"


def load(path):
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            tool, stories = fields[0].rsplit("-", 1)
            runs.setdefault((int(stories), tool), [])
            if fields[1] == "failed":  # "<label> failed <exit status>": the tool failed
                continue
            label, wall, cpu, rss = fields
            runs[(int(stories), tool)].append((float(wall), float(cpu), int(rss)))
    return runs


def median(rows, i):
    return statistics.median(r[i] for r in rows)


def table(runs, cores, hugo):
    sizes = sorted({n for n, _ in runs})
    out = [
        START,
        f"Measured {datetime.date.today().isoformat()} on {cores} cores, output in tmpfs; "
        f"{hugo}. Medians of {len(runs[(sizes[0], 'firefly')])} alternating runs.",
        "",
        "| stories | tool | wall s | CPU s | peak RSS MB | Hugo/Firefly wall | Firefly/floor wall |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    checks = []
    for n in sizes:
        ff, hu, fl = runs[(n, "firefly")], runs.get((n, "hugo"), []), runs[(n, "floor")]
        ff_wall, fl_wall = median(ff, 0), median(fl, 0)
        ratio = median(hu, 0) / ff_wall if hu else float("nan")
        floor_ratio = ff_wall / fl_wall
        for tool, rows in (("Firefly", ff), ("Hugo", hu), ("floor", fl)):
            if not rows:
                out.append(f"| {n:,} | {tool} | failed | | | | |")
                continue
            extra = (f"{ratio:.2f}x" if hu else "Hugo failed", f"{floor_ratio:.2f}x") \
                if tool == "Firefly" else ("", "")
            out.append(
                f"| {n:,} | {tool} | {median(rows, 0):.2f} | {median(rows, 1):.2f} | "
                f"{median(rows, 2) / 1024:.0f} | {extra[0]} | {extra[1]} |"
            )
        if n == 10000 and hu:
            rss = median(ff, 2) / median(hu, 2)
            checks.append(f"- 10k: Firefly {ratio:.2f}x faster than Hugo (target >= 5x): "
                          f"{'met' if ratio >= 5 else 'NOT met'}")
            checks.append(f"- 10k: peak RSS {rss:.2f} of Hugo's (target <= 0.20): "
                          f"{'met' if rss <= 0.2 else 'NOT met'}")
            checks.append(f"- 10k: {floor_ratio:.2f}x the floor (target <= 2x): "
                          f"{'met' if floor_ratio <= 2 else 'NOT met'}")
    if (10000, "firefly") in runs and (50000, "firefly") in runs:
        scale = median(runs[(50000, "firefly")], 0) / median(runs[(10000, "firefly")], 0)
        checks.append(f"- 50k/10k wall: {scale:.2f}x (target <= 5.5x): "
                      f"{'met' if scale <= 5.5 else 'NOT met'}")
    out += ["", *checks, END]
    return "\n".join(out)


def main():
    raw, target, cores, hugo = sys.argv[1:5]
    text = table(load(raw), cores, hugo)
    try:
        with open(target, encoding="utf-8") as f:
            old = f.read()
    except FileNotFoundError:
        old = "# Benchmarks\n\n" + START + "\n" + END + "\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + text + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    with open(target, "w", encoding="utf-8") as f:
        f.write(new)


if __name__ == "__main__":
    main()
