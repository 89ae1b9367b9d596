"""When an agreement is in force, and when a person holds an office, three-valued.

Each agreement and tenure is reduced to four day ordinals: the earliest and latest
day its effect can start, and the earliest and latest day it can stop. A date (or
the range of days a partial date can be) is then *certainly* inside when every day
of it is inside for every reading of the partial dates, and *possibly* inside when
some day is inside for some reading.

Conventions:

* an agreement is in force from its entry into force (or adoption, for a
  non-binding instrument) up to, not including, its termination;
* an agreement with no recorded termination is presumed to continue, so answers
  about dates after the dataset's ``as_of`` rest on that presumption;
* an agreement with neither entry into force nor adoption recorded is undetermined
  after signature, unless a source attests that it was in effect (``in_effect``);
* a tenure covers ``start <= day < end``; an unknown start or end decides nothing,
  ``ongoing`` continues past ``as_of`` as agreements do, and a tenure is one
  continuous term: every day from its start (or first ``attested`` day) to its
  last ``attested`` day is a day the person certainly held the post;
* a post held by one person at a time (``single_holder``, the default): when
  someone certainly holds it throughout the date asked, nobody else is a possible
  holder;
* a post whose succession is recorded completely over a period (``complete_from``
  to ``complete_to`` or ``as_of``) was vacant on a day inside that period when no
  tenure can cover it; outside the period, or for a post with no such period, the
  answer is that nobody is known ([`OfficeState`][canjapan.OfficeState]).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

from attrs import frozen

from canjapan._dates import PartialDate, date_text, day_bounds
from canjapan._model import MilestoneKind

if TYPE_CHECKING:
    from canjapan._dates import DateLike
    from canjapan._model import Agreement, Tenure

__all__ = [
    "AgreementState",
    "AgreementStatus",
    "OfficeState",
    "agreement_bounds",
    "possible_states",
    "status_on",
    "tenure_bounds",
]

NEVER: Final = 10**8
"""An ordinal after every representable day."""
ALWAYS: Final = -(10**8)
"""An ordinal before every representable day."""


class AgreementState(enum.Enum):
    """Where an agreement stands on a date."""

    NOT_YET_SIGNED = "not yet signed"
    SIGNED = "signed, not in force"
    IN_FORCE = "in force"
    TERMINATED = "terminated"
    UNDETERMINED = "undetermined"


class OfficeState(enum.Enum):
    """What the dataset says of a post on a date.

    Only ``HELD`` and ``POSSIBLY_HELD`` name people; the other three tell apart
    the ways of naming nobody.
    """

    HELD = "held"
    """Someone certainly held the post throughout the date."""
    POSSIBLY_HELD = "possibly held"
    """Nobody certainly, but the partial dates of some tenure may cover the date."""
    VACANT = "vacant"
    """Inside the period whose succession the dataset records completely, and no
    tenure can cover the date: nobody held the post."""
    NOT_COVERED = "not covered"
    """Nobody is known, and the date is (at least partly) outside the period the
    dataset records completely for this post."""
    UNKNOWN = "unknown"
    """Nobody is known, and the dataset does not claim a complete succession for
    this post."""


@frozen(kw_only=True)
class AgreementStatus:
    """An agreement's status on a date, and why.

    Attributes:
        state: The state, or ``UNDETERMINED`` when the partial dates allow more than one.
        possible: Every state the agreement can be in on that date.
        reason: A sentence saying which milestone decides it.
        on: The date asked about.
    """

    state: AgreementState
    possible: frozenset[AgreementState]
    reason: str
    on: str

    @property
    def in_force(self) -> bool:
        """Certainly in force on the date."""
        return self.state is AgreementState.IN_FORCE

    @property
    def possibly_in_force(self) -> bool:
        """In force on the date for at least one reading of the partial dates."""
        return AgreementState.IN_FORCE in self.possible


def agreement_bounds(agreement: Agreement) -> tuple[int, int, int, int]:
    """``(start_lo, start_hi, end_lo, end_hi)``: the span of days the effect can start
    and stop in. ``ALWAYS`` and ``NEVER`` stand for unbounded."""
    # One pass over the milestones (this runs for every agreement on first query):
    # the first date of each kind that decides, and the latest earliest day of those
    # up to signature. Kinds are compared by identity: hashing an enum member runs
    # Python code, and this is the whole cost of the agreements' first query.
    start_lo = ALWAYS
    effect = adopted = attested = end = None
    for m in agreement.milestones:
        kind = m.kind
        if kind is _ENTERED_INTO_FORCE:
            if effect is None:
                effect = m.date
        elif kind is _TERMINATED:
            if end is None:
                end = m.date
        elif kind is _ADOPTED:
            if adopted is None:
                adopted = m.date
        elif kind is _IN_EFFECT:
            if attested is None:
                attested = m.date
        elif kind in _UP_TO_SIGNATURE and m.date._lo > start_lo:
            start_lo = m.date._lo
    if effect is None:
        effect = adopted
    if effect is not None:
        start_lo, start_hi = effect._lo, effect._hi
    else:
        start_hi = attested._hi if attested is not None else NEVER
    if end is None:
        return start_lo, start_hi, NEVER, NEVER
    return start_lo, start_hi, end._lo, end._hi


_UP_TO_SIGNATURE: Final = tuple(k for k in MilestoneKind if k.rank <= MilestoneKind.SIGNED.rank)
_ENTERED_INTO_FORCE: Final = MilestoneKind.ENTERED_INTO_FORCE
_TERMINATED: Final = MilestoneKind.TERMINATED
_ADOPTED: Final = MilestoneKind.ADOPTED
_IN_EFFECT: Final = MilestoneKind.IN_EFFECT


def tenure_bounds(tenure: Tenure) -> tuple[int, int, int, int]:
    """``(start_lo, start_hi, end_lo, end_hi)`` of a tenure; see ``agreement_bounds``.

    An unknown start can be any day (``ALWAYS``..``NEVER``); an unknown end too,
    unless the tenure is ``ongoing``, when it is ``NEVER``. A tenure is one
    continuous term, so each ``attested`` date, a day the person held the post,
    bounds it: the term started by that day and ended after it.
    """
    start, end = tenure.start, tenure.end
    if start is None:
        start_lo, start_hi = ALWAYS, NEVER
    else:
        start_lo, start_hi = start._lo, start._hi
    if end is not None:
        end_lo, end_hi = end._lo, end._hi
    elif tenure.ongoing:
        end_lo = end_hi = NEVER
    else:
        end_lo, end_hi = ALWAYS, NEVER
    for day in tenure.attested:
        # Within what the start and end allow: an attested day outside them says
        # nothing more than they do. That is start_hi = max(start_lo, min(start_hi,
        # latest)) and end_lo = min(end_hi, max(end_lo, after)), as comparisons
        # (start_lo <= start_hi and end_lo <= end_hi throughout): this runs for every
        # attested tenure on an office's first query, and builtin calls cost more.
        latest, after = day._hi, day._lo + 1
        if latest < start_hi:
            start_hi = latest if latest > start_lo else start_lo
        if after > end_lo:
            end_lo = after if after < end_hi else end_hi
    return start_lo, start_hi, end_lo, end_hi


def _fmt(d: PartialDate | None) -> str:
    if d is None:
        return "unknown"
    if d.is_exact:
        return str(d)
    qualifiers = "".join(
        f", {word}"
        for word, flag in (("uncertain", d.uncertain), ("approximate", d.approximate))
        if flag
    )
    return f"{d} ({d.precision.value} precision{qualifiers})"


def possible_states(
    lo: int, hi: int, bounds: tuple[int, int, int, int], signed: PartialDate | None
) -> set[AgreementState]:
    """Every state an agreement with these bounds can be in on some day of ``lo..hi``."""
    start_lo, start_hi, end_lo, end_hi = bounds
    S = AgreementState
    possible: set[AgreementState] = set()
    first = max(lo, start_lo)
    if first <= hi and first < end_hi:
        possible.add(S.IN_FORCE)
    if end_lo <= hi:
        possible.add(S.TERMINATED)
    if lo < start_hi:  # some day of the range may come before the effect starts
        last_before = min(hi, start_hi - 1)
        if signed is not None and signed._lo <= last_before:
            possible.add(S.SIGNED)
        if signed is None or signed._hi > lo:
            possible.add(S.NOT_YET_SIGNED)
    return possible


def status_on(agreement: Agreement, on: DateLike) -> AgreementStatus:
    """The status of ``agreement`` on ``on``; see the module docstring for the rules."""
    lo, hi = day_bounds(on)
    on_text = date_text(on, lo, hi)
    bounds = agreement_bounds(agreement)
    signed = agreement.signed
    effect = agreement.entered_into_force
    end = agreement.terminated
    possible = possible_states(lo, hi, bounds, signed)
    S = AgreementState
    state = next(iter(possible)) if len(possible) == 1 else S.UNDETERMINED
    if state is S.IN_FORCE:
        if effect is not None:
            reason = f"in force since {_fmt(effect)}"
        else:
            attested = agreement.milestone(MilestoneKind.IN_EFFECT)
            reason = f"attested in effect in {_fmt(attested.date if attested else None)}"
        reason += "; no termination recorded" if end is None else f"; terminates {_fmt(end)}"
    elif state is S.TERMINATED:
        reason = f"terminated {_fmt(end)}"
    elif state is S.SIGNED:
        reason = f"signed {_fmt(signed)}; "
        reason += (
            "entry into force not recorded" if effect is None else f"in force from {_fmt(effect)}"
        )
    elif state is S.NOT_YET_SIGNED:
        reason = f"signed {_fmt(signed)}" if signed is not None else "nothing recorded yet"
        if effect is not None:
            reason += f"; takes effect {_fmt(effect)}"
    else:
        reason = _undetermined_reason(agreement, on_text, lo, hi, bounds[1])
    return AgreementStatus(state=state, possible=frozenset(possible), reason=reason, on=on_text)


def _undetermined_reason(
    agreement: Agreement, on_text: str, lo: int, hi: int, start_hi: int
) -> str:
    def straddles(d: PartialDate | None) -> bool:
        return d is not None and d._lo <= hi and d._hi > lo

    signed = agreement.signed
    effect = agreement.entered_into_force
    end = agreement.terminated
    for what, d in (("signed", signed), ("entered into force", effect), ("terminated", end)):
        if straddles(d):
            return f"{what} {_fmt(d)}: {on_text} may be before or after"
    if effect is None and start_hi == NEVER:
        what = f"signed {_fmt(signed)}" if signed is not None else "no signature recorded"
        return f"{what}; entry into force not recorded"
    attested = agreement.milestone(MilestoneKind.IN_EFFECT)
    return (
        f"attested in effect in {_fmt(attested.date if attested else None)}; "
        "the start of its effect is not recorded"
    )
