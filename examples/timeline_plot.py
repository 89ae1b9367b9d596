"""Draw a timeline of the relationship to a PNG file (needs the ``plot`` extra).

Usage::

    python examples/timeline_plot.py                          # into a temporary folder
    python examples/timeline_plot.py timeline.png --from 2018 --to 2026
    python examples/timeline_plot.py out.png --data tests/data/mini.json

The script prints the path of the file it wrote. Partial dates are drawn over
every day they can be, so an entry into force known only to the month shows as
a month-wide band rather than a guessed day.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import canjapan


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, draw the figure and save it; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out", nargs="?", type=Path, help="the PNG file to write (default: in a temporary folder)"
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="first date shown")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last date shown")
    parser.add_argument("--dpi", type=int, default=120, help="resolution (default: 120)")
    parser.add_argument("--data", metavar="PATH", help="a dataset file or directory")
    args = parser.parse_args(argv)
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="canjapan-")) / "timeline.png"
    try:
        for bound in (args.start, args.end):
            if bound is not None:
                canjapan.PartialDate.parse(bound)
        from canjapan.plot import timeline

        dataset = canjapan.load(args.data) if args.data else canjapan.load()
        figure = timeline(dataset, start=args.start, end=args.end)
    except canjapan.DateParseError as exc:
        parser.error(str(exc))
    except (canjapan.CanjapanError, OSError) as exc:
        print(f"timeline_plot: {exc}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=args.dpi)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
