"""Tests for canjapan._status: agreement status and tenure bounds, three-valued."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canjapan import (
    Agreement,
    AgreementState,
    Citation,
    Milestone,
    MilestoneKind,
    PartialDate,
    Tenure,
)
from canjapan._status import ALWAYS, NEVER, agreement_bounds, tenure_bounds
from canjapan.testing.strategies import partial_dates

CITE = Citation(source="src", quote="q")
S = AgreementState


@st.composite
def loose_tenures(draw: st.DrawFn) -> Tenure:
    """Tenures whose attested days may lie anywhere, before the start or after the
    end too, of any precision and in any order."""
    dates = partial_dates(min_year=2000, max_year=2010)
    start, end = draw(st.none() | dates), draw(st.none() | dates)
    if start is not None and end is not None and start.certainly_after(end):
        start, end = end, start
    ongoing = end is None and draw(st.booleans())
    attested = draw(st.lists(dates, max_size=4))
    return Tenure(
        post="p", start=start, end=end, ongoing=ongoing, attested=attested, citations=(CITE,)
    )


def agreement(**dates: str) -> Agreement:
    milestones = [
        Milestone(kind=MilestoneKind(kind), date=PartialDate.parse(d), citations=(CITE,))
        for kind, d in dates.items()
    ]
    return Agreement(
        id="a",
        title="A",
        kind="agreement",
        parties=("CAN", "JPN"),
        milestones=milestones,
        citations=(CITE,),
    )


ACSA = agreement(signed="2018-04-21", entered_into_force="2019-07")
ENDED = agreement(signed="2001", entered_into_force="2002-03-04", terminated="2010-05")
SIGNED_ONLY = agreement(signed="2026-01-27")
ATTESTED = agreement(in_effect="2012-03")


class TestStatusOn:
    """Agreement.status_on answers with a state, the possible states and a reason."""

    @pytest.mark.parametrize(
        ("on", "state"),
        [
            ("2018-01-01", S.NOT_YET_SIGNED),
            ("2018-04-21", S.SIGNED),
            ("2019-06-30", S.SIGNED),
            ("2019-07-15", S.UNDETERMINED),
            ("2019-08-01", S.IN_FORCE),
            ("2030-01-01", S.IN_FORCE),
        ],
    )
    def test_month_precision_entry_into_force(self, on: str, state: AgreementState) -> None:
        """In force from "2019-07": undetermined inside July, certain after it."""
        assert ACSA.status_on(on).state is state

    def test_undetermined_lists_possibilities(self) -> None:
        """An undetermined status says which states remain possible, and why."""
        status = ACSA.status_on("2019-07-15")
        assert status.possible == {S.SIGNED, S.IN_FORCE}
        assert status.possibly_in_force
        assert not status.in_force
        assert "2019-07" in status.reason

    @pytest.mark.parametrize(
        ("on", "state"),
        [("2009", S.IN_FORCE), ("2010-05-15", S.UNDETERMINED), ("2010-06-01", S.TERMINATED)],
    )
    def test_termination(self, on: str, state: AgreementState) -> None:
        """Termination ends the in-force span; a month-precision end is undetermined inside."""
        assert ENDED.status_on(on).state is state

    def test_signed_without_entry_into_force(self) -> None:
        """Signed with no entry into force recorded: undetermined after signature."""
        assert SIGNED_ONLY.status_on("2026-01-26").state is S.NOT_YET_SIGNED
        status = SIGNED_ONLY.status_on("2026-02-01")
        assert status.state is S.UNDETERMINED
        assert status.possible == {S.SIGNED, S.IN_FORCE}
        assert "not recorded" in status.reason

    def test_attested_in_effect(self) -> None:
        """An in_effect attestation makes it certain after the attested month, open before."""
        assert ATTESTED.status_on("2012-04-01").state is S.IN_FORCE
        assert ATTESTED.status_on("2011-01-01").state is S.UNDETERMINED

    def test_partial_query_date(self) -> None:
        """A partial date asks about every day it can be."""
        assert ACSA.status_on("2019").state is S.UNDETERMINED
        assert ACSA.status_on("2020").state is S.IN_FORCE
        assert ACSA.status_on(PartialDate.parse("2017")).state is S.NOT_YET_SIGNED

    @pytest.mark.parametrize(
        "on", [date(2020, 1, 1), datetime(2020, 1, 1, 12, 30), "2020-01-01T09:00:00+09:00"]
    )
    def test_date_types(self, on: date | str) -> None:
        """Dates, datetimes and ISO date-time strings are accepted."""
        assert ACSA.status_on(on).state is S.IN_FORCE


class TestBounds:
    """agreement_bounds and tenure_bounds reduce records to day ordinals."""

    def test_agreement_bounds(self) -> None:
        """The effect starts within July 2019 and never ends."""
        lo, hi, end_lo, end_hi = agreement_bounds(ACSA)
        assert (date.fromordinal(lo), date.fromordinal(hi)) == (date(2019, 7, 1), date(2019, 7, 31))
        assert end_lo == end_hi == NEVER

    def test_unknown_tenure(self) -> None:
        """A tenure with no dates is bounded by nothing."""
        t = Tenure(post="p", citations=(CITE,))
        assert tenure_bounds(t) == (ALWAYS, NEVER, ALWAYS, NEVER)

    @given(loose_tenures())
    def test_attested_days_fold_into_the_bounds(self, t: Tenure) -> None:
        """Each attested day caps the latest start and raises the earliest end, within
        what the start and the end allow, one day after another."""
        start_lo, start_hi = (ALWAYS, NEVER) if t.start is None else (t.start._lo, t.start._hi)
        if t.end is not None:
            end_lo, end_hi = t.end._lo, t.end._hi
        else:
            end_lo, end_hi = (NEVER, NEVER) if t.ongoing else (ALWAYS, NEVER)
        for day in t.attested:
            start_hi = max(start_lo, min(start_hi, day._hi))
            end_lo = min(end_hi, max(end_lo, day._lo + 1))
        assert tenure_bounds(t) == (start_lo, start_hi, end_lo, end_hi)

    def test_ongoing_tenure(self) -> None:
        """An ongoing tenure never ends."""
        t = Tenure(post="p", start=PartialDate.parse("2025-05-13"), ongoing=True, citations=(CITE,))
        assert tenure_bounds(t)[2:] == (NEVER, NEVER)
