"""Ranked search over the names of records."""

from __future__ import annotations

import difflib
import heapq
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import accumulate, repeat
from operator import add
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
_NOTHING: Final = (0.0, "")


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
_POSTINGS: Final = 20_000
"""The most tokens whose names an index keeps."""
_FEW: Final = 256
"""Few enough names to check the remaining query tokens in each."""

_SEP: Final = "\x00"


def _fold_all(texts: list[str]) -> list[str]:
    """``[_fold(t) for t in texts]``, folding them joined in one pass.

    Decomposition, dropping combining marks and case folding all work character by
    character, and the separator (NUL) is a starter none of them changes, so the
    joined text folds to the folded texts joined.
    """
    if not texts:
        return []
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # a text holds the separator
        return [_fold(t) for t in texts]
    if joined.isascii():
        return joined.lower().split(_SEP)
    joined = unicodedata.normalize("NFKD", joined)
    marks = {ord(c): None for c in set(joined) if unicodedata.combining(c)}
    return joined.translate(marks).casefold().split(_SEP)


def _is_token_char(c: str) -> bool:
    """``c`` is part of a token: what ``[\\w+]`` matches (``\\w`` is alphanumeric or ``_``)."""
    return c.isalnum() or c in "_+"


class _Index:
    """Every name of a dataset's records, folded once and joined into one text,
    in which ``str.find`` answers exact, whole-word, prefix and substring matches
    without scoring every name.

    Names are numbered in record order; ``first[r]`` is record ``r``'s first name,
    and name ``j`` starts at ``starts[j]`` in ``blob`` (the names, each followed by
    a NUL, after a leading NUL). A name holding a NUL itself (``blob`` is then
    ``None``) turns every lookup into a scan of the folded names.
    """

    __slots__ = (
        "_postings",
        "blob",
        "fields",
        "first",
        "folded",
        "is_code",
        "name_record",
        "records",
        "starts",
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
        self.records = records
        self.first = first
        self.fields = fields
        self.is_code = codes
        self.name_record = name_record
        self.folded = folded = _fold_all(texts)
        joined = _SEP.join(folded)
        holds_sep = joined.count(_SEP) > max(len(folded) - 1, 0)  # a name holds a NUL
        self.blob = None if holds_sep else _SEP + joined + _SEP
        # starts[j] = 1 + sum(len(f) + 1 for the names before j)
        self.starts = array("l", accumulate(map(add, map(len, folded), repeat(1)), initial=1))
        self._postings: dict[str, tuple[frozenset[int], frozenset[int]]] = {}

    def _name_at(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def exact_names(self, query: str) -> set[int]:
        """The names whose folded text is ``query``."""
        if self.blob is None or _SEP in query:
            return {j for j, f in enumerate(self.folded) if f == query}
        found: set[int] = set()
        find, framed = self.blob.find, _SEP + query + _SEP
        at = find(framed)
        while at >= 0:
            found.add(self._name_at(at + 1))
            at = find(framed, at + len(framed) - 1)
        return found

    def token_names(self, q: str) -> tuple[frozenset[int], frozenset[int]]:
        """The names with ``q`` as one of their tokens, and those with a token
        starting with ``q`` (a token itself).

        The token postings are built lazily: each token's answer is kept (up to
        ``_POSTINGS`` tokens), so that a common word is looked for in the
        names once."""
        found = self._postings.get(q)
        if found is None:
            whole, prefix = self._find_token(q)
            found = (frozenset(whole), frozenset(prefix))
            if len(self._postings) < _POSTINGS:
                self._postings[q] = found
        return found

    def words_and_prefixes(self, qtokens: list[str]) -> tuple[set[int], set[int]]:
        """The names holding every query token whole, and those with, for every
        query token, a token starting with it. The longest tokens are looked up
        first; once few names are left, the rest are checked in those names."""
        distinct = sorted(set(qtokens), key=len, reverse=True)
        whole, prefix = (set(x) for x in self.token_names(distinct[0]))
        rest = distinct[1:]
        while rest and len(prefix) > _FEW:
            w, p = self.token_names(rest.pop(0))
            whole &= w
            prefix &= p
        if rest:
            for j in list(prefix):
                ts = _TOKEN.findall(self.folded[j])
                if not all(any(t.startswith(q) for t in ts) for q in rest):
                    prefix.discard(j)
                    whole.discard(j)
                elif j in whole and not all(q in ts for q in rest):
                    whole.discard(j)
        return whole, prefix

    def _find_token(self, q: str) -> tuple[set[int], set[int]]:
        blob = self.blob
        if blob is None:
            tokens = [_TOKEN.findall(f) for f in self.folded]
            return (
                {j for j, ts in enumerate(tokens) if q in ts},
                {j for j, ts in enumerate(tokens) if any(t.startswith(q) for t in ts)},
            )
        whole: set[int] = set()
        prefix: set[int] = set()
        find, n = blob.find, len(q)
        at = find(q)
        while at >= 0:
            if not _is_token_char(blob[at - 1]):
                j = self._name_at(at)
                prefix.add(j)
                if not _is_token_char(blob[at + n]):
                    whole.add(j)
            at = find(q, at + 1)
        return whole, prefix

    def substring_names(self, query: str) -> set[int]:
        """The names whose folded text contains ``query``."""
        blob = self.blob
        if blob is None or _SEP in query:
            return {j for j, f in enumerate(self.folded) if query in f}
        found: set[int] = set()
        starts, find = self.starts, blob.find
        at = find(query)
        while at >= 0:
            j = self._name_at(at)
            found.add(j)
            at = find(query, starts[j + 1])
        return found

    def word_score(self, j: int, count: int) -> float:
        """The score of name ``j``, which holds every one of ``count`` query tokens
        whole: higher the fewer other tokens it has."""
        return ALL_WORDS + 10.0 * count / max(len(_TOKEN.findall(self.folded[j])), 1)


def _min_shared_bigrams(query_length: int, length: int) -> int:
    """The fewest bigram occurrences a token of ``length`` shares with a query of
    ``query_length`` when their ratio is at least 0.8 (see ``_Fuzzy``)."""
    total = query_length + length
    matched = (2 * total + 4) // 5  # ceil(0.4 * total)
    return max(1, 3 * matched - total - 1)


class _Fuzzy:
    """The distinct tokens of a dataset's names by length and by the two-character
    sequences (bigrams) they contain, to find the tokens a query may closely spell.

    The ``difflib.SequenceMatcher`` ratio of a query and a token is ``2M/T``:
    ``M`` characters matched, in ``b`` blocks, of ``T`` in both. At 0.8 or more,
    with a query of at least four characters, ``M >= 0.4 T >= 3``. Consecutive
    blocks are separated by an unmatched character of one side or the other, so
    ``b - 1 <= T - 2M``, and the blocks hold ``M - b >= 3M - T - 1`` bigram
    occurrences of the query, found in the token too: a token sharing fewer is
    not looked at. Its length is also within ``[2/3, 3/2]`` of the query's.
    """

    __slots__ = ("by_bigram", "by_length", "words")

    def __init__(self, index: _Index) -> None:
        if index.blob is None:
            words = sorted({t for f in index.folded for t in _TOKEN.findall(f)})
        else:
            words = sorted(set(_TOKEN.findall(index.blob)))
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
        weights = Counter(query[i : i + 2] for i in range(n - 1))
        sharing = sum(len(by_bigram.get(b, ())) for b in weights)
        words = self.words
        candidates: Iterable[int]
        if in_window <= sharing:
            candidates = [w for k in lengths for w in by_length.get(k, ())]
        else:
            counts: Counter[int] = Counter()
            for bigram, weight in weights.items():
                posting = by_bigram.get(bigram)
                if posting:
                    counts.update(posting if weight == 1 else posting * weight)
            least = min(_min_shared_bigrams(n, k) for k in lengths)
            candidates = [
                w
                for w, c in counts.items()
                if c >= least and c >= _min_shared_bigrams(n, len(words[w]))
            ]
        low, high = lengths.start, lengths.stop
        matcher = difflib.SequenceMatcher(None, query, "")
        close: dict[str, float] = {}
        for w in candidates:
            word = words[w]
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
    ``MAX_QUERY`` characters (and stripped again): a longer query answers as
    its first 200 characters, so no query costs more than that.

    The names are folded once per dataset; only the names the index finds are
    scored, lower kinds of match are not looked for once higher ones fill
    ``limit``, and close spellings are looked for only when the other matches
    leave room under it.
    """
    query = _fold(text).strip()[:MAX_QUERY].strip()
    if not query:
        return ()
    index: _Index = dataset._cached("search", lambda: _Index(dataset))
    qtokens = _TOKEN.findall(query)
    name_record = index.name_record
    exact = index.exact_names(query)
    whole: set[int] = set()
    prefix: set[int] = set()
    substring: set[int] = set()
    if qtokens:
        whole, prefix = index.words_and_prefixes(qtokens)
    names = exact | whole
    if limit is None or len({name_record[j] for j in names}) < limit:
        names |= prefix
        if limit is None or len({name_record[j] for j in names}) < limit:
            substring = index.substring_names(query)
            names |= substring
    records, fields, is_code = index.records, index.fields, index.is_code
    # Each name found scores by the best kind of match it is in. Only the names
    # found are scored: a record's other names match in no kind, or in a lower kind
    # than the one that filled ``limit`` (which is why it was not looked for), so
    # the record's best score, and the first field that has it, are the same.
    count = len(qtokens)
    best: dict[int, tuple[float, str]] = {}
    for j in sorted(names):
        if j in exact:
            score = EXACT_CODE if is_code[j] else EXACT_NAME
        elif j in whole:
            score = index.word_score(j, count)
        else:
            score = PREFIX if j in prefix else SUBSTRING
        r = name_record[j]
        if score > best.get(r, _NOTHING)[0]:
            best[r] = (score, fields[j])
    scored = {name_record[j] for j in names}
    found = [(score, r, matched) for r, (score, matched) in best.items()]
    if limit is not None and len(found) > limit:
        found = heapq.nsmallest(limit, found, key=lambda x: (-x[0], records[x[1]].id))
    hits = [SearchHit(record=records[r], score=score, matched=m) for score, r, m in found]
    if len(query) >= 4 and (limit is None or len(hits) < limit):
        room = None if limit is None else limit - len(hits)
        hits.extend(_close_spellings(dataset, index, query, scored, room))
    hits.sort(key=lambda h: (-h.score, h.record.id))
    return tuple(hits if limit is None else hits[:limit])


def _close_spellings(
    dataset: Dataset, index: _Index, query: str, scored: set[int], room: int | None
) -> list[SearchHit]:
    """The best ``room`` (or all) hits on close spellings alone, of the records not
    in ``scored``.

    A record scores ``FUZZY`` times the best ratio of its tokens, so the close
    tokens are taken best first: the records holding them score by them, and once
    ``room`` records have a score the rest, scoring less, are not looked at.
    """
    fuzzy: _Fuzzy = dataset._cached("search_fuzzy", lambda: _Fuzzy(index))
    close = fuzzy.close(query)
    name_record, records = index.name_record, index.records
    seen = set(scored)
    chosen: list[tuple[float, int]] = []
    for ratio in sorted(set(close.values()), reverse=True):
        names: set[int] = set()
        for word, r in close.items():
            if r == ratio:
                names.update(index.token_names(word)[0])
        found = {name_record[j] for j in names} - seen
        seen |= found
        chosen.extend((ratio, r) for r in found)
        if room is not None and len(chosen) >= room:
            break
    if room is not None:
        chosen.sort(key=lambda x: (-x[0], records[x[1]].id))
        del chosen[room:]
    hits = []
    for ratio, r in chosen:
        # The field is the first name whose best token ratio is the record's.
        for j in range(index.first[r], index.first[r + 1]):
            if (
                max((close.get(t, 0.0) for t in _TOKEN.findall(index.folded[j])), default=0.0)
                == ratio
            ):
                hits.append(
                    SearchHit(record=records[r], score=FUZZY * ratio, matched=index.fields[j])
                )
                break
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
    """The one record whose id or name is ``text`` (see
    [`Dataset.lookup`][canjapan.Dataset.lookup])."""
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
