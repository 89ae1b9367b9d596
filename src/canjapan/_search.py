"""Ranked search over the names of records."""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
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

__all__ = ["MAX_QUERY", "lookup", "names_of", "search"]

_TOKEN: Final = re.compile(r"[\w+]+")

# Weights: what matched, and how.
EXACT_CODE: Final = 100.0  # abbreviation or alias, whole
EXACT_NAME: Final = 90.0
ALL_WORDS: Final = 60.0
PREFIX: Final = 45.0
SUBSTRING: Final = 30.0
FUZZY: Final = 20.0


def _fold(text: str) -> str:
    """``text`` without case and accents: decomposed (NFKD), combining marks
    dropped, case-folded."""
    if isinstance(text, str) and text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}
    return text.translate(marks).casefold()


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


MAX_QUERY: Final = 200
"""Queries are cut to this many characters (once folded and stripped)."""

_SEP: Final = "\x00"


def _fold_all(texts: list[str]) -> list[str]:
    """``[_fold(t) for t in texts]``, folding them joined in one pass.

    Decomposition, dropping combining marks and case folding all work character by
    character, and the separator (NUL) is a starter none of them changes, so the
    joined text folds to the folded texts joined.
    """
    joined = _SEP.join(texts)
    if joined.isascii():
        return joined.lower().split(_SEP) if texts else []
    if joined.count(_SEP) != len(texts) - 1:
        return [_fold(t) for t in texts]
    joined = unicodedata.normalize("NFKD", joined)
    marks = {ord(c): None for c in set(joined) if unicodedata.combining(c)}
    return joined.translate(marks).casefold().split(_SEP)


class _Index:
    """Every name of a dataset's records, folded once, with the tables that answer
    exact, whole-word, prefix and substring matches without scoring every name.

    Names are numbered in record order; ``first[r]`` is record ``r``'s first name.
    """

    __slots__ = (
        "blob",
        "by_token",
        "exact",
        "fields",
        "first",
        "folded",
        "is_code",
        "name_record",
        "records",
        "starts",
        "tokens",
        "vocabulary",
    )

    def __init__(self, dataset: Dataset) -> None:
        records: list[Record] = []
        first = array("l")
        fields: list[str] = []
        texts: list[str] = []
        codes: list[bool] = []
        name_record = array("l")
        for r, record in enumerate(dataset):
            records.append(record)
            first.append(len(fields))
            for field, text, is_code in names_of(record):
                fields.append(field)
                texts.append(text)
                codes.append(is_code)
                name_record.append(r)
        first.append(len(fields))
        folded = _fold_all(texts)
        findall = _TOKEN.findall
        intern: dict[str, str] = {}
        tokens = [[intern.setdefault(t, t) for t in findall(f)] for f in folded]
        exact: dict[str, list[int]] = {}
        by_token: dict[str, list[int]] = {}
        for j, f in enumerate(folded):
            exact.setdefault(f, []).append(j)
            for t in dict.fromkeys(tokens[j]):
                by_token.setdefault(t, []).append(j)
        self.records = records
        self.first = first
        self.fields = fields
        self.is_code = codes
        self.name_record = name_record
        self.folded = folded
        self.tokens = tokens
        self.exact = exact
        self.by_token = by_token
        self.vocabulary = sorted(by_token)
        # One text for substring search; a name holding the separator rules it out.
        if any(_SEP in f for f in folded):
            self.blob = None
        else:
            self.blob = _SEP.join(folded)
        starts = array("l")
        at = 0
        for f in folded:
            starts.append(at)
            at += len(f) + 1
        self.starts = starts

    def word_names(self, qtokens: list[str]) -> set[int]:
        """The names holding every query token as a whole token."""
        sets = sorted((self.by_token.get(q, ()) for q in set(qtokens)), key=len)
        found = set(sets[0])
        for other in sets[1:]:
            found.intersection_update(other)
        return found

    def prefix_names(self, qtokens: list[str]) -> set[int]:
        """The names with, for every query token, a token starting with it."""
        found: set[int] | None = None
        vocabulary, by_token = self.vocabulary, self.by_token
        for q in sorted(set(qtokens), key=len, reverse=True):
            names: set[int] = set()
            i = bisect_left(vocabulary, q)
            while i < len(vocabulary) and vocabulary[i].startswith(q):
                names.update(by_token[vocabulary[i]])
                i += 1
            found = names if found is None else found & names
            if not found:
                break
        return found or set()

    def substring_names(self, query: str) -> set[int]:
        """The names whose folded text contains ``query``."""
        blob = self.blob
        if blob is None or _SEP in query:
            return {j for j, f in enumerate(self.folded) if query in f}
        found: set[int] = set()
        starts = self.starts
        find = blob.find
        at = find(query)
        while at >= 0:
            j = bisect_right(starts, at) - 1
            found.add(j)
            if j + 1 >= len(starts):
                break
            at = find(query, starts[j + 1])
        return found

    def score(self, query: str, qtokens: list[str], r: int) -> tuple[float, str]:
        """Record ``r``'s best score on exact, word, prefix and substring matches
        (no close spellings), and the field that scored it first."""
        best, matched = 0.0, ""
        folded, tokens = self.folded, self.tokens
        for j in range(self.first[r], self.first[r + 1]):
            f = folded[j]
            if f == query:
                s = EXACT_CODE if self.is_code[j] else EXACT_NAME
            else:
                ts = tokens[j]
                if qtokens and all(q in ts for q in qtokens):
                    s = ALL_WORDS + 10.0 * len(qtokens) / max(len(ts), 1)
                elif qtokens and all(any(t.startswith(q) for t in ts) for q in qtokens):
                    s = PREFIX
                elif query in f:
                    s = SUBSTRING
                else:
                    continue
            if s > best:
                best, matched = s, self.fields[j]
        return best, matched


class _Fuzzy:
    """The distinct tokens of a dataset's names by length and by the two-character
    sequences (bigrams) they contain, to find the tokens a query may closely spell.

    A token whose :class:`difflib.SequenceMatcher` ratio with a query of at least
    four characters is 0.8 or more shares a bigram with it: the ratio is ``2M/T``
    (``M`` matched characters, ``T`` both lengths), so ``M >= 0.4 T >= 3``; the
    matches come in blocks separated by at least one unmatched character, at most
    ``T - 2M <= M / 2`` of them, so the blocks cannot all be single characters.
    Its length is also within ``[2/3, 3/2]`` of the query's.
    """

    __slots__ = ("by_bigram", "by_length", "words")

    def __init__(self, index: _Index) -> None:
        words = list(index.by_token)
        by_bigram: dict[str, list[int]] = {}
        by_length: dict[int, list[int]] = {}
        for w, word in enumerate(words):
            by_length.setdefault(len(word), []).append(w)
            for bigram in {word[i : i + 2] for i in range(len(word) - 1)}:
                by_bigram.setdefault(bigram, []).append(w)
        self.words = words
        self.by_bigram = by_bigram
        self.by_length = by_length

    def close(self, query: str) -> dict[str, float]:
        """The tokens whose ratio with ``query`` is at least 0.8, with that ratio."""
        n = len(query)
        lengths = range(max(1, (2 * n) // 3), (3 * n + 1) // 2 + 1)
        by_length, by_bigram = self.by_length, self.by_bigram
        in_window = sum(len(by_length.get(k, ())) for k in lengths)
        bigrams = {query[i : i + 2] for i in range(n - 1)}
        sharing = sum(len(by_bigram.get(b, ())) for b in bigrams)
        candidates: set[int] = set()
        if in_window <= sharing:
            for k in lengths:
                candidates.update(by_length.get(k, ()))
        else:
            for b in bigrams:
                candidates.update(by_bigram.get(b, ()))
        low, high = lengths.start, lengths.stop
        matcher = difflib.SequenceMatcher(None, query, "")
        close: dict[str, float] = {}
        for w in candidates:
            word = self.words[w]
            if not low <= len(word) < high:
                continue
            matcher.set_seq2(word)
            if matcher.quick_ratio() < 0.8:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.8:
                close[word] = ratio
        return close


def search(dataset: Dataset, text: str, *, limit: int | None = 10) -> tuple[SearchHit, ...]:
    """Records matching ``text``, best first; ties broken by id.

    The text is folded (case and accents) and stripped, then cut to its first
    :data:`MAX_QUERY` characters (and stripped again): a longer query answers as
    its first 200 characters, so no query costs more than that.

    The names are folded and indexed once per dataset; only the records the index
    finds are scored, and close spellings are looked for only when the other
    matches leave room under ``limit``.
    """
    query = _fold(text).strip()[:MAX_QUERY].strip()
    if not query:
        return ()
    index: _Index = dataset._cached("search", lambda: _Index(dataset))
    qtokens = _TOKEN.findall(query)
    name_record = index.name_record
    names = set(index.exact.get(query, ()))
    if qtokens:
        names |= index.word_names(qtokens)
        tiers = [index.prefix_names, None]
    else:
        tiers = [None]
    for tier in tiers:
        if limit is not None and len({name_record[j] for j in names}) >= limit:
            break
        names |= tier(qtokens) if tier is not None else index.substring_names(query)
    records = index.records
    hits: list[SearchHit] = []
    scored = {name_record[j] for j in names}
    for r in scored:
        best, matched = index.score(query, qtokens, r)
        if best > 0:
            hits.append(SearchHit(record=records[r], score=best, matched=matched))
    if len(query) >= 4 and (limit is None or len(hits) < limit):
        hits.extend(_close_spellings(dataset, index, query, scored))
    hits.sort(key=lambda h: (-h.score, h.record.id))
    return tuple(hits if limit is None else hits[:limit])


def _close_spellings(
    dataset: Dataset, index: _Index, query: str, scored: set[int]
) -> list[SearchHit]:
    """The hits on close spellings alone, of the records not in ``scored``."""
    fuzzy: _Fuzzy = dataset._cached("search_fuzzy", lambda: _Fuzzy(index))
    close = fuzzy.close(query)
    found = {index.name_record[j] for word in close for j in index.by_token[word]}
    hits = []
    for r in sorted(found - scored):
        best, matched = 0.0, ""
        for j in range(index.first[r], index.first[r + 1]):
            ratio = max((close.get(t, 0.0) for t in index.tokens[j]), default=0.0)
            if ratio >= 0.8 and FUZZY * ratio > best:
                best, matched = FUZZY * ratio, index.fields[j]
        if best > 0:
            hits.append(SearchHit(record=index.records[r], score=best, matched=matched))
    return hits


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
