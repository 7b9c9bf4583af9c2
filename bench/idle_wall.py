#!/usr/bin/env python3
"""Estimates the wall time a command would take on an idle 2-core machine, on a loaded one.

Runs the command and samples its threads every ~1 ms: which are runnable (state R in
/proc/<pid>/task/<tid>/stat) and how much CPU each has used (schedstat, ns). Each
interval's CPU is divided by min(runnable threads, 2) (an interval with none runnable counts
its wall). Prints the wall, the CPU, that estimate, and the CPU spent while exactly one
thread was runnable (a core left idle on an idle machine). The sampler takes some CPU
itself; compare binaries alternately, several runs each.

    bench/idle_wall.py build/firefly build --site corpus --out /dev/shm/out --jobs 2 --quiet
"""
import os
import subprocess
import sys
import time


def main() -> None:
    cores = int(os.environ.get("CORES", "2"))
    start = time.monotonic()
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[str, int] = {}
    estimate = one = total = 0.0
    last = time.monotonic()
    runnable_before = 1
    while proc.poll() is None:
        runnable, cpu_ns = 0, 0
        try:
            tids = os.listdir(f"/proc/{proc.pid}/task")
        except OSError:
            break
        for tid in tids:
            try:
                with open(f"/proc/{proc.pid}/task/{tid}/stat", "rb") as f:
                    stat = f.read()
                with open(f"/proc/{proc.pid}/task/{tid}/schedstat", "rb") as f:
                    ns = int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                continue
            end = stat.rindex(b")")
            runnable += stat[end + 2:end + 3] == b"R"
            cpu_ns += ns - seen.get(tid, 0)
            seen[tid] = ns
        now = time.monotonic()
        interval, last = now - last, now
        cpu = cpu_ns / 1e9
        total += cpu
        # A thread that ran in the interval was runnable at one of its ends.
        k = max(runnable, runnable_before)
        runnable_before = runnable
        if k == 0:
            estimate += interval
        else:
            estimate += cpu / min(k, cores)
            if k == 1:
                one += cpu
        time.sleep(0.001)
    wall = time.monotonic() - start
    print(f"wall {wall:.3f} cpu {total:.3f} est_quiet {estimate:.3f} one_runnable_cpu {one:.3f}")
    sys.exit(proc.wait())


if __name__ == "__main__":
    main()
