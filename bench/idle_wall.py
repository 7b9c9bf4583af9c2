#!/usr/bin/env python3
"""Estimates the wall time a command would take on an idle 2-core machine, on a loaded one.

Runs the command and samples its threads every ~1 ms: which are runnable (state R in
/proc/<pid>/task/<tid>/stat) and how much CPU each has used (schedstat, ns). Each
interval's CPU is divided by min(runnable threads, 2) (an interval with none runnable counts
its wall). Prints the wall, the CPU, that estimate, and the CPU spent while exactly one
thread was runnable (a core left idle on an idle machine), then the command's user + system
seconds and its system seconds alone (getrusage), and the seconds its threads spent
runnable but waiting for a core (schedstat's second field: how loaded the machine was
during the run, not part of the estimate). The sampler takes some CPU itself; compare
binaries alternately, several runs each.

    bench/idle_wall.py build/firefly build --site corpus --out /dev/shm/out --jobs 2 --quiet
    bench/idle_wall.py --out=FILE COMMAND...   # the line written to FILE instead of stdout
"""
import os
import resource
import subprocess
import sys
import time


def main() -> None:
    cores = int(os.environ.get("CORES", "2"))
    command, out = sys.argv[1:], None
    if command and command[0].startswith("--out="):
        out = command.pop(0)[len("--out="):]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[str, int] = {}
    waited: dict[str, int] = {}
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
                    fields = f.read().split()
                ns, wait_ns = int(fields[0]), int(fields[1])
            except (OSError, ValueError, IndexError):
                continue
            end = stat.rindex(b")")
            runnable += stat[end + 2:end + 3] == b"R"
            cpu_ns += ns - seen.get(tid, 0)
            seen[tid] = ns
            waited[tid] = wait_ns
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
    code = proc.wait()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sys_s = after.ru_stime - children.ru_stime
    user_sys = after.ru_utime - children.ru_utime + sys_s
    wait = sum(waited.values()) / 1e9
    line = (f"wall {wall:.5f} cpu {total:.5f} est_quiet {estimate:.5f} one_runnable_cpu {one:.5f} "
            f"user_sys {user_sys:.5f} sys {sys_s:.5f} waited {wait:.5f}")
    if out:
        with open(out, "w") as f:
            print(line, file=f)
    else:
        print(line)
    sys.exit(code)


if __name__ == "__main__":
    main()
