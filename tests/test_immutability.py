"""Records, collections, datasets and dates cannot be changed through the public API.

What one caller does with a dataset is never seen by another: changes give new
objects and leave the original as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import canjapan
from canjapan import (
    Agreement,
    Citation,
    Dataset,
    DateInterval,
    PartialDate,
    Person,
    Place,
    Topic,
)
from canjapan._dataset import COLLECTIONS

MINI = Path(__file__).resolve().parent / "data" / "mini.json"


@pytest.fixture
def ds() -> Dataset:
    """A freshly loaded mini dataset (not shared between tests)."""
    return canjapan.load(MINI)


def all_records(ds: Dataset) -> list[Any]:
    """Every record of the dataset, with their nested records."""
    found: list[Any] = []

    def walk(value: Any) -> None:
        if attrs.has(type(value)):
            found.append(value)
            for f in attrs.fields(type(value)):
                walk(getattr(value, f.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    for record in ds:
        walk(record)
    return found


class TestRecords:
    """Every record class is frozen: no attribute can be set, added or deleted."""

    def test_every_record_class_is_frozen_and_slotted(self, ds: Dataset) -> None:
        """All record classes found in a dataset are frozen and have no __dict__."""
        classes = {type(r) for r in all_records(ds)}
        assert set(COLLECTIONS.values()) <= classes
        for cls in classes:
            record = next(r for r in all_records(ds) if type(r) is cls)
            assert not hasattr(record, "__dict__"), cls
            first = attrs.fields(cls)[0].name
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, first, getattr(record, first))
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(record, first)

    def test_new_attribute_refused(self, ds: Dataset) -> None:
        """An attribute that is not a field cannot be added."""
        place = ds.get("tokyo")
        with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
            place.colour = "red"  # type: ignore[union-attr]
        assert not hasattr(place, "colour")

    def test_collections_in_records_are_tuples(self, ds: Dataset) -> None:
        """Every sequence held by a record is a tuple, which has no item assignment."""
        for record in all_records(ds):
            for f in attrs.fields(type(record)):
                value = getattr(record, f.name)
                assert not isinstance(value, list | dict | set), (record, f.name)
        agreement = ds.get("logistics", Agreement)
        with pytest.raises(TypeError):
            agreement.milestones[0] = agreement.milestones[1]  # type: ignore[index]
        with pytest.raises(AttributeError):
            agreement.parties.append("USA")  # type: ignore[attr-defined]

    def test_lists_given_to_a_record_are_copied(self) -> None:
        """A record made from a list keeps a tuple; changing the list changes nothing."""
        cite = Citation(source="s", quote="q")
        citations = [cite]
        aliases = ["One"]
        topic = Topic(id="t", name="T", kind="priority", citations=citations)  # type: ignore[arg-type]
        person = Person(id="p", name="P", aliases=aliases, citations=citations)  # type: ignore[arg-type]
        citations.append(Citation(source="s", quote="other"))
        aliases.append("Two")
        assert topic.citations == (cite,)
        assert person.aliases == ("One",)

    def test_evolve_gives_a_new_record(self, ds: Dataset) -> None:
        """attrs.evolve returns a changed copy and leaves the original unchanged."""
        place = ds.get("tokyo", Place)
        moved = attrs.evolve(place, name="Edo")
        assert moved.name == "Edo"
        assert place.name == "Tokyo"
        assert moved is not place
        assert ds.get("tokyo", Place).name == "Tokyo"

    def test_evolve_is_validated(self, ds: Dataset) -> None:
        """attrs.evolve runs the validators, so it cannot make an invalid record."""
        place = ds.get("tokyo", Place)
        with pytest.raises(ValueError, match="country"):
            attrs.evolve(place, country="japan")

    def test_copies_are_equal_and_independent(self, ds: Dataset) -> None:
        """copy and deepcopy of a record give an equal record; the original stays."""
        agreement = ds.get("logistics", Agreement)
        assert copy.copy(agreement) == agreement
        assert copy.deepcopy(agreement) == agreement
        assert hash(copy.deepcopy(agreement)) == hash(agreement)


class TestDates:
    """PartialDate and DateInterval cannot be changed."""

    @pytest.mark.parametrize("name", ["_text", "_lo", "_hi", "_info", "year", "anything"])
    def test_partial_date_setattr_and_delattr(self, name: str) -> None:
        """No attribute of a PartialDate can be set or deleted."""
        d = PartialDate.parse("2019-07")
        with pytest.raises(AttributeError):
            setattr(d, name, 1)
        with pytest.raises(AttributeError):
            delattr(d, name)
        assert str(d) == "2019-07"
        assert d.earliest.isoformat() == "2019-07-01"

    def test_partial_date_properties_are_read_only(self) -> None:
        """The public properties cannot be assigned."""
        d = PartialDate.parse("2019-07-15")
        for name in ("year", "month", "day", "precision", "uncertain", "earliest"):
            with pytest.raises(AttributeError):
                setattr(d, name, None)
        assert d == PartialDate(2019, 7, 15)

    def test_date_interval_setattr_and_delattr(self) -> None:
        """No attribute of a DateInterval can be set or deleted."""
        interval = DateInterval.parse("2019-07/2020")
        for name in ("start", "end", "other"):
            with pytest.raises(AttributeError):
                setattr(interval, name, PartialDate.parse("2021"))
            with pytest.raises(AttributeError):
                delattr(interval, name)
        assert str(interval) == "2019-07/2020"

    def test_dates_in_records_are_shared_safely(self, ds: Dataset) -> None:
        """A date held by a record is the same value after trying to change it."""
        event = ds.get("course-2012", canjapan.Event)
        with pytest.raises(AttributeError):
            event.start._lo = 0
        assert str(event.start) == "2012-02-13"


class TestDataset:
    """A Dataset cannot be changed; replace() gives a new one."""

    @pytest.mark.parametrize(
        "name", ["name", "version", "as_of", "agreements", "_by_id", "_cache", "new"]
    )
    def test_setattr_and_delattr_refused(self, ds: Dataset, name: str) -> None:
        """Setting or deleting any attribute raises AttributeError."""
        before = canjapan.dumps(ds)
        with pytest.raises(AttributeError, match="immutable"):
            setattr(ds, name, ())
        with pytest.raises(AttributeError, match="immutable"):
            delattr(ds, name)
        assert canjapan.dumps(ds) == before

    def test_equal_datasets_hash_equal(self, ds: Dataset) -> None:
        """Two loads of the same data are equal, hash equal, and are distinct objects."""
        other = canjapan.load(MINI)
        assert other is not ds
        assert other == ds
        assert hash(other) == hash(ds)
        assert len({ds, other}) == 1
        assert ds.replace(version="2") != ds

    def test_object_setattr_is_not_the_public_api(self, ds: Dataset) -> None:
        """The dataset has no __dict__ to write new attributes to."""
        assert not hasattr(ds, "__dict__")

    @pytest.mark.parametrize("cname", list(COLLECTIONS))
    def test_collections_are_tuples(self, ds: Dataset, cname: str) -> None:
        """Every collection is a tuple: no item assignment, deletion or append."""
        assert isinstance(getattr(ds, cname), tuple)
        items: Any = getattr(ds, cname)
        with pytest.raises(TypeError):
            items[0] = items[0]
        with pytest.raises(TypeError):
            del items[0]
        with pytest.raises(AttributeError):
            items.append(items[0])

    def test_ids_is_read_only(self, ds: Dataset) -> None:
        """ds.ids refuses item assignment, deletion, clear and update."""
        ids: Any = ds.ids
        tokyo = ids["tokyo"]
        with pytest.raises(TypeError):
            ids["tokyo"] = ids["dnd"]
        with pytest.raises(TypeError):
            del ids["tokyo"]
        with pytest.raises(AttributeError):
            ids.clear()
        with pytest.raises(AttributeError):
            ids.update({})
        assert ds.ids["tokyo"] is tokyo
        assert ds.get("tokyo") is tokyo

    def test_ids_copy_is_independent(self, ds: Dataset) -> None:
        """A dict made from ds.ids can be changed without touching the dataset."""
        mine = dict(ds.ids)
        mine.clear()
        assert "tokyo" in ds
        assert len(ds.ids) == len(ds)

    def test_replace_gives_a_new_dataset(self, ds: Dataset) -> None:
        """replace() returns a new, checked dataset and leaves the original."""
        before = canjapan.dumps(ds)
        smaller = ds.replace(topics=(), version="2.0.0")
        assert smaller is not ds
        assert smaller.topics == ()
        assert smaller.version == "2.0.0"
        assert len(ds.topics) == 1
        assert ds.version == "1.0.0"
        assert canjapan.dumps(ds) == before

    def test_replace_is_checked(self, ds: Dataset) -> None:
        """replace() checks the new dataset whole (here: a dangling reference)."""
        with pytest.raises(canjapan.DatasetError) as info:
            ds.replace(places=())
        assert {p.message for p in info.value.problems} >= {"unknown id 'tokyo'"}
        assert "tokyo" in ds

    def test_replace_with_a_list_keeps_no_link(self, ds: Dataset) -> None:
        """A list given to replace() is copied: changing it later changes nothing."""
        topics = list(ds.topics)
        new = ds.replace(topics=topics)
        topics.clear()
        assert new.topics == ds.topics
        assert isinstance(new.topics, tuple)

    def test_query_results_are_frozen(self, ds: Dataset) -> None:
        """Query results are frozen too, and their tuples cannot be changed."""
        answer = ds.agreements_in_force("2020-01-01")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            answer.certain = ()  # type: ignore[misc]
        assert isinstance(answer.certain, tuple)
        assert ds.agreements_in_force("2020-01-01") == answer
        snapshot = ds.snapshot("2012-03-25")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            snapshot.last_event = None  # type: ignore[misc]
        timeline = ds.timeline()
        assert isinstance(timeline, tuple)


class TestBundledShared:
    """The cached bundled dataset is shared, and so can be changed by nobody."""

    def test_same_object_everywhere(self) -> None:
        """Two calls of canjapan.load() give the very same dataset."""
        first = canjapan.load()
        second = canjapan.load()
        assert first is second

    def test_one_caller_cannot_alter_what_another_sees(self) -> None:
        """Attempts to change the shared dataset fail and leave it as it was."""
        mine = canjapan.load()
        before = canjapan.dumps(mine)
        record: Any = next(iter(mine))
        ids: Any = mine.ids
        attempts: list[Callable[[], object]] = [
            lambda: setattr(mine, "agreements", ()),
            lambda: delattr(mine, "sources"),
            lambda: ids.__setitem__(record.id, record),
            lambda: setattr(record, "id", "changed"),
        ]
        for attempt in attempts:
            with pytest.raises((AttributeError, TypeError)):
                attempt()
        theirs = canjapan.load()
        assert theirs is mine
        assert canjapan.dumps(theirs) == before
        assert canjapan.get(record.id) is record

    def test_replace_on_the_shared_dataset(self) -> None:
        """replace() on the bundled dataset leaves the shared one unchanged."""
        shared = canjapan.load()
        count = len(shared.topics)
        changed = shared.replace(topics=())
        assert changed.topics == ()
        assert len(canjapan.load().topics) == count
        assert canjapan.load() is shared

    def test_queries_do_not_change_the_dataset(self) -> None:
        """Queries fill private caches but never change what the dataset holds."""
        shared = canjapan.load()
        before = canjapan.dumps(shared)
        shared.agreements_in_force("2020-01-01", include_possible=True)
        shared.timeline()
        shared.snapshot("2024-01-01")
        shared.search("acsa")
        assert canjapan.dumps(shared) == before
