"""Report the agreements in force on a date, with the reason for each answer.

Usage::

    python examples/in_force_report.py                  # today
    python examples/in_force_report.py 2019-07-15       # a day
    python examples/in_force_report.py 2019-07          # every day of a month
    python examples/in_force_report.py 2020 --data tests/data/mini.json

Agreements whose status on the date is undetermined (for example one that entered
into force in July 2019, asked about 15 July) are listed apart as *possibly* in
force, each with the reason.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

import canjapan


def report(dataset: canjapan.Dataset, on: str) -> str:
    """The text of the report for one date."""
    result = dataset.agreements_in_force(on, include_possible=True)
    lines = [
        f"Agreements in force on {result.on}",
        f"{dataset.name} {dataset.version}, data as of {result.as_of.isoformat()}",
        "",
    ]
    if result.after_as_of:
        lines += [
            "Note: the date is after the data's as-of date; agreements without a",
            "recorded termination are presumed to continue.",
            "",
        ]
    for heading, agreements in (
        ("In force", result.certain),
        ("Possibly in force (undetermined)", result.possible),
    ):
        lines.append(f"{heading}: {len(agreements)}")
        for agreement in agreements:
            status = agreement.status_on(on)
            lines.append(f"  {agreement.id}")
            lines.append(f"      {agreement.title}")
            lines.append(f"      {status.reason}")
        lines.append("")
    others = len(dataset.agreements) - len(result)
    lines.append(f"Not in force: {others} of {len(dataset.agreements)} agreements")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and print the report; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "date", nargs="?", help="a date: 2019-07-15, 2019-07, 2019 (default: today)"
    )
    parser.add_argument("--data", metavar="PATH", help="a dataset file or directory")
    args = parser.parse_args(argv)
    on = args.date or date.today().isoformat()
    try:
        canjapan.PartialDate.parse(on)
        dataset = canjapan.load(args.data) if args.data else canjapan.load()
    except canjapan.DateParseError as exc:
        parser.error(str(exc))
    except (canjapan.CanjapanError, OSError) as exc:
        print(f"in_force_report: {exc}", file=sys.stderr)
        return 1
    print(report(dataset, on))
    return 0


if __name__ == "__main__":
    sys.exit(main())
