"""Benchmark: loading a user's dataset of 100,000 synthetic agreements.

Prints microseconds per agreement for

* JSON text to checked records: what ``msgspec.json.decode`` does, the figure the
  target is about. The loader scans the text a collection at a time and structures
  each record through its specialised hook as soon as it is parsed (every field
  rule and record check), and refuses a key given twice in an object (msgspec keeps
  the last value);
* the full loads, ``canjapan.loads(text)`` and ``canjapan.load(path)``, which also
  build the :class:`canjapan.Dataset` (unique ids, every reference resolved, records
  sorted by id): work msgspec has no counterpart for;
* the structuring alone (the hooks over already parsed JSON);
* msgspec decoding the same JSON into equivalent ``msgspec.Struct`` classes (dates
  as ``str``), from text and from the parsed objects, in the same run: once with
  types only, and once with the same field rules (the published JSON Schema's
  patterns for ids, country codes, languages, dates and non-blank text, and at
  least one citation), which is the like-for-like comparison;
* plain cattrs (a default ``cattrs.Converter`` with only a date hook), for scale;

with the ratios to msgspec (target: at most 5x), and the peak memory of loading
(tracemalloc; target: at most 2x the file size).

It then times the error path: the same data with every agreement's signing place
an unknown id, so that loading reports one problem per agreement, at an eighth of
the count and at the full count. Reporting must be linear in the problems: the
cost per problem at the full count over the cost at an eighth (target: about 1x,
at most 1.5x), and the cost of a report over a valid load of the same size.

Run it with ``python benchmarks/bench_load.py [--count N] [--repeat R]``; it needs
the ``dev`` extra (msgspec is a benchmark-only dependency).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import msgspec

import canjapan
from canjapan import AgreementKind, MilestoneKind, PartialDate
from canjapan._converter import _bulk_load, _Stream, _stream_document, _structure_fast
from canjapan._schema import DATE_PATTERN

# -- synthetic data ------------------------------------------------------------------------


def _date(rng: random.Random) -> str:
    year = rng.randint(1950, 2025)
    form = rng.random()
    if form < 0.6:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if form < 0.85:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    if form < 0.95:
        return f"{year:04d}"
    return f"{year:04d}-{rng.randint(21, 23)}{rng.choice('?~')}"


def synthetic(count: int, seed: int = 2026) -> dict[str, Any]:
    """A single-file dataset of ``count`` agreements citing a few sources and people."""
    rng = random.Random(seed)
    sources = [
        {"id": f"source-{i}", "title": f"Source {i}", "url": f"https://example.org/{i}"}
        for i in range(20)
    ]
    cite = {"source": "source-0", "quote": "q"}
    people = [{"id": f"person-{i}", "name": f"Person {i}", "citations": [cite]} for i in range(50)]
    places = [
        {"id": f"place-{i}", "name": f"Place {i}", "kind": "city", "citations": [cite]}
        for i in range(10)
    ]
    kinds = [k.value for k in AgreementKind]
    agreements = []
    for i in range(count):
        first = _date(rng)
        milestones = [
            {
                "kind": "signed",
                "date": first,
                "place": f"place-{rng.randrange(10)}",
                "citations": [
                    {
                        "source": f"source-{rng.randrange(20)}",
                        "quote": f"signed on {first} by both parties",
                    }
                ],
            }
        ]
        if rng.random() < 0.7:
            milestones.append(
                {
                    "kind": "entered_into_force",
                    "date": str(int(first[:4]) + 1),
                    "citations": [
                        {
                            "source": f"source-{rng.randrange(20)}",
                            "quote": "entered into force the following year",
                            "locator": "para. 3",
                        }
                    ],
                }
            )
        record: dict[str, Any] = {
            "id": f"agreement-{i}",
            "title": f"Agreement number {i} on defence cooperation",
            "kind": rng.choice(kinds),
            "parties": ["CAN", "JPN"],
            "signatories": sorted({f"person-{rng.randrange(50)}" for _ in range(2)}),
            "milestones": milestones,
            "citations": [
                {"source": f"source-{rng.randrange(20)}", "quote": f"the agreement {i} text"}
            ],
        }
        if rng.random() < 0.3:
            record["abbreviations"] = [f"A{i}"]
        if rng.random() < 0.2:
            record["labels"] = [{"text": f"協定 {i}", "language": "ja"}]
        if rng.random() < 0.2:
            record["note"] = "Some sources give a different date."
        agreements.append(record)
    return {
        "name": "Synthetic",
        "version": "1.0.0",
        "as_of": "2026-03-06",
        "sources": sources,
        "places": places,
        "people": people,
        "agreements": agreements,
    }


# -- msgspec equivalents (dates as str) ------------------------------------------------------


class CitationStruct(msgspec.Struct, forbid_unknown_fields=True):
    source: str
    quote: str
    locator: str | None = None


class LabelStruct(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    language: str


class MilestoneStruct(msgspec.Struct, forbid_unknown_fields=True):
    kind: MilestoneKind
    date: str
    citations: tuple[CitationStruct, ...]
    party: str | None = None
    place: str | None = None
    people: tuple[str, ...] = ()
    note: str | None = None


class AgreementStruct(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: str
    kind: AgreementKind
    parties: tuple[str, ...]
    citations: tuple[CitationStruct, ...]
    short_names: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    milestones: tuple[MilestoneStruct, ...] = ()
    labels: tuple[LabelStruct, ...] = ()
    note: str | None = None


class AgreementsOnly(msgspec.Struct):
    agreements: tuple[AgreementStruct, ...]


# -- msgspec equivalents with the same field rules ---------------------------------------------
#
# The structs above check types only. These also check what the records' validators
# check, with the patterns of the published JSON Schema: ids are slugs, countries
# ISO codes, texts not blank, dates EDTF strings of the supported subset, at least
# one citation. (msgspec does not sort, drop duplicates, or check that a day exists
# in its month.)

_PATTERNS = canjapan.schema()["$defs"]
Slug = Annotated[
    str, msgspec.Meta(pattern=_PATTERNS["Citation"]["properties"]["source"]["pattern"])
]
Country = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, msgspec.Meta(pattern=r"\S")]
Language = Annotated[
    str, msgspec.Meta(pattern=_PATTERNS["Label"]["properties"]["language"]["pattern"])
]
Date = Annotated[str, msgspec.Meta(pattern=DATE_PATTERN)]


class RuledCitation(msgspec.Struct, forbid_unknown_fields=True):
    source: Slug
    quote: Text
    locator: Text | None = None


class RuledLabel(msgspec.Struct, forbid_unknown_fields=True):
    text: Text
    language: Language


Citations = Annotated[tuple[RuledCitation, ...], msgspec.Meta(min_length=1)]


class RuledMilestone(msgspec.Struct, forbid_unknown_fields=True):
    kind: MilestoneKind
    date: Date
    citations: Citations
    party: Country | None = None
    place: Slug | None = None
    people: tuple[Slug, ...] = ()
    note: Text | None = None


class RuledAgreement(msgspec.Struct, forbid_unknown_fields=True):
    id: Slug
    title: Text
    kind: AgreementKind
    parties: tuple[Country, ...]
    citations: Citations
    short_names: tuple[Text, ...] = ()
    abbreviations: tuple[Text, ...] = ()
    signatories: tuple[Slug, ...] = ()
    milestones: tuple[RuledMilestone, ...] = ()
    labels: tuple[RuledLabel, ...] = ()
    note: Text | None = None


class RuledAgreementsOnly(msgspec.Struct):
    agreements: tuple[RuledAgreement, ...]


# -- measuring ---------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (a collection first, not timed).

    Every run has the garbage collector paused, msgspec's and json's as well as the
    loader's (which pauses it itself): with it running, the figures measure when its
    collections happen to fall (they made msgspec four times slower in one layout of
    this script), not the work of parsing and structuring.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
        del result
    return min(times)


def peak_memory(run: Callable[[], object]) -> int:
    """The peak of memory traced while ``run`` runs and its result lives, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        result = run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def plain_cattrs_structure(raw: list[dict[str, Any]]) -> object:
    """Plain cattrs: a default converter with a date hook, no tuning."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(PartialDate, lambda v, _: PartialDate.parse(v))
    return converter.structure(raw, list[canjapan.Agreement])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=100_000, help="agreements (100000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept (3)")
    args = parser.parse_args(argv)
    n, repeat = args.count, args.repeat

    text = json.dumps(synthetic(n), indent=2, ensure_ascii=False) + "\n"
    data = text.encode("utf-8")
    python = sys.version.split()[0]
    print(f"canjapan {canjapan.__version__}, msgspec {msgspec.__version__}, Python {python}")
    print(f"{n:,} agreements, {len(data) / 1e6:.1f} MB of JSON, best of {repeat}\n")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dataset.json"
        path.write_bytes(data)
        assert len(canjapan.loads(text).agreements) == n

        def records_from_json() -> object:
            with _bulk_load():  # as the loader does
                return _stream_document(_Stream(text))

        # From JSON text first, with nothing else of size alive in the process.
        figures = {
            "json.loads (parse only)": best_of(repeat, lambda: json.loads(text)),
            "JSON text -> checked records": best_of(repeat, records_from_json),
            "canjapan.loads (full)": best_of(repeat, lambda: canjapan.loads(text)),
            "canjapan.load(path) (full)": best_of(repeat, lambda: canjapan.load(path)),
            "msgspec.json.decode (parse + structs)": best_of(
                repeat, lambda: msgspec.json.decode(data, type=AgreementsOnly)
            ),
            "msgspec.json.decode, same field rules": best_of(
                repeat, lambda: msgspec.json.decode(data, type=RuledAgreementsOnly)
            ),
        }

        # Then from parsed JSON.
        raw_agreements = json.loads(text)["agreements"]
        assert _structure_fast({"agreements": raw_agreements}) is not None

        def structure_alone() -> object:
            with _bulk_load():  # as the loader does
                return _structure_fast({"agreements": raw_agreements})

        figures |= {
            "structuring alone (hooks)": best_of(repeat, structure_alone),
            "msgspec.convert (structs alone)": best_of(
                repeat, lambda: msgspec.convert(raw_agreements, tuple[AgreementStruct, ...])
            ),
            "plain cattrs (structuring alone)": best_of(
                min(repeat, 2), lambda: plain_cattrs_structure(raw_agreements)
            ),
        }
        width = max(map(len, figures))
        for name, seconds in figures.items():
            print(f"  {name:<{width}}  {seconds * 1e6 / n:7.2f} us/record  {seconds:6.3f} s")

        decode = figures["msgspec.json.decode (parse + structs)"]
        convert = figures["msgspec.convert (structs alone)"]
        ruled = figures["msgspec.json.decode, same field rules"]
        ratios = (
            ("JSON -> records / msgspec, same rules", "JSON text -> checked records", ruled),
            ("JSON -> records / msgspec.json.decode", "JSON text -> checked records", decode),
            ("canjapan.loads / msgspec.json.decode", "canjapan.loads (full)", decode),
            ("canjapan.load(path) / msgspec.json.decode", "canjapan.load(path) (full)", decode),
            ("structuring alone / msgspec.convert", "structuring alone (hooks)", convert),
            ("plain cattrs / msgspec.convert", "plain cattrs (structuring alone)", convert),
        )
        print("\nratios to msgspec (target: at most 5x, for JSON -> records)")
        for label, name, base in ratios:
            print(f"  {label:<42}  {figures[name] / base:5.1f}x")

        size = len(data)
        print("\npeak memory while loading (tracemalloc; target: at most 2x the file size)")
        runs: tuple[tuple[str, Callable[[], object]], ...] = (
            ("canjapan.load(path)", lambda: canjapan.load(path)),
            ("canjapan.loads(text), text already in memory", lambda: canjapan.loads(text)),
            (
                "msgspec.json.decode, bytes already in memory",
                lambda: msgspec.json.decode(data, type=AgreementsOnly),
            ),
        )
        for name, run in runs:
            peak = peak_memory(run)
            print(f"  {name:<46}  {peak / 1e6:7.1f} MB  {peak / size:4.2f}x the file")

    error_path(n, repeat)


def with_bad_references(raw: dict[str, Any]) -> str:
    """The dataset's text with every agreement's signing place an unknown id."""
    for agreement in raw["agreements"]:
        agreement["milestones"][0]["place"] = f"nowhere-{agreement['id']}"
    return json.dumps(raw, indent=2, ensure_ascii=False)


def report_time(text: str, problems: int) -> float:
    """Seconds to load ``text`` and get its DatasetError of ``problems`` problems."""
    start = time.perf_counter()
    try:
        canjapan.loads(text)
    except canjapan.DatasetError as exc:
        found = len(exc.problems)
        seconds = time.perf_counter() - start
    else:
        raise SystemExit("the bad dataset loaded")
    if found != problems:
        raise SystemExit(f"expected {problems} problems, got {found}")
    return seconds


def error_path(n: int, repeat: int) -> None:
    """Print the cost of reporting n/8 and n problems, and their ratio."""
    print("\nerror path: one unknown reference per agreement (target: linear)")
    small = max(n // 8, 1)
    per_problem = {}
    for count in (small, n):
        bad = with_bad_references(synthetic(count))
        valid = json.dumps(synthetic(count), indent=2, ensure_ascii=False)
        report = best_of(repeat, partial(report_time, bad, count))
        load = best_of(repeat, partial(canjapan.loads, valid))
        per_problem[count] = report / count
        print(
            f"  {count:>9,} problems  {report:7.3f} s  {report * 1e6 / count:7.2f} us/problem"
            f"  {report / load:4.2f}x a valid load of the same size"
        )
    ratio = per_problem[n] / per_problem[small]
    print(f"  cost per problem at {n:,} / at {small:,}: {ratio:4.2f}x (linear: about 1x)")


if __name__ == "__main__":
    main()
