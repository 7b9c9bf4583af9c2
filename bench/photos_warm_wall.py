#!/usr/bin/env python3
"""Warm rebuilds with photos against the builds without them, in wall time and CPU
(user + system), every build of every binary interleaved in a shuffled order each round.

    bench/photos_warm_wall.py WORK ROUNDS NAME=BINARY [NAME=BINARY ...]

WORK is a folder `bench/photos_warm.sh --work WORK` made (its `site` with photos, its cache
filled, and `plain` without them). Each binary gets its own copies of both (`cp -al`: tw_K,
tp_K) and output folders (xw_K, xp_K), all names of one length, and two uncounted rounds.
Before each build the copy's cache `renewed` mark is touched, so no counted build renews
the entries' times. `--jobs 2`. Prints, per binary, the medians of each figure with and
without photos, their extra, and the median and quartiles of each round's own ratio: on a
shared machine the other builds' load moves from round to round, and a round's builds run
within half a second of each other.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__.split("\n\n")[1].strip())
    work, rounds = sys.argv[1], int(sys.argv[2])
    bins = dict(arg.split("=", 1) for arg in sys.argv[3:])
    os.chdir(work)
    names = list(bins)
    for k in range(len(names)):
        for src, dst in (("site", f"tw_{k}"), ("plain", f"tp_{k}")):
            shutil.rmtree(dst, ignore_errors=True)
            subprocess.run(["cp", "-al", src, dst], check=True)

    def build(name: str, kind: str) -> tuple[float, float]:
        k = names.index(name)
        site, out = (f"tw_{k}", f"xw_{k}") if kind == "with" else (f"tp_{k}", f"xp_{k}")
        os.utime(f"tw_{k}/.firefly-cache/photos/renewed")
        start = time.perf_counter()
        p = subprocess.Popen([os.path.realpath(bins[name]), "build", "--site", site, "--out", out,
                              "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"FAIL: {name} {kind}")
        return wall * 1e3, (usage.ru_utime + usage.ru_stime) * 1e3

    for _ in range(2):
        for name in names:
            build(name, "with")
            build(name, "without")
    time.sleep(3)  # folders changed less than 2 s before are listed again
    rng = random.Random(29)
    figures = {(n, k): [] for n in names for k in ("with", "without")}
    loads = []
    for _ in range(rounds):
        order = [(n, k) for n in names for k in ("with", "without")]
        rng.shuffle(order)
        for n, k in order:
            figures[(n, k)].append(build(n, k))
        loads.append(float(open("/proc/loadavg").read().split()[0]))
    print(f"{rounds} rounds, load average {min(loads):.2f}-{max(loads):.2f}")
    for n in names:
        for label, i in (("wall", 0), ("CPU", 1)):
            with_ = [f[i] for f in figures[(n, "with")]]
            without = [f[i] for f in figures[(n, "without")]]
            w, wo = statistics.median(with_), statistics.median(without)
            ratios = [a / b - 1 for a, b in zip(with_, without)]
            q = statistics.quantiles(ratios, n=4)
            print(f"{n:>8} {label:4}: with {w:6.2f} ms, without {wo:6.2f} ms, extra {w - wo:+.2f} ms "
                  f"({(w / wo - 1) * 100:+.1f}%); per round {statistics.median(ratios) * 100:+.1f}% "
                  f"(quartiles {q[0] * 100:+.1f} to {q[2] * 100:+.1f})")


if __name__ == "__main__":
    main()
