"""Tests of canjapan._tables: the plain-text tables of the command line and of str()."""

from __future__ import annotations

import pytest

import canjapan
from canjapan._tables import (
    Grid,
    cut,
    fit,
    record_grids,
    render,
    short_name,
    snapshot_grid,
    snapshot_items,
    width_of,
)


class TestWidths:
    """Terminal widths count wide characters as two columns."""

    @pytest.mark.parametrize(
        ("text", "width"),
        [("ACSA", 4), ("日加ACSA", 8), ("ｶﾅﾀﾞ", 4), ("é", 1), ("e\u0301", 1), ("", 0)],
    )
    def test_width_of(self, text: str, width: int) -> None:
        """ASCII, Japanese, half-width katakana, accents and combining marks."""
        assert width_of(text) == width

    def test_cut(self) -> None:
        """A cut text ends with "…" and takes at most the width, wide characters too."""
        assert cut("Logistics", 20) == "Logistics"
        assert cut("Logistics", 5) == "Logi…"
        assert cut("日本国政府", 6) == "日本…"
        assert width_of(cut("日本国政府", 5)) <= 5

    def test_fit_gives_way_text_first(self) -> None:
        """Text columns shrink before ids; widths that fit are kept."""
        assert fit([10, 40], ["id", "title"], 80) == [10, 40]
        assert fit([30, 40], ["id", "title"], 50) == [30, 18]
        assert fit([30, 40], ["id", "title"], 30) == [20, 8]


class TestRender:
    """render lays a grid out to fit a width, never wrapping a row."""

    def test_aligned(self) -> None:
        """A header, a dashed rule, padded cells; None is a blank cell."""
        grid = Grid(headers=("id", "name"), rows=(("a", None), ("bb", "日本")))
        assert render(grid, 40) == "id  name\n--  ----\na\nbb  日本\n"

    def test_csv_only_columns_are_not_shown(self) -> None:
        """The CSV-only columns stay out of the printed table."""
        grid = Grid(headers=("id", "post"), rows=(("a", "p"),), csv_only=1)
        assert render(grid, 40) == "id\n--\na\n"
        assert grid.shown == ("id",)

    def test_narrower_than_the_narrowest_columns(self) -> None:
        """When even the narrowest columns do not fit, each line is cut at the width."""
        grid = Grid(headers=tuple("abcdefgh"), rows=(tuple("x" * 20 for _ in range(8)),))
        lines = render(grid, 30).splitlines()
        assert all(width_of(line) <= 30 for line in lines)
        assert lines[2].endswith("…")

    def test_head(self) -> None:
        """head(n) keeps the first n rows; None or more than there are keeps all."""
        grid = Grid(headers=("id",), rows=(("a",), ("b",)))
        assert grid.head(1).rows == (("a",),)
        assert grid.head(None) is grid
        assert grid.head(5) is grid


class TestNames:
    """Tables prefer a record's short name."""

    def test_short_name(self, bundled: canjapan.Dataset) -> None:
        """An agreement's first short name, else its title; a person's name."""
        acsa = bundled.get("acsa", canjapan.Agreement)
        assert short_name(acsa) == acsa.short_names[0]
        assert short_name(bundled.get("stephen-harper")) == "Stephen Harper"
        assert short_name(acsa, 10) == acsa.short_names[0][:9] + "…"
        assert short_name(object()) == ""

    def test_timeline_titles_use_short_names(self, bundled: canjapan.Dataset) -> None:
        """A milestone's title names the agreement by its short name in a table."""
        entry = next(e for e in bundled.timeline(kinds=["signed"]) if e.record.id == "acsa")
        assert entry.title.endswith(entry.record.title)
        from canjapan._tables import timeline_grid

        (row,) = timeline_grid([entry]).rows
        assert row[-1] == "Signed: Acquisition and Cross-Servicing Agreement"

    def test_narrow_column_shows_an_abbreviation(self, bundled: canjapan.Dataset) -> None:
        """A name too wide for its column shows the longest shorter name that fits,
        before any "…"; the cell's text itself stays the whole name."""
        acsa = bundled.get("acsa", canjapan.Agreement)
        name = short_name(acsa)
        assert name == acsa.short_names[0]
        assert cut(name, 40) == "Mutual Logistics Support Agreement"
        assert cut(name, 8) == "ACSA"
        assert cut(name, 3) == "Ac…"  # no shorter name fits: the name itself is cut
        assert cut(short_name(bundled.get("stephen-harper")), 8) == "Stephen…"

    def test_in_force_table_at_80_columns(self, bundled: canjapan.Dataset) -> None:
        """At 80 columns the in-force table names the ACSA by its abbreviation."""
        from canjapan._tables import in_force_grid

        grid = in_force_grid(bundled.agreements_in_force("2020-06-01"))
        line = next(x for x in render(grid, 80).splitlines() if x.startswith("acsa "))
        assert line.split()[1] == "ACSA"
        assert all(len(x) <= 80 for x in render(grid, 80).splitlines())


class TestSnapshot:
    """The snapshot's rows, in the order of its JSON sections."""

    def test_items_and_rows(self, mini: canjapan.Dataset) -> None:
        """Agreements, mechanisms, holders, then events; a holder names the post."""
        items = snapshot_items(mini.snapshot("2012-01-01"))
        assert [i[0] for i in items] == [
            "in_force",
            "mechanisms",
            "office_holders",
            "office_holders",
            "last_event",
            "next_event",
        ]
        grid = snapshot_grid(items)
        harper = next(r for r in grid.rows if r[2] == "harper")
        assert harper == (
            "holder",
            "held",
            "harper",
            None,
            "Stephen Harper (Prime Minister of Canada)",
            "can-pm",
        )
        course = next(r for r in grid.rows if r[2] == "course-2012")
        assert course[:4] == ("next event", "held", "course-2012", "2012-02-13")


class TestRecordGrids:
    """A record's JSON form as a fields table and sub-tables."""

    def test_columns_follow_field_order(self) -> None:
        """Columns missing from the first item still come in field order."""
        data = {
            "id": "x",
            "title": "X",
            "coordinates": {"latitude": 1.5, "longitude": 2},
            "flag": True,
            "milestones": [
                {"kind": "signed", "date": "2019"},
                {"kind": "approved", "date": "2020", "party": "JPN", "citations": []},
            ],
        }
        (_, fields), (title, milestones) = record_grids(data)
        assert fields.rows == (
            ("title", "X"),
            ("coordinates", "latitude 1.5, longitude 2"),
            ("flag", "yes"),
        )
        assert title == "milestones"
        assert milestones.headers == ("kind", "date", "party")
        assert milestones.rows == (("signed", "2019", None), ("approved", "2020", "JPN"))
