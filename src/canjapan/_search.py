"""Ranked search over the names of records."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from canjapan._model import (
    Agreement,
    Event,
    Figure,
    Mechanism,
    Organization,
    Person,
    Place,
    Post,
    Record,
    Source,
    Topic,
)
from canjapan._results import SearchHit
from canjapan.exceptions import UnknownIdError

if TYPE_CHECKING:
    from canjapan._dataset import Dataset

__all__ = ["lookup", "names_of", "search"]

_TOKEN: Final = re.compile(r"[\w+]+")

# Weights: what matched, and how.
EXACT_CODE: Final = 100.0  # abbreviation or alias, whole
EXACT_NAME: Final = 90.0
ALL_WORDS: Final = 60.0
PREFIX: Final = 45.0
SUBSTRING: Final = 30.0
FUZZY: Final = 20.0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def names_of(record: Record) -> Iterator[tuple[str, str, bool]]:
    """``(field, text, is_code)`` for every name a record is known by."""
    if isinstance(record, Agreement):
        yield "title", record.title, False
        for s in record.short_names:
            yield "short_names", s, False
        for a in record.abbreviations:
            yield "abbreviations", a, True
    elif isinstance(record, Event):
        yield "title", record.title, False
        for a in record.aliases:
            yield "aliases", a, True
    elif isinstance(record, Mechanism):
        yield "name", record.name, False
        for a in record.abbreviations:
            yield "abbreviations", a, True
        for a in record.aliases:
            yield "aliases", a, True
    elif isinstance(record, Organization):
        yield "name", record.name, False
        if record.abbreviation:
            yield "abbreviation", record.abbreviation, True
        for a in record.aliases:
            yield "aliases", a, True
    elif isinstance(record, Person):
        yield "name", record.name, False
        for a in record.aliases:
            yield "aliases", a, True
    elif isinstance(record, Post | Source):
        yield "title", record.title, False
    elif isinstance(record, Place | Topic):
        yield "name", record.name, False
    elif isinstance(record, Figure):
        yield "description", record.description, False
    for label in getattr(record, "labels", ()):
        yield "labels", label.text, False


def _score(query: str, qtokens: list[str], text: str, is_code: bool) -> float:
    folded = _fold(text)
    if folded == query:
        return EXACT_CODE if is_code else EXACT_NAME
    tokens = _TOKEN.findall(folded)
    if qtokens and all(q in tokens for q in qtokens):
        return ALL_WORDS + 10.0 * len(qtokens) / max(len(tokens), 1)
    if qtokens and all(any(t.startswith(q) for t in tokens) for q in qtokens):
        return PREFIX
    if query in folded:
        return SUBSTRING
    if len(query) >= 4:
        best = max((difflib.SequenceMatcher(None, query, t).ratio() for t in tokens), default=0.0)
        if best >= 0.8:
            return FUZZY * best
    return 0.0


def search(dataset: Dataset, text: str, *, limit: int | None = 10) -> tuple[SearchHit, ...]:
    """Records matching ``text``, best first; ties broken by id."""
    query = _fold(text).strip()
    if not query:
        return ()
    qtokens = _TOKEN.findall(query)
    hits: list[SearchHit] = []
    for record in dataset:
        best, matched = 0.0, ""
        for field, name, is_code in names_of(record):
            s = _score(query, qtokens, name, is_code)
            if s > best:
                best, matched = s, field
        if best > 0:
            hits.append(SearchHit(record=record, score=best, matched=matched))
    hits.sort(key=lambda h: (-h.score, h.record.id))
    return tuple(hits if limit is None else hits[:limit])


def _key(text: str) -> str:
    """A name as looked up: folded (case and accents) with its spaces collapsed."""
    return " ".join(_fold(text).split())


def _lookup_index(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for record in dataset:
        found.setdefault(_key(record.id), set()).add(record.id)
        for _, name, _ in names_of(record):
            found.setdefault(_key(name), set()).add(record.id)
    return {k: tuple(sorted(v)) for k, v in found.items() if k}


def lookup(dataset: Dataset, text: str) -> Record:
    """The one record whose id or name is ``text`` (see :meth:`Dataset.lookup`)."""
    if text in dataset:
        return dataset.get(text)
    key = _key(str(text))
    index = dataset._cached("lookup", lambda: _lookup_index(dataset))
    ids = index.get(key, ())
    if len(ids) == 1:
        return dataset.get(ids[0])
    if ids:
        msg = f"{text!r} names {len(ids)} records; give one of their ids"
        raise UnknownIdError(str(text), ids[:5], message=msg)
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.75)
    suggestions = list(dict.fromkeys(i for k in close for i in index[k]))[:3]
    if not suggestions:
        suggestions = [i for k, v in index.items() if key and key in k for i in v][:3]
    raise UnknownIdError(str(text), suggestions, message=f"no record has the id or name {text!r}")
