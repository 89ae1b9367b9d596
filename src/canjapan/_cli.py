"""The ``canjapan`` command line.

Exit codes: 0 success, 1 not found or invalid data, 2 bad usage. Errors go to
standard error on one line. The commands that answer a question print an aligned
table (rendered by ``canjapan._tables``, as ``str()`` of a result is), JSON with
``--format json`` or ``--json``, or CSV with ``--format csv``, and take ``--limit N``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from canjapan._tables import (
    HELD,
    POSSIBLY_HELD,
    Grid,
    SnapshotItem,
    holders_grid,
    holders_heading,
    in_force_grid,
    more_line,
    nobody,
    record_grids,
    render,
    search_grid,
    snapshot_grid,
    snapshot_items,
    timeline_grid,
)
from canjapan.exceptions import (
    CanjapanError,
    DatasetError,
    DateParseError,
    FilterError,
    UnknownIdError,
    _printable,
)

if TYPE_CHECKING:
    from canjapan._dataset import Dataset
    from canjapan._model import Agreement
    from canjapan._results import Snapshot

__all__ = ["main"]

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _date_arg(text: str) -> str:
    from canjapan._dates import day_bounds

    try:
        day_bounds(text)
    except (DateParseError, TypeError):
        msg = (
            f"invalid date {text!r}: expected one date such as 2019-07-01, 2019-07 or 2019 "
            "(EDTF: 2019-07~ approximate, 2019-07? uncertain, 2012-23 autumn)"
        )
        raise argparse.ArgumentTypeError(msg) from None
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


EXAMPLES: Final = {
    "in-force": "canjapan in-force 2020-01-01 --include-possible",
    "holders": 'canjapan holders "Prime Minister of Japan" 2021-06-01',
    "timeline": "canjapan timeline --from 2023 --to 2023 --kind exercise --country AUS",
    "posts": "canjapan posts --json",
    "kinds": "canjapan kinds",
    "people": "canjapan people kishida",
    "show": "canjapan show ACSA",
    "search": 'canjapan search "Keen Sword"',
    "snapshot": "canjapan snapshot 2012-03-25",
    "export": "canjapan export --format csv --out out/\n"
    "  canjapan export --format ics --out calendar/\n"
    "  canjapan export --format parquet --out tables/ --force",
    "validate": "canjapan validate my-dataset.json",
    "schema": "canjapan schema > canjapan.schema.json",
    "plot": "canjapan plot --out timeline.png --from 2018 --to 2026",
    "verify-citations": "canjapan verify-citations --corpus texts/",
}
"""Examples of each command (one a line), shown at the end of its --help."""

QUERY_COMMANDS: Final = frozenset(
    {"in-force", "holders", "timeline", "posts", "kinds", "people", "show", "search", "snapshot"}
)
"""The commands that answer a question: they take --format and --limit."""
OUTPUT_HELP: Final = """\
output:
  --format table  an aligned table that fits the terminal (COLUMNS, else its
                  width, else 80 columns), long names shortened with "…"
  --format json   JSON; --json is short for it; unknown values are null
  --format csv    CSV (RFC 4180): a header row, then one row a table row with
                  the table's columns plus ids; unknown values are empty
  --limit N       at most N rows (N >= 1); a table then ends with a line
                  saying how many more there are
  In every format a state is written the same way: agreements "in force" or
  "undetermined", holders "held" or "possibly held".

"""


def _discovery_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The commands that list what the other commands accept: posts, kinds, people."""
    command("posts", "List the posts (offices), with the period whose holders are all recorded.")
    command("kinds", "List the event, milestone and agreement kinds that filters accept.")
    p = command("people", "List the people, or those whose name or id contains TEXT.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="part of a name or id, e.g. kishida")


def _timeline_options(p: argparse.ArgumentParser) -> None:
    """The filters of the timeline command."""
    p.add_argument(
        "--from", dest="start", type=_date_arg, metavar="DATE", help="first date (EDTF or ISO)"
    )
    p.add_argument(
        "--to", dest="end", type=_date_arg, metavar="DATE", help="last date (EDTF or ISO)"
    )
    p.add_argument("--kind", action="append", help="keep this milestone or event kind (repeatable)")
    p.add_argument(
        "--participant", metavar="ID", help="keep entries with this person or organisation"
    )
    p.add_argument("--country", metavar="CODE", help="keep entries involving this alpha-3 code")
    p.add_argument("--place", metavar="ID", help="keep entries at this place")
    p.add_argument("--domain", help="keep events in this domain (land, sea, air, cyber, space)")
    p.add_argument(
        "--include-straddling",
        action="store_true",
        help="keep entries whose partial date may fall on either side of a bound",
    )


def _output_options(p: argparse.ArgumentParser, default_limit: int | None) -> None:
    """--format and --limit, which every query command takes."""
    p.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        help="print an aligned table (the default), JSON or CSV",
    )
    p.add_argument(
        "--limit",
        type=_positive_int,
        default=default_limit,
        metavar="N",
        help=f"at most N rows (default: {default_limit or 'all'})",
    )


def _export_command(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command(
        "export",
        "Export the dataset as JSON, CSV, a Frictionless Data Package, an iCalendar file "
        "or Parquet tables.",
    )
    p.add_argument(
        "--format",
        choices=["json", "csv", "datapackage", "ics", "parquet"],
        required=True,
        help="what to write (parquet needs the parquet extra)",
    )
    p.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write into (empty or new)"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty, replacing files of the same names",
    )


def _build_parser() -> argparse.ArgumentParser:
    def global_options(parser: argparse.ArgumentParser, default: object) -> None:
        parser.add_argument(
            "--json", action="store_true", default=default, help="print JSON instead of a table"
        )
        parser.add_argument(
            "--data",
            metavar="PATH",
            default=default,
            help="use the dataset at PATH (a JSON file or a directory) instead of the bundled one",
        )

    # The options are accepted before and after the command; the copy on each
    # command defaults to SUPPRESS so that it never overwrites one given before it.
    common = _Parser(add_help=False)
    global_options(common, argparse.SUPPRESS)
    parser = _Parser(
        prog="canjapan",
        description="The Canada-Japan defence and security relationship as data.",
    )
    global_options(parser, None)
    parser.set_defaults(json=False)
    from canjapan import __version__

    parser.add_argument("--version", action="version", version=f"canjapan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, help: str) -> argparse.ArgumentParser:
        query = name in QUERY_COMMANDS
        heading = "examples" if "\n" in EXAMPLES[name] else "example"
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            parents=[common],
            epilog=(OUTPUT_HELP if query else "") + f"{heading}:\n  {EXAMPLES[name]}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if query:
            _output_options(p, default_limit=10 if name == "search" else None)
        return p

    p = command("in-force", "List the agreements in force on a date (default: today).")
    p.add_argument("date", nargs="?", type=_date_arg, help="a date: 2019-07-15, 2019-07, 2019")
    p.add_argument(
        "--include-possible",
        action="store_true",
        help="also list agreements whose status on the date is undetermined",
    )
    p = command("holders", "List who held an office on a date (default: today).")
    p.add_argument(
        "post",
        help="a post id or title: can-prime-minister, 'Prime Minister of Canada'",
    )
    p.add_argument("date", nargs="?", type=_date_arg, help="a date (default: today)")
    p.add_argument("--include-possible", action="store_true", help="also list possible holders")
    _timeline_options(command("timeline", "List agreement milestones and events in date order."))
    _discovery_commands(command)
    p = command("show", "Show one record by id or by a name it is known by (e.g. ACSA).")
    p.add_argument("id", metavar="ID_OR_NAME", help="an id, abbreviation or name: acsa, ACSA")
    p = command("search", "Search records by title, name, alias or abbreviation.")
    p.add_argument("text", help="words, an abbreviation or a name")
    p = command("snapshot", "Show the state of the relationship on a date (default: today).")
    p.add_argument("date", nargs="?", type=_date_arg, help="a date (default: today)")
    _export_command(command)
    p = command("validate", "Check a dataset file or directory; list every problem.")
    p.add_argument("path", help="a dataset: a JSON file or a directory")
    command("schema", "Print the JSON Schema of the dataset format.")
    p = command("plot", "Draw a timeline plot to a PNG file (needs the plot extra).")
    p.add_argument("--out", required=True, metavar="FILE.png", help="the image to write")
    p.add_argument("--from", dest="start", type=_date_arg, metavar="DATE", help="first date shown")
    p.add_argument("--to", dest="end", type=_date_arg, metavar="DATE", help="last date shown")
    p = command(
        "verify-citations",
        "Check that every quote of a source whose text is in DIR appears in it verbatim.",
    )
    p.add_argument(
        "--corpus", required=True, metavar="DIR", help="the folder of the sources' texts"
    )
    return parser


# -- output helpers ------------------------------------------------------------------------


def _emit_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _emit_csv(grid: Grid, out: TextIO) -> None:
    """The grid as CSV (RFC 4180): a header row, one row a table row, CRLF line ends,
    every column including the CSV-only ids; an unknown value is an empty cell."""
    import csv

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(grid.headers)
    writer.writerows(["" if c is None else c for c in row] for row in grid.rows)


def _emit_table(grid: Grid, limit: int | None, out: TextIO, empty: str = "(none)\n") -> None:
    """The first ``limit`` rows as an aligned table, then a line saying how many more
    there are when some were left out; ``empty`` when there are no rows."""
    if not grid.rows:
        out.write(empty)
        return
    out.write(render(grid.head(limit)))
    if limit is not None and len(grid.rows) > limit:
        out.write(more_line(len(grid.rows) - limit, len(grid.rows)))


def _fmt(args: argparse.Namespace) -> str:
    """The output format asked for: ``table``, ``json`` or ``csv``."""
    return "json" if args.json else (args.format or "table")


def _record_json(record: Any) -> Any:
    from canjapan._converter import _converter

    return _converter().unstructure(record, type(record))


def _today_or(value: str | None) -> str:
    return value if value is not None else date.today().isoformat()


def _text(value: object) -> str | None:
    """A value for JSON: its text, or ``null`` when unknown."""
    return None if value is None else str(value)


# -- commands ---------------------------------------------------------------------------


def _in_force(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    result = ds.agreements_in_force(on, include_possible=args.include_possible)
    limit = args.limit
    fmt = _fmt(args)
    if fmt == "json":
        certain = result.certain[:limit]
        left = None if limit is None else limit - len(certain)
        _emit_json(
            {
                "on": result.on,
                "as_of": result.as_of.isoformat(),
                "in_force": [_agreement_row(a, on) for a in certain],
                "possibly_in_force": [_agreement_row(a, on) for a in result.possible[:left]],
            },
            out,
        )
        return EXIT_OK
    grid = in_force_grid(result)
    if fmt == "csv":
        _emit_csv(grid.head(limit), out)
        return EXIT_OK
    out.write(f"Agreements in force on {result.on} (data as of {result.as_of.isoformat()})\n")
    if result.after_as_of:
        out.write(
            "Note: the date is after the data's as-of date; agreements are presumed to continue.\n"
        )
    _emit_table(grid, limit, out)
    if not args.include_possible:
        hidden = len(ds.agreements_in_force(on, include_possible=True).possible)
        if hidden:
            out.write(
                f"\n({hidden} more may be in force: their status on this date is "
                "undetermined; see --include-possible)\n"
            )
    return EXIT_OK


def _agreement_row(a: Agreement, on: str) -> dict[str, Any]:
    status = a.status_on(on)
    return {
        "id": a.id,
        "title": a.title,
        "signed": _text(a.signed),
        "entered_into_force": _text(a.entered_into_force),
        "status": status.state.value,
        "reason": status.reason,
    }


def _holders(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    post = ds.lookup(args.post)
    result = ds.office_holders(post.id, on, include_possible=args.include_possible)
    grid = holders_grid(result)
    fmt = _fmt(args)
    if fmt == "json":
        holders = [
            (status, h)
            for status, group in ((HELD, result.certain), (POSSIBLY_HELD, result.possible))
            for h in group
        ]
        _emit_json(
            {
                "post": result.post.id,
                "on": result.on,
                "as_of": result.as_of.isoformat(),
                "state": result.state.value,
                "holders": [
                    {
                        "id": h.person.id,
                        "name": h.person.name,
                        "start": _text(h.tenure.start),
                        "end": _text(h.tenure.end),
                        "ongoing": h.tenure.ongoing,
                        "status": status,
                    }
                    for status, h in holders[: args.limit]
                ],
            },
            out,
        )
        return EXIT_OK
    if fmt == "csv":
        _emit_csv(grid.head(args.limit), out)
        return EXIT_OK
    out.write(holders_heading(result))
    _emit_table(grid, args.limit, out, empty=f"({nobody(result)})\n")
    if not args.include_possible:
        hidden = len(ds.office_holders(post.id, on, include_possible=True).possible)
        if hidden:
            out.write(
                f"\n({hidden} more may have held it: their tenures may cover this date; "
                "see --include-possible)\n"
            )
    return EXIT_OK


def _timeline(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    entries = ds.timeline(
        args.start,
        args.end,
        kinds=args.kind,
        participant=args.participant,
        country=args.country,
        place=args.place,
        domain=args.domain,
        include_straddling=args.include_straddling,
    )
    fmt = _fmt(args)
    if fmt == "json":
        _emit_json(
            [
                {
                    "date": str(e.date),
                    "end": _text(e.end),
                    "kind": e.kind,
                    "id": e.record.id,
                    "title": e.title,
                }
                for e in entries[: args.limit]
            ],
            out,
        )
        return EXIT_OK
    grid = timeline_grid(entries)
    if fmt == "csv":
        _emit_csv(grid.head(args.limit), out)
    else:
        _emit_table(grid, args.limit, out)
    return EXIT_OK


def _show(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    record = ds.lookup(args.id)
    data = _record_json(record)
    fmt = _fmt(args)
    if fmt == "json":
        _emit_json(data, out)
        return EXIT_OK
    if fmt == "csv":
        rows = tuple((record.id, path, value) for path, value in _leaves(data) if path != "id")
        _emit_csv(Grid(headers=("id", "field", "value"), rows=rows).head(args.limit), out)
        return EXIT_OK
    out.write(f"{type(record).__name__} {record.id}\n")
    for title, grid in record_grids(data):
        if title:
            out.write(f"\n{title} ({len(grid.rows)})\n")
        _emit_table(grid, args.limit, out)
    return EXIT_OK


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, str | None]]:
    """``(path, text)`` for every value inside a record's JSON form, with paths such
    as ``milestones[1].citations[0].quote``; a list of plain values is one leaf,
    its items joined with ", "."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    elif isinstance(value, list):
        yield path, ", ".join(str(v) for v in value)
    elif isinstance(value, bool):
        yield path, "true" if value else "false"
    else:
        yield path, _text(value)


def _search(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    hits = ds.search(args.text, limit=None)
    limit = args.limit
    fmt = _fmt(args)
    grid = search_grid(hits)
    if fmt == "json":
        _emit_json(
            [
                dict(zip(["id", "type", "name", "matched", "score"], r, strict=True))
                for r in grid.head(limit).rows
            ],
            out,
        )
    elif fmt == "csv":
        _emit_csv(grid.head(limit), out)
    elif hits:
        _emit_table(grid, limit, out)
    else:
        _error(f"canjapan: nothing matches {args.text!r}")
    return EXIT_OK if hits else EXIT_NOT_FOUND


def _snapshot(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    snap = ds.snapshot(on)
    items = snapshot_items(snap)[: args.limit]
    fmt = _fmt(args)
    if fmt == "json":
        _emit_json(_snapshot_json(snap, items), out)
        return EXIT_OK
    if fmt == "csv":
        _emit_csv(snapshot_grid(items), out)
        return EXIT_OK
    out.write(f"The relationship on {snap.on} (data as of {snap.as_of.isoformat()})\n\n")
    _emit_table(snapshot_grid(snapshot_items(snap)), args.limit, out)
    return EXIT_OK


def _snapshot_json(snap: Snapshot, items: Sequence[SnapshotItem]) -> dict[str, Any]:
    """The snapshot's JSON, holding the items given (all, or the first ``--limit``)."""
    ids: dict[str, list[str]] = {
        s: [] for s in ("in_force", "possibly_in_force", "mechanisms", "events_on", "in_progress")
    }
    holders: dict[str, dict[str, Any]] = {}
    single: dict[str, str | None] = {"last_event": None, "next_event": None}
    for section, status, record, office in items:
        if office is not None:
            entry = holders.setdefault(
                office.post.id, {"state": office.state.value, "certain": [], "possible": []}
            )
            if record is not None:
                entry["certain" if status == HELD else "possible"].append(record.id)
        elif section in single:
            single[section] = record.id
        else:
            ids[section].append(record.id)
    return {
        "on": snap.on,
        "as_of": snap.as_of.isoformat(),
        "in_force": ids["in_force"],
        "possibly_in_force": ids["possibly_in_force"],
        "mechanisms": ids["mechanisms"],
        "office_holders": holders,
        "events_on": ids["events_on"],
        "in_progress": ids["in_progress"],
        "last_event": single["last_event"],
        "next_event": single["next_event"],
    }


def _export(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from canjapan._export import export
    from canjapan.exceptions import DirectoryNotEmptyError, MissingExtraError

    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingExtraError(
                "canjapan export --format parquet", "parquet", "pyarrow"
            ) from None
    try:
        written = export(ds, args.out, fmt=args.format, force=args.force)
    except DirectoryNotEmptyError as exc:
        # A usage error: the same command with --force, or another folder, succeeds.
        _error(
            f"canjapan export: error: {exc.path} is not empty ({len(exc.entries)} entries); "
            "pass --force to write into it"
        )
        return EXIT_USAGE
    if args.json:
        _emit_json([str(p) for p in written], out)
    else:
        for p in written:
            out.write(f"{p}\n")
    return EXIT_OK


def _validate(args: argparse.Namespace, _: Dataset | None, out: TextIO) -> int:
    from canjapan import load

    try:
        ds = load(args.path)
    except DatasetError as exc:
        if args.json:
            _emit_json(
                {
                    "valid": False,
                    "problems": [
                        {
                            "collection": p.collection,
                            "record": p.record,
                            "path": p.path,
                            "message": p.message,
                        }
                        for p in exc.problems
                    ],
                },
                out,
            )
        else:
            for p in exc.problems:
                out.write(f"{p}\n")
            _error(f"canjapan: {args.path}: {len(exc.problems)} problem(s)")
        return EXIT_NOT_FOUND
    if args.json:
        _emit_json({"valid": True, "records": len(ds)}, out)
    else:
        out.write(f"{args.path}: valid ({len(ds)} records, as of {ds.as_of.isoformat()})\n")
    return EXIT_OK


def _schema(_: argparse.Namespace, __: Dataset | None, out: TextIO) -> int:
    from canjapan import schema

    _emit_json(schema(), out)
    return EXIT_OK


def _plot(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from pathlib import Path

    from canjapan._files import write_with
    from canjapan.exceptions import MissingExtraError
    from canjapan.plot import timeline

    try:
        from matplotlib.backend_bases import FigureCanvasBase
    except ImportError:
        raise MissingExtraError("canjapan plot", "plot", "matplotlib") from None

    path = Path(args.out)
    formats = sorted(FigureCanvasBase.get_supported_filetypes())
    fmt = path.suffix.lower().lstrip(".") or "png"  # no extension: a PNG, at that path
    if fmt not in formats:
        _error(
            f"canjapan plot: error: cannot write {path.suffix!r} files; "
            f"give --out one of: {', '.join('.' + f for f in formats)}"
        )
        return EXIT_USAGE
    fig = timeline(ds, start=args.start, end=args.end)
    # Written beside the target and renamed, so that a failure leaves no half-written file.
    write_with({path: lambda f: fig.savefig(f, dpi=120, format=fmt)})
    out.write(f"{path}\n")
    return EXIT_OK


def _verify(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from pathlib import Path

    from canjapan._verify import verify_citations

    if not Path(args.corpus).is_dir():
        _error(f"canjapan: corpus folder not found: {args.corpus}")
        return EXIT_NOT_FOUND
    report = verify_citations(ds, args.corpus)
    if args.json:
        _emit_json(
            {
                "checked": report.checked,
                "sources": list(report.sources),
                "missing": [
                    {"record": r, "path": p, "source": s, "quote": q}
                    for r, p, s, q in report.missing
                ],
                "unreadable": [
                    {"source": s, "file": f, "reason": why} for s, f, why in report.unreadable
                ],
            },
            out,
        )
    else:
        out.write(
            f"checked {report.checked} quote(s) from {len(report.sources)} source(s) "
            f"in {args.corpus}\n"
        )
        for rid, path, source, quote in report.missing:
            out.write(_printable(f"NOT FOUND {rid} {path} [{source}]: {quote}") + "\n")
        for source, file, why in report.unreadable:
            out.write(_printable(f"UNREADABLE {file} [{source}]: {why}") + "\n")
    return EXIT_OK if report.ok else EXIT_NOT_FOUND


def _posts(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    items: list[dict[str, Any]] = [
        {
            "id": p.id,
            "title": p.title,
            "country": p.country,
            "single_holder": p.single_holder,
            "complete_from": _text(p.complete_from),
            "complete_to": None
            if p.complete_from is None
            else str(p.complete_to or ds.as_of.isoformat()),
        }
        for p in ds.posts
    ]
    grid = Grid(
        headers=("id", "title", "country", "complete from", "complete to"),
        rows=tuple(
            (i["id"], i["title"], i["country"], i["complete_from"], i["complete_to"]) for i in items
        ),
    )
    return _discovery(args, items[: args.limit], grid, out)


def _discovery(args: argparse.Namespace, items: Any, grid: Grid, out: TextIO) -> int:
    """Print a discovery command's answer: ``items`` as JSON, else ``grid``."""
    fmt = _fmt(args)
    if fmt == "json":
        _emit_json(items, out)
    elif fmt == "csv":
        _emit_csv(grid.head(args.limit), out)
    else:
        _emit_table(grid, args.limit, out, empty="(nobody)\n")
    return EXIT_OK if grid.rows else EXIT_NOT_FOUND


def _kinds(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from canjapan._model import AgreementKind, EventKind, MilestoneKind

    rows = tuple(
        (what, k.value)
        for what, kinds in (
            ("event", EventKind),
            ("milestone", MilestoneKind),
            ("agreement", AgreementKind),
        )
        for k in kinds
    )
    kept: dict[str, list[str]] = {"event": [], "milestone": [], "agreement": []}
    for what, kind in rows[: args.limit]:
        kept[what].append(kind)
    return _discovery(args, kept, Grid(headers=("of", "kind"), rows=rows), out)


def _people(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from canjapan._search import _key, names_of

    wanted = None if args.text is None else _key(args.text)
    people = [
        p
        for p in ds.people
        if wanted is None
        or wanted in _key(p.id)
        or any(wanted in _key(name) for _, name, _ in names_of(p))
    ]
    items = [
        {"id": p.id, "name": p.name, "posts": list(dict.fromkeys(t.post for t in p.tenures))}
        for p in people
    ]
    grid = Grid(
        headers=("id", "name", "posts"),
        rows=tuple(
            (p.id, p.name, ", ".join(dict.fromkeys(t.post for t in p.tenures))) for p in people
        ),
    )
    return _discovery(args, items[: args.limit], grid, out)


_COMMANDS: dict[str, Callable[[argparse.Namespace, Any, TextIO], int]] = {
    "in-force": _in_force,
    "holders": _holders,
    "timeline": _timeline,
    "show": _show,
    "search": _search,
    "snapshot": _snapshot,
    "export": _export,
    "validate": _validate,
    "schema": _schema,
    "plot": _plot,
    "verify-citations": _verify,
    "posts": _posts,
    "kinds": _kinds,
    "people": _people,
}
_NO_DATASET = {"validate", "schema"}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    if out is None:
        out = sys.stdout
        _never_fail_to_encode(out)
    _never_fail_to_encode(sys.stderr)
    parser = _build_parser()
    try:
        with contextlib.redirect_stdout(out):  # --help and --version write to `out`
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command in QUERY_COMMANDS and args.json and args.format not in (None, "json"):
        _error(
            f"canjapan {args.command}: error: argument --format: --json asks for json, "
            f"--format for {args.format}; give one of them"
        )
        return EXIT_USAGE
    try:
        ds = None
        if args.command not in _NO_DATASET:
            from canjapan import load

            ds = load(args.data) if args.data else load()
        return _COMMANDS[args.command](args, ds, out)
    except UnknownIdError as exc:
        _error(f"canjapan: {exc}")
        return EXIT_NOT_FOUND
    except FilterError as exc:
        _error(f"canjapan: error: {exc}")
        return EXIT_USAGE
    except DatasetError as exc:
        first = exc.problems[0] if exc.problems else "invalid dataset"
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        _error(f"canjapan: invalid dataset: {first}{more}")
        return EXIT_NOT_FOUND
    except BrokenPipeError:
        # The reader went away (`canjapan timeline | head -1`): stop quietly, as
        # other Unix tools do, and keep Python from complaining at exit.
        if out is sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        where = f"{exc.filename}: " if exc.filename is not None else ""
        _error(f"canjapan: {where}{reason}")
        return EXIT_NOT_FOUND
    except CanjapanError as exc:
        _error(f"canjapan: {exc}")
        return EXIT_NOT_FOUND


def _error(message: str) -> None:
    """Write one line to standard error, control characters escaped, so that no
    value from a file (an id, a path) can move the cursor or colour the terminal."""
    sys.stderr.write(_printable(message) + "\n")


def _never_fail_to_encode(stream: TextIO) -> None:
    """Make a standard stream write characters its encoding lacks as escapes
    (``\\u201c``) rather than raise: ``PYTHONIOENCODING=ascii`` or a legacy
    console then shows every answer, never a traceback."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
            reconfigure(errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
