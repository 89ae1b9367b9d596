"""Tests of canjapan.plot: the timeline figure."""

from __future__ import annotations

import struct
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import canjapan
from canjapan._dates import DateLike, PartialDate

pytest.importorskip("matplotlib")

from canjapan.plot import timeline

SRC = Path(__file__).resolve().parent.parent / "src"


def gids(fig: Any) -> list[str]:
    return [a.get_gid() for a in fig.findobj(lambda a: isinstance(a.get_gid(), str))]


def drawn(fig: Any, prefix: str) -> set[str]:
    """The ids of the things of one kind (agreement, event, tenure) the figure shows."""
    return {g.split(":")[1] for g in gids(fig) if g.startswith(prefix + ":")}


def artists(fig: Any, gid: str) -> list[Any]:
    return list(fig.findobj(lambda a: a.get_gid() == gid))


def x_of(day: date) -> float:
    from matplotlib.dates import date2num

    return float(date2num(datetime(day.year, day.month, day.day)))  # type: ignore[no-untyped-call]


class TestRender:
    """The figure renders headless to a PNG."""

    def test_png(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """savefig writes a PNG of a reasonable size and shape."""
        path = tmp_path / "timeline.png"
        timeline(mini).savefig(path, dpi=100)
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert 800 <= width <= 3000
        assert 300 <= height <= 3000
        assert 10_000 < len(data) < 5_000_000

    @pytest.mark.slow
    def test_no_pyplot(self, tmp_path: Path) -> None:
        """Drawing and saving never imports pyplot (no GUI backend needed)."""
        code = (
            "import sys, canjapan\n"
            "from canjapan.plot import timeline\n"
            f"timeline(canjapan.load({str(Path(__file__).parent / 'data' / 'mini.json')!r}))"
            f".savefig({str(tmp_path / 'x.png')!r})\n"
            "assert 'matplotlib.pyplot' not in sys.modules\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONPATH": str(SRC), "MPLBACKEND": ""},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "x.png").stat().st_size > 0

    def test_missing_matplotlib(
        self, mini: canjapan.Dataset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without matplotlib, timeline raises MissingExtraError naming the plot extra."""
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
        with pytest.raises(canjapan.MissingExtraError) as info:
            timeline(mini)
        assert info.value.extra == "plot"
        assert "canjapan[plot]" in str(info.value)


class TestContent:
    """What the figure shows matches the data in the window."""

    @pytest.mark.parametrize(
        ("start", "end"), [(None, None), ("2011", "2012"), ("2012-01-01", "2018-12-31")]
    )
    def test_everything_in_range_is_drawn(
        self, mini: canjapan.Dataset, start: str | None, end: str | None
    ) -> None:
        """One marker per event, one bar per agreement and tenure overlapping the window."""
        lo = date.min if start is None else PartialDate.parse(start).earliest
        hi = date.max if end is None else PartialDate.parse(end).latest
        fig = timeline(mini, start=start, end=end)
        events = {
            e.id for e in mini.events if e.start.earliest <= hi and (e.end or e.start).latest >= lo
        }
        assert drawn(fig, "event") == events
        for event_id in events:
            assert len(artists(fig, f"event:{event_id}")) == 1
        agreements = {
            a.id
            for a in mini.agreements
            if min(m.date.earliest for m in a.milestones) <= hi
            and (a.terminated.latest if a.terminated else mini.as_of) >= lo
        }
        assert drawn(fig, "agreement") == agreements
        tenures = {
            f"{p.id}"
            for p in mini.people
            for t in p.tenures
            if t.start is not None
            and t.start.earliest <= hi
            and (t.end.latest if t.end else mini.as_of) >= lo
        }
        assert drawn(fig, "tenure") == tenures

    def test_window_excludes(self, mini: canjapan.Dataset) -> None:
        """A window of 2013-2017 drops the 2011-2012 events and Kan's tenure."""
        fig = timeline(mini, start="2013", end="2017")
        assert drawn(fig, "event") == set()
        assert "kan" not in drawn(fig, "tenure")
        assert drawn(fig, "agreement") == {"declaration"}

    def test_date_like_bounds(self, mini: canjapan.Dataset) -> None:
        """start and end accept dates, datetimes, strings and partial dates alike."""
        limits = set()
        bounds: list[tuple[DateLike, DateLike]] = [
            (date(2011, 1, 1), date(2012, 12, 31)),
            (datetime(2011, 1, 1, 9, 30), datetime(2012, 12, 31, 23, 0)),
            ("2011-01-01", "2012-12-31"),
            (PartialDate.parse("2011"), PartialDate.parse("2012")),
            ("2011", "2012"),
        ]
        for start, end in bounds:
            fig = timeline(mini, start=start, end=end)
            limits.add(tuple(fig.axes[-1].get_xlim()))
        assert limits == {(x_of(date(2011, 1, 1)), x_of(date(2013, 1, 1)))}

    def test_uncertain_span_is_hatched_between_earliest_and_latest(
        self, mini: canjapan.Dataset
    ) -> None:
        """Entry into force in '2019-07' is hatched and faded over July 2019, then solid.

        The agreement is certainly in force from the last day the date can be (31 July).
        """
        fig = timeline(mini)
        [uncertain] = artists(fig, "agreement:logistics:uncertain")
        assert uncertain.get_hatch()
        assert uncertain.get_alpha() < 1
        assert uncertain.get_x() == pytest.approx(x_of(date(2019, 7, 1)))
        assert uncertain.get_x() + uncertain.get_width() == pytest.approx(x_of(date(2019, 7, 31)))
        [in_force] = artists(fig, "agreement:logistics:in-force")
        assert not in_force.get_hatch()
        assert in_force.get_x() == pytest.approx(x_of(date(2019, 7, 31)))
        [signed] = artists(fig, "agreement:logistics:signed")
        assert signed.get_x() == pytest.approx(x_of(date(2018, 4, 21)))

    def test_as_of_ends_open_bars(self, mini: canjapan.Dataset) -> None:
        """An agreement with no termination runs to as_of, not beyond."""
        fig = timeline(mini, end="2030")
        [bar] = artists(fig, "agreement:declaration:in-force")
        assert bar.get_x() + bar.get_width() == pytest.approx(x_of(date(2026, 3, 7)))

    def test_partial_termination(self, mini: canjapan.Dataset) -> None:
        """A termination in '2020' ends the solid bar on its first day and is hatched over it."""
        a = mini.get("declaration")
        assert isinstance(a, canjapan.Agreement)
        end = canjapan.Milestone(
            kind="terminated", date=PartialDate.parse("2020"), citations=a.citations
        )
        ds = mini.replace(
            agreements=[
                attrs.evolve(a, milestones=(*a.milestones, end)),
                *(x for x in mini.agreements if x.id != a.id),
            ]
        )
        fig = timeline(ds)
        [bar] = artists(fig, "agreement:declaration:in-force")
        assert bar.get_x() + bar.get_width() == pytest.approx(x_of(date(2020, 1, 1)))
        [tail] = artists(fig, "agreement:declaration:uncertain-end")
        assert tail.get_hatch()
        assert tail.get_x() + tail.get_width() == pytest.approx(x_of(date(2020, 12, 31)))

    def test_partial_event_has_a_band_and_hollow_marker(self, mini: canjapan.Dataset) -> None:
        """The postponed autumn-2012 session: a faded band over autumn and a hollow marker."""
        fig = timeline(mini)
        [band] = artists(fig, "event:two-plus-two-2012:uncertain")
        assert band.get_x() == pytest.approx(x_of(date(2012, 9, 1)))
        assert band.get_x() + band.get_width() == pytest.approx(x_of(date(2012, 12, 1)))
        [marker] = artists(fig, "event:two-plus-two-2012")
        assert marker.get_markerfacecolor() == "white"
        [held] = artists(fig, "event:two-plus-two-2011")
        assert held.get_markerfacecolor() != "white"

    def test_office_bands(self, mini: canjapan.Dataset) -> None:
        """Each post is a row; an ongoing tenure runs to as_of; attested days are marked."""
        fig = timeline(mini)
        offices = fig.axes[-1]
        labels = [t.get_text() for t in offices.get_yticklabels()]
        assert labels == [p.title for p in mini.posts]
        [noda] = artists(fig, "tenure:noda:0")
        assert noda.get_x() + noda.get_width() == pytest.approx(x_of(date(2026, 3, 7)))
        assert len(artists(fig, "tenure:noda:0:attested")) == 1

    def test_panels(self, mini: canjapan.Dataset) -> None:
        """Agreements, events (a row per kind present) and offices each get a panel."""
        fig = timeline(mini)
        assert [ax.get_title(loc="left") for ax in fig.axes] == ["Agreements", "Events", "Offices"]
        kinds = [t.get_text() for t in fig.axes[1].get_yticklabels()]
        assert kinds == ["dialogue session", "training course"]

    def test_empty_window(self, mini: canjapan.Dataset) -> None:
        """A window with nothing in it says so."""
        fig = timeline(mini, start="1900", end="1901")
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert "Nothing recorded in this window." in texts

    def test_start_after_end(self, mini: canjapan.Dataset) -> None:
        """A reversed window is refused."""
        with pytest.raises(canjapan.DateParseError, match="start is after the end"):
            timeline(mini, start="2020", end="2019")
