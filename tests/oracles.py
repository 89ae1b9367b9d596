"""Plain scans that the indexed queries must agree with, kept here as test oracles.

:func:`scan_search` is the search as it was before the name index: every name of
every record folded and scored at each call. :func:`scan_timeline` is the
timeline as a filter over every entry in order.
"""

from __future__ import annotations

import difflib

from canjapan import Dataset, Event
from canjapan._results import SearchHit, TimelineEntry
from canjapan._search import (
    _TOKEN,
    ALL_WORDS,
    EXACT_CODE,
    EXACT_NAME,
    FUZZY,
    PREFIX,
    SUBSTRING,
    names_of,
)
from canjapan._search import _fold as fold


def _score(query: str, qtokens: list[str], text: str, is_code: bool) -> float:
    folded = fold(text)
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


def scan_search(dataset: Dataset, query: str, *, limit: int | None = 10) -> tuple[SearchHit, ...]:
    """Records matching the folded, stripped ``query``, best first; ties broken by id."""
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


def all_entries(dataset: Dataset) -> list[TimelineEntry]:
    """Every timeline entry, built and sorted as the timeline orders them."""
    from canjapan._dataset import _MILESTONE_VERB

    entries = [
        TimelineEntry(
            date=m.date,
            end=None,
            kind=m.kind.value,
            title=f"{_MILESTONE_VERB[m.kind]}: {a.title}",
            record=a,
            milestone=m,
        )
        for a in dataset.agreements
        for m in a.milestones
    ]
    entries.extend(
        TimelineEntry(date=e.start, end=e.end, kind=e.kind.value, title=e.title, record=e)
        for e in dataset.events
    )
    entries.sort(key=lambda x: (*x.date.sort_key()[:2], x.record.id, x.kind))
    return entries


def scan_timeline(
    dataset: Dataset,
    lo: int,
    hi: int,
    *,
    kinds: set[str] | None = None,
    participant: str | None = None,
    country: str | None = None,
    place: str | None = None,
    domain: str | None = None,
    include_straddling: bool = False,
) -> tuple[TimelineEntry, ...]:
    """The entries over days ``lo..hi`` that pass the filters, by a scan over all."""
    out = []
    for entry in all_entries(dataset):
        e_lo = entry.date._lo
        e_hi = (entry.end or entry.date)._hi
        if e_hi < lo or e_lo > hi:
            continue
        if (e_lo < lo or e_hi > hi) and not include_straddling:
            continue
        if kinds is not None and entry.kind not in kinds:
            continue
        record = entry.record
        if isinstance(record, Event):
            ok = (
                (participant is None or participant in record.participants)
                and (country is None or country in record.countries)
                and (place is None or record.place == place)
                and (domain is None or domain in record.domains)
            )
        else:
            m = entry.milestone
            assert m is not None
            ok = (
                domain is None
                and (participant is None or participant in m.people)
                and (country is None or country in record.parties)
                and (place is None or m.place == place)
            )
        if ok:
            out.append(entry)
    return tuple(out)
