"""Tests of canjapan._display: the notebook HTML of records, results and datasets."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs
import pytest

import canjapan
from canjapan import _bundled
from canjapan._dataset import COLLECTIONS
from canjapan._dates import PartialDate
from canjapan._display import (
    citation_html,
    dataset_html,
    date_html,
    human_date,
    in_force_html,
    office_holders_html,
    record_html,
    records_html,
    search_html,
    snapshot_html,
    timeline_html,
)

VOID = {"br", "hr", "img", "meta", "input", "link", "wbr"}


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def links(markup: str) -> list[str]:
    return [a["href"] or "" for tag, a in parse(markup).tags if tag == "a"]


def hostile(mini: canjapan.Dataset) -> canjapan.Dataset:
    """The mini dataset with markup in a title, a note, a quote and a source title."""
    agreements = [
        attrs.evolve(
            a,
            title="<script>alert(1)</script> & Co",
            note='"quoted" <b>bold</b>',
            citations=(canjapan.Citation(source="src-backgrounder", quote="<i>x</i>"),),
        )
        if a.id == "logistics"
        else a
        for a in mini.agreements
    ]
    sources = [attrs.evolve(s, title="<img src=x onerror=alert(1)>") for s in mini.sources]
    return mini.replace(agreements=agreements, sources=sources)


class TestHumanDate:
    """human_date: a reading of a partial date for people."""

    @pytest.mark.parametrize(
        ("text", "reading"),
        [
            ("2019-07", "July 2019"),
            ("2012-23", "autumn 2012"),
            ("2012-21", "spring 2012"),
            ("2012-24", "winter 2012–2013"),
            ("2019-07-15?", "2019-07-15 (uncertain)"),
            ("2019~", "2019 (approximate)"),
            ("2019-07%", "July 2019 (uncertain, approximate)"),
            ("201X", "2010–2019"),
            ("2011-XX", "a month in 2011"),
            ("2011-06-XX", "a day in June 2011"),
            ("2011-XX-XX", "a day in 2011"),
            ("2010-11-14", "2010-11-14"),
        ],
    )
    def test_readings(self, text: str, reading: str) -> None:
        """Each precision and qualifier reads as a person would write it."""
        assert human_date(PartialDate.parse(text)) == reading


class TestDateHtml:
    """date_html: the EDTF text, a title with the span of days, a human reading."""

    def test_partial_date_has_span_title_and_reading(self) -> None:
        """A month shows its text, its first and last day as title, and 'July 2019'."""
        markup = date_html(PartialDate.parse("2019-07"))
        checker = parse(markup)
        span = next(a for tag, a in checker.tags if tag == "span")
        assert span["title"] == "2019-07-01 – 2019-07-31"
        assert "2019-07" in checker.text
        assert "(July 2019)" in "".join(checker.text)

    def test_exact_day_has_no_repeated_reading(self) -> None:
        """An exact day's title is the day itself and no reading repeats the text."""
        markup = date_html(PartialDate.parse("2010-11-14"))
        span = next(a for tag, a in parse(markup).tags if tag == "span")
        assert span["title"] == "2010-11-14"
        assert "<small>" not in markup

    def test_none_is_empty(self) -> None:
        """A missing date renders as nothing."""
        assert date_html(None) == ""


class TestRecordHtml:
    """record_html and the records' _repr_html_ hooks."""

    def test_every_string_is_escaped(self, mini: canjapan.Dataset) -> None:
        """Markup in titles, notes, quotes and source titles is escaped, not rendered."""
        ds = hostile(mini)
        record = ds.get("logistics")
        for markup in (record_html(record, ds), dataset_html(ds), timeline_html(ds.timeline(), ds)):
            checker = parse(markup)
            assert not {"script", "img", "b", "i"} & {tag for tag, _ in checker.tags}
        text = "".join(parse(record_html(record, ds)).text)
        assert "<script>alert(1)</script> & Co" in text
        assert '"quoted" <b>bold</b>' in text
        assert "<img src=x onerror=alert(1)>" in text

    def test_repr_html_hook_uses_record_html(self, mini: canjapan.Dataset) -> None:
        """Every record's _repr_html_ gives record_html of it."""
        for record in mini:
            assert record._repr_html_() == record_html(record)

    def test_bare_record_shows_source_id(self, mini: canjapan.Dataset) -> None:
        """Without a dataset, a citation names the source id and links nowhere."""
        markup = record_html(mini.get("logistics"))
        assert links(markup) == []
        assert "<code>src-backgrounder</code>" in markup

    def test_dataset_links_citations_to_sources(self, mini: canjapan.Dataset) -> None:
        """With its dataset, each citation links to its source's address."""
        record = mini.get("logistics")
        assert isinstance(record, canjapan.Agreement)
        count = len(record.citations) + sum(len(m.citations) for m in record.milestones)
        markup = record_html(record, mini)
        assert links(markup) == ["https://example.org/backgrounder"] * count
        assert "A backgrounder" in markup

    def test_bundled_records_link_by_themselves(
        self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A record of the loaded bundled dataset finds its sources without help."""
        monkeypatch.setattr(_bundled, "_dataset", mini)
        assert "https://example.org/backgrounder" in links(mini.get("troops")._repr_html_())

    def test_equal_record_of_another_dataset_does_not_link(
        self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Only the bundled dataset's own record objects use its sources."""
        monkeypatch.setattr(_bundled, "_dataset", mini)
        copy = attrs.evolve(mini.get("troops"))
        assert links(copy._repr_html_()) == []

    def test_fields_and_nested_tables(self, mini: canjapan.Dataset) -> None:
        """An agreement shows its fields, a milestones table and dates at precision."""
        markup = record_html(mini.get("logistics"), mini)
        text = "".join(parse(markup).text)
        for expected in ("Logistics Agreement", "entered_into_force", "2019-07", "(July 2019)"):
            assert expected in text
        assert markup.count("<table") == 2  # the record and its milestones

    def test_source_url_is_a_link(self, mini: canjapan.Dataset) -> None:
        """A source's own address is rendered as a link."""
        assert links(mini.sources[0]._repr_html_()) == ["https://example.org/backgrounder"]

    def test_parts_of_records_render(self, mini: canjapan.Dataset) -> None:
        """Citations, tenures and milestones have a display of their own."""
        person = mini.get("noda")
        assert isinstance(person, canjapan.Person)
        tenure = person.tenures[0]
        markup = tenure._repr_html_()
        text = "".join(parse(markup).text)
        assert "jpn-pm" in text
        assert "ongoing" in text
        assert "True" in text
        assert "2012-03-25" in text
        figure = mini.get("troops")
        assert isinstance(figure, canjapan.Figure)
        citation = figure.citations[0]
        assert "“1,500 troops”" in citation_html(citation)

    def test_no_javascript(self, mini: canjapan.Dataset) -> None:
        """The HTML holds no script, event handler or javascript: link."""
        markups = [record_html(r, mini) for r in mini] + [
            dataset_html(mini),
            snapshot_html(mini.snapshot("2012-01-01"), mini),
        ]
        for markup in markups:
            assert not re.search(r"<script|\son\w+=|javascript:", markup, re.IGNORECASE)


class TestDatasetHtml:
    """dataset_html: a summary of a dataset."""

    def test_counts_and_agreements(self, mini: canjapan.Dataset) -> None:
        """It shows the name, as_of, a count per collection and every agreement."""
        markup = mini._repr_html_()
        rows = re.findall(r"<tr>(.*?)</tr>", markup)
        text = "".join(parse(markup).text)
        assert mini.name in text
        assert mini.as_of.isoformat() in text
        for cname in COLLECTIONS:
            count = len(getattr(mini, cname))
            assert any(f">{cname}<" in r and f">{count}<" in r for r in rows)
        for a in mini.agreements:
            assert a.title in text

    def test_long_tables_are_cut(self, mini: canjapan.Dataset) -> None:
        """More than MAX_ROWS agreements show the first ones and say how many more."""
        from canjapan._display import MAX_ROWS

        base = mini.get("declaration")
        assert isinstance(base, canjapan.Agreement)
        many = [attrs.evolve(base, id=f"a{i:03d}") for i in range(MAX_ROWS + 7)]
        ds = mini.replace(agreements=[*mini.agreements, *many])
        assert f"… and {len(ds.agreements) - MAX_ROWS} more" in dataset_html(ds)


class TestQueryResults:
    """The HTML of agreements_in_force, office_holders, snapshot and timelines."""

    def test_in_force_marks_certain_and_possible(self, mini: canjapan.Dataset) -> None:
        """Certain and possible agreements are labelled as such."""
        result = mini.agreements_in_force("2019-07-15", include_possible=True)
        markup = result._repr_html_()
        rows = re.findall(r"<tr>(.*?)</tr>", markup)
        declaration = next(r for r in rows if "declaration" in r)
        logistics = next(r for r in rows if "logistics" in r)
        assert ">certain<" in declaration
        assert ">possible<" in logistics
        assert markup == in_force_html(result)

    def test_in_force_after_as_of_says_so(self, mini: canjapan.Dataset) -> None:
        """A date after as_of carries a note that the answer presumes no change."""
        assert "presumes" in in_force_html(mini.agreements_in_force("2030-01-01"))
        assert "presumes" not in in_force_html(mini.agreements_in_force("2020-01-01"))

    def test_office_holders(self, mini: canjapan.Dataset) -> None:
        """Holders show their name, tenure dates and 'ongoing'."""
        result = mini.office_holders("jpn-pm", "2012-01-01")
        markup = result._repr_html_()
        assert markup == office_holders_html(result)
        text = "".join(parse(markup).text)
        assert "Yoshihiko Noda" in text
        assert "2011-09-02" in text
        assert "ongoing" in text
        assert "Naoto Kan" not in text

    def test_office_holders_none(self, mini: canjapan.Dataset) -> None:
        """A date with no holder says so."""
        markup = office_holders_html(mini.office_holders("jpn-pm", "2001-01-01"))
        assert "No holder recorded" in markup

    def test_snapshot(self, mini: canjapan.Dataset) -> None:
        """A snapshot shows agreements, mechanisms, holders and the last and next events."""
        snap = mini.snapshot("2012-01-01")
        markup = snap._repr_html_()
        assert markup == snapshot_html(snap)
        text = "".join(parse(markup).text)
        for expected in ("Joint Declaration", "2+2 Dialogue", "Stephen Harper", "First 2+2"):
            assert expected in text
        assert snap.next_event is not None
        assert snap.next_event.title in text

    def test_timeline_one_row_per_entry(self, mini: canjapan.Dataset) -> None:
        """timeline_html has a row per entry, in the order given, with linked citations."""
        entries = mini.timeline("2010", "2012")
        markup = timeline_html(entries, mini)
        body = markup.split("<tbody>", 1)[1]
        rows = re.findall(r"<tr>(.*?)</tr>", body)
        assert len(rows) == len(entries) > 0
        for row, entry in zip(rows, entries, strict=True):
            assert f"<code>{entry.record.id}</code>" in row
        assert len(links(markup)) == sum(len(e.citations) for e in entries)

    def test_timeline_limit(self, mini: canjapan.Dataset) -> None:
        """limit= cuts the table and says how many rows were left out."""
        entries = mini.timeline()
        markup = timeline_html(entries, limit=2)
        assert f"… and {len(entries) - 2} more" in markup

    def test_search(self, mini: canjapan.Dataset) -> None:
        """search_html: one row per hit, best first, with type, field and score."""
        hits = mini.search("2+2", limit=None)
        markup = search_html(hits)
        rows = re.findall(r"<tr>(.*?)</tr>", markup.split("<tbody>", 1)[1])
        assert len(rows) == len(hits) > 1
        for row, hit in zip(rows, hits, strict=True):
            assert f"<code>{hit.record.id}</code>" in row
            assert hit.matched in row
        assert markup == hits._repr_html_()

    def test_records(self, mini: canjapan.Dataset) -> None:
        """records_html: a title with the count, then each record with its kind and
        dates at their precision."""
        markup = records_html(mini.agreements, "agreements")
        parse(markup)
        assert "<strong>agreements</strong>: 2 records" in markup
        assert 'title="2019-07-01 – 2019-07-31"' in markup  # logistics in force, a month
        assert ">in force from</th>" in markup
        assert markup == mini.agreements._repr_html_()
        people = records_html(mini.people, "people")
        assert ">kind</th>" not in people

    def test_records_escape(self, mini: canjapan.Dataset) -> None:
        """Titles with markup are escaped in collections and search hits alike."""
        ds = hostile(mini)
        for markup in (ds.agreements._repr_html_(), ds.search("Co", limit=None)._repr_html_()):
            assert "<script>" not in markup
            assert "&lt;script&gt;" in markup

    def test_records_long_tables_are_cut(self, bundled: canjapan.Dataset) -> None:
        """A long collection shows its first MAX_ROWS rows and how many more there are."""
        from canjapan._display import MAX_ROWS

        markup = bundled.events._repr_html_()
        assert f"… and {len(bundled.events) - MAX_ROWS} more" in markup


class TestShortRepr:
    """Query answers print one line, not kilobytes of nested records."""

    def test_in_force(self, mini: canjapan.Dataset) -> None:
        """InForce names the agreements, certain then possible, and the as-of date."""
        text = repr(mini.agreements_in_force("2019-07-15", include_possible=True))
        assert text.startswith("<InForce on 2019-07-15: ")
        assert "possibly logistics" in text
        assert "\n" not in text
        assert len(text) < 200

    def test_office_holders(self, mini: canjapan.Dataset) -> None:
        """OfficeHolders gives the state and the holders' ids."""
        assert repr(mini.office_holders("jpn-pm", "2011-09-01")) == (
            "<OfficeHolders jpn-pm on 2011-09-01: held (kan)>"
        )
        assert repr(mini.office_holders("can-pm", "2020-01-01")) == (
            "<OfficeHolders can-pm on 2020-01-01: not covered>"
        )

    def test_snapshot(self, mini: canjapan.Dataset) -> None:
        """Snapshot counts what it holds."""
        text = repr(mini.snapshot("2012-03-01"))
        assert text.startswith("<Snapshot on 2012-03-01: 1 agreements in force")
        assert "\n" not in text
