#!/usr/bin/env python3
"""Sums up bench/photos_warm.sh --time: per binary, the warm rebuild with photos against the
build without them, in bench/idle_wall.py's estimated wall on an idle 2-core machine and in
CPU (user + system), and whether the estimate follows the load each build met.

Reads the rows the script writes, one a build:
    ROUND K with|without wall W cpu C est_quiet E one_runnable_cpu O user_sys U sys S waited T
    load L
and takes the binaries' names as arguments (K indexes them).
"""
import random
import statistics
import sys


def quartiles(xs: list[float]) -> tuple[float, float, float]:
    if len(xs) < 2:
        return xs[0], xs[0], xs[0]
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], q[1], q[2]


def median_interval(xs: list[float]) -> tuple[float, float]:
    """A 90% bootstrap interval of the median of xs (seeded: the same rows, the same text)."""
    rng = random.Random(16)
    meds = sorted(statistics.median(rng.choices(xs, k=len(xs))) for _ in range(2000))
    return meds[100], meds[1899]


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=v.__getitem__)
        r = [0.0] * len(v)
        for rank, i in enumerate(order):
            r[i] = rank
        return r
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else 0.0


def main() -> None:
    names = sys.argv[1:]
    builds: dict[tuple[int, str], dict[int, dict[str, float]]] = {}
    for line in sys.stdin:
        f = line.split()
        if len(f) < 3:
            continue
        r, k, kind = int(f[0]), int(f[1]), f[2]
        values = {f[i]: float(f[i + 1]) for i in range(3, len(f) - 1, 2)}
        builds.setdefault((k, kind), {})[r] = values
    for k, name in enumerate(names):
        w, p = builds.get((k, "with"), {}), builds.get((k, "without"), {})
        if not w or not p:
            continue
        print(f"{name}: {len(w)} builds with photos, {len(p)} without (medians, quartiles)")
        for key, what in (("est_quiet", "idle-machine wall estimate"),
                          ("user_sys", "CPU, user + system"),
                          ("sys", "CPU, system alone"),
                          ("cpu", "CPU, the threads' schedstat"),
                          ("one_runnable_cpu", "CPU with one thread runnable"),
                          ("wall", "wall (this machine, loaded)")):
            ws = [b[key] for b in w.values()]
            ps = [b[key] for b in p.values()]
            qw, qp = quartiles(ws), quartiles(ps)
            line = (f"  {what:30} with {qw[1]*1e3:7.2f} ms ({qw[0]*1e3:.2f}-{qw[2]*1e3:.2f}), "
                    f"without {qp[1]*1e3:7.2f} ms ({qp[0]*1e3:.2f}-{qp[2]*1e3:.2f})")
            if key != "one_runnable_cpu":
                extra = qw[1] - qp[1]
                ratios = [w[r][key] / p[r][key] - 1 for r in w if r in p and p[r][key] > 0]
                qr, ci = quartiles(ratios), median_interval(ratios)
                line += (f"; extra {extra*1e3:+.2f} ms ({100*extra/qp[1]:+.1f}%), "
                         f"per round {100*qr[1]:+.1f}% (quartiles {100*qr[0]:+.1f} to "
                         f"{100*qr[2]:+.1f}, 90% interval of the median {100*ci[0]:+.1f} to "
                         f"{100*ci[1]:+.1f})")
            print(line)
        # A load-independent figure does not follow the load its build met: the rank
        # correlation of the builds' figures with the seconds they waited for a core.
        for series, kind in ((p, "without"), (w, "with")):
            waits = [b["waited"] / b["wall"] for b in series.values()]
            loads = [b["load"] for b in series.values()]
            print(f"  {kind:7} photos: waited for a core {min(waits):.2f}-{max(waits):.2f} of "
                  f"the wall, load average {min(loads):.1f}-{max(loads):.1f}; rank correlation "
                  f"with the waiting: estimate "
                  f"{spearman(waits, [b['est_quiet'] for b in series.values()]):+.2f}, CPU "
                  f"{spearman(waits, [b['user_sys'] for b in series.values()]):+.2f}, wall "
                  f"{spearman(waits, [b['wall'] for b in series.values()]):+.2f}")


if __name__ == "__main__":
    main()
