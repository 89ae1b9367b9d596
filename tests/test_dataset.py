"""Tests for canjapan.Dataset: integrity checks, immutability, lookups and queries."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canjapan
from canjapan import (
    Agreement,
    AgreementState,
    Citation,
    Dataset,
    DatasetError,
    Event,
    FilterError,
    Milestone,
    MilestoneKind,
    OfficeState,
    PartialDate,
    Person,
    Post,
    Source,
    Tenure,
    UnknownIdError,
)
from canjapan._dataset import _NO_TENURES
from canjapan._status import tenure_bounds
from canjapan.testing.strategies import datasets, partial_dates
from tests.oracles import all_entries, scan_timeline

CITE = Citation(source="src", quote="q")
SOURCE = Source(id="src", title="A source")


def signed_then_in_force(signed: str, in_force: str) -> Agreement:
    """An agreement signed on one date and entering into force on another."""
    return Agreement(
        id="a",
        title="A",
        kind="treaty",
        parties=("CAN",),
        milestones=tuple(
            canjapan.Milestone(kind=kind, date=PartialDate.parse(on), citations=(CITE,))
            for kind, on in (
                (MilestoneKind.SIGNED, signed),
                (MilestoneKind.ENTERED_INTO_FORCE, in_force),
            )
        ),
        citations=(CITE,),
    )


def dataset(**collections: object) -> Dataset:
    collections.setdefault("sources", (SOURCE,))
    return Dataset(name="T", version="1", as_of="2026-03-06", **collections)  # type: ignore[arg-type]


class TestIntegrity:
    """Construction checks the whole dataset and reports every problem at once."""

    def test_duplicate_ids_across_collections(self) -> None:
        """An id used in two collections is a problem."""
        post = Post(id="src", title="P", country="CAN", citations=(CITE,))
        with pytest.raises(DatasetError) as info:
            dataset(posts=(post,))
        assert [(p.collection, p.record, p.path) for p in info.value.problems] == [
            ("posts", "src", "id")
        ]
        assert "duplicate id (also used in sources)" in str(info.value)

    def test_unknown_and_wrong_kind_references(self) -> None:
        """References must exist and point at a record of the right kind."""
        person = Person(
            id="p",
            name="P",
            tenures=(
                Tenure(post="src", citations=(CITE,)),
                Tenure(post="nowhere", citations=(CITE,)),
            ),
            citations=(Citation(source="missing", quote="q"),),
        )
        with pytest.raises(DatasetError) as info:
            dataset(people=(person,))
        messages = {(p.path, p.message) for p in info.value.problems}
        assert ("citations[0].source", "unknown id 'missing'") in messages
        # Tenures are stored in canonical order (by first known day, then post id).
        assert ("tenures[0].post", "unknown id 'nowhere'") in messages
        assert ("tenures[1].post", "'src' is a Source, expected a Post") in messages
        assert isinstance(info.value, ValueError)

    def test_lifecycle_order(self) -> None:
        """A milestone certainly before an earlier lifecycle step is a problem."""
        a = signed_then_in_force("2018", "2017")
        with pytest.raises(DatasetError, match="entered_into_force 2017 is before signed 2018"):
            dataset(agreements=(a,))

    def test_undetermined_order_accepted(self) -> None:
        """Milestones whose order is undetermined are accepted."""
        a = signed_then_in_force("2018", "2018-01")
        assert len(dataset(agreements=(a,)).agreements) == 1

    def test_overlapping_tenures(self) -> None:
        """Two people certainly holding one post on the same day is a problem."""
        post = Post(id="pm", title="PM", country="CAN", citations=(CITE,))

        def person(pid: str, start: str, end: str) -> Person:
            t = Tenure(
                post="pm",
                start=PartialDate.parse(start),
                end=PartialDate.parse(end),
                citations=(CITE,),
            )
            return Person(id=pid, name=pid, tenures=(t,), citations=(CITE,))

        with pytest.raises(DatasetError, match="certainly overlaps"):
            dataset(
                posts=(post,), people=(person("a", "2000", "2005"), person("b", "2004", "2010"))
            )
        # Handing over on a day is not an overlap.
        ok = dataset(
            posts=(post,),
            people=(person("a", "2000", "2005-06-01"), person("b", "2005-06-01", "2010")),
        )
        assert len(ok.people) == 2

    def test_shared_post_may_overlap(self) -> None:
        """A post not held by one person at a time accepts overlapping tenures, and
        a certain holder does not rule out possible ones."""
        post = Post(id="envoy", title="E", country="CAN", single_holder=False, citations=(CITE,))

        def person(pid: str, start: str, end: str) -> Person:
            t = Tenure(
                post="envoy",
                start=PartialDate.parse(start),
                end=PartialDate.parse(end),
                citations=(CITE,),
            )
            return Person(id=pid, name=pid, tenures=(t,), citations=(CITE,))

        ds = dataset(
            posts=(post,), people=(person("a", "2000", "2005"), person("b", "2003-06", "2010"))
        )
        result = ds.office_holders("envoy", "2003-06-10", include_possible=True)
        assert [h.person.id for h in result.certain] == ["a"]
        assert [h.person.id for h in result.possible] == ["b"]
        assert result.state is OfficeState.HELD

    def test_attested_day_bounds_the_term(self) -> None:
        """A tenure is one term: held certainly from its start to its last attested
        day, possibly after it while its end is unknown."""
        post = Post(id="envoy", title="E", country="CAN", citations=(CITE,))
        t = Tenure(
            post="envoy",
            start=PartialDate.parse("2021-04-15"),
            attested=(PartialDate.parse("2024-05-21"),),
            citations=(CITE,),
        )
        ds = dataset(
            posts=(post,), people=(Person(id="a", name="A", tenures=(t,), citations=(CITE,)),)
        )
        assert [h.person.id for h in ds.office_holders("envoy", "2023-01-01").certain] == ["a"]
        later = ds.office_holders("envoy", "2025-01-01", include_possible=True)
        assert later.certain == ()
        assert [h.person.id for h in later.possible] == ["a"]
        assert later.state is OfficeState.POSSIBLY_HELD

    def test_part_of(self) -> None:
        """part_of must name an event, and part_of links may not form a cycle."""
        start = PartialDate.parse("2020")

        def event(eid: str, part_of: str | None) -> Event:
            return Event(
                id=eid,
                title=eid,
                kind="deployment",
                start=start,
                part_of=part_of,
                citations=(CITE,),
            )

        with pytest.raises(DatasetError) as info:
            dataset(events=(event("a", "b"), event("b", "c"), event("c", "a"), event("d", "src")))
        messages = [(p.record, p.path, p.message) for p in info.value.problems]
        assert ("d", "part_of", "'src' is a Source, expected an Event") in messages
        assert (
            info.value.problems[-1].collection,
            info.value.problems[-1].record,
            info.value.problems[-1].path,
        ) == ("events", "a", "part_of")
        assert "a -> b -> c -> a" in info.value.problems[-1].message
        ok = dataset(events=(event("op", None), event("rotation", "op")))
        assert ok.get("rotation", Event).part_of == "op"

    @pytest.mark.parametrize(
        "as_of", ["2026-03-06", date(2026, 3, 6), PartialDate.parse("2026-03-06")]
    )
    def test_as_of_date_like(self, as_of: str | date | PartialDate) -> None:
        """as_of accepts a date, an ISO string or an exact PartialDate."""
        ds = Dataset(name="T", version="1", as_of=as_of, sources=(SOURCE,))
        assert ds.as_of == date(2026, 3, 6)

    def test_bad_meta(self) -> None:
        """The dataset's own fields are checked too."""
        with pytest.raises(DatasetError) as info:
            Dataset(name="", version="1", as_of="2026")
        assert {p.path for p in info.value.problems} == {"name", "as_of"}

    def test_wrong_record_type(self) -> None:
        """A record in the wrong collection is a problem."""
        with pytest.raises(DatasetError, match="expected a Place"):
            dataset(places=(SOURCE,))


class TestImmutability:
    """A dataset cannot be changed through its public API."""

    def test_setattr(self, mini: Dataset) -> None:
        """Fields cannot be set or deleted."""
        with pytest.raises(AttributeError):
            mini.agreements = ()  # type: ignore[assignment]
        with pytest.raises(AttributeError):
            del mini.name

    def test_collections_are_tuples(self, mini: Dataset) -> None:
        """Collections are tuples and the id map is read-only."""
        assert isinstance(mini.agreements, tuple)
        with pytest.raises(TypeError):
            mini.ids["x"] = mini.agreements[0]  # type: ignore[index]

    def test_replace_makes_a_new_dataset(self, mini: Dataset) -> None:
        """replace() returns a changed copy and leaves the original alone."""
        newer = mini.replace(as_of="2027-01-01")
        assert newer.as_of == date(2027, 1, 1)
        assert mini.as_of == date(2026, 3, 6)
        assert newer != mini


class TestLookups:
    """get, find and membership."""

    def test_get(self, mini: Dataset) -> None:
        """get returns the record with that id."""
        assert mini.get("logistics", Agreement).title == "Logistics Agreement"
        assert "logistics" in mini
        assert mini.kind_of("logistics") == "agreements"

    def test_unknown_id_suggests(self, mini: Dataset) -> None:
        """An unknown id raises UnknownIdError, a KeyError, with close suggestions."""
        with pytest.raises(UnknownIdError) as info:
            mini.get("logistic")
        assert isinstance(info.value, KeyError)
        assert isinstance(info.value, LookupError)
        assert info.value.suggestions[0] == "logistics"
        assert "did you mean 'logistics'" in str(info.value)

    def test_get_typed(self, mini: Dataset) -> None:
        """get with a kind checks the record's class."""
        assert isinstance(mini.get("jpn-pm", Post), Post)
        with pytest.raises(UnknownIdError, match="is a Post, not an Agreement"):
            mini.get("jpn-pm", Agreement)

    def test_find(self, mini: Dataset) -> None:
        """find returns a default instead of raising."""
        assert mini.find("nope") is None
        assert mini.find("nope", "fallback") == "fallback"

    def test_len_and_iter(self, mini: Dataset) -> None:
        """A dataset iterates over every record once."""
        assert len(list(mini)) == len(mini) == len(mini.ids)


class TestQueries:
    """The query methods on a small dataset."""

    def test_in_force(self, mini: Dataset) -> None:
        """Certain and possible agreements, with the as-of date."""
        result = mini.agreements_in_force("2019-07-15", include_possible=True)
        assert [a.id for a in result.certain] == ["declaration"]
        assert [a.id for a in result.possible] == ["logistics"]
        assert result.as_of == date(2026, 3, 6)
        assert "logistics" in result
        assert not result.after_as_of
        assert mini.agreements_in_force("2030-01-01").after_as_of

    def test_in_force_default_excludes_possible(self, mini: Dataset) -> None:
        """Without include_possible, undetermined agreements are left out."""
        assert [a.id for a in mini.agreements_in_force("2019-07-15")] == ["declaration"]

    def test_office_holders(self, mini: Dataset) -> None:
        """Holders on a date, by post id or Post."""
        assert [p.id for p in mini.office_holders("jpn-pm", "2011-09-01")] == ["kan"]
        assert [p.id for p in mini.office_holders(mini.get("jpn-pm", Post), "2011-09-02")] == [
            "noda"
        ]
        assert [p.id for p in mini.office_holders("jpn-pm", "2009-01-01")] == []

    def test_office_holders_partial(self, mini: Dataset) -> None:
        """A partial date spanning a handover gives both holders as possible."""
        result = mini.office_holders("jpn-pm", "2011-09", include_possible=True)
        assert result.certain == ()
        assert [h.person.id for h in result.possible] == ["kan", "noda"]

    def test_office_holders_wrong_kind(self, mini: Dataset) -> None:
        """Asking for the holders of something that is not a post raises."""
        with pytest.raises(UnknownIdError, match="not a Post"):
            mini.office_holders("logistics", "2020-01-01")

    def test_timeline_order_and_bounds(self, mini: Dataset) -> None:
        """Entries are chronological; straddling entries need the flag."""
        entries = mini.timeline("2011-01-01", "2012-10-01")
        assert [(str(e.date), e.kind) for e in entries] == [
            ("2011-08-29", "dialogue_session"),
            ("2012-02-13", "training_course"),
        ]
        with_straddling = mini.timeline("2011-01-01", "2012-10-01", include_straddling=True)
        assert "two-plus-two-2012" in [e.record.id for e in with_straddling]

    def test_timeline_filters(self, mini: Dataset) -> None:
        """Kind, participant, country and domain filters."""
        assert [e.kind for e in mini.timeline(kinds=["signed"])] == ["signed", "signed"]
        assert [e.record.id for e in mini.timeline(participant="dnd")] == ["course-2012"]
        assert [e.record.id for e in mini.timeline(domain="land")] == ["course-2012"]
        assert [e.record.id for e in mini.timeline(place="tokyo")] == ["two-plus-two-2011"]
        assert len(mini.timeline(country="CAN")) == 4 + 2

    @pytest.mark.parametrize(
        ("filters", "error", "suggestion"),
        [
            ({"kinds": ["exercize"]}, FilterError, "exercise"),
            ({"country": "CA"}, FilterError, "CAN"),
            ({"domain": "ocean"}, FilterError, "sea"),
            ({"participant": "harp"}, UnknownIdError, "harper"),
            ({"place": "Tokyo"}, UnknownIdError, "tokyo"),
            ({"participant": "tokyo"}, UnknownIdError, None),
        ],
    )
    def test_timeline_filters_are_checked(
        self, mini: Dataset, filters: dict[str, Any], error: type[Exception], suggestion: str | None
    ) -> None:
        """A filter value no entry can have raises, naming it and suggesting close ones."""
        with pytest.raises(error) as info:
            mini.timeline(**filters)
        value = next(iter(filters.values()))
        value = value[0] if isinstance(value, list) else value
        assert repr(value) in str(info.value)
        if suggestion is not None:
            assert suggestion in info.value.suggestions  # type: ignore[attr-defined]

    def test_snapshot(self, mini: Dataset) -> None:
        """The state of things on a date."""
        snap = mini.snapshot("2012-03-01")
        assert [a.id for a in snap.in_force.certain] == ["declaration"]
        assert [m.id for m in snap.mechanisms] == ["two-plus-two"]
        holders = {h.post.id: [x.person.id for x in h.certain] for h in snap.office_holders}
        assert holders == {"can-pm": ["harper"], "jpn-pm": ["noda"]}
        assert snap.last_event is not None
        assert snap.last_event.id == "course-2012"

    def test_snapshot_skips_events_that_did_not_happen(self, mini: Dataset) -> None:
        """A postponed event is neither the last nor the next event."""
        snap = mini.snapshot("2012-03-01")
        assert snap.next_event is None

    def test_search(self, mini: Dataset) -> None:
        """Abbreviations find their records first."""
        assert mini.search("LA")[0].record.id == "logistics"
        assert mini.search("2+2")[0].record.id == "two-plus-two"
        assert mini.search("") == ()


class TestLookup:
    """lookup() finds the one record known by an id or a name."""

    @pytest.mark.parametrize(
        ("text", "rid"),
        [
            ("logistics", "logistics"),
            ("LA", "logistics"),
            ("prime minister of  JAPAN", "jpn-pm"),
            ("Yoshihiko Noda", "noda"),
        ],
    )
    def test_finds(self, mini: Dataset, text: str, rid: str) -> None:
        """Ids, abbreviations and names match, ignoring case and repeated spaces."""
        assert mini.lookup(text).id == rid

    def test_accents(self, bundled: Dataset) -> None:
        """Accents are ignored: 'Melanie Joly' is Mélanie Joly."""
        assert bundled.lookup("Melanie Joly").id == "joly"
        assert bundled.lookup("MLSA").id == "acsa"

    def test_unknown_suggests(self, mini: Dataset) -> None:
        """A name no record has raises UnknownIdError with close records."""
        with pytest.raises(UnknownIdError, match="no record has the id or name 'Tokio'") as info:
            mini.lookup("Tokio")
        assert "tokyo" in info.value.suggestions

    def test_ambiguous(self, bundled: Dataset) -> None:
        """A name that several records share is refused, listing them."""
        names: dict[str, set[str]] = {}
        for record in bundled:
            for label in getattr(record, "labels", ()):
                names.setdefault(label.text, set()).add(record.id)
        text, ids = next((t, i) for t, i in sorted(names.items()) if len(i) > 1)
        with pytest.raises(UnknownIdError, match="names") as info:
            bundled.lookup(text)
        assert set(info.value.suggestions) <= ids


class TestEquality:
    """Datasets compare by value."""

    def test_equal_when_loaded_twice(self) -> None:
        """Loading the same file twice gives equal datasets."""
        from tests.conftest import MINI

        assert canjapan.load(MINI) == canjapan.load(MINI)
        assert canjapan.load(MINI) != object()


# -- queries against brute-force oracles ----------------------------------------------

query_dates = st.one_of(
    st.dates(min_value=date(1985, 1, 1), max_value=date(2035, 12, 31)).map(str),
    partial_dates(min_year=1988, max_year=2032, qualified=False).map(str),
)


def days(on: str) -> Iterator[date]:
    """Every day a query date can be."""
    p = PartialDate.parse(on)
    d = p.earliest
    while d <= p.latest:
        yield d
        d += timedelta(days=1)


def _first(a: Agreement, *kinds: MilestoneKind) -> Milestone | None:
    return next((m for k in kinds for m in a.milestones if m.kind == k), None)


def oracle_in_force_on_day(a: Agreement, d: date) -> tuple[bool, bool]:
    """(certainly, possibly) in force on day d, straight from the documented rules."""
    effect = _first(a, MilestoneKind.ENTERED_INTO_FORCE, MilestoneKind.ADOPTED)
    attested = _first(a, MilestoneKind.IN_EFFECT)
    end = _first(a, MilestoneKind.TERMINATED)
    latest_start: date | None  # None: the start is unknown
    if effect is not None:
        earliest_start, latest_start = effect.date.earliest, effect.date.latest
    else:
        steps = [m.date.earliest for m in a.milestones if m.kind.rank <= MilestoneKind.SIGNED.rank]
        earliest_start = max(steps) if steps else date.min
        latest_start = attested.date.latest if attested is not None else None
    certainly = (
        latest_start is not None and latest_start <= d and (end is None or end.date.earliest > d)
    )
    possibly = earliest_start <= d and (end is None or end.date.latest > d)
    return certainly, possibly


def oracle_holds_on_day(t: Tenure, d: date) -> tuple[bool, bool]:
    """(certainly, possibly) holding the post on day d, from the documented rules: a
    tenure is one continuous term, which started by its start or any attested date
    and ended after its end's earliest day or any attested date."""
    started = (t.start is not None and t.start.latest <= d) or any(
        a.latest <= d for a in t.attested
    )
    not_ended = (
        t.ongoing
        or (t.end is not None and t.end.earliest > d)
        or any(a.earliest >= d for a in t.attested)
    )
    possibly = (t.start is None or t.start.earliest <= d) and (t.end is None or t.end.latest > d)
    return started and not_ended, possibly


def oracle_office_state(
    post: Post, as_of: date, every: list[date], certain: list[Any], possible: list[Any]
) -> OfficeState:
    """The state of a post over the days ``every``, from the documented rules."""
    if certain:
        return OfficeState.HELD
    if possible:
        return OfficeState.POSSIBLY_HELD
    if post.complete_from is None:
        return OfficeState.UNKNOWN
    last = as_of if post.complete_to is None else post.complete_to.earliest
    if all(post.complete_from.latest <= d <= last for d in every):
        return OfficeState.VACANT
    return OfficeState.NOT_COVERED


PATHS = pytest.mark.parametrize("path", ["scan", "index"])


def query_path(path: str) -> AbstractContextManager[object]:
    """Answer with the plain scan, or with the index forced on even for small data."""
    if path == "index":
        return mock.patch("canjapan._dataset.SMALL", 0)
    return contextlib.nullcontext()


class TestQueriesAgainstOracle:
    """Every query agrees with a brute-force oracle on generated datasets."""

    @PATHS
    @given(ds=datasets(max_agreements=12), on=query_dates)
    def test_agreements_in_force(self, path: str, ds: Dataset, on: str) -> None:
        """Certain = in force on every day for every reading; possible = on some day."""
        every = list(days(on))
        expected_certain, expected_possible = [], []
        for a in ds.agreements:
            answers = [oracle_in_force_on_day(a, d) for d in every]
            if all(c for c, _ in answers):
                expected_certain.append(a.id)
            elif any(p for _, p in answers):
                expected_possible.append(a.id)
        with query_path(path):
            result = ds.agreements_in_force(on, include_possible=True)
        assert [a.id for a in result.certain] == expected_certain
        assert [a.id for a in result.possible] == expected_possible
        assert [a.id for a in ds.agreements_in_force(on)] == expected_certain
        for a in ds.agreements:
            status = a.status_on(on)
            assert (status.state is AgreementState.IN_FORCE) == (a.id in expected_certain)
            assert (AgreementState.IN_FORCE in status.possible) == (
                a.id in expected_certain or a.id in expected_possible
            )

    @PATHS
    @given(ds=datasets(max_people=8, max_posts=3, max_tenures_per_post=5), on=query_dates)
    def test_office_holders(self, path: str, ds: Dataset, on: str) -> None:
        """Certain holders hold on every day; others are possible only if nobody is
        certain or the post may have several holders; the state follows."""
        every = list(days(on))
        for post in ds.posts:
            certain, possible = [], []
            for person in ds.people:
                for t in person.tenures:
                    if t.post != post.id:
                        continue
                    answers = [oracle_holds_on_day(t, d) for d in every]
                    if all(c for c, _ in answers):
                        certain.append((person.id, t))
                    elif any(p for _, p in answers):
                        possible.append((person.id, t))
            with query_path(path):
                result = ds.office_holders(post, on, include_possible=True)
            assert sorted((h.person.id, str(h.tenure)) for h in result.certain) == sorted(
                (pid, str(t)) for pid, t in certain
            )
            expected_possible = [] if certain and post.single_holder else possible
            assert sorted((h.person.id, str(h.tenure)) for h in result.possible) == sorted(
                (pid, str(t)) for pid, t in expected_possible
            )
            assert result.state is oracle_office_state(post, ds.as_of, every, certain, possible)

    @given(
        ds=datasets(max_agreements=6, max_events=10),
        start=st.none() | query_dates,
        end=st.none() | query_dates,
        straddling=st.booleans(),
    )
    def test_timeline(
        self, ds: Dataset, start: str | None, end: str | None, straddling: bool
    ) -> None:
        """Entries lie inside the bounds (or straddle them, when asked) and are in order;
        a start after the end is refused."""
        lo = PartialDate.parse(start).earliest if start else date.min
        hi = PartialDate.parse(end).latest if end else date.max
        if lo > hi:
            with pytest.raises(FilterError, match="is after end"):
                ds.timeline(start, end, include_straddling=straddling)
            return
        expected = set()
        for a in ds.agreements:
            for m in a.milestones:
                first, last = m.date.earliest, m.date.latest
                inside = lo <= first and last <= hi
                overlaps = first <= hi and last >= lo
                if inside or (straddling and overlaps):
                    expected.add((a.id, m.kind.value, str(m.date)))
        for e in ds.events:
            first, last = e.start.earliest, (e.end or e.start).latest
            inside = lo <= first and last <= hi
            overlaps = first <= hi and last >= lo
            if inside or (straddling and overlaps):
                expected.add((e.id, e.kind.value, str(e.start)))
        entries = ds.timeline(start, end, include_straddling=straddling)
        assert {(x.record.id, x.kind, str(x.date)) for x in entries} == expected
        keys = [(x.date.earliest, x.date.latest) for x in entries]
        assert keys == sorted(keys)

    @given(
        ds=datasets(max_events=10),
        on=st.dates(min_value=date(1985, 1, 1), max_value=date(2035, 12, 31)),
    )
    def test_snapshot_events(self, ds: Dataset, on: date) -> None:
        """The last and next events are the nearest held or planned ones on each side;
        the others fall on the date or are in progress across it."""
        took_place = [e for e in ds.events if e.status.value in {"held", "planned"}]
        before = [e for e in took_place if (e.end or e.start).latest < on]
        after = [e for e in took_place if e.start.earliest > on]
        snap = ds.snapshot(on)
        if before:
            assert snap.last_event is not None
            latest = max((e.end or e.start).latest for e in before)
            assert (snap.last_event.end or snap.last_event.start).latest == latest
        else:
            assert snap.last_event is None
        if after:
            assert snap.next_event is not None
            assert snap.next_event.start.earliest == min(e.start.earliest for e in after)
        else:
            assert snap.next_event is None
        assert snap.in_force == ds.agreements_in_force(on, include_possible=True)
        rest = [e for e in took_place if e not in before and e not in after]
        in_progress = [e for e in rest if e.start.latest < on and (e.end or e.start).earliest > on]
        assert sorted(e.id for e in snap.in_progress) == sorted(e.id for e in in_progress)
        assert sorted(e.id for e in snap.events_on) == sorted(
            e.id for e in rest if e not in in_progress
        )


def _day_text(ordinal: int) -> PartialDate:
    return PartialDate.from_date(date.fromordinal(ordinal))


@st.composite
def spans_datasets(draw: st.DrawFn) -> Dataset:
    """Events of every length, from one day to centuries, and agreements whose
    milestones share a day (so that entries tie on their bounds)."""
    base = date(2000, 1, 1).toordinal()
    events = []
    lengths = st.one_of(st.integers(0, 3), st.integers(0, 60), st.integers(0, 40_000))
    for i in range(draw(st.integers(0, 25))):
        start = base + draw(st.integers(-3000, 3000))
        length = draw(lengths)
        events.append(
            Event(
                id=f"e{i:02d}",
                title=f"Event {i}",
                kind=draw(st.sampled_from(["exercise", "visit", "deployment"])),
                start=_day_text(start),
                end=_day_text(start + length) if length else None,
                countries=draw(st.sampled_from([(), ("CAN",), ("JPN", "CAN")])),
                citations=(CITE,),
            )
        )
    agreements = []
    for i in range(draw(st.integers(0, 6))):
        day = base + draw(st.integers(-3000, 3000))
        later = day + draw(st.sampled_from([0, 0, 1, 400]))
        agreements.append(
            Agreement(
                id=f"a{i}",
                title=f"Agreement {i}",
                kind="treaty",
                parties=("CAN", "JPN"),
                milestones=(
                    Milestone(kind=MilestoneKind.SIGNED, date=_day_text(day), citations=(CITE,)),
                    Milestone(
                        kind=MilestoneKind.ENTERED_INTO_FORCE,
                        date=_day_text(later),
                        citations=(CITE,),
                    ),
                ),
                citations=(CITE,),
            )
        )
    return dataset(events=events, agreements=agreements)


windows = st.tuples(
    st.none() | st.integers(date(1985, 1, 1).toordinal(), date(2110, 1, 1).toordinal()),
    st.none() | st.integers(0, 20_000),
)


class TestTimelineAgainstScan:
    """The indexed timeline returns the entries, and order, of a scan over all."""

    @staticmethod
    def check(ds: Dataset, window: tuple[int | None, int | None], data: Any) -> None:
        start, width = window
        lo = -(10**8) if start is None else start
        hi = 10**8 if start is None or width is None else start + width
        bounds = (
            None if start is None else date.fromordinal(lo),
            None if start is None or width is None else date.fromordinal(hi),
        )
        straddling = data.draw(st.booleans())
        filters: dict[str, Any] = {}
        if data.draw(st.booleans()):
            filters["kinds"] = set(data.draw(st.sets(st.sampled_from(["signed", "exercise"]))))
        if ds.events and data.draw(st.booleans()):
            countries = sorted({c for e in ds.events for c in e.countries})
            if countries:
                filters["country"] = data.draw(st.sampled_from(countries))
        got = ds.timeline(*bounds, include_straddling=straddling, **filters)
        assert got == scan_timeline(ds, lo, hi, include_straddling=straddling, **filters)

    @given(ds=spans_datasets(), window=windows, data=st.data())
    def test_long_and_tied_spans(
        self, ds: Dataset, window: tuple[int | None, int | None], data: Any
    ) -> None:
        """Long events starting before the window, and milestones tied on their day."""
        self.check(ds, window, data)

    @given(ds=datasets(max_agreements=6, max_events=12), window=windows, data=st.data())
    def test_generated_datasets(
        self, ds: Dataset, window: tuple[int | None, int | None], data: Any
    ) -> None:
        """Partial dates of every precision, in generated datasets."""
        self.check(ds, window, data)

    def test_entries_are_made_once(self, mini: Dataset) -> None:
        """Asking twice gives the very same entry objects."""
        first = mini.timeline("2011", "2012")
        assert first
        assert all(a is b for a, b in zip(first, mini.timeline("2011", "2012"), strict=True))
        everything = mini.timeline()
        assert [e.kind for e in everything] == [e.kind for e in all_entries(mini)]

    def test_same_day_milestones_sort_by_kind(self) -> None:
        """Milestones of one agreement on one day come in kind order, as before."""
        ds = dataset(
            agreements=[signed_then_in_force("2020-05-01", "2020-05-01")],
        )
        assert [e.kind for e in ds.timeline()] == ["entered_into_force", "signed"]


def _succession(n: int) -> Dataset:
    """A post held by ``n`` people in turn, one year each from the year 1000; in
    the year 1001 + 3k only the year of the handover is known."""
    cite = (Citation(source="src", quote="q"),)
    people = []
    for i in range(n):
        year = 1000 + i
        start = PartialDate(year) if i % 3 == 1 else PartialDate(year, 1, 1)
        end = PartialDate(year + 1) if i % 3 == 0 else PartialDate(year + 1, 1, 1)
        tenure = Tenure(post="post", start=start, end=end, citations=cite)
        people.append(Person(id=f"p{i:05}", name=f"P {i}", tenures=(tenure,), citations=cite))
    return Dataset(
        name="succession",
        version="1",
        as_of="2026-01-01",
        sources=[Source(id="src", title="S")],
        posts=[Post(id="post", title="Post", country="CAN", citations=cite)],
        people=people,
    )


class TestPostTenures:
    """The office-holder table: each post's tenures with their holders, in order."""

    @given(
        ds=datasets(max_people=6, min_posts=1, max_posts=1, max_tenures_per_post=5)
        | datasets(max_people=6, max_posts=3, max_tenures_per_post=5)
    )
    def test_columns_line_up(self, ds: Dataset) -> None:
        """Each post lists every tenure of it once, beside the person holding it, by
        earliest start and then person id, with that tenure's day bounds."""
        table = ds._post_tenures()
        for post in ds.posts:
            held = table.get(post.id, _NO_TENURES)
            expected = [
                (tenure_bounds(t)[0], person.id, i)
                for person in ds.people
                for i, t in enumerate(person.tenures)
                if t.post == post.id
            ]
            pairs = [held.held(i) for i in range(len(held.bounds))]
            got = [
                (bounds[0], person.id, person.tenures.index(t))
                for (person, t), bounds in zip(pairs, held.bounds, strict=True)
            ]
            assert got == sorted(expected)
            assert list(held.bounds) == [tenure_bounds(t) for _, t in pairs]

    def test_one_tenure_each_and_several(self) -> None:
        """People with one tenure, two or none, over two posts, keep their own tenures."""

        def tenure(post: str, year: int) -> Tenure:
            return Tenure(post=post, start=PartialDate(year), citations=(CITE,))

        people = [
            Person(id="a", name="A", tenures=(tenure("x", 2005),), citations=(CITE,)),
            Person(
                id="b", name="B", tenures=(tenure("x", 2001), tenure("y", 2003)), citations=(CITE,)
            ),
            Person(id="c", name="C", citations=(CITE,)),
            Person(id="d", name="D", tenures=(tenure("x", 2001),), citations=(CITE,)),
        ]
        ds = dataset(
            posts=[Post(id=p, title=p, country="CAN", citations=(CITE,)) for p in "xy"],
            people=people,
        )
        table = ds._post_tenures()

        def entries(post: str) -> list[tuple[str, str, PartialDate | None]]:
            held = table[post]
            return [(p.id, t.post, t.start) for p, t in map(held.held, range(len(held.bounds)))]

        assert entries("x") == [
            ("b", "x", PartialDate(2001)),
            ("d", "x", PartialDate(2001)),
            ("a", "x", PartialDate(2005)),
        ]
        assert entries("y") == [("b", "y", PartialDate(2003))]


class TestIndexedOfficeHolders:
    """Office holders of a post with thousands of tenures, from its indexes."""

    def test_certain_holder_needs_no_possible_index(self) -> None:
        """A single-holder post certainly held on the day answers from the certain
        index alone: the possible holders' index is not built."""
        ds = _succession(3000)
        h = ds.office_holders("post", "1500-06-15", include_possible=True)
        assert [x.person.id for x in h.certain] == ["p00500"]
        assert h.possible == ()
        assert "holders:post:False" in ds._cache
        assert "holders:post:True" not in ds._cache

    def test_uncertain_day_builds_the_possible_index(self) -> None:
        """On a day only possibly held, the possible holders come from their index,
        as a scan finds them."""
        ds = _succession(3000)
        h = ds.office_holders("post", "1601-06-01", include_possible=True)
        assert h.certain == ()
        assert [x.person.id for x in h.possible] == ["p00600", "p00601"]
        assert "holders:post:True" in ds._cache
