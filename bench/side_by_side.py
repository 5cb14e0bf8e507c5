#!/usr/bin/env python3
"""Times whole commands side by side: each run goes through every command once, in turn,
so a busy moment of the machine falls on all of them alike.

    bench/side_by_side.py RUNS 'COMMAND A' 'COMMAND B' [...]

Each command is a shell string, run once untimed first (to warm the page cache), then
RUNS times; prints each one's median and minimum wall time in ms, and each median's
ratio to the first command's.
"""

import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = sys.argv[2:]
    quiet = {"shell": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    for command in commands:
        subprocess.run(command, **quiet)
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, **quiet)
            times[i].append((time.perf_counter() - start) * 1000)
    first = statistics.median(times[0])
    for command, t in zip(commands, times):
        median = statistics.median(t)
        print(f"{median:9.2f} ms  (min {min(t):8.2f})  {median / first:5.2f}x  {command}")


if __name__ == "__main__":
    main()
