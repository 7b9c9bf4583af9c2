#!/usr/bin/env python3
"""Turn bench/run.sh's raw measurements into the results table of BENCHMARKS.md.

Usage: report.py RAW BENCHMARKS.md CORES HUGO_VERSION [SERVE_RAW]

RAW has one line per timed run: "<tool>-<stories> <wall s> <cpu s> <peak rss KiB>".
The table replaces the text between the two bench:table markers of BENCHMARKS.md (the
file is created when missing); everything else in the file is kept.

SERVE_RAW, when given, has the "result <tool> <where> <first build s> <median ms> <min ms>
<max ms>" lines of bench/serve_edit.py on the 10,000-story corpus; they become the table
between the bench:serve markers.
"""
import datetime
import statistics
import sys

START = "<!-- bench:table -->"
END = "<!-- /bench:table -->"
SERVE_START = "<!-- bench:serve -->"
SERVE_END = "<!-- /bench:serve -->"


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
            checks.append(f"- 10k: Firefly {ratio:.2f}x faster than Hugo (target >= 6x): "
                          f"{'met' if ratio >= 6 else 'NOT met'}")
            checks.append(f"- 10k: peak RSS {rss:.2f} of Hugo's (target < 0.15): "
                          f"{'met' if rss < 0.15 else 'NOT met'}")
            checks.append(f"- 10k: {floor_ratio:.2f}x the floor (target <= 2x): "
                          f"{'met' if floor_ratio <= 2 else 'NOT met'}")
    if (10000, "firefly") in runs and (50000, "firefly") in runs:
        scale = median(runs[(50000, "firefly")], 0) / median(runs[(10000, "firefly")], 0)
        checks.append(f"- 50k/10k wall: {scale:.2f}x (target <= 5.5x): "
                      f"{'met' if scale <= 5.5 else 'NOT met'}")
    out += ["", *checks, END]
    return "\n".join(out)


def serve_table(path, cores):
    results = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) == 7 and fields[0] == "result":
                _, tool, where, first, med, low, high = fields
                results[(tool, where)] = (float(first), float(med), float(low), float(high))
    out = [
        SERVE_START,
        f"Measured {datetime.date.today().isoformat()} on {cores} cores, 10,000 stories "
        "(25,042 pages), one server per row, edits a second apart.",
        "",
        "| the edit (one file) | Firefly: median ms (min–max) | Hugo: median ms (min–max) "
        "| Hugo/Firefly |",
        "|---|---:|---:|---:|",
    ]
    rows = (("end", "a paragraph added at the end (the summary stays)"),
            ("start", "a new first paragraph (summary, lists, feeds and search change)"),
            ("title", "a new title (front matter)"),
            ("date", "a new date (its place in every list by date)"),
            ("tags", "new tags (a new term; the old terms lose it)"),
            ("new", "a new story, dated today (first in its lists)"),
            ("delete", "its English file deleted (the page falls back to Chinese)"),
            ("rows", "a row added to a dataset's CSV (its page, files and charts)"),
            ("dtitle", "a dataset's English title (its page, the data lists, the site map)"),
            ("string", "a string of i18n/en.yaml that only the dataset pages show"))
    worst = 0.0  # of every content edit, which the 200 ms target is about
    for where, label in rows:
        ff, hu = results.get(("firefly", where)), results.get(("hugo", where))
        if not ff:
            continue
        worst = max(worst, ff[1])
        cells = [f"{ff[1]:.0f} ({ff[2]:.0f}–{ff[3]:.0f})",
                 f"{hu[1]:.0f} ({hu[2]:.0f}–{hu[3]:.0f})" if hu else "not measured",
                 f"{hu[1] / ff[1]:.0f}x" if hu else ""]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    firsts = {tool: r[0] for (tool, _), r in results.items()}
    if "firefly" in firsts:
        hugo_first = f"{firsts['hugo']:.1f} s" if "hugo" in firsts else "not measured"
        ratio = f"{firsts['hugo'] / firsts['firefly']:.1f}x" if "hugo" in firsts else ""
        out.append(f"| (the first build, before the server answers) | {firsts['firefly']:.1f} s "
                   f"| {hugo_first} | {ratio} |")
    out += ["", f"- 10k: every content edit above shows in the browser within {worst:.0f} ms "
            f"(the largest median, target <= 200 ms): {'met' if 0 < worst <= 200 else 'NOT met'}",
            SERVE_END]
    return "\n".join(out)


def replace_between(text, start, end, new):
    if start in text and end in text:
        head, rest = text.split(start, 1)
        return head + new + rest.split(end, 1)[1]
    return text.rstrip("\n") + "\n\n" + new + "\n"


def main():
    raw, target, cores, hugo = sys.argv[1:5]
    text = table(load(raw), cores, hugo)
    try:
        with open(target, encoding="utf-8") as f:
            old = f.read()
    except FileNotFoundError:
        old = "# Benchmarks\n\n" + START + "\n" + END + "\n"
    new = replace_between(old, START, END, text)
    if len(sys.argv) > 5:
        new = replace_between(new, SERVE_START, SERVE_END, serve_table(sys.argv[5], cores))
    with open(target, "w", encoding="utf-8") as f:
        f.write(new)


if __name__ == "__main__":
    main()
