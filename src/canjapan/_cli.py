"""The ``canjapan`` command line.

Exit codes: 0 success, 1 not found or invalid data, 2 bad usage. Errors go to
standard error on one line. Output is an aligned table, or JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from canjapan._status import OfficeState
from canjapan.exceptions import (
    CanjapanError,
    DatasetError,
    DateParseError,
    FilterError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from canjapan._dataset import Dataset
    from canjapan._model import Agreement
    from canjapan._results import OfficeHolders

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


def _discovery_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The commands that list what the other commands accept: posts, kinds, people."""
    command("posts", "List the posts (offices), with the period whose holders are all recorded.")
    command("kinds", "List the event, milestone and agreement kinds that filters accept.")
    p = command("people", "List the people, or those whose name or id contains TEXT.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="part of a name or id, e.g. kishida")


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
        heading = "examples" if "\n" in EXAMPLES[name] else "example"
        return sub.add_parser(
            name,
            help=help,
            description=help,
            parents=[common],
            epilog=f"{heading}:\n  {EXAMPLES[name]}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

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
    p = command("timeline", "List agreement milestones and events in date order.")
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
    _discovery_commands(command)
    p = command("show", "Show one record by id or by a name it is known by (e.g. ACSA).")
    p.add_argument("id", metavar="ID_OR_NAME", help="an id, abbreviation or name: acsa, ACSA")
    p = command("search", "Search records by title, name, alias or abbreviation.")
    p.add_argument("text", help="words, an abbreviation or a name")
    p.add_argument("--limit", type=_positive_int, default=10, help="at most this many results")
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


MIN_COLUMN: Final = 8
"""A column is never cut narrower than this (or its widest cell, if narrower)."""
_WHOLE: Final = frozenset(
    {"id", "date", "end", "start", "signed", "in force", "status", "score", "country", "kind"}
    | {"complete from", "complete to", "of", "field"}
)
"""Columns shortened only as a last resort: ids and dates are what the next
command needs."""


def _fit(widths: list[int], headers: Sequence[str], limit: int) -> list[int]:
    """Column widths that fit ``limit`` characters with two spaces between columns:
    text columns give way first, widest first; ids and dates only when the text
    columns are as narrow as they go. As they are when they already fit."""
    widths = list(widths)
    loose = [min(w, MIN_COLUMN) for w in widths]
    firm = [w if h in _WHOLE else f for w, h, f in zip(widths, headers, loose, strict=True)]
    for floors in (firm, loose):
        while sum(widths) + 2 * (len(widths) - 1) > limit:
            i = max(range(len(widths)), key=lambda j: widths[j] - floors[j])
            if widths[i] <= floors[i]:
                break
            widths[i] -= 1
    return widths


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: Sequence[Sequence[object]], headers: Sequence[str], out: TextIO) -> None:
    """An aligned table that fits the terminal: ``COLUMNS`` or the real width, and
    80 columns when neither is known; long cells are shortened with "…"."""
    import shutil

    cells = [[str(c) for c in headers], *[["" if c is None else str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    widths = _fit(widths, headers, shutil.get_terminal_size((80, 24)).columns)
    cells = [[_cut(c, w) for c, w in zip(row, widths, strict=True)] for row in cells]
    for n, row in enumerate(cells):
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        out.write(line + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def _emit_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _record_json(record: Any) -> Any:
    from canjapan._converter import _converter

    return _converter().unstructure(record, type(record))


def _today_or(value: str | None) -> str:
    return value if value is not None else date.today().isoformat()


# -- commands ---------------------------------------------------------------------------


def _in_force(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    result = ds.agreements_in_force(on, include_possible=args.include_possible)
    if args.json:
        _emit_json(
            {
                "on": result.on,
                "as_of": result.as_of.isoformat(),
                "in_force": [_agreement_row(a, on) for a in result.certain],
                "possibly_in_force": [_agreement_row(a, on) for a in result.possible],
            },
            out,
        )
        return EXIT_OK
    out.write(f"Agreements in force on {result.on} (data as of {result.as_of.isoformat()})\n")
    if result.after_as_of:
        out.write(
            "Note: the date is after the data's as-of date; agreements are presumed to continue.\n"
        )
    rows = [
        (a.id, _short(a), _str(a.signed), _str(a.entered_into_force), "certain")
        for a in result.certain
    ]
    rows += [
        (a.id, _short(a), _str(a.signed), _str(a.entered_into_force), "possible")
        for a in result.possible
    ]
    if rows:
        _table(rows, ["id", "name", "signed", "in force", "status"], out)
    else:
        out.write("(none)\n")
    if not args.include_possible:
        hidden = len(ds.agreements_in_force(on, include_possible=True).possible)
        if hidden:
            out.write(
                f"\n({hidden} more may be in force: their status on this date is "
                "undetermined; see --include-possible)\n"
            )
    return EXIT_OK


def _short(agreement: Agreement, width: int = 60) -> str:
    """A short name for tables: the first short name, else the title, cut to ``width``."""
    return _cut(agreement.short_names[0] if agreement.short_names else agreement.title, width)


def _agreement_row(a: Any, on: str) -> dict[str, Any]:
    status = a.status_on(on)
    return {
        "id": a.id,
        "title": a.title,
        "signed": _str(a.signed) or None,
        "entered_into_force": _str(a.entered_into_force) or None,
        "status": status.state.value,
        "reason": status.reason,
    }


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _holders(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    post = ds.lookup(args.post)
    result = ds.office_holders(post.id, on, include_possible=args.include_possible)
    rows = [
        (h.person.id, h.person.name, _str(h.tenure.start), _tenure_end(h.tenure), kind)
        for kind, holders in (("certain", result.certain), ("possible", result.possible))
        for h in holders
    ]
    if args.json:
        _emit_json(
            {
                "post": result.post.id,
                "on": result.on,
                "as_of": result.as_of.isoformat(),
                "state": result.state.value,
                "holders": [
                    dict(zip(["id", "name", "start", "end", "status"], r, strict=True))
                    for r in rows
                ],
            },
            out,
        )
        return EXIT_OK
    out.write(f"{result.post.title} on {result.on} (data as of {result.as_of.isoformat()})\n")
    if rows:
        _table(rows, ["id", "name", "start", "end", "status"], out)
    else:
        out.write(f"({_nobody(result)})\n")
    if not args.include_possible:
        hidden = len(ds.office_holders(post.id, on, include_possible=True).possible)
        if hidden:
            out.write(
                f"\n({hidden} more may have held it: their tenures may cover this date; "
                "see --include-possible)\n"
            )
    return EXIT_OK


def _nobody(result: OfficeHolders) -> str:
    """Why an answer names nobody, in one phrase."""
    post = result.post
    covered = f"{post.complete_from} to {post.complete_to or result.as_of.isoformat()}"
    if result.state is OfficeState.VACANT:
        return f"vacant: the dataset records every holder from {covered}"
    if result.state is OfficeState.NOT_COVERED:
        return f"nobody known: the dataset records every holder only from {covered}"
    if result.state is OfficeState.UNKNOWN:
        return "nobody known: the dataset does not record every holder of this post"
    return "nobody certain"


def _tenure_end(t: Any) -> str:
    if t.end is not None:
        return str(t.end)
    return "ongoing" if t.ongoing else ""


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
    rows = [(str(e.date), _str(e.end), e.kind, e.record.id, e.title) for e in entries]
    if args.json:
        _emit_json(
            [
                {
                    "date": str(e.date),
                    "end": None if e.end is None else str(e.end),
                    "kind": e.kind,
                    "id": e.record.id,
                    "title": e.title,
                }
                for e in entries
            ],
            out,
        )
        return EXIT_OK
    _table(rows, ["date", "end", "kind", "id", "title"], out)
    return EXIT_OK


def _show(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    record = ds.lookup(args.id)
    data = _record_json(record)
    if args.json:
        _emit_json(data, out)
        return EXIT_OK
    out.write(f"{type(record).__name__} {record.id}\n")
    rows = []
    for key, value in data.items():
        if key == "id":
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        rows.append((key, text if len(text) <= 200 else text[:197] + "..."))
    _table(rows, ["field", "value"], out)
    return EXIT_OK


def _search(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    hits = ds.search(args.text, limit=args.limit)
    from canjapan._search import names_of

    rows = [
        (
            h.record.id,
            type(h.record).__name__,
            next(names_of(h.record))[1],
            h.matched,
            f"{h.score:.0f}",
        )
        for h in hits
    ]
    if args.json:
        _emit_json(
            [dict(zip(["id", "type", "name", "matched", "score"], r, strict=True)) for r in rows],
            out,
        )
        return EXIT_OK if hits else EXIT_NOT_FOUND
    if not hits:
        sys.stderr.write(f"canjapan: nothing matches {args.text!r}\n")
        return EXIT_NOT_FOUND
    _table(rows, ["id", "type", "name", "matched", "score"], out)
    return EXIT_OK


def _snapshot(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    on = _today_or(args.date)
    snap = ds.snapshot(on)
    if args.json:
        _emit_json(
            {
                "on": snap.on,
                "as_of": snap.as_of.isoformat(),
                "in_force": [a.id for a in snap.in_force.certain],
                "possibly_in_force": [a.id for a in snap.in_force.possible],
                "mechanisms": [m.id for m in snap.mechanisms],
                "office_holders": {
                    h.post.id: {
                        "state": h.state.value,
                        "certain": [x.person.id for x in h.certain],
                        "possible": [x.person.id for x in h.possible],
                    }
                    for h in snap.office_holders
                },
                "events_on": [e.id for e in snap.events_on],
                "in_progress": [e.id for e in snap.in_progress],
                "last_event": snap.last_event.id if snap.last_event else None,
                "next_event": snap.next_event.id if snap.next_event else None,
            },
            out,
        )
        return EXIT_OK
    out.write(f"The relationship on {snap.on} (data as of {snap.as_of.isoformat()})\n\n")
    rows: list[tuple[str, str, str]] = []
    rows += [("in force", a.id, a.title) for a in snap.in_force.certain]
    rows += [("possibly in force", a.id, a.title) for a in snap.in_force.possible]
    rows += [("mechanism", m.id, m.name) for m in snap.mechanisms]
    for h in snap.office_holders:
        for x in h.certain:
            rows.append((h.post.title, x.person.id, x.person.name))
        for x in h.possible:
            rows.append((f"{h.post.title} (possibly)", x.person.id, x.person.name))
        if not h.certain and not h.possible:
            rows.append((h.post.title, "", f"({_nobody(h)})"))
    rows += [("on the date", e.id, f"{e.start} {e.title}") for e in snap.events_on]
    rows += [("in progress", e.id, f"{e.start} {e.title}") for e in snap.in_progress]
    if snap.last_event:
        rows.append(
            ("last event", snap.last_event.id, f"{snap.last_event.start} {snap.last_event.title}")
        )
    if snap.next_event:
        rows.append(
            ("next event", snap.next_event.id, f"{snap.next_event.start} {snap.next_event.title}")
        )
    _table(rows, ["what", "id", "name"], out)
    return EXIT_OK


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
        sys.stderr.write(
            f"canjapan export: error: {exc.path} is not empty ({len(exc.entries)} entries); "
            "pass --force to write into it\n"
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
            sys.stderr.write(f"canjapan: {args.path}: {len(exc.problems)} problem(s)\n")
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
        sys.stderr.write(
            f"canjapan plot: error: cannot write {path.suffix!r} files; "
            f"give --out one of: {', '.join('.' + f for f in formats)}\n"
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
        sys.stderr.write(f"canjapan: corpus folder not found: {args.corpus}\n")
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
            },
            out,
        )
    else:
        out.write(
            f"checked {report.checked} quote(s) from {len(report.sources)} source(s) "
            f"in {args.corpus}\n"
        )
        for rid, path, source, quote in report.missing:
            out.write(f"NOT FOUND {rid} {path} [{source}]: {quote}\n")
    return EXIT_OK if not report.missing else EXIT_NOT_FOUND


def _posts(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    items = [
        {
            "id": p.id,
            "title": p.title,
            "country": p.country,
            "single_holder": p.single_holder,
            "complete_from": None if p.complete_from is None else str(p.complete_from),
            "complete_to": None
            if p.complete_from is None
            else str(p.complete_to or ds.as_of.isoformat()),
        }
        for p in ds.posts
    ]
    if args.json:
        _emit_json(items, out)
        return EXIT_OK
    rows = [
        (i["id"], i["title"], i["country"], _str(i["complete_from"]), _str(i["complete_to"]))
        for i in items
    ]
    _table(rows, ["id", "title", "country", "complete from", "complete to"], out)
    return EXIT_OK


def _kinds(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    from canjapan._model import AgreementKind, EventKind, MilestoneKind

    kinds = {
        "event": [k.value for k in EventKind],
        "milestone": [k.value for k in MilestoneKind],
        "agreement": [k.value for k in AgreementKind],
    }
    if args.json:
        _emit_json(kinds, out)
        return EXIT_OK
    _table([(what, k) for what, values in kinds.items() for k in values], ["of", "kind"], out)
    return EXIT_OK


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
    if args.json:
        _emit_json(items, out)
        return EXIT_OK
    if not items:
        out.write("(nobody)\n")
        return EXIT_NOT_FOUND
    _table(
        [(i["id"], i["name"], ", ".join(i["posts"])) for i in items], ["id", "name", "posts"], out
    )
    return EXIT_OK


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
    out = sys.stdout if out is None else out
    parser = _build_parser()
    try:
        with contextlib.redirect_stdout(out):  # --help and --version write to `out`
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        ds = None
        if args.command not in _NO_DATASET:
            from canjapan import load

            ds = load(args.data) if args.data else load()
        return _COMMANDS[args.command](args, ds, out)
    except UnknownIdError as exc:
        sys.stderr.write(f"canjapan: {exc}\n")
        return EXIT_NOT_FOUND
    except FilterError as exc:
        sys.stderr.write(f"canjapan: error: {exc}\n")
        return EXIT_USAGE
    except DatasetError as exc:
        first = exc.problems[0] if exc.problems else "invalid dataset"
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        sys.stderr.write(f"canjapan: invalid dataset: {first}{more}\n")
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
        sys.stderr.write(f"canjapan: {where}{reason}\n")
        return EXIT_NOT_FOUND
    except CanjapanError as exc:
        sys.stderr.write(f"canjapan: {exc}\n")
        return EXIT_NOT_FOUND


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
