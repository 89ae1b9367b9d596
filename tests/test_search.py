"""Tests of canjapan._search: the indexed search against the plain scan it replaced."""

from __future__ import annotations

import functools
from array import array
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canjapan
from canjapan import Dataset, _search
from canjapan._search import MAX_QUERY, _fold, names_of, search
from canjapan.testing.strategies import datasets
from tests.oracles import scan_search
from tests.test_data import check_snapshot

# The regression queries: the brief's examples, misspellings, short and odd queries.
QUERIES = [
    "ACSA",
    "MLSA",
    "2+2",
    "Blair",
    "Keen Sword",
    "防衛",
    "Kihra",
    "Kihara",
    "HADR",
    "logistics",
    "acquisition and cross-servicing",
    "Anand",
    "joly",
    "Trudeau",
    "Kishida",
    "security",
    "Cooperation",
    "exercise",
    "Canada Japan",
    "Ottawa",
    "Tokyo",
    "LA",
    "a",
    "ka",
    "2019",
    "Pacific Vanguard",
    "GSOMIA",
    "information security agreement",
    "Equipment and Technology",
    "Harpoon",
    "Minister of National Defence",
    "Prime Minister",
    "Mélanie Joly",
    "防衛大臣",
    "カナダ",
    "!!",
    "Ministr",
    "Defense",
    "defence",
    "zzzz",
]


def normalized(text: str) -> str:
    """The query the search runs: folded, stripped and cut to MAX_QUERY."""
    return _fold(text).strip()[:MAX_QUERY].strip()


def plain(hits: tuple[canjapan.SearchHit, ...]) -> list[tuple[str, float, str]]:
    """Hits as comparable plain data."""
    return [(h.record.id, h.score, h.matched) for h in hits]


@functools.cache
def scanned(query: str) -> list[tuple[str, float, str]]:
    """The plain scan's every hit for a query on the bundled data, computed once."""
    return plain(scan_search(canjapan.load(), normalized(query), limit=None))


@functools.cache
def bundled_names() -> list[str]:
    """Every name of the bundled records, in record order."""
    return [name for r in canjapan.load() for _, name, _ in names_of(r)]


def variants(name: str, data: Any) -> str:
    """A name, or a part or misspelling of it, as a user may type it."""
    how = data.draw(st.sampled_from(["whole", "word", "prefix", "slice", "typo", "words"]))
    words = name.split() or [name]
    if how == "whole":
        return name
    if how == "word":
        return str(data.draw(st.sampled_from(words)))
    if how == "prefix":
        word = data.draw(st.sampled_from(words))
        return str(word[: data.draw(st.integers(1, max(1, len(word))))])
    if how == "words":
        start = data.draw(st.integers(0, len(words) - 1))
        return " ".join(words[start : start + data.draw(st.integers(1, 3))])
    if how == "slice":
        i = data.draw(st.integers(0, len(name)))
        j = data.draw(st.integers(i, len(name)))
        return name[i:j]
    word = str(data.draw(st.sampled_from(words)))
    if not word:
        return word
    i = data.draw(st.integers(0, len(word) - 1))
    edit = data.draw(st.sampled_from(["drop", "swap", "insert", "replace"]))
    letter = data.draw(st.sampled_from("aeiouxkr"))
    if edit == "drop":
        return word[:i] + word[i + 1 :]
    if edit == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if edit == "insert":
        return str(word[:i] + letter + word[i:])
    return str(word[:i] + letter + word[i + 1 :])


class TestSearchSnapshot:
    """The regression answers of the bundled data do not change unnoticed."""

    def test_answers_match_snapshot(self, bundled: Dataset) -> None:
        """Hits, scores and order for the regression queries match search.json."""
        current = {q: [list(h) for h in plain(bundled.search(q, limit=15))] for q in QUERIES}
        check_snapshot("search.json", current)

    def test_regression_queries_match_scan(self, bundled: Dataset) -> None:
        """Every regression query answers as the plain scan, with and without a limit."""
        for q in QUERIES:
            # The scan ranks every hit, then cuts: scan once, cut for each limit.
            every = scanned(q)
            for limit in (1, 10, None):
                expected = every if limit is None else every[:limit]
                assert plain(search(bundled, q, limit=limit)) == expected, (q, limit)


class TestSearchAgainstScan:
    """The indexed search returns the same hits, scores and order as the scan."""

    @given(data=st.data(), limit=st.sampled_from([1, 3, 10, None]))
    def test_bundled_names(self, bundled: Dataset, data: Any, limit: int | None) -> None:
        """Names of bundled records, their words, prefixes, slices and misspellings."""
        name = data.draw(st.sampled_from(bundled_names()))
        text = variants(name, data)
        expected = scan_search(bundled, normalized(text), limit=limit)
        assert plain(search(bundled, text, limit=limit)) == plain(expected)

    @given(text=st.text(max_size=40), limit=st.sampled_from([1, 10, None]))
    def test_random_text(self, bundled: Dataset, text: str, limit: int | None) -> None:
        """Any text at all, on the bundled data."""
        expected = scan_search(bundled, normalized(text), limit=limit)
        assert plain(search(bundled, text, limit=limit)) == plain(expected)

    @given(ds=datasets(max_agreements=8, max_events=8), data=st.data())
    def test_generated_datasets(self, ds: Dataset, data: Any) -> None:
        """Generated datasets, queried with their own names' variants and random text."""
        names = [name for r in ds for _, name, _ in names_of(r)]
        for _ in range(5):
            if names and data.draw(st.booleans()):
                text = variants(data.draw(st.sampled_from(names)), data)
            else:
                text = data.draw(st.text(max_size=12))
            expected = scan_search(ds, normalized(text), limit=None)
            assert plain(search(ds, text, limit=None)) == plain(expected)


class TestQueryLength:
    """Queries longer than MAX_QUERY characters are cut, so no query runs unbounded."""

    def test_long_query_is_cut(self, bundled: Dataset) -> None:
        """A query longer than the cap answers as its first MAX_QUERY characters."""
        title = max((a.title for a in bundled.agreements), key=len)
        long = title + " " + "x" * 5000
        assert search(bundled, long) == search(bundled, long[:MAX_QUERY])
        assert len(long[:MAX_QUERY]) == MAX_QUERY

    def test_title_within_the_cap_is_found_exactly(self, bundled: Dataset) -> None:
        """The longest bundled title is within the cap and finds its record first."""
        record = max(bundled.agreements, key=lambda a: len(a.title))
        assert len(record.title) <= MAX_QUERY
        hits = search(bundled, record.title)
        assert hits[0].record is record
        assert hits[0].score == 90.0

    @pytest.mark.parametrize("size", [1_000, 120_000])
    def test_huge_query_answers(self, bundled: Dataset, size: int) -> None:
        """Queries of thousands of characters answer like their cut (no error)."""
        text = ("Kihra " * size)[:size]
        assert search(bundled, text) == search(bundled, text[:MAX_QUERY])


class TestIndexPaths:
    """Every way the index can answer gives the scan's answer."""

    @pytest.mark.parametrize("few", [0, 3, 10**9])
    def test_token_checks_in_few_names(
        self, bundled: Dataset, monkeypatch: pytest.MonkeyPatch, few: int
    ) -> None:
        """Looking every token up, or checking the later ones in the names left."""
        monkeypatch.setattr(_search, "_FEW", few)
        ds = bundled.replace()  # a fresh dataset, with an empty token cache
        assert ds == canjapan.load()  # so the bundled data's scan answers hold
        for q in QUERIES:
            assert plain(search(ds, q, limit=None)) == scanned(q), q

    def test_postings_kept_up_to_the_cap(
        self, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Past the cap, token answers are recomputed each time, and stay right."""
        monkeypatch.setattr(_search, "_POSTINGS", 2)
        ds = bundled.replace()
        for q in ["Keen Sword", "security cooperation agreement", "Keen Sword"]:
            assert plain(search(ds, q)) == plain(scan_search(ds, normalized(q)))

    def test_names_holding_a_nul(self) -> None:
        """A name holding the separator the index joins names with: a scan of the
        folded names instead, same answers."""
        cite = (canjapan.Citation(source="src", quote="q"),)
        ds = Dataset(
            name="T",
            version="1",
            as_of="2026-01-01",
            sources=[canjapan.Source(id="src", title="Source\\x00 one")],
            places=[
                canjapan.Place(id="p1", name="Keen\x00Sword bay", kind="city", citations=cite),
                canjapan.Place(id="p2", name="Kean sword", kind="city", citations=cite),
            ],
        )
        for q in ["keen", "sword", "Keen\x00Sword bay", "bay", "Kean", "swor", "x00", "Keeen"]:
            assert plain(search(ds, q, limit=None)) == plain(
                scan_search(ds, normalized(q), limit=None)
            ), q
        assert search(ds, "Keen\x00Sword bay")[0].record.id == "p1"


class TestTokenCharacters:
    """The index's token boundaries are the tokenizer's."""

    @given(c=st.characters())
    def test_token_char_is_the_pattern(self, c: str) -> None:
        """_is_token_char agrees with the token pattern on any character."""
        assert _search._is_token_char(c) is bool(_search._TOKEN.fullmatch(c))

    def test_every_bundled_character(self, bundled: Dataset) -> None:
        """And on every character of the bundled names, folded."""
        chars = {c for r in bundled for _, name, _ in names_of(r) for c in _fold(name)}
        for c in chars:
            assert _search._is_token_char(c) is bool(_search._TOKEN.fullmatch(c)), c


def _places_dataset(*names: str) -> Dataset:
    """A dataset of places with these names."""
    cite = (canjapan.Citation(source="src", quote="q"),)
    return Dataset(
        name="T",
        version="1",
        as_of="2026-01-01",
        sources=[canjapan.Source(id="src", title="Source")],
        places=[
            canjapan.Place(id=f"p{i}", name=name, kind="city", citations=cite)
            for i, name in enumerate(names)
        ],
    )


class TestTokenText:
    """Token lookups in the token text find every token, wherever it sits."""

    def test_adjacent_tokens(self) -> None:
        """A whole token right before a longer one with the same start is whole."""
        ds = _places_dataset("o oye", "oye o", "o", "x-o-o", "ō·ò")
        for q in ["o", "oye", "o oye", "oy"]:
            assert plain(search(ds, q, limit=None)) == plain(
                scan_search(ds, normalized(q), limit=None)
            ), q
        index: Any = ds._cached("search", lambda: None)
        whole, prefix = index.token_names("o")  # name 0 is the source's title
        assert whole == {1, 2, 3, 4, 5}
        assert prefix == whole

    def test_tokens_at_name_edges(self) -> None:
        """A token ending one name and the same token starting the next are both found."""
        ds = _places_dataset("bay keen", "keen bay", "keen")
        search(ds, "keen")
        index: Any = ds._cached("search", lambda: None)  # name 0 is the source's title
        assert index.token_names("keen") == ({1, 2, 3}, {1, 2, 3})
        assert index.token_names("bay") == ({1, 2}, {1, 2})


class TestNameReading:
    """Names read a field at a time keep each record's names in names_of order."""

    def test_matches_names_of(self, bundled: Dataset) -> None:
        """Every record's names, in order, are what names_of gives."""
        names = _search._Names(bundled)
        by_record: dict[int, list[tuple[str, str, bool]]] = {}
        for j, text in enumerate(names.texts):
            by_record.setdefault(names.owner[j], []).append(
                (names.fields[j], text, names.is_code[j])
            )
        for r, record in enumerate(names.records):
            assert by_record.get(r, []) == list(names_of(record)), record.id

    def test_as_many_names_as_records(self) -> None:
        """Two names on one record and none on the other are not taken for one each."""
        cite = (canjapan.Citation(source="src", quote="q"),)
        people = [
            canjapan.Person(id="p0", name="Ann", aliases=("A", "Annie"), citations=cite),
            canjapan.Person(id="p1", name="Bob", citations=cite),
        ]
        ds = Dataset(
            name="T",
            version="1",
            as_of="2026-01-01",
            sources=[canjapan.Source(id="src", title="Source")],
            people=people,
        )
        names = _search._Names(ds)
        owned = [(names.records[r].id, t) for r, t in zip(names.owner, names.texts, strict=True)]
        assert sorted(owned) == [
            ("p0", "A"),
            ("p0", "Ann"),
            ("p0", "Annie"),
            ("p1", "Bob"),
            ("src", "Source"),
        ]
        assert plain(search(ds, "annie")) == [("p0", 100.0, "aliases")]

    @given(ds=datasets(max_agreements=6, max_events=6))
    def test_generated_datasets(self, ds: Dataset) -> None:
        """And on generated datasets, whose fields may be empty or hold several names."""
        names = _search._Names(ds)
        got = sorted(zip(names.owner, range(len(names.texts)), names.texts, strict=True))
        expected = [(r, text) for r, record in enumerate(ds) for _, text, _ in names_of(record)]
        assert [(r, text) for r, _, text in got] == expected


class TestCloseSpellingBlocks:
    """Close spellings are found through blocks of names, and across them."""

    @pytest.mark.parametrize("block", [1, 2, 4096])
    def test_blocks_of_any_size(
        self, bundled: Dataset, monkeypatch: pytest.MonkeyPatch, block: int
    ) -> None:
        """However many names a block holds, the close spellings are the scan's."""
        monkeypatch.setattr(_search, "_BLOCK", block)
        ds = bundled.replace()
        for q in ["Kihra", "Trudo", "Pacfic Vanguard", "Harpon", "Ministr"]:
            assert plain(search(ds, q, limit=None)) == scanned(q), q

    def test_forget_queries(self, bundled: Dataset) -> None:
        """Forgetting what queries left gives the same answers again."""
        ds = bundled.replace()
        first = plain(search(ds, "Kihra", limit=None))
        index: Any = ds._cached("search", lambda: None)
        fuzzy: Any = ds._cached("search_fuzzy", lambda: None)
        assert index._postings
        assert fuzzy._bigrams
        index.forget_queries()
        fuzzy.forget_queries()
        assert not index._postings
        assert not fuzzy._bigrams
        assert plain(search(ds, "Kihra", limit=None)) == first

    def test_words_by_length(self, bundled: Dataset) -> None:
        """Each length's text holds the tokens of that length, every token of every name."""
        ds = bundled.replace()
        search(ds, "Kihra")
        fuzzy: Any = ds._cached("search_fuzzy", lambda: None)
        found: set[str] = set()
        for k, text in fuzzy.runs.items():
            words = text.split(" ")
            assert len(text) == len(words) * (k + 1) - 1, k  # fixed width: p // (k + 1)
            assert {len(w) for w in words} == {k}
            found.update(words)
        tokens = {t for name in bundled_names() for t in _search._TOKEN.findall(_fold(name))}
        assert found == tokens

    @pytest.mark.parametrize(
        "query", ["kakak", "kakakak", "banana", "bananna", "anana", "aaaa", "aaaaaa", "20155"]
    )
    def test_repeated_pairs(self, query: str) -> None:
        """Tokens holding a character pair more than once, or overlapping, are not missed."""
        ds = _places_dataset(
            "kakaka", "kaka bay", "banana", "bananas", "aaaaa", "aaa", "2015", "20151", "a 201555"
        )
        expected = plain(scan_search(ds, normalized(query), limit=None))
        assert plain(search(ds, query, limit=None)) == expected
        assert expected  # a close spelling, not only an empty answer


class TestCloseLengths:
    """Close spellings are looked for among the token lengths that can reach 0.8."""

    def test_exactly_the_lengths_that_can_reach_the_ratio(self) -> None:
        """A length is looked at when, all its characters matched, the ratio (as
        difflib computes it) reaches 0.8, and only then."""
        for n in range(1, 80):
            can = [k for k in range(1, 4 * n) if 2.0 * min(n, k) / (n + k) >= 0.8]
            assert list(_search._close_lengths(n)) == can, n

    @pytest.mark.parametrize(
        ("query", "edge"), [("abcdef", "abdf"), ("abcdef", "abcxdefyz"), ("abcd", "axbcdy")]
    )
    def test_tokens_at_the_edges(self, query: str, edge: str) -> None:
        """A token as short or as long as a ratio of 0.8 allows is still found."""
        ds = _places_dataset("abdf", "abcxdefyz", "axbcdy", "abf", "abcdefghijk")
        hits = search(ds, query, limit=None)
        assert plain(hits) == plain(scan_search(ds, normalized(query), limit=None))
        names = {p.id: p.name for p in ds.places}
        assert edge in {names[h.record.id] for h in hits}


class TestFewestTokens:
    """Of many names holding the query's words, only those that decide the top are scored."""

    @pytest.mark.parametrize("limit", [1, 2, 3, 5, 8])
    @pytest.mark.parametrize("query", ["bay", "keen bay", "bay bay", "keen", "port"])
    def test_same_as_scan(self, query: str, limit: int) -> None:
        """Ties at the cut, records with several names and exact names are the scan's."""
        ds = _places_dataset(
            "keen bay port",
            "bay",
            "keen bay",
            "bay keen",
            "north bay port",
            "bay of keen port",
            "keen",
            "port bay keen bay",
            "bay port",
            "keen port",
            "old bay",
            "bay bay bay",
        )
        expected = plain(scan_search(ds, normalized(query), limit=limit))
        assert plain(search(ds, query, limit=limit)) == expected
        assert expected

    def test_names_left_out(self) -> None:
        """The names with more tokens than the best records need are not scored."""
        names = [1, 2, 3, 4, 5, 6]
        tokens = {1: 3, 2: 1, 3: 2, 4: 1, 5: 4, 6: 0}  # 0 scores as 1
        owner = array("l", [9, 0, 0, 1, 2, 3, 4])  # names 1 and 2: record 0
        assert _search._fewest_tokens(names, tokens, owner, 2) == [2, 4, 6]
        assert _search._fewest_tokens(names, tokens, owner, 3) == [2, 4, 6]  # 3 records
        assert _search._fewest_tokens(names, tokens, owner, 4) == [2, 3, 4, 6]
        assert _search._fewest_tokens(names, tokens, owner, 9) == names
