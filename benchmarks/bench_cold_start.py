"""Whole-process cold start: ``import canjapan``, load the bundled data, one query.

Reported as a ratio to ``python -c "import attrs, cattrs"`` measured in the same
run (median of several runs each, interleaved so both see the same machine load).
Target: at most 1.25x.

Both commands run with bytecode caching allowed (``PYTHONDONTWRITEBYTECODE`` is
removed from their environment), as for any installed package: the warm-up run
writes the ``.pyc`` files, so the figures measure starting a process, not
compiling the library's source.

Run: ``python benchmarks/bench_cold_start.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BASELINE = "import attrs, cattrs"
WORKLOAD = "import canjapan; canjapan.load().agreements_in_force('2020-01-01')"
TARGET = 1.25


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    _time(WORKLOAD)  # warm the bytecode caches
    _time(BASELINE)
    base: list[float] = []
    work: list[float] = []
    for _ in range(args.runs):
        base.append(_time(BASELINE))
        work.append(_time(WORKLOAD))
    b, w = statistics.median(base), statistics.median(work)
    ratio = w / b
    print(f"baseline  python -c {BASELINE!r}: median {b * 1000:.1f} ms over {args.runs} runs")
    print(f"canjapan  import + load + in-force query: median {w * 1000:.1f} ms")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
