"""Ranked search over the names of records."""

from __future__ import annotations

import difflib
import heapq
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import accumulate, chain, compress, groupby, islice, repeat
from operator import add, attrgetter, floordiv, itemgetter, sub
from typing import TYPE_CHECKING, Final

import attrs

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


_ONE: Final = 0
_OPTIONAL: Final = 1
_MANY: Final = 2
_LABELS: Final = 3

_Field = tuple[str, int, bool]

_NAME_FIELDS: Final[dict[type, tuple[_Field, ...]]] = {
    Agreement: (
        ("title", _ONE, False),
        ("short_names", _MANY, False),
        ("abbreviations", _MANY, True),
    ),
    Event: (("title", _ONE, False), ("aliases", _MANY, True)),
    Mechanism: (
        ("name", _ONE, False),
        ("abbreviations", _MANY, True),
        ("aliases", _MANY, True),
    ),
    Organization: (
        ("name", _ONE, False),
        ("abbreviation", _OPTIONAL, True),
        ("aliases", _MANY, True),
    ),
    Person: (("name", _ONE, False), ("aliases", _MANY, True)),
    Post: (("title", _ONE, False),),
    Source: (("title", _ONE, False),),
    Place: (("name", _ONE, False),),
    Topic: (("name", _ONE, False),),
    Figure: (("description", _ONE, False),),
}
"""The fields each kind of record is known by, in order: ``(attribute, how, is_code)``,
``how`` being one text, an optional text, a tuple of texts or a tuple of labels.
Labels come last, for the kinds that have them."""
for _cls, _fields in _NAME_FIELDS.items():
    if "labels" in attrs.fields_dict(_cls):
        _NAME_FIELDS[_cls] = (*_fields, ("labels", _LABELS, False))
del _cls, _fields


def _name_fields(cls: type) -> tuple[_Field, ...]:
    """The name fields of records of class ``cls`` (or of the model class it extends)."""
    for base in cls.__mro__:
        found = _NAME_FIELDS.get(base)
        if found is not None:
            return found
    return ()


def names_of(record: Record) -> Iterator[tuple[str, str, bool]]:
    """``(field, text, is_code)`` for every name a record is known by."""
    for attr, how, is_code in _name_fields(type(record)):
        value = getattr(record, attr)
        if how == _ONE:
            yield attr, value, is_code
        elif how == _OPTIONAL:
            if value:
                yield attr, value, is_code
        elif how == _MANY:
            for text in value:
                yield attr, text, is_code
        else:
            for label in value:
                yield attr, label.text, is_code


class _Names:
    """Every name of a dataset's records, read a field at a time: runs of records of
    one class are read attribute by attribute, so that the names of a record come
    in the order [`names_of`][] gives them, among those of other records.

    ``records`` is the dataset in order; for each name, ``owner`` is its record's
    position, ``fields`` its field and ``is_code`` whether it is a code.
    """

    __slots__ = ("fields", "is_code", "owner", "records", "texts")

    def __init__(self, dataset: Iterable[Record]) -> None:
        self.records = records = list(dataset)
        self.texts: list[str] = []
        self.fields: list[str] = []
        self.is_code: list[bool] = []
        self.owner = array("l")
        at = 0
        for cls, run in groupby(map(type, records)):
            size = len(list(run))
            self._read(cls, records[at : at + size], at)
            at += size

    def _read(self, cls: type, records: list[Record], base: int) -> None:
        texts, owner = self.texts, self.owner
        positions = range(base, base + len(records))
        each = array("l", positions)  # the owners of a field every record has once
        for attr, how, is_code in _name_fields(cls):
            before = len(texts)
            values = list(map(attrgetter(attr), records))
            if how == _ONE:
                texts.extend(values)
                owner.extend(each)
            elif how == _OPTIONAL:
                texts.extend(compress(values, values))
                owner.extend(compress(positions, values))
            else:
                items = chain.from_iterable(values)
                texts.extend(items if how == _MANY else map(_LABEL_TEXT, items))
            added = len(texts) - before
            if how in (_MANY, _LABELS):  # a tuple each: none at all, one each are usual
                if added == len(values) and all(values):
                    owner.extend(each)
                elif added:
                    owner.extend(chain.from_iterable(map(repeat, positions, map(len, values))))
            self.fields.extend(repeat(attr, added))
            self.is_code.extend(repeat(is_code, added))


MAX_QUERY: Final = 200
"""Queries are cut to this many characters (once folded and stripped)."""
_POSTINGS: Final = 20_000
"""The most tokens (or character pairs) whose answers an index keeps."""
_FEW: Final = 256
"""Few enough names to check the remaining query tokens in each."""
_BLOCK: Final = 4096
"""Names per block of the close-spelling table's token sets."""
_CHECK: Final = 4096
"""Few enough names to compare each with a query instead of looking for it."""
_SAMPLE: Final = 256
_SAMPLES: Final = 16
"""Runs of names, and their number, whose tokens tell how common a token is."""

_SEP: Final = "\x00"
_GAP: Final = _SEP * 3
"""What the names are joined with: a token at either end of a name is then framed
by spaces in the token text, whatever name is beside it."""
_LABEL_TEXT: Final = attrgetter("text")
_FIRST_CHAR: Final = itemgetter(slice(None, 1))


def _is_token_char(c: str) -> bool:
    """``c`` is part of a token: what ``[\\w+]`` matches (``\\w`` is alphanumeric or ``_``)."""
    return c.isalnum() or c in "_+"


_ASCII_SPACES: Final = {i: " " for i in range(128) if not _is_token_char(chr(i))}


def _token_text(blob: str) -> str:
    """``blob`` with every character that is not part of a token made a space.

    Positions do not move, and every token is framed by spaces, so ``" q "`` finds
    the token ``q`` and ``" q"`` the tokens starting with it with no check around
    each hit."""
    if blob.isascii():
        return blob.translate(_ASCII_SPACES)  # a 1:1 ASCII table: translated in C
    spaces = {ord(c): " " for c in set(blob) if not _is_token_char(c)}
    return blob.translate(spaces)


def _starts(lengths: Iterable[int], gap: int) -> array[int]:
    """Where each of the texts of ``lengths`` starts once joined by, and framed with,
    ``gap`` characters (one more entry: where a next one would start)."""
    return array("l", accumulate(map(add, lengths, repeat(gap)), initial=gap))


def _holders(starts: array[int], places: Iterable[int]) -> Iterator[int]:
    """The text (by [`_starts`][]) holding each of ``places``."""
    return map(sub, map(bisect_right, repeat(starts), places), repeat(1))


def _hits(parts: list[str], width: int, offset: int = 0) -> Iterator[int]:
    """Where the text ``str.split`` cut into ``parts`` at a separator of ``width``
    characters has, for each separator, its second character, plus ``offset``."""
    ends = accumulate(map(add, map(len, islice(parts, len(parts) - 1)), repeat(width)))
    return map(add, ends, repeat(offset + 1 - width))


class _Index:
    """Every name of a dataset's records, folded once and joined into one text,
    in which ``str.find`` and ``str.split`` answer exact, whole-word, prefix and
    substring matches without scoring every name.

    The names are read a field at a time (see [`_Names`][]) and numbered in that
    order; name ``j`` starts at ``starts[j]`` in ``blob`` (the names, joined by and
    framed with three NULs). ``tokens`` is ``blob`` with every character that is
    not part of a token made a space, built on the first token lookup. A name
    holding a NUL itself (``blob`` is then ``None``) turns every lookup into a scan
    of the folded names.
    """

    __slots__ = (
        "_postings",
        "_sample",
        "_tokens",
        "blob",
        "count",
        "fields",
        "folded",
        "is_code",
        "name_record",
        "records",
        "starts",
    )

    def __init__(self, dataset: Dataset) -> None:
        names = _Names(dataset)
        texts = names.texts
        self.records = names.records
        self.fields = names.fields
        self.is_code = names.is_code
        self.name_record = names.owner
        self.count = len(texts)
        # Framed as joined, with no copy of the joined text to add the ends.
        joined = _GAP.join(chain(("",), texts, ("",)))
        lengths: Iterable[int]
        self.blob: str | None = None
        self.folded: list[str] | None = None
        if joined.count(_SEP) != 3 * (len(texts) + 1):  # a name holds a NUL
            self.folded = [_fold(t) for t in texts]
            lengths = map(len, self.folded)
        elif joined.isascii():
            self.blob = joined.lower()
            lengths = map(len, texts)  # lower() keeps an ASCII text's length
        else:
            # Decomposition, dropping combining marks and case folding all work
            # character by character, and NUL is a starter none of them changes, so
            # the joined names fold to the folded names joined.
            self.blob = _fold(joined)
            lengths = map(len, self.blob[3:-3].split(_GAP)) if texts else ()
        del joined
        self.starts = _starts(lengths, len(_GAP))
        self._tokens: str | None = None
        self._sample: Counter[str] | None = None
        self._postings: dict[str, tuple[frozenset[int], frozenset[int]]] = {}

    @property
    def tokens(self) -> str:
        """``blob`` with spaces for the characters that are not part of a token."""
        found = self._tokens
        if found is None:
            assert self.blob is not None
            found = self._tokens = _token_text(self.blob)
        return found

    def forget_queries(self) -> None:
        """Drop what earlier queries left (the token answers), as before any query."""
        self._postings.clear()

    def name(self, j: int) -> str:
        """Name ``j``, folded."""
        if self.folded is not None:
            return self.folded[j]
        assert self.blob is not None
        return self.blob[self.starts[j] : self.starts[j + 1] - 3]

    def names(self, js: list[int], text: str | None = None) -> Iterator[str]:
        """The names ``js``, folded: sliced out of ``blob`` (or of ``text``, as long
        and aligned, such as ``tokens``) in C."""
        if self.folded is not None:
            return map(self.folded.__getitem__, js)
        text = self.blob if text is None else text
        assert text is not None
        starts = self.starts
        ends = map(sub, map(starts.__getitem__, map(add, js, repeat(1))), repeat(3))
        return map(text.__getitem__, map(slice, map(starts.__getitem__, js), ends))

    def _name_at(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def names_at(self, places: Iterable[int]) -> Iterator[int]:
        """The name holding each position of ``blob`` (or of ``tokens``)."""
        return _holders(self.starts, places)

    def exact_names(self, query: str, among: Collection[int] | None = None) -> set[int]:
        """The names whose folded text is ``query``, of ``among`` if given (the names
        holding every query token whole, which any such name does)."""
        if among is not None and len(among) <= _CHECK:
            size, starts = len(query), self.starts
            return {
                j for j in among if starts[j + 1] - starts[j] - 3 == size and self.name(j) == query
            }
        if self.folded is not None or _SEP in query:
            return {j for j, f in enumerate(self.names(list(range(self.count)))) if f == query}
        assert self.blob is not None
        found: set[int] = set()
        find, framed = self.blob.find, _SEP + query + _SEP
        at = find(framed)
        while at >= 0:
            found.add(self._name_at(at + 1))
            at = find(framed, at + len(framed))
        return found

    def _rarity(self, token: str) -> tuple[int, int]:
        """How common ``token`` is in a sample of the names (``_SAMPLES`` runs of
        ``_SAMPLE`` names spread over all), then longer first."""
        sample = self._sample
        if sample is None:
            count = self.count
            runs = range(0, count, max(count // _SAMPLES, _SAMPLE))
            if self.folded is not None:
                texts = [f for lo in runs for f in self.folded[lo : lo + _SAMPLE]]
            else:
                starts, blob = self.starts, self.blob
                assert blob is not None
                texts = [blob[starts[lo] : starts[min(lo + _SAMPLE, count)]] for lo in runs]
            sample = self._sample = Counter(chain.from_iterable(map(_TOKEN.findall, texts)))
        return sample[token], -len(token)

    def token_names(self, q: str) -> tuple[frozenset[int], frozenset[int]]:
        """The names with ``q`` as one of their tokens, and those with a token
        starting with ``q`` (a token itself).

        Each token's answer is kept (up to ``_POSTINGS`` tokens), so that a common
        word is looked for in the names once."""
        found = self._postings.get(q)
        if found is None:
            found = self._find_token(q)
            if len(self._postings) < _POSTINGS:
                self._postings[q] = found
        return found

    def words_and_prefixes(self, qtokens: list[str]) -> tuple[set[int], set[int]]:
        """The names holding every query token whole, and those with, for every
        query token, a token starting with it. The rarest tokens in a sample of the
        names are looked up first; once few names are left, the rest are checked
        in those names."""
        distinct = sorted(set(qtokens), key=self._rarity)
        whole, prefix = (set(x) for x in self.token_names(distinct[0]))
        rest = distinct[1:]
        while rest and len(prefix) > _FEW:
            w, p = self.token_names(rest.pop(0))
            whole &= w
            prefix &= p
        if rest:
            for j in list(prefix):
                ts = _TOKEN.findall(self.name(j))
                if not all(any(t.startswith(q) for t in ts) for q in rest):
                    prefix.discard(j)
                    whole.discard(j)
                elif j in whole and not all(q in ts for q in rest):
                    whole.discard(j)
        return whole, prefix

    def _find_token(self, q: str) -> tuple[frozenset[int], frozenset[int]]:
        if self.folded is not None:
            tokens = [_TOKEN.findall(f) for f in self.folded]
            return (
                frozenset(j for j, ts in enumerate(tokens) if q in ts),
                frozenset(j for j, ts in enumerate(tokens) if any(t.startswith(q) for t in ts)),
            )
        # Split at every token starting with q: the name of each hit is found from
        # where it is, and the hit is a whole token when a space follows it (the
        # part after it starts with one, or is empty: the next hit took the space).
        parts = self.tokens.split(" " + q)
        names = list(self.names_at(_hits(parts, len(q) + 1)))
        after = map(_FIRST_CHAR, islice(parts, 1, None))
        whole = compress(names, map(" ".__contains__, after))
        return frozenset(whole), frozenset(names)

    def whole_names(self, word: str, blocks: _Blocks | None) -> frozenset[int]:
        """The names with the token ``word``: what [`token_names`][] gives first,
        found in the blocks of names that hold the token only."""
        found = self._postings.get(word)
        if found is not None:
            return found[0]
        if blocks is None:
            return self.token_names(word)[0]
        names: list[int] = []
        framed = " " + word + " "
        for start, text in blocks.holding(word):
            parts = text.split(framed)
            names.extend(self.names_at(_hits(parts, len(framed), start)))
        return frozenset(names)

    def substring_names(self, query: str) -> set[int]:
        """The names whose folded text contains ``query``."""
        blob = self.blob
        if blob is None or _SEP in query:
            return {j for j, f in enumerate(self.names(list(range(self.count)))) if query in f}
        found: set[int] = set()
        starts, find = self.starts, blob.find
        at = find(query)
        while at >= 0:
            j = self._name_at(at)
            found.add(j)
            at = find(query, starts[j + 1])
        return found

    def token_counts(self, js: list[int]) -> dict[int, int]:
        """How many tokens each of the names ``js`` has: the words of its part of
        ``tokens``, where every character that is not part of a token is a space."""
        if self.folded is not None:
            return dict(zip(js, map(len, map(_TOKEN.findall, self.names(js))), strict=True))
        parts = self.names(js, self.tokens)
        return dict(zip(js, map(len, map(str.split, parts)), strict=True))


def _close_lengths(query_length: int) -> range:
    """The token lengths ``k`` whose ratio with a query of ``query_length`` can reach
    0.8: ``2 min(n, k) / (n + k) >= 0.8``, that is ``2n/3 <= k <= 3n/2``."""
    n = query_length
    return range(max(1, -(-2 * n // 3)), 3 * n // 2 + 1)


def _min_shared_bigrams(query_length: int, length: int) -> int:
    """The fewest bigram occurrences a token of ``length`` shares with a query of
    ``query_length`` when their ratio is at least 0.8 (see ``_Fuzzy``)."""
    total = query_length + length
    matched = (2 * total + 4) // 5  # ceil(0.4 * total)
    return max(1, 3 * matched - total - 1)


def _by_length(words: Iterable[str], into: dict[int, list[str]]) -> None:
    """Append ``words``, joined by spaces, to ``into[k]`` for each length ``k``."""
    ordered = sorted(words, key=len)
    lo, end = 0, len(ordered)
    while lo < end:
        k = len(ordered[lo])
        hi = bisect_right(ordered, k, lo, end, key=len)
        into.setdefault(k, []).append(" ".join(ordered[lo:hi]))
        lo = hi


class _Blocks:
    """The token text of an index cut into blocks of ``_BLOCK`` names, each with the
    set of its tokens: a rare token is looked for only in the blocks holding it.

    Every block's tokens, each block's once, are added to ``by_length`` by length:
    the close-spelling table's words, deduplicated a block at a time (which costs a
    fraction of one set of every token, as each block's set is small).
    """

    __slots__ = ("sets", "texts")

    def __init__(self, index: _Index, by_length: dict[int, list[str]]) -> None:
        tokens, starts = index.tokens, index.starts
        count = index.count
        self.texts: list[tuple[int, str]] = []
        self.sets: list[set[str]] = []
        for lo in range(0, count, _BLOCK):
            hi = min(lo + _BLOCK, count)
            # From the space before the block's first name to the one after its last.
            a, z = starts[lo] - 1, starts[hi] - 2
            text = tokens[a:z]
            found = set(text.split())
            self.texts.append((a, text))
            self.sets.append(found)
            _by_length(found, by_length)  # while the block's tokens are in the cache

    def holding(self, word: str) -> list[tuple[int, str]]:
        """``(start, text)`` of each block with the token ``word``."""
        return list(compress(self.texts, map(set.__contains__, self.sets, repeat(word))))


class _Fuzzy:
    """The tokens of a dataset's names, to find the tokens a query may closely spell,
    and the blocks of names holding each.

    The ``difflib.SequenceMatcher`` ratio of a query and a token is ``2M/T``:
    ``M`` characters matched, in ``b`` blocks, of ``T`` in both. At 0.8 or more,
    with a query of at least four characters, ``M >= 0.4 T >= 3``. Consecutive
    blocks are separated by an unmatched character of one side or the other, so
    ``b - 1 <= T - 2M``, and the blocks hold ``M - b >= 3M - T - 1`` bigram
    occurrences of the query, found in the token too: a token sharing fewer is
    not looked at. Its length is also within ``[2/3, 3/2]`` of the query's.

    The tokens of each length ``k`` are one text (``runs[k]``), joined by spaces,
    so the token at position ``p`` is number ``p // (k + 1)``; a token is there
    once for each block of names holding it (see [`_Blocks`][]). The tokens of a
    length holding a bigram are found by splitting that text at it, the first time
    a query has the bigram and length, and kept (like token answers).
    """

    __slots__ = ("_bigrams", "blocks", "runs")

    def __init__(self, index: _Index) -> None:
        by_length: dict[int, list[str]] = {}
        if index.folded is not None:
            self.blocks: _Blocks | None = None
            _by_length({t for f in index.folded for t in _TOKEN.findall(f)}, by_length)
        else:
            self.blocks = _Blocks(index, by_length)
        self.runs = {k: " ".join(texts) for k, texts in by_length.items()}
        self._bigrams: dict[tuple[str, int], array[int]] = {}

    def forget_queries(self) -> None:
        """Drop what earlier queries left (the bigram answers), as before any query."""
        self._bigrams.clear()

    def with_bigram(self, bigram: str, length: int) -> array[int]:
        """The tokens of ``length`` holding ``bigram``, by number in ``runs[length]``
        (a token once for each time it holds the bigram, overlaps apart)."""
        found = self._bigrams.get((bigram, length))
        if found is None:
            parts = self.runs[length].split(bigram)
            found = array("l", map(floordiv, _hits(parts, len(bigram)), repeat(length + 1)))
            if len(self._bigrams) < _POSTINGS:
                self._bigrams[bigram, length] = found
        return found

    def close(self, query: str) -> dict[str, float]:
        """The tokens whose ratio with ``query`` is at least 0.8, with that ratio."""
        n = len(query)
        weights = Counter(query[i : i + 2] for i in range(n - 1) if " " not in query[i : i + 2])
        candidates: set[str] = set()
        for k in _close_lengths(n):
            text = self.runs.get(k)
            if text is None:
                continue
            counts: Counter[int] = Counter()
            for bigram, weight in weights.items():
                posting = self.with_bigram(bigram, k)
                counts.update(posting if weight == 1 else posting * weight)
            need, width = _min_shared_bigrams(n, k), k + 1
            candidates.update(
                text[i * width : i * width + k] for i, c in counts.items() if c >= need
            )
        matcher = difflib.SequenceMatcher(None, query, "")
        close: dict[str, float] = {}
        for word in candidates:
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
    whole: set[int] = set()
    prefix: set[int] = set()
    substring: set[int] = set()
    if qtokens:
        whole, prefix = index.words_and_prefixes(qtokens)
    exact = index.exact_names(query, whole if qtokens else None)
    names = exact | whole
    if limit is None or len(set(map(name_record.__getitem__, names))) < limit:
        names |= prefix
        if limit is None or len(set(map(name_record.__getitem__, names))) < limit:
            substring = index.substring_names(query)
            names |= substring
    records, fields, is_code = index.records, index.fields, index.is_code
    # Each name found scores by the best kind of match it is in. Only the names
    # found are scored: a record's other names match in no kind, or in a lower kind
    # than the one that filled ``limit`` (which is why it was not looked for), so
    # the record's best score, and the first field that has it, are the same.
    # A record's names are numbered in the order names_of gives them.
    # A name holding every query token whole scores higher the fewer other tokens
    # it has: of many such names, only those that can decide the best ``limit``
    # records are scored (see _fewest_tokens).
    count = len(qtokens)
    order = sorted(names)
    scored = set(map(name_record.__getitem__, names))
    words = [j for j in order if j in whole and j not in exact]
    tokens = index.token_counts(words)
    if limit is not None and len(words) > limit:
        kept = _fewest_tokens(words, tokens, name_record, limit)
        if len(kept) < len(words):
            order = sorted(chain(kept, (j for j in order if j not in whole or j in exact)))
    best: dict[int, tuple[float, str]] = {}
    for j in order:
        if j in exact:
            score = EXACT_CODE if is_code[j] else EXACT_NAME
        elif j in whole:
            score = ALL_WORDS + 10.0 * count / max(tokens[j], 1)
        else:
            score = PREFIX if j in prefix else SUBSTRING
        r = name_record[j]
        if score > best.get(r, _NOTHING)[0]:
            best[r] = (score, fields[j])
    found = [(score, r, matched) for r, (score, matched) in best.items()]
    if limit is not None and len(found) > limit:
        found = heapq.nsmallest(limit, found, key=lambda x: (-x[0], records[x[1]].id))
    hits = [SearchHit(record=records[r], score=score, matched=m) for score, r, m in found]
    if len(query) >= 4 and (limit is None or len(hits) < limit):
        room = None if limit is None else limit - len(hits)
        hits.extend(_close_spellings(dataset, index, query, scored, room))
    hits.sort(key=lambda h: (-h.score, h.record.id))
    return tuple(hits if limit is None else hits[:limit])


def _fewest_tokens(
    words: list[int], tokens: dict[int, int], name_record: array[int], limit: int
) -> list[int]:
    """The names of ``words`` (each holding every query token whole, none exactly
    the query) that can decide the best ``limit`` records.

    Such a name scores higher the fewer tokens it has. Once the names with at most
    ``c`` tokens are in ``limit`` records, those records all score at least what
    ``c`` tokens give: a name with more tokens scores less, so it is not its
    record's best if the record is among them, and its record is not among the
    best ``limit`` otherwise. The answer is the same without those names.
    """
    counts = list(map(max, map(tokens.__getitem__, words), repeat(1)))  # as scored
    records: set[int] = set()
    for c in sorted(set(counts)):
        records.update(map(name_record.__getitem__, compress(words, map(c.__eq__, counts))))
        if len(records) >= limit:
            return list(compress(words, map(c.__ge__, counts)))
    return words


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
                names.update(index.whole_names(word, fuzzy.blocks))
        found = set(map(name_record.__getitem__, names)) - seen
        seen |= found
        if room is not None and len(chosen) + len(found) > room:
            # Ties broken by id: of this ratio's records, the first ones by id.
            found = set(heapq.nsmallest(room - len(chosen), found, key=lambda r: records[r].id))
        chosen.extend(zip(repeat(ratio), found))
        if room is not None and len(chosen) >= room:
            break
    chosen.sort(key=lambda x: (-x[0], records[x[1]].id))
    hits = []
    for ratio, r in chosen:
        record = records[r]
        # The field is the first name whose best token ratio is the record's.
        for field, name, _ in names_of(record):
            if max((close.get(t, 0.0) for t in _TOKEN.findall(_fold(name))), default=0.0) == ratio:
                hits.append(SearchHit(record=record, score=FUZZY * ratio, matched=field))
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
