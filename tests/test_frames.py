"""Tests of canjapan._frames: the flat tables and Dataset.to_pandas()."""

from __future__ import annotations

import sys
from datetime import date

import pytest

import canjapan
from canjapan._dataset import COLLECTIONS
from canjapan._frames import ID_SEPARATOR, TABLE_NAMES, TEXT_SEPARATOR, Table, tables
from canjapan._model import EventKind, EventStatus, MilestoneKind


def column(table: Table, name: str) -> list[object]:
    index = [c.name for c in table.columns].index(name)
    return [row[index] for row in table.rows]


def row(table: Table, **key: object) -> dict[str, object]:
    names = [c.name for c in table.columns]
    for values in table.rows:
        record: dict[str, object] = dict(zip(names, values, strict=True))
        if all(record[k] == v for k, v in key.items()):
            return record
    raise AssertionError(f"no row with {key}")


class TestTables:
    """tables(): the flat tables, built without pandas."""

    def test_one_table_per_collection_and_nested_list(self, mini: canjapan.Dataset) -> None:
        """Every collection has a table, then milestones, tenures, labels and citations."""
        flat = tables(mini)
        assert tuple(flat) == TABLE_NAMES
        assert list(flat)[: len(COLLECTIONS)] == list(COLLECTIONS)
        assert list(flat)[len(COLLECTIONS) :] == [
            "agreement_milestones",
            "tenures",
            "labels",
            "citations",
        ]

    def test_one_row_per_record(self, mini: canjapan.Dataset) -> None:
        """Each collection table has one row per record, ids in dataset order."""
        flat = tables(mini)
        for cname in COLLECTIONS:
            assert column(flat[cname], "id") == [r.id for r in getattr(mini, cname)]
            assert flat[cname].primary_key == ("id",)

    def test_nested_tables_count_their_items(self, mini: canjapan.Dataset) -> None:
        """Milestones, tenures and citations tables have one row per nested item."""
        flat = tables(mini)
        assert len(flat["agreement_milestones"].rows) == sum(
            len(a.milestones) for a in mini.agreements
        )
        assert len(flat["tenures"].rows) == sum(len(p.tenures) for p in mini.people)
        citations = sum(len(getattr(r, "citations", ())) for r in mini)
        citations += sum(len(m.citations) for a in mini.agreements for m in a.milestones)
        citations += sum(len(t.citations) for p in mini.people for t in p.tenures)
        assert len(flat["citations"].rows) == citations

    def test_keys_are_unique(self, mini: canjapan.Dataset) -> None:
        """Every table's primary key identifies one row."""
        for table in tables(mini).values():
            names = [c.name for c in table.columns]
            idx = [names.index(k) for k in table.primary_key]
            keys = [tuple(r[i] for i in idx) for r in table.rows]
            assert len(set(keys)) == len(keys), table.name

    def test_date_fields_become_three_columns(self, mini: canjapan.Dataset) -> None:
        """A date is its EDTF text, its earliest and its latest day."""
        flat = tables(mini)
        logistics = row(flat["agreements"], id="logistics")
        assert logistics["entered_into_force"] == "2019-07"
        assert logistics["entered_into_force_earliest"] == date(2019, 7, 1)
        assert logistics["entered_into_force_latest"] == date(2019, 7, 31)
        assert logistics["terminated"] is None
        assert logistics["terminated_earliest"] is None
        event = row(flat["events"], id="two-plus-two-2012")
        assert event["start"] == "2012-23"
        assert event["start_earliest"] == date(2012, 9, 1)
        assert event["start_latest"] == date(2012, 11, 30)

    def test_lists_are_joined(self, mini: canjapan.Dataset) -> None:
        """Id lists join with ',', free text with '; ', and an empty list is missing."""
        flat = tables(mini)
        declaration = row(flat["agreements"], id="declaration")
        assert declaration["parties"] == ID_SEPARATOR.join(["CAN", "JPN"])
        assert declaration["signatories"] == "harper,kan"
        assert declaration["abbreviations"] is None
        noda = row(flat["tenures"], person="noda")
        assert noda["attested"] == "2012-03-25"
        assert noda["ongoing"] is True
        ds = mini.replace(
            people=[
                canjapan.Person(
                    id=p.id,
                    name=p.name,
                    aliases=("Kan, Naoto", "N. Kan"),
                    tenures=p.tenures,
                    citations=p.citations,
                )
                if p.id == "kan"
                else p
                for p in mini.people
            ]
        )
        kan = row(tables(ds)["people"], id="kan")
        assert kan["aliases"] == TEXT_SEPARATOR.join(["Kan, Naoto", "N. Kan"])

    def test_citation_paths(self, mini: canjapan.Dataset) -> None:
        """A citation's path says where it sits in its record."""
        paths = [
            (r["record"], r["path"])
            for r in (
                dict(zip([c.name for c in tables(mini)["citations"].columns], v, strict=True))
                for v in tables(mini)["citations"].rows
            )
        ]
        assert ("logistics", "citations[0]") in paths
        assert ("logistics", "milestones[1].citations[0]") in paths
        assert ("noda", "tenures[0].citations[0]") in paths

    def test_labels_table(self, mini: canjapan.Dataset) -> None:
        """Each label becomes a row with its record, language and text."""
        place = mini.get("tokyo")
        assert isinstance(place, canjapan.Place)
        labelled = canjapan.Place(
            id=place.id,
            name=place.name,
            kind=place.kind,
            country=place.country,
            labels=(canjapan.Label(text="東京", language="ja"),),
            citations=place.citations,
        )
        ds = mini.replace(places=[labelled])
        assert tables(ds)["labels"].rows == (("tokyo", "places", 0, "ja", "東京"),)

    def test_foreign_keys_name_existing_tables(self, mini: canjapan.Dataset) -> None:
        """Every column reference names a table and a column of it."""
        flat = tables(mini)
        for table in flat.values():
            for c in table.columns:
                if c.references is not None:
                    target, field = c.references
                    assert field in [x.name for x in flat[target].columns]


class TestToPandas:
    """Dataset.to_pandas(): one typed DataFrame per table."""

    def test_frames_match_tables(self, mini: canjapan.Dataset) -> None:
        """There is a frame per table, with its columns and one row per table row."""
        pytest.importorskip("pandas")
        frames = mini.to_pandas()
        flat = tables(mini)
        assert list(frames) == list(flat)
        for name, frame in frames.items():
            assert list(frame.columns) == [c.name for c in flat[name].columns]
            assert len(frame) == len(flat[name].rows)

    def test_dtypes(self, mini: canjapan.Dataset) -> None:
        """Texts are 'string', days datetime64, kinds categories, ints and flags typed."""
        pd = pytest.importorskip("pandas")
        frames = mini.to_pandas()
        events = frames["events"]
        assert events["start"].dtype == "string"
        assert str(events["start_earliest"].dtype).startswith("datetime64")
        assert str(events["end_latest"].dtype).startswith("datetime64")
        assert isinstance(events["kind"].dtype, pd.CategoricalDtype)
        assert list(events["kind"].cat.categories) == [k.value for k in EventKind]
        assert list(events["status"].cat.categories) == [s.value for s in EventStatus]
        assert events["sequence"].dtype == "Int64"
        figures = frames["figures"]
        assert figures["value"].dtype == "float64"
        assert figures["approximate"].dtype == "bool"
        milestones = frames["agreement_milestones"]
        assert milestones["position"].dtype == "int64"
        kind = milestones["kind"].dtype
        assert kind.ordered
        assert list(kind.categories) == [k.value for k in MilestoneKind]
        assert frames["tenures"]["ongoing"].dtype == "bool"

    def test_values(self, mini: canjapan.Dataset) -> None:
        """Dates, missing values and numbers come through as pandas values."""
        pd = pytest.importorskip("pandas")
        frames = mini.to_pandas()
        agreements = frames["agreements"].set_index("id")
        assert agreements.loc["logistics", "entered_into_force"] == "2019-07"
        assert agreements.loc["logistics", "entered_into_force_earliest"] == pd.Timestamp(
            "2019-07-01"
        )
        assert agreements.loc["logistics", "entered_into_force_latest"] == pd.Timestamp(
            "2019-07-31"
        )
        assert pd.isna(agreements.loc["logistics", "terminated_latest"])
        events = frames["events"].set_index("id")
        assert events.loc["two-plus-two-2011", "sequence"] == 1
        assert pd.isna(events.loc["course-2012", "sequence"])
        assert frames["figures"].loc[0, "value"] == 1500.0
        ordered = frames["agreement_milestones"].sort_values("kind")
        assert ordered["kind"].iloc[0] == "signed"

    def test_far_dates_fit(self, mini: canjapan.Dataset) -> None:
        """Days outside the nanosecond range (years 1500-1599) are kept, not overflowed."""
        pd = pytest.importorskip("pandas")
        event = mini.get("course-2012")
        assert isinstance(event, canjapan.Event)
        old = canjapan.Event(
            id="old",
            title="Old",
            kind=event.kind,
            start=canjapan.PartialDate.parse("15XX"),
            citations=event.citations,
        )
        frames = mini.replace(events=[*mini.events, old]).to_pandas()
        row = frames["events"].set_index("id").loc["old"]
        assert row["start_earliest"] == pd.Timestamp("1500-01-01")
        assert row["start_latest"].year == 1599

    def test_empty_dataset(self) -> None:
        """An empty dataset gives empty frames that still have typed columns."""
        pytest.importorskip("pandas")
        ds = canjapan.Dataset(name="Empty", version="0", as_of="2020-01-01")
        frames = ds.to_pandas()
        assert all(len(f) == 0 for f in frames.values())
        assert str(frames["events"]["start_earliest"].dtype).startswith("datetime64")

    def test_missing_pandas(self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_pandas raises MissingExtraError naming the extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(canjapan.MissingExtraError) as info:
            mini.to_pandas()
        assert info.value.extra == "pandas"
        assert "canjapan[pandas]" in str(info.value)
        assert isinstance(info.value, ImportError)


class TestResultTables:
    """The flat tables of query results reuse the typed columns of the dataset's."""

    def test_timeline_columns(self, mini: canjapan.Dataset) -> None:
        """Dates are three columns each; kind and collection are categories."""
        from canjapan._frames import timeline_table

        table = timeline_table(mini.timeline())
        types = {c.name: c.type for c in table.columns}
        assert types == {
            "date": "edtf",
            "date_earliest": "date",
            "date_latest": "date",
            "end": "edtf",
            "end_earliest": "date",
            "end_latest": "date",
            "kind": "category",
            "collection": "category",
            "id": "string",
            "title": "string",
        }
        assert len(table.rows) == len(mini.timeline())

    def test_holders_and_search_columns(self, mini: canjapan.Dataset) -> None:
        """A holder's status is a category of the two holder states; a score a number."""
        from canjapan._frames import holders_table, search_table

        holders = holders_table(mini.office_holders("can-pm", "2010"))
        status = next(c for c in holders.columns if c.name == "status")
        assert status.categories == ("held", "possibly held")
        assert holders.rows[0][:4] == ("can-pm", "harper", "Stephen Harper", "held")
        search = search_table(mini.search("Noda"))
        assert [c.type for c in search.columns if c.name == "score"] == ["number"]
