"""Tests of canjapan._ics: the iCalendar export, read back with the icalendar package."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest

import canjapan
from canjapan._export import export
from canjapan._ics import ICS_FILE, LINE_OCTETS, fold, ics_text


def vevents(text: str) -> dict[str, Any]:
    """The VEVENTs of an iCalendar text, by UID."""
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events), "UIDs are not unique"
    return by_uid


def expected_uid(entry: canjapan.TimelineEntry) -> str:
    """The UID an entry should have, from its record id (and milestone position)."""
    record = entry.record
    if isinstance(record, canjapan.Agreement):
        position = next(i for i, m in enumerate(record.milestones) if m is entry.milestone)
        return f"agreement.{record.id}.milestone.{position}@canjapan"
    return f"event.{record.id}@canjapan"


class TestCalendar:
    """The calendar as a whole: one VEVENT per milestone and event, and its header."""

    @pytest.mark.parametrize("name", ["mini", "bundled"])
    def test_one_entry_per_milestone_and_event(
        self, request: pytest.FixtureRequest, name: str
    ) -> None:
        """The UIDs are exactly those of the agreement milestones and the events."""
        ds: canjapan.Dataset = request.getfixturevalue(name)
        events = vevents(ics_text(ds))
        milestones = sum(len(a.milestones) for a in ds.agreements)
        assert len(events) == milestones + len(ds.events)
        assert set(events) == {expected_uid(e) for e in ds.timeline()}

    def test_header(self, mini: canjapan.Dataset) -> None:
        """VERSION 2.0, a PRODID, the dataset's name, and a published calendar."""
        calendar = icalendar.Calendar.from_ical(ics_text(mini))
        assert str(calendar["VERSION"]) == "2.0"
        assert "canjapan" in str(calendar["PRODID"])
        assert str(calendar["X-WR-CALNAME"]) == mini.name
        assert str(calendar["METHOD"]) == "PUBLISH"

    def test_dtstamp_is_as_of(self, bundled: canjapan.Dataset) -> None:
        """Every DTSTAMP is the dataset's as_of at midnight UTC, not the time of export."""
        midnight = datetime(bundled.as_of.year, bundled.as_of.month, bundled.as_of.day, tzinfo=UTC)
        stamps = {e["DTSTAMP"].dt for e in vevents(ics_text(bundled)).values()}
        assert stamps == {midnight}

    def test_export_writes_one_file(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """fmt="ics" writes calendar.ics, the text of ics_text, as UTF-8."""
        written = export(mini, tmp_path, fmt="ics")
        assert written == [tmp_path / ICS_FILE]
        assert written[0].read_bytes() == ics_text(mini).encode("utf-8")


class TestDates:
    """All-day dates: a day is that day, a partial date spans every day it can be."""

    def test_bounds_of_every_entry(self, bundled: canjapan.Dataset) -> None:
        """DTSTART is the first possible day and DTEND the day after the last one, as dates."""
        events = vevents(ics_text(bundled))
        for entry in bundled.timeline():
            event = events[expected_uid(entry)]
            last = (entry.end or entry.date).latest
            start, end = event["DTSTART"].dt, event["DTEND"].dt
            assert type(start) is date
            assert type(end) is date
            assert (start, end) == (entry.date.earliest, last + timedelta(days=1)), entry

    def test_exact_days_keep_the_title(self, bundled: canjapan.Dataset) -> None:
        """An entry dated to certain days has its title as SUMMARY, nothing added."""
        events = vevents(ics_text(bundled))
        exact = [
            e
            for e in bundled.timeline()
            if e.date.is_exact
            and (e.end is None or e.end.is_exact)
            and getattr(e.record, "status", canjapan.EventStatus.HELD) == "held"
        ]
        assert len(exact) > 100
        for entry in exact:
            event = events[expected_uid(entry)]
            assert str(event["SUMMARY"]) == entry.title
            assert str(event["X-CANJAPAN-DATE"]) == "/".join(
                str(d) for d in (entry.date, entry.end) if d is not None
            )

    def test_partial_dates_say_so(self, bundled: canjapan.Dataset) -> None:
        """Every entry not on certain days gives its EDTF text in SUMMARY and DESCRIPTION."""
        events = vevents(ics_text(bundled))
        partial = [
            e
            for e in bundled.timeline()
            if not e.date.is_exact or (e.end is not None and not e.end.is_exact)
        ]
        assert partial
        for entry in partial:
            event = events[expected_uid(entry)]
            text = "/".join(str(d) for d in (entry.date, entry.end) if d is not None)
            assert f"({text}: " in str(event["SUMMARY"]) or f"; {text}: " in str(event["SUMMARY"])
            assert "covers every day it can be" in str(event["DESCRIPTION"])

    def test_month_milestone(self, mini: canjapan.Dataset) -> None:
        """A milestone dated 2019-07 spans July 2019 and is marked as known to the month."""
        event = vevents(ics_text(mini))["agreement.logistics.milestone.1@canjapan"]
        assert event["DTSTART"].dt == date(2019, 7, 1)
        assert event["DTEND"].dt == date(2019, 8, 1)
        assert str(event["SUMMARY"]).endswith("(2019-07: known to the month)")
        assert str(event["CATEGORIES"].cats[0]) == "entered_into_force"

    def test_postponed_season(self, mini: canjapan.Dataset) -> None:
        """A postponed event in autumn 2012 is tentative and spans September to November."""
        event = vevents(ics_text(mini))["event.two-plus-two-2012@canjapan"]
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2012, 9, 1), date(2012, 12, 1))
        assert str(event["STATUS"]) == "TENTATIVE"
        assert "(postponed; 2012-23: autumn, known to the season)" in str(event["SUMMARY"])

    def test_several_days(self, mini: canjapan.Dataset) -> None:
        """An event from the 13th to the 24th ends on the 25th (DTEND is exclusive)."""
        event = vevents(ics_text(mini))["event.course-2012@canjapan"]
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2012, 2, 13), date(2012, 2, 25))
        assert str(event["STATUS"]) == "CONFIRMED"
        assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_qualifiers_and_unspecified_digits(self, mini: canjapan.Dataset) -> None:
        """Approximate, uncertain and unspecified parts are named in the summary."""
        [first, *rest] = mini.events
        cases = {
            "2019-07~": "(2019-07~: known to the month, approximate)",
            "2019?": "(2019?: known to the year, uncertain)",
            "201X": "(201X: year not known)",
            "2011-XX": "(2011-XX: month not known)",
            "2011-06-XX": "(2011-06-XX: day not known)",
            "2011-06-15%": "(2011-06-15%: approximate, uncertain)",
        }
        for text, suffix in cases.items():
            event = attrs.evolve(first, start=canjapan.PartialDate.parse(text), end=None)
            cal = vevents(ics_text(mini.replace(events=[event, *rest])))
            assert str(cal[f"event.{first.id}@canjapan"]["SUMMARY"]).endswith(suffix), text

    def test_last_representable_day(self, mini: canjapan.Dataset) -> None:
        """An entry on 9999-12-31 has no DTEND (there is no next day): a one-day entry."""
        [first, *rest] = mini.events
        event = attrs.evolve(first, start=canjapan.PartialDate.parse("9999-12-31"), end=None)
        cal = vevents(ics_text(mini.replace(events=[event, *rest])))
        entry = cal[f"event.{first.id}@canjapan"]
        assert entry["DTSTART"].dt == date(9999, 12, 31)
        assert "DTEND" not in entry


class TestText:
    """Escaping, folding and line ends."""

    def test_lines_are_crlf_and_at_most_75_octets(self, bundled: canjapan.Dataset) -> None:
        """Every line ends with CRLF, none is longer than 75 octets, and some are folded."""
        data = ics_text(bundled).encode("utf-8")
        assert data.endswith(b"\r\n")
        lines = data.split(b"\r\n")[:-1]
        assert b"\n" not in b"".join(lines)
        assert b"\r" not in b"".join(lines)
        assert max(len(line) for line in lines) <= LINE_OCTETS
        assert any(line.startswith(b" ") for line in lines)
        for line in lines:
            line.decode("utf-8")  # no line is cut inside a character

    def test_fold_never_splits_a_character(self) -> None:
        """Folding a line of 2-, 3- and 4-octet characters keeps each part valid UTF-8."""
        line = "SUMMARY:" + "é日🙂" * 40
        folded = fold(line)
        parts = folded.split("\r\n")
        assert len(parts) > 2
        for i, part in enumerate(parts):
            assert len(part.encode("utf-8")) <= LINE_OCTETS
            assert i == 0 or part.startswith(" ")
        assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
        assert fold("SHORT:x") == "SHORT:x"

    def test_special_characters_round_trip(self, mini: canjapan.Dataset) -> None:
        """Commas, semicolons, backslashes and line breaks come back as written."""
        [first, *rest] = mini.events
        title = "Talks; Tokyo, Japan \\ Ottawa"
        note = "First line, with a comma; a semicolon\nsecond line \\ backslash"
        event = attrs.evolve(first, title=title, note=note)
        text = ics_text(mini.replace(events=[event, *rest]))
        assert "Talks\\; Tokyo\\, Japan \\\\ Ottawa" in text
        entry = vevents(text)[f"event.{first.id}@canjapan"]
        assert str(entry["SUMMARY"]) == title
        assert f"Note: {note}\n" in str(entry["DESCRIPTION"])

    def test_place_coordinates_and_sources(self, mini: canjapan.Dataset) -> None:
        """A place gives LOCATION (and GEO when it has coordinates); a source gives URL."""
        [tokyo] = mini.places
        located = attrs.evolve(
            tokyo, coordinates=canjapan.Coordinates(latitude=35.6895, longitude=139.6917)
        )
        cal = vevents(ics_text(mini.replace(places=[located])))
        entry = cal["event.two-plus-two-2011@canjapan"]
        assert str(entry["LOCATION"]) == tokyo.name
        assert entry["GEO"].latitude == pytest.approx(35.6895)
        assert entry["GEO"].longitude == pytest.approx(139.6917)
        cited = [
            mini.get(c.source, canjapan.Source)
            for c in mini.get("two-plus-two-2011", canjapan.Event).citations
        ]
        description = str(entry["DESCRIPTION"])
        for source in cited:
            assert f"- {source.title} <{source.url}>" in description
        assert str(entry["URL"]) == cited[0].url == "https://example.org/backgrounder"

    def test_part_of_is_related(self, bundled: canjapan.Dataset) -> None:
        """An event part of another names the other's UID in RELATED-TO."""
        events = vevents(ics_text(bundled))
        parts = [e for e in bundled.events if e.part_of is not None]
        assert parts
        for event in parts:
            related = str(events[f"event.{event.id}@canjapan"]["RELATED-TO"])
            assert related == f"event.{event.part_of}@canjapan"
            assert related in events
