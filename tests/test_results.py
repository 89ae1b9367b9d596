"""Tests of the sequence results and collections (canjapan._results, canjapan._records):
they stay tuples, and display and convert themselves."""

from __future__ import annotations

import copy
import io
import pickle
from pathlib import Path

import pytest

import canjapan
from canjapan import Records, SearchResults, Timeline
from canjapan._cli import main
from canjapan._dataset import COLLECTIONS

MINI = Path(__file__).parent / "data" / "mini.json"


def cli_out(*argv: str) -> str:
    out = io.StringIO()
    assert main([*argv, "--data", str(MINI)], out=out) == 0
    return out.getvalue()


class TestStillTuples:
    """Timeline, SearchResults and Records behave as the tuples they replace."""

    def test_timeline(self, mini: canjapan.Dataset) -> None:
        """Indexing, len, iteration, equality with a tuple, slicing and hashing."""
        t = mini.timeline()
        assert isinstance(t, Timeline)
        assert isinstance(t, tuple)
        plain = tuple(t)
        assert t == plain
        assert plain == t
        assert len(t) == len(plain) == 7
        assert t[0] is plain[0]
        assert t[-1] is plain[-1]
        assert list(t) == list(plain)
        assert hash(t) == hash(plain)
        assert t[1:3] == plain[1:3]
        assert isinstance(t[1:3], Timeline)
        assert (*t,) == plain

    def test_search(self, mini: canjapan.Dataset) -> None:
        """A slice keeps the class and the query."""
        hits = mini.search("2+2", limit=None)
        assert isinstance(hits, SearchResults)
        assert hits.query == "2+2"
        assert hits[:1] == (hits[0],)
        assert isinstance(hits[:1], SearchResults)
        assert hits[:1].query == "2+2"
        assert mini.search("2+2", limit=1) == hits[:1]

    def test_collections(self, mini: canjapan.Dataset) -> None:
        """Every collection attribute is a Records tuple named after its collection."""
        for name in COLLECTIONS:
            records = getattr(mini, name)
            assert isinstance(records, Records)
            assert records.collection == name
            assert records == tuple(records)
            assert records[:1].collection == name
        assert mini.agreements[0].id == "declaration"

    def test_pickle_and_copy(self, mini: canjapan.Dataset) -> None:
        """Pickling and copying keep the class and its attributes."""
        for value in (mini.timeline(), mini.search("Noda"), mini.people):
            for back in (pickle.loads(pickle.dumps(value)), copy.copy(value)):
                assert back == value
                assert type(back) is type(value)
                assert back._args() == value._args()

    def test_read_only(self, mini: canjapan.Dataset) -> None:
        """Their attributes cannot be set or deleted."""
        with pytest.raises(AttributeError, match="immutable"):
            mini.events.collection = "places"
        with pytest.raises(AttributeError, match="immutable"):
            del mini.search("Noda").query
        with pytest.raises(AttributeError, match="immutable"):
            mini.timeline().x = 1

    def test_replace_keeps_collections(self, mini: canjapan.Dataset) -> None:
        """A dataset made from another's collections has Records again."""
        other = mini.replace(events=list(mini.events)[:1])
        assert isinstance(other.events, Records)
        assert len(other.events) == 1
        assert other.agreements == mini.agreements


class TestRepr:
    """A short, one-line repr: what and how many."""

    def test_reprs(self, mini: canjapan.Dataset) -> None:
        """Each names its class, what it holds and the count."""
        assert repr(mini.timeline()) == "<Timeline: 7 entries, 2010-11-14 to 2019-07>"
        assert repr(mini.timeline("2030")) == "<Timeline: 0 entries>"
        assert repr(mini.search("Noda")) == "<SearchResults for 'Noda': 1 hit>"
        assert repr(mini.events) == "<Records events: 3 records>"
        assert repr(mini.figures) == "<Records figures: 1 record>"
        for value in (mini.timeline(), mini.search("2+2"), mini.agreements):
            assert "\n" not in repr(value)


class TestStr:
    """str() of a result is the table the command line prints."""

    def test_timeline(self, mini: canjapan.Dataset) -> None:
        """The timeline's table is the CLI's."""
        assert str(mini.timeline("2011", "2012")) == cli_out(
            "timeline", "--from", "2011", "--to", "2012"
        )

    def test_search(self, mini: canjapan.Dataset) -> None:
        """The search table is the CLI's."""
        assert str(mini.search("2+2")) == cli_out("search", "2+2")

    def test_office_holders(self, mini: canjapan.Dataset) -> None:
        """The heading and table, or the phrase saying why nobody is named."""
        assert str(mini.office_holders("can-pm", "2010")) == cli_out("holders", "can-pm", "2010")
        vacant = str(mini.office_holders("can-pm", "2015-12-01"))
        assert vacant == cli_out("holders", "can-pm", "2015-12-01")
        assert "(vacant: the dataset records every holder" in vacant

    def test_collection(self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
        """A collection's table: id, short name, kind and its dates."""
        monkeypatch.setenv("COLUMNS", "120")
        lines = str(mini.agreements).splitlines()
        assert lines[0].split() == [
            "id",
            "name",
            "kind",
            "signed",
            "in",
            "force",
            "from",
            "terminated",
        ]
        assert lines[2].split() == [
            "declaration",
            "Joint",
            "Declaration",
            "declaration",
            "2010-11-14",
            "2010-11-14",
        ]
        assert len(lines) == 2 + len(mini.agreements)
        assert str(mini.people).splitlines()[0].split() == ["id", "name"]


class TestHtml:
    """Each displays as HTML in a notebook."""

    def test_html(self, mini: canjapan.Dataset) -> None:
        """The HTML names every row's record."""
        timeline = mini.timeline()
        assert all(e.record.id in timeline._repr_html_() for e in timeline)
        assert "noda" in mini.search("Noda")._repr_html_()
        html = mini.events._repr_html_()
        assert all(e.id in html for e in mini.events)
        assert "<strong>events</strong>: 3 records" in html
        assert "harper" in mini.office_holders("can-pm", "2010")._repr_html_()


class TestToPandas:
    """to_pandas(): a typed DataFrame, dates as EDTF text with their first and last day."""

    def test_timeline(self, mini: canjapan.Dataset) -> None:
        """One row per entry; dates typed; kind and collection categories."""
        pytest.importorskip("pandas")
        t = mini.timeline()
        df = t.to_pandas()
        assert list(df["id"]) == [e.record.id for e in t]
        assert str(df["date"].dtype) == "string"
        assert str(df["date_earliest"].dtype) == "datetime64[s]"
        row = df[df["id"] == "logistics"].iloc[-1]
        assert row["date"] == "2019-07"
        assert str(row["date_earliest"].date()) == "2019-07-01"
        assert str(row["date_latest"].date()) == "2019-07-31"
        assert row["collection"] == "agreements"
        assert df["kind"].dtype.name == "category"
        assert "training_course" in df["kind"].cat.categories
        course = df[df["id"] == "course-2012"].iloc[0]
        assert course["end"] == "2012-02-24"
        assert df[df["id"] == "declaration"]["end"].isna().all()

    def test_search(self, mini: canjapan.Dataset) -> None:
        """Hits in order with collection, name, matched and score."""
        pytest.importorskip("pandas")
        hits = mini.search("2+2", limit=None)
        df = hits.to_pandas()
        assert list(df["id"]) == [h.record.id for h in hits]
        assert list(df["score"]) == [h.score for h in hits]
        assert df.iloc[0]["collection"] == "mechanisms"
        assert df.iloc[0]["name"] == "2+2 Dialogue"

    def test_office_holders(self, mini: canjapan.Dataset) -> None:
        """Certain holders first, with their status and tenure dates."""
        pytest.importorskip("pandas")
        df = mini.office_holders("jpn-pm", "2011-09", include_possible=True).to_pandas()
        assert list(df["person"]) == ["kan", "noda"]
        assert set(df["status"]) == {"possibly held"}
        assert list(df["post"]) == ["jpn-pm", "jpn-pm"]
        assert list(df["ongoing"]) == [False, True]
        assert df["end"].isna().tolist() == [False, True]
        assert str(df["start_latest"].dtype) == "datetime64[s]"

    def test_collections_match_dataset_frames(self, mini: canjapan.Dataset) -> None:
        """A collection's frame is the dataset's frame for it."""
        pytest.importorskip("pandas")
        frames = mini.to_pandas()
        for name in COLLECTIONS:
            df = getattr(mini, name).to_pandas()
            assert df.equals(frames[name]), name
            assert list(df.dtypes) == list(frames[name].dtypes)

    def test_missing_pandas(self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, each names what needs it and the extra to install."""
        import sys

        monkeypatch.setitem(sys.modules, "pandas", None)
        for value, name in (
            (mini.timeline(), "Timeline.to_pandas()"),
            (mini.search("Noda"), "SearchResults.to_pandas()"),
            (mini.office_holders("can-pm", "2010"), "OfficeHolders.to_pandas()"),
            (mini.events, "events.to_pandas()"),
        ):
            with pytest.raises(canjapan.MissingExtraError, match=r"pandas") as info:
                value.to_pandas()
            assert name in str(info.value)

    def test_unknown_collection(self) -> None:
        """Records of a made-up collection cannot become a frame."""
        pytest.importorskip("pandas")
        with pytest.raises(ValueError, match="no collection 'things'"):
            Records((), "things").to_pandas()
