"""Parse speed of canjapan's EDTF dates against the ``edtf`` package, and import cost.

Parses the same mixed EDTF strings (days, months, years, seasons, qualifiers,
unspecified digits, closed, open and unknown intervals) with ``canjapan`` and with
``edtf`` in one run, and prints the time per string of each and their ratio (the
target is at least 20x). ``PartialDate.parse`` has no cache, and every string is
parsed from scratch on both sides. Then measures what ``canjapan._dates`` adds to
``import canjapan`` with ``python -X importtime``.

Run from the repository root (``edtf`` comes with the ``dev`` extra)::

    python benchmarks/bench_dates.py              # 100,000 strings (edtf takes minutes)
    python benchmarks/bench_dates.py --count 5000 # a quick run
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from canjapan import DateInterval, PartialDate  # noqa: E402

TARGET = 20.0


def _day(rng: random.Random) -> str:
    year, month = rng.randint(1850, 2030), rng.randint(1, 12)
    last = (30, 31)[month in (1, 3, 5, 7, 8, 10, 12)] if month != 2 else 28
    return f"{year:04d}-{month:02d}-{rng.randint(1, last):02d}"


def _date(rng: random.Random, *, seasons: bool = True) -> str:
    """One date, in the proportions a curated dataset has: mostly days and months."""
    year = rng.randint(1850, 2030)
    roll = rng.random()
    if roll < 0.45:
        text = _day(rng)
    elif roll < 0.65:
        text = f"{year:04d}-{rng.randint(1, 12):02d}"
    elif roll < 0.77:
        text = f"{year:04d}"
    elif roll < 0.84 and seasons:
        return f"{year:04d}-{rng.randint(21, 24)}"  # edtf refuses qualified seasons
    elif roll < 0.89:
        text = f"{year:04d}-{rng.randint(1, 12):02d}-XX"
    elif roll < 0.93:
        text = f"{year:04d}-XX"
    elif roll < 0.97:
        text = f"{year // 10:03d}X"
    else:
        text = f"{year:04d}-XX-XX"
    if rng.random() < 0.15:
        text += rng.choice("?~%")
    return text


def _interval(rng: random.Random) -> str:
    """An interval of two plain or qualified dates, or with an open or unknown end."""
    roll = rng.random()
    if roll < 0.6:
        a, b = sorted((_day(rng), _day(rng)))
        if rng.random() < 0.5:  # a coarser start or end
            a, b = a[:7], b[: rng.choice((4, 7, 10))]
        if rng.random() < 0.15:
            b += rng.choice("?~%")
        return f"{a}/{b}"
    known = _day(rng)[: rng.choice((4, 7, 10))]
    if roll < 0.75:
        return f"{known}/.."
    if roll < 0.85:
        return f"../{known}"
    if roll < 0.95:
        return f"{known}/"
    return f"/{known}"


def mixed_strings(count: int, seed: int = 2024) -> list[str]:
    """``count`` EDTF strings, 85% dates and 15% intervals, all valid for both parsers."""
    rng = random.Random(seed)
    return [_interval(rng) if rng.random() < 0.15 else _date(rng) for _ in range(count)]


def parse_canjapan(text: str) -> PartialDate | DateInterval:
    """canjapan's parse of any date or interval string (edtf's parse_edtf does the same)."""
    return DateInterval.parse(text) if "/" in text else PartialDate.parse(text)


def _time(parse: Callable[[str], object], strings: list[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    for text in strings:
        parse(text)
    return time.perf_counter() - start


def _load_edtf() -> Callable[[str], object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyparsing diagnostics at import
        try:
            from edtf import parse_edtf
        except ImportError:
            sys.exit("the edtf package is not installed: pip install -e '.[dev]'")
    sink = io.StringIO()

    def parse(text: str) -> object:
        with contextlib.redirect_stdout(sink):  # edtf prints while parsing some forms
            return parse_edtf(text)

    return parse


def _importtime(env: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Self and cumulative microseconds of each module of ``import canjapan``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import canjapan"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    times: dict[str, tuple[int, int]] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line.removeprefix("import time:").split("|")
        times[name.strip()] = (int(self_us), int(cumulative))
    return times


def report_import(runs: int) -> None:
    """Median import cost of canjapan._dates, with and without cached bytecode."""
    with tempfile.TemporaryDirectory() as cache:
        base = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        warm = {**base, "PYTHONPYCACHEPREFIX": cache}
        cold = {**base, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": cache + "/none"}
        _importtime(warm)  # writes the bytecode cache
        for label, env in (("cached bytecode (installed)", warm), ("no bytecode cache", cold)):
            samples = [_importtime(env) for _ in range(runs)]
            dates_self = statistics.median(s["canjapan._dates"][0] for s in samples)
            dates_cum = statistics.median(s["canjapan._dates"][1] for s in samples)
            total = statistics.median(s["canjapan"][1] for s in samples)
            print(
                f"import, {label}: canjapan._dates {dates_self / 1000:.2f} ms self, "
                f"{dates_cum / 1000:.2f} ms cumulative, of import canjapan "
                f"{total / 1000:.1f} ms ({100 * dates_self / total:.1f}%), median of {runs}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="strings to parse")
    parser.add_argument("--repeat", type=int, default=5, help="canjapan runs (median kept)")
    parser.add_argument("--import-runs", type=int, default=7, help="importtime runs")
    args = parser.parse_args()

    strings = mixed_strings(args.count)
    intervals = sum("/" in s for s in strings)
    print(
        f"{len(strings):,} mixed EDTF strings ({intervals:,} intervals), "
        f"Python {sys.version.split()[0]}"
    )
    ours = statistics.median(_time(parse_canjapan, strings) for _ in range(args.repeat))
    edtf_parse = _load_edtf()
    print("parsing with edtf (one run)...", flush=True)
    theirs = _time(edtf_parse, strings)
    n = len(strings)
    print(
        f"canjapan: {ours:8.3f} s  {ours / n * 1e6:9.2f} us/string (median of {args.repeat} runs)"
    )
    print(f"edtf:     {theirs:8.3f} s  {theirs / n * 1e6:9.2f} us/string")
    ratio = theirs / ours
    verdict = "meets" if ratio >= TARGET else "MISSES"
    print(
        f"ratio:    canjapan is {ratio:,.0f}x faster than edtf ({verdict} the {TARGET:.0f}x target)"
    )
    report_import(args.import_runs)


if __name__ == "__main__":
    main()
