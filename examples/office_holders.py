"""Show who held offices through time: each recorded term, then a year-by-year table.

Usage::

    python examples/office_holders.py                       # the six main offices
    python examples/office_holders.py jpn-minister-of-defense --from 2018 --to 2026
    python examples/office_holders.py jpn-pm --data tests/data/mini.json

Terms keep the precision of their sources: a term whose start or end is not
recorded says so, and days on which a source shows the person in office are
listed as *attested*. The yearly table shows who certainly held the office on
1 July; with ``--include-possible`` it adds, marked ``?``, the people whose terms
are too vaguely recorded to rule them in or out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import canjapan

MAIN_POSTS = (
    "can-prime-minister",
    "jpn-prime-minister",
    "can-minister-of-foreign-affairs",
    "jpn-minister-for-foreign-affairs",
    "can-minister-of-national-defence",
    "jpn-minister-of-defense",
)


def terms(dataset: canjapan.Dataset, post: canjapan.Post) -> list[str]:
    """One line per recorded term of the post, earliest first."""
    rows = []
    for person in dataset.people:
        for tenure in person.tenures:
            if tenure.post != post.id:
                continue
            first = tenure.start or (tenure.attested[0] if tenure.attested else None)
            key = first.sort_key() if first else (0, 0, "")
            start = str(tenure.start) if tenure.start else "start unknown"
            if tenure.end is not None:
                end = str(tenure.end)
            else:
                end = "ongoing" if tenure.ongoing else "end unknown"
            line = f"  {person.name:<20} {start:>13} -> {end}"
            if tenure.attested:
                line += "  (attested " + ", ".join(str(d) for d in tenure.attested) + ")"
            rows.append((key, line))
    return [line for _, line in sorted(rows)]


def by_year(
    dataset: canjapan.Dataset,
    post: canjapan.Post,
    first: int,
    last: int,
    *,
    include_possible: bool = False,
) -> list[str]:
    """Who held the post on 1 July of each year."""
    lines = []
    for year in range(first, last + 1):
        day = f"{year}-07-01"
        result = dataset.office_holders(post.id, day, include_possible=include_possible)
        names = [h.person.name for h in result.certain]
        names += [f"{h.person.name}?" for h in result.possible]
        lines.append(f"  {day}  {', '.join(names) if names else '(not recorded)'}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and print the offices; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", nargs="*", metavar="POST", help="post ids (default: six offices)")
    parser.add_argument("--from", dest="first", type=int, help="first year of the table")
    parser.add_argument("--to", dest="last", type=int, help="last year of the table")
    parser.add_argument(
        "--include-possible", action="store_true", help="also list possible holders, marked ?"
    )
    parser.add_argument("--data", metavar="PATH", help="a dataset file or directory")
    args = parser.parse_args(argv)
    try:
        dataset = canjapan.load(args.data) if args.data else canjapan.load()
        wanted = args.posts or [p for p in MAIN_POSTS if p in dataset]
        posts = [dataset.get(p) for p in wanted]
    except (canjapan.CanjapanError, OSError) as exc:
        print(f"office_holders: {exc}", file=sys.stderr)
        return 1
    first = args.first if args.first is not None else 2009
    last = args.last if args.last is not None else dataset.as_of.year
    for post in posts:
        if not isinstance(post, canjapan.Post):
            print(f"office_holders: {post.id!r} is not a post", file=sys.stderr)
            return 1
        print(f"{post.title} [{post.id}]")
        print("\n".join(terms(dataset, post)) or "  (no recorded terms)")
        table = by_year(dataset, post, first, last, include_possible=args.include_possible)
        print("\n".join(table))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
