"""A timeline plot of a dataset (needs the ``plot`` extra: matplotlib).

```python
import canjapan
from canjapan.plot import timeline

fig = timeline(canjapan.load(), start="2009", end="2026")
fig.savefig("timeline.png", dpi=120)
```

The figure is built on ``matplotlib.figure.Figure`` without ``pyplot``, so it
works headless and never opens a window. In a notebook, show it as an image, e.g.
``IPython.display.Image(data)`` of the PNG bytes that ``fig.savefig(buffer,
format="png")`` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Final

from canjapan._dates import DateLike, day_bounds
from canjapan._model import Agreement, Event, EventKind, EventStatus, MilestoneKind, Tenure
from canjapan._status import ALWAYS, NEVER, agreement_bounds
from canjapan.exceptions import DateParseError, MissingExtraError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from canjapan._dataset import Dataset

__all__ = ["timeline"]

_IN_FORCE: Final = "#1f5f99"
_SIGNED: Final = "#9ec1e0"
_NEGOTIATING: Final = "#888888"
_UNCERTAIN_ALPHA: Final = 0.35
_HATCH: Final = "////"
_BAR: Final = 0.6
_STUB_DAYS: Final = 180
"""How far an unknown start or end of a tenure is sketched past its last known day."""
_UNKNOWN_START_DAYS: Final = 365
"""How far back an agreement whose start of effect is unbounded is sketched."""
_COUNTRY_COLOURS: Final = {
    "CAN": ("#c0392b", "#e6948a"),
    "JPN": ("#34495e", "#8fa3b8"),
}
_OTHER_COLOURS: Final = ("#6c7a3c", "#b3c17f")
_MARKERS: Final = ("o", "s", "D", "^", "v", "P", "X", "*", "p", "h", "<", ">", "d")
_LABEL_CHARS: Final = 40


def timeline(
    dataset: Dataset, start: DateLike | None = None, end: DateLike | None = None
) -> Figure:
    """Draw the relationship over time.

    Three panels share the time axis:

    * **Agreements**, one bar each, from signature (or the first recorded
      milestone) to termination or the dataset's ``as_of``: light while signed
      but not yet in force, dark while certainly in force, hatched and faded where
      a partial date leaves the change undetermined (between the earliest and the
      latest day the date can be, or from signature to the first day a source
      attests the agreement in effect);
    * **Events**, one row per kind, a marker each: filled when held, hollow when
      planned, postponed or cancelled; a line when an event spans several days, a
      faded band between the earliest and latest day of a partial date;
    * **Offices**, one band per post: each holder's tenure, hatched where its
      start or end is partial or unknown, and a mark on each attested day when
      the sources give no start or end.

    A dashed line marks the dataset's ``as_of``.

    Args:
        dataset: The dataset to draw.
        start: The first day shown: a ``date``, ``datetime``, ISO or EDTF string
            or [`PartialDate`][canjapan.PartialDate] (its earliest day). Defaults to just
            before the first agreement milestone or event.
        end: The last day shown (a partial date's latest day). Defaults to just
            after ``as_of`` or the last dated entry.

    Returns:
        A ``matplotlib.figure.Figure``. Anything that can cover a day of the
        window is drawn (clipped to it). Each drawn artist has a ``gid`` naming
        what it shows: ``agreement:<id>:<part>``, ``event:<id>[:<part>]``,
        ``tenure:<person>:<index>[:<part>]``.

    Raises:
        MissingExtraError: matplotlib is not installed.
        DateParseError: ``start`` is after ``end``, or either is not a valid date.
    """
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError("canjapan.plot", "plot", "matplotlib") from None

    lo, hi = _window(dataset, start, end)
    as_of = dataset.as_of.toordinal()
    agreements = [a for a in dataset.agreements if _overlaps(_agreement_span(a, as_of), lo, hi)]
    agreements.sort(key=lambda a: (_agreement_span(a, as_of)[0], a.id))
    events = [e for e in dataset.events if _overlaps(_event_span(e), lo, hi)]
    offices = _offices(dataset, lo, hi, as_of)
    kinds = [k for k in EventKind if any(e.kind is k for e in events)]

    sections: list[tuple[str, int, Callable[[Axes], None]]] = []
    if agreements:
        sections.append(
            (
                "Agreements",
                len(agreements),
                lambda ax: _draw_agreements(ax, agreements, lo, hi, as_of),
            )
        )
    if events:
        sections.append(("Events", len(kinds), lambda ax: _draw_events(ax, events, kinds, lo, hi)))
    if offices:
        sections.append(("Offices", len(offices), lambda ax: _draw_offices(ax, offices, lo, hi)))

    rows = sum(n for _, n, _ in sections)
    fig = Figure(figsize=(13, 1.4 + 0.3 * rows + 0.6 * len(sections)), layout="constrained")
    title = (
        f"{dataset.name}: {date.fromordinal(lo).isoformat()} to {date.fromordinal(hi).isoformat()}"
    )
    fig.suptitle(title, fontsize=11)
    if not sections:
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Nothing recorded in this window.", ha="center", va="center")
        return fig
    axes = fig.subplots(
        nrows=len(sections),
        sharex=True,
        squeeze=False,
        gridspec_kw={"height_ratios": [max(n, 1) + 1 for _, n, _ in sections]},
    )[:, 0]
    for ax, (name, _, draw) in zip(axes, sections, strict=True):
        draw(ax)
        ax.set_title(name, loc="left", fontsize=10, fontweight="bold")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", labelsize=8, length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if lo <= as_of <= hi:
            ax.axvline(_x(as_of), color="#555555", linestyle="--", linewidth=0.9, gid="as-of")
    top = axes[0]
    if lo <= as_of <= hi:
        top.annotate(
            f"as of {dataset.as_of.isoformat()}",
            xy=(_x(as_of), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-3, 2),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=7,
            color="#555555",
        )
    _date_axis(axes[-1], lo, hi)
    return fig


# -- window and spans -------------------------------------------------------------------------


def _window(dataset: Dataset, start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    lo = None if start is None else day_bounds(start)[0]
    hi = None if end is None else day_bounds(end)[1]
    if lo is None or hi is None:
        days = [
            d for a in dataset.agreements for m in a.milestones for d in (m.date._lo, m.date._hi)
        ]
        days += [d for e in dataset.events for d in _event_span(e)]
        if not days:
            days = [
                d._lo
                for p in dataset.people
                for t in p.tenures
                for d in (t.start, t.end, *t.attested)
                if d is not None
            ]
        as_of = dataset.as_of.toordinal()
        first = min(days, default=as_of - 365)
        last = max([*days, as_of])
        margin = max(30, (last - first) // 50)
        if lo is None:
            lo = first - margin
            if hi is not None:
                lo = min(lo, hi - 30)
        if hi is None:
            hi = max(last + margin, lo + 30)
    if lo > hi:
        raise DateParseError(f"{start}/{end}", "the start is after the end")
    return max(lo, date.min.toordinal()), min(hi, date.max.toordinal())


def _overlaps(span: tuple[int, int] | None, lo: int, hi: int) -> bool:
    return span is not None and span[0] <= hi and span[1] >= lo


def _agreement_span(a: Agreement, as_of: int) -> tuple[int, int]:
    """The days an agreement's bar covers; ``(NEVER, ALWAYS)`` when it has none."""
    if not a.milestones:
        return NEVER, ALWAYS
    first = min(m.date._lo for m in a.milestones)
    s_lo, _, _, e_hi = agreement_bounds(a)
    if s_lo == ALWAYS:
        first = min(first, _unknown_start(a))
    last = max(m.date._hi for m in a.milestones)
    end = e_hi if e_hi != NEVER else max(as_of, last)
    return first, end


def _unknown_start(a: Agreement) -> int:
    _, s_hi, _, _ = agreement_bounds(a)
    return s_hi - _UNKNOWN_START_DAYS


def _event_span(e: Event) -> tuple[int, int]:
    return e.start._lo, (e.end or e.start)._hi


def _tenure_span(t: Tenure, as_of: int) -> tuple[int, int] | None:
    known = [d for d in (t.start, t.end, *t.attested) if d is not None]
    if not known:
        return None
    first = min(d._lo for d in known)
    last = max(d._hi for d in known)
    if t.start is None and (t.end is not None or t.attested):
        first -= _STUB_DAYS
    if t.ongoing:
        last = max(last, as_of)
    elif t.end is None:
        last += _STUB_DAYS
    return first, last


Office = tuple[str, str, list[tuple[str, str, int, Tenure]]]
"""(label, country, [(person id, person name, tenure index, tenure)])."""


def _offices(dataset: Dataset, lo: int, hi: int, as_of: int) -> list[tuple[Office, int]]:
    by_post: dict[str, list[tuple[str, str, int, Tenure]]] = {}
    for person in dataset.people:
        for i, t in enumerate(person.tenures):
            if _overlaps(_tenure_span(t, as_of), lo, hi):
                by_post.setdefault(t.post, []).append((person.id, person.name, i, t))
    offices: list[tuple[Office, int]] = []
    for post in dataset.posts:
        held = by_post.get(post.id)
        if held:
            held.sort(key=lambda h: (_tenure_span(h[3], as_of) or (0, 0))[0])
            offices.append(((_short(post.title), post.country, held), as_of))
    return offices


# -- drawing ---------------------------------------------------------------------------------


def _x(ordinal: int) -> float:
    from matplotlib.dates import date2num

    return float(date2num(datetime.combine(date.fromordinal(ordinal), time())))  # type: ignore[no-untyped-call]


def _bar(
    ax: Axes,
    y: float,
    start: int,
    stop: int,
    lo: int,
    hi: int,
    *,
    gid: str,
    colour: str,
    uncertain: bool = False,
    height: float = _BAR,
) -> bool:
    """A bar over days ``start``..``stop`` (inclusive), clipped to the window."""
    start, stop = max(start, lo), min(stop, hi)
    if start > stop:
        return False
    left = _x(start)
    width = _x(stop + 1) - left
    if uncertain:
        ax.barh(
            y,
            width,
            left=left,
            height=height,
            color=colour,
            alpha=_UNCERTAIN_ALPHA,
            hatch=_HATCH,
            edgecolor=colour,
            linewidth=0,
            gid=gid,
        )
    else:
        ax.barh(y, width, left=left, height=height, color=colour, linewidth=0, gid=gid)
    return True


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _agreement_label(a: Agreement) -> str:
    name = a.short_names[0] if a.short_names else a.title
    if a.abbreviations and a.abbreviations[0] not in name:
        name = f"{a.abbreviations[0]}: {name}"
    return _short(name)


def _draw_agreements(
    ax: Axes, agreements: Sequence[Agreement], lo: int, hi: int, as_of: int
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    labels = []
    for row, a in enumerate(agreements):
        y = -row
        gid = f"agreement:{a.id}"
        first, last = _agreement_span(a, as_of)
        instrument = [m for m in a.milestones if m.kind.rank >= MilestoneKind.SIGNED.rank]
        bar_start = min((m.date._lo for m in instrument), default=last + 1)
        if first < bar_start:  # negotiations before signature: a thin line
            a_, b_ = max(first, lo), min(bar_start - 1, hi)
            if a_ <= b_:
                ax.plot(
                    [_x(a_), _x(b_ + 1)],
                    [y, y],
                    color=_NEGOTIATING,
                    linewidth=1.5,
                    gid=f"{gid}:negotiations",
                )
        if instrument:
            _draw_instrument(ax, y, a, gid, bar_start, lo, hi, as_of)
        for m in a.milestones:
            if lo <= m.date._lo and m.date._hi <= hi and m.kind is not MilestoneKind.IN_EFFECT:
                ax.plot(
                    [_x((m.date._lo + m.date._hi) // 2)],
                    [y],
                    marker="|",
                    markersize=9,
                    markeredgewidth=1.2,
                    color="black",
                    linestyle="",
                    gid=f"{gid}:milestone",
                )
        labels.append(_agreement_label(a))
    _rows(ax, labels)
    ax.legend(
        handles=[
            Line2D([], [], color=_NEGOTIATING, linewidth=1.5, label="negotiating"),
            Patch(facecolor=_SIGNED, label="signed, not yet in force"),
            Patch(facecolor=_IN_FORCE, label="in force"),
            Patch(
                facecolor=_IN_FORCE,
                alpha=_UNCERTAIN_ALPHA,
                hatch=_HATCH,
                edgecolor=_IN_FORCE,
                label="undetermined\n(partial or missing date)",
            ),
            Line2D(
                [], [], marker="|", markersize=9, color="black", linestyle="", label="milestone"
            ),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )


def _draw_instrument(
    ax: Axes, y: float, a: Agreement, gid: str, bar_start: int, lo: int, hi: int, as_of: int
) -> None:
    """The bar of a signed or adopted agreement: signed, undetermined, in force."""
    s_lo, s_hi, e_lo, e_hi = agreement_bounds(a)
    stop = as_of if e_lo == NEVER else e_lo - 1
    s_lo = _unknown_start(a) if s_lo == ALWAYS else s_lo
    if bar_start < s_lo:
        _bar(ax, y, bar_start, s_lo - 1, lo, hi, gid=f"{gid}:signed", colour=_SIGNED)
    _bar(
        ax,
        y,
        s_lo,
        min(s_hi, stop + 1) - 1,
        lo,
        hi,
        gid=f"{gid}:uncertain",
        colour=_IN_FORCE,
        uncertain=True,
    )
    if s_hi < NEVER:
        _bar(ax, y, s_hi, stop, lo, hi, gid=f"{gid}:in-force", colour=_IN_FORCE)
    if e_lo < NEVER:
        _bar(
            ax,
            y,
            e_lo,
            e_hi - 1,
            lo,
            hi,
            gid=f"{gid}:uncertain-end",
            colour=_IN_FORCE,
            uncertain=True,
        )


def _kind_style(kind: EventKind) -> tuple[str, str]:
    from matplotlib import colormaps

    index = list(EventKind).index(kind)
    colour = colormaps["tab20"](index / 20)
    from matplotlib.colors import to_hex

    return _MARKERS[index % len(_MARKERS)], to_hex(colour)


def _draw_events(
    ax: Axes, events: Sequence[Event], kinds: Sequence[EventKind], lo: int, hi: int
) -> None:
    from matplotlib.lines import Line2D

    rows = {k: -i for i, k in enumerate(kinds)}
    for e in events:
        y = rows[e.kind]
        marker, colour = _kind_style(e.kind)
        gid = f"event:{e.id}"
        first = _event_span(e)[0]
        if not e.start.is_exact or (e.end is not None and not e.end.is_exact):
            _bar(
                ax,
                y,
                e.start._lo,
                e.start._hi,
                lo,
                hi,
                gid=f"{gid}:uncertain",
                colour=colour,
                uncertain=True,
                height=0.4,
            )
        if e.end is not None:
            a, b = max(e.start._hi, lo), min(e.end._lo, hi)
            if a < b:
                ax.plot(
                    [_x(a), _x(b)],
                    [y, y],
                    color=colour,
                    linewidth=2.5,
                    solid_capstyle="butt",
                    gid=f"{gid}:span",
                )
        mid = (max(first, lo) + min(e.start._hi, hi)) // 2
        held = e.status is EventStatus.HELD
        ax.plot(
            [_x(mid)],
            [y],
            marker=marker,
            markersize=6,
            linestyle="",
            markerfacecolor=colour if held else "white",
            markeredgecolor=colour,
            markeredgewidth=1.2,
            gid=gid,
        )
    _rows(ax, [k.value.replace("_", " ") for k in kinds])
    ax.legend(
        handles=[
            Line2D([], [], marker="o", linestyle="", color="#777777", label="held"),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor="#777777",
                label="planned, postponed\nor cancelled",
            ),
            Line2D([], [], color="#777777", linewidth=2.5, label="over several days"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )


def _draw_offices(ax: Axes, offices: Sequence[tuple[Office, int]], lo: int, hi: int) -> None:
    labels = []
    for row, ((label, country, held), as_of) in enumerate(offices):
        y = -row
        colours = _COUNTRY_COLOURS.get(country, _OTHER_COLOURS)
        for n, (person_id, name, index, t) in enumerate(held):
            colour = colours[n % 2]
            gid = f"tenure:{person_id}:{index}"
            _draw_tenure(ax, y, t, name, gid, colour, lo, hi, as_of, dark=n % 2 == 0)
        labels.append(label)
    _rows(ax, labels)


def _draw_tenure(
    ax: Axes,
    y: float,
    t: Tenure,
    name: str,
    gid: str,
    colour: str,
    lo: int,
    hi: int,
    as_of: int,
    *,
    dark: bool,
) -> None:
    span = _tenure_span(t, as_of)
    assert span is not None
    known = [d for d in (t.start, *t.attested, t.end) if d is not None]
    solid_from = t.start._hi if t.start is not None else min(d._lo for d in known)
    if t.end is not None:
        solid_to = t.end._lo - 1
    elif t.ongoing:
        solid_to = as_of
    else:
        solid_to = max(d._hi for d in known)
    if t.start is not None and t.start._lo < t.start._hi:
        _bar(
            ax,
            y,
            t.start._lo,
            t.start._hi - 1,
            lo,
            hi,
            gid=f"{gid}:uncertain-start",
            colour=colour,
            uncertain=True,
        )
    if t.start is None:
        _bar(
            ax,
            y,
            span[0],
            solid_from - 1,
            lo,
            hi,
            gid=f"{gid}:unknown-start",
            colour=colour,
            uncertain=True,
        )
    drawn = _bar(ax, y, solid_from, solid_to, lo, hi, gid=gid, colour=colour)
    if t.end is not None and t.end._lo < t.end._hi:
        _bar(
            ax,
            y,
            t.end._lo,
            t.end._hi - 1,
            lo,
            hi,
            gid=f"{gid}:uncertain-end",
            colour=colour,
            uncertain=True,
        )
    if t.end is None and not t.ongoing:
        _bar(
            ax,
            y,
            solid_to + 1,
            span[1],
            lo,
            hi,
            gid=f"{gid}:unknown-end",
            colour=colour,
            uncertain=True,
        )
    for d in t.attested:
        if lo <= d._lo <= hi:
            ax.plot(
                [_x(d._lo)],
                [y],
                marker="|",
                markersize=8,
                color="black",
                linestyle="",
                gid=f"{gid}:attested",
            )
    if drawn:
        a, b = max(span[0], lo), min(span[1], hi)
        ax.text(
            _x((a + b) // 2),
            y,
            name.rsplit(maxsplit=1)[-1],
            ha="center",
            va="center",
            fontsize=6.5,
            color="white" if dark and solid_to - solid_from > 0.4 * (b - a) else "black",
            clip_on=True,
            gid=f"{gid}:label",
        )


def _rows(ax: Axes, labels: Sequence[str]) -> None:
    ax.set_yticks([-i for i in range(len(labels))], labels)
    ax.set_ylim(-len(labels) + 0.4, 0.6)


def _date_axis(ax: Axes, lo: int, hi: int) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=5, maxticks=14)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlim(_x(lo), _x(hi + 1))
    ax.tick_params(axis="x", labelsize=8)
