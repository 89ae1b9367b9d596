"""Tests for the record classes of canjapan._model."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from canjapan import (
    Agreement,
    AgreementKind,
    Citation,
    Coordinates,
    Domain,
    Event,
    EventMode,
    Figure,
    Label,
    Milestone,
    MilestoneKind,
    PartialDate,
    Person,
    Post,
    Source,
    Tenure,
)
from tests.records import RECORD_STRATEGIES

CITE = Citation(source="src", quote="a quote")


def milestone(kind: str, date: str) -> Milestone:
    return Milestone(kind=MilestoneKind(kind), date=PartialDate.parse(date), citations=(CITE,))


class TestRecords:
    """Records are frozen, slotted, keyword-only and normalised."""

    def test_frozen(self) -> None:
        """Assigning to a field of a record raises."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            CITE.quote = "changed"  # type: ignore[misc]

    def test_slotted(self) -> None:
        """Records have no __dict__, so no attribute can be added."""
        assert not hasattr(CITE, "__dict__")

    def test_keyword_only(self) -> None:
        """Positional arguments are refused."""
        with pytest.raises(TypeError):
            Citation("src", "quote")  # type: ignore[call-arg]

    def test_parties_sorted_and_deduplicated(self) -> None:
        """Country codes are stored sorted and unique."""
        a = Agreement(
            id="x", title="X", kind="treaty", parties=("JPN", "CAN", "JPN"), citations=(CITE,)
        )
        assert a.parties == ("CAN", "JPN")
        assert a.kind is AgreementKind.TREATY

    def test_milestones_in_lifecycle_order(self) -> None:
        """Milestones are stored in lifecycle order, whatever order they are given in."""
        a = Agreement(
            id="x",
            title="X",
            kind="treaty",
            parties=("CAN",),
            milestones=(
                milestone("entered_into_force", "2019-07"),
                milestone("signed", "2018-04-21"),
            ),
            citations=(CITE,),
        )
        assert [m.kind for m in a.milestones] == [
            MilestoneKind.SIGNED,
            MilestoneKind.ENTERED_INTO_FORCE,
        ]
        assert str(a.signed) == "2018-04-21"
        assert str(a.entered_into_force) == "2019-07"
        assert a.terminated is None

    def test_adoption_counts_as_taking_effect(self) -> None:
        """A non-binding instrument takes effect when adopted."""
        a = Agreement(
            id="x",
            title="X",
            kind="action_plan",
            parties=("CAN",),
            milestones=(milestone("adopted", "2022-10-11"),),
            citations=(CITE,),
        )
        assert str(a.entered_into_force) == "2022-10-11"

    def test_domains_normalised(self) -> None:
        """Domains given as strings become sorted Domain members."""
        e = Event(
            id="e",
            title="E",
            kind="exercise",
            start=PartialDate.parse("2024"),
            domains=("sea", "air", "sea"),
            citations=(CITE,),
        )
        assert e.domains == (Domain.AIR, Domain.SEA)


class TestValidation:
    """Validators refuse records that break their own invariants."""

    @pytest.mark.parametrize("bad", ["Has Space", "UPPER", "trailing-", "", "a--b"])
    def test_bad_ids(self, bad: str) -> None:
        """Ids must be lowercase slugs."""
        with pytest.raises(ValueError, match="lowercase slug"):
            Source(id=bad, title="T")

    def test_quote_length(self) -> None:
        """A quote has at most 40 words, or 100 Japanese or Chinese characters."""
        assert Citation(source="s", quote=" ".join(["w"] * 40)).quote
        assert Citation(source="s", quote="防" * 100).quote
        with pytest.raises(ValueError, match="at most 40 words, got 41"):
            Citation(source="s", quote=" ".join(["w"] * 41))
        with pytest.raises(ValueError, match="at most 100 Japanese or Chinese characters, got 101"):
            Citation(source="s", quote="防" * 101)

    def test_post_coverage(self) -> None:
        """A post's covered period needs a start and may not run backwards."""
        with pytest.raises(ValueError, match="complete_to needs complete_from"):
            Post(
                id="p",
                title="P",
                country="CAN",
                complete_to=PartialDate.parse("2020"),
                citations=(CITE,),
            )
        with pytest.raises(ValueError, match="complete_from 2021 is after complete_to 2020"):
            Post(
                id="p",
                title="P",
                country="CAN",
                complete_from=PartialDate.parse("2021"),
                complete_to=PartialDate.parse("2020"),
                citations=(CITE,),
            )

    def test_event_not_part_of_itself(self) -> None:
        """An event cannot be part of itself; its mode is a vocabulary."""
        start = PartialDate.parse("2020")
        with pytest.raises(ValueError, match="another event"):
            Event(id="e", title="E", kind="deployment", start=start, part_of="e", citations=(CITE,))
        with pytest.raises(ValueError, match="'telepathy' is not a valid EventMode"):
            Event(
                id="e", title="E", kind="summit", start=start, mode="telepathy", citations=(CITE,)
            )
        assert (
            Event(
                id="e", title="E", kind="summit", start=start, mode="video", citations=(CITE,)
            ).mode
            is EventMode.VIDEO
        )

    def test_citation_needed(self) -> None:
        """A record without citations is refused."""
        with pytest.raises(ValueError, match="at least one citation"):
            Person(id="p", name="P", citations=())

    def test_https_url(self) -> None:
        """Source URLs must use https."""
        with pytest.raises(ValueError, match="https://"):
            Source(id="s", title="T", url="http://example.org")

    def test_country_codes(self) -> None:
        """Parties must be alpha-3 codes."""
        with pytest.raises(ValueError, match="alpha-3"):
            Agreement(id="x", title="X", kind="treaty", parties=("CA",), citations=(CITE,))

    def test_unknown_kind(self) -> None:
        """An unknown kind is refused."""
        with pytest.raises(ValueError, match="pact"):
            Agreement(id="x", title="X", kind="pact", parties=("CAN",), citations=(CITE,))

    def test_event_start_after_end(self) -> None:
        """An event cannot end before it starts."""
        with pytest.raises(ValueError, match="after end"):
            Event(
                id="e",
                title="E",
                kind="exercise",
                start=PartialDate.parse("2024-06-17"),
                end=PartialDate.parse("2024-06-16"),
                citations=(CITE,),
            )

    def test_event_partial_span_allowed(self) -> None:
        """A start and end whose order is undetermined are accepted."""
        e = Event(
            id="e",
            title="E",
            kind="exercise",
            start=PartialDate.parse("2024-10"),
            end=PartialDate.parse("2024"),
            citations=(CITE,),
        )
        assert e.end is not None

    def test_ongoing_tenure_has_no_end(self) -> None:
        """An ongoing tenure cannot also have an end."""
        with pytest.raises(ValueError, match="ongoing"):
            Tenure(
                post="p",
                start=PartialDate.parse("2020"),
                end=PartialDate.parse("2021"),
                ongoing=True,
                citations=(CITE,),
            )

    def test_language_tag(self) -> None:
        """Labels need a BCP 47 language tag."""
        with pytest.raises(ValueError, match="BCP 47"):
            Label(text="x", language="Japanese")

    @pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, 181.0)])
    def test_coordinates_range(self, lat: float, lon: float) -> None:
        """Coordinates must be on the globe."""
        with pytest.raises(ValueError, match="between"):
            Coordinates(latitude=lat, longitude=lon)

    @pytest.mark.parametrize("period", ["18M", "P", "PT5H", "P1.5Y"])
    def test_figure_period(self, period: str) -> None:
        """A figure's period must be an ISO 8601 duration of days, weeks, months or years."""
        with pytest.raises(ValueError, match="duration"):
            Figure(id="f", description="d", value=1, unit="u", period=period, citations=(CITE,))

    @pytest.mark.parametrize("value", [True, float("nan"), "12"])
    def test_figure_value(self, value: object) -> None:
        """A figure's value must be a real number."""
        with pytest.raises(ValueError, match="number"):
            Figure(id="f", description="d", value=value, unit="u", citations=(CITE,))  # type: ignore[arg-type]

    def test_milestone_rank(self) -> None:
        """Milestone kinds are ranked in lifecycle order."""
        ranks = [k.rank for k in MilestoneKind]
        assert ranks == sorted(ranks)
        assert MilestoneKind.SIGNED.rank < MilestoneKind.ENTERED_INTO_FORCE.rank


class TestRepr:
    """Records print as attrs would print them."""

    @given(data=st.data())
    def test_same_text_as_attrs(self, data: st.DataObject) -> None:
        """The shared __repr__ gives what an attrs class with the same fields gives."""
        strategy, cls = data.draw(st.sampled_from(RECORD_STRATEGIES))
        record = data.draw(strategy())
        names = [f.name for f in attrs.fields(cls)]
        oracle = attrs.make_class(cls.__name__, names, repr=True, kw_only=True)
        expected = oracle(**{name: getattr(record, name) for name in names})
        assert repr(record) == repr(expected)
        assert repr(record).startswith(f"{cls.__name__}(")
