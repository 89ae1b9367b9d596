"""Integrity and regression tests of the bundled dataset.

The snapshots of query answers on fixed dates live in tests/snapshots/ (in force
and holders on a few dates, every post on 1 January of each year, the timeline of
each year, the snapshot on 1 January of each year); after a reviewed data change,
regenerate them with
``CANJAPAN_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_data.py``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import canjapan
from canjapan import Dataset, MilestoneKind, PartialDate
from canjapan._dataset import COLLECTIONS
from canjapan._status import tenure_bounds
from canjapan._verify import iter_citations

SNAPSHOTS = Path(__file__).parent / "snapshots"
SNAPSHOT = SNAPSHOTS / "bundled_queries.json"
YEARS = range(2009, 2027)
MAX_GAP_DAYS = 60
IN_FORCE_DATES = ["2011-01-01", "2019-06-30", "2019-07-15", "2020-01-01", "2026-02-01"]
HOLDER_DATES = ["2010-11-14", "2012-03-25", "2024-09-13", "2026-02-13"]
MAIN_POSTS = [
    "can-prime-minister",
    "can-minister-of-foreign-affairs",
    "can-minister-of-national-defence",
    "jpn-prime-minister",
    "jpn-minister-for-foreign-affairs",
    "jpn-minister-of-defense",
]
COVERED_POSTS = [
    *MAIN_POSTS,
    "can-chief-of-the-defence-staff",
    "jpn-chief-of-staff-joint-staff",
    "can-ambassador-to-japan",
    "jpn-ambassador-to-canada",
]


def answers(ds: Dataset) -> dict[str, Any]:
    """The query answers that the snapshot pins."""
    in_force = {}
    for d in IN_FORCE_DATES:
        r = ds.agreements_in_force(d, include_possible=True)
        in_force[d] = {"certain": [a.id for a in r.certain], "possible": [a.id for a in r.possible]}
    holders: dict[str, dict[str, dict[str, list[str]]]] = {}
    for d in HOLDER_DATES:
        holders[d] = {}
        for post in [p.id for p in ds.posts]:
            h = ds.office_holders(post, d, include_possible=True)
            if h.certain or h.possible:
                holders[d][post] = {
                    "certain": [x.person.id for x in h.certain],
                    "possible": [x.person.id for x in h.possible],
                }
    return {"in_force": in_force, "office_holders": holders}


def check_snapshot(name: str, current: Any) -> None:
    """Compare ``current`` with tests/snapshots/``name``, rewriting it when asked."""
    path = SNAPSHOTS / name
    if os.environ.get("CANJAPAN_UPDATE_SNAPSHOTS"):
        path.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == current, (
        f"{name} changed: review the data change, then regenerate the snapshots"
    )


def holders_answer(h: canjapan.OfficeHolders) -> dict[str, Any]:
    """One office-holder answer as plain data."""
    return {
        "state": h.state.value,
        "certain": [x.person.id for x in h.certain],
        "possible": [x.person.id for x in h.possible],
    }


class TestIntegrity:
    """The bundled data is whole and consistent."""

    def test_one_quote_one_source(self, bundled: Dataset) -> None:
        """A quote cited under two sources is allowed only where the record's note says
        that both pages carry the same text."""
        sources: dict[str, set[str]] = {}
        for _, _, c in iter_citations(bundled):
            sources.setdefault(c.quote, set()).add(c.source)
        shared = {q for q, s in sources.items() if len(s) > 1}
        for rid, path, c in iter_citations(bundled):
            if c.quote in shared:
                note = bundled.get(rid).note or ""
                assert "same text" in note, (rid, path, c.quote)

    def test_counts(self, bundled: Dataset) -> None:
        """Every collection holds records."""
        for name in COLLECTIONS:
            assert len(getattr(bundled, name)) > 0, name
        assert len(bundled.agreements) >= 8
        assert len(bundled.events) >= 40

    def test_unique_ids(self, bundled: Dataset) -> None:
        """Ids are unique across all collections."""
        counts = Counter(r.id for r in bundled)
        assert [i for i, n in counts.items() if n > 1] == []

    def test_every_record_cited(self, bundled: Dataset) -> None:
        """Every record but a source cites at least one source, and every cited source exists."""
        for record in bundled:
            if isinstance(record, canjapan.Source):
                continue
            assert record.citations, record.id
        for _, _, c in iter_citations(bundled):
            assert isinstance(bundled.get(c.source), canjapan.Source)

    def test_quotes_are_short(self, bundled: Dataset) -> None:
        """Quotes have at most 40 words: sources are quoted, never copied."""
        for rid, path, c in iter_citations(bundled):
            assert len(c.quote.split()) <= 40, (rid, path)

    def test_urls_are_https(self, bundled: Dataset) -> None:
        """Every source address is an https URL."""
        for s in bundled.sources:
            assert s.url is None or re.match(r"https://[^\s/]+\.[a-z]{2,}", s.url), s.id

    def test_lifecycle_order(self, bundled: Dataset) -> None:
        """No milestone is certainly before an earlier step of its lifecycle."""
        for a in bundled.agreements:
            for earlier, later in zip(a.milestones, a.milestones[1:], strict=False):
                assert earlier.kind.rank <= later.kind.rank
                assert not later.date.certainly_before(earlier.date), a.id

    def test_canonical_files(self, bundled: Dataset) -> None:
        """The stored files are in canonical form: loading and dumping gives the same bytes."""
        from canjapan._bundled import _data_files, _read
        from canjapan._converter import dump_files

        resources = _data_files()
        for name, text in dump_files(bundled).items():
            assert _read(resources, name) == text.encode("utf-8"), name


class TestFacts:
    """Key facts of the sources are recorded at their true precision."""

    @pytest.mark.parametrize(
        ("agreement", "kind", "date"),
        [
            ("joint-declaration-2010", MilestoneKind.SIGNED, "2010-11-14"),
            ("hadr-sop-2009", MilestoneKind.SIGNED, "2009-05-14"),
            ("acsa", MilestoneKind.AGREED_IN_PRINCIPLE, "2013-09-24"),
            ("acsa", MilestoneKind.SIGNED, "2018-04-21"),
            ("acsa", MilestoneKind.APPROVED, "2019-05-08"),
            ("acsa", MilestoneKind.ENTERED_INTO_FORCE, "2019-07"),
            (
                "security-of-information-agreement",
                MilestoneKind.NEGOTIATIONS_LAUNCHED,
                "2022-10-11",
            ),
            ("security-of-information-agreement", MilestoneKind.SIGNED, "2025-07-08"),
            ("security-of-information-agreement", MilestoneKind.ENTERED_INTO_FORCE, "2026-01"),
            ("etta", MilestoneKind.SIGNED, "2026-01-27"),
            ("action-plan-2022", MilestoneKind.ADOPTED, "2022-10-11"),
        ],
    )
    def test_milestone(
        self, bundled: Dataset, agreement: str, kind: MilestoneKind, date: str
    ) -> None:
        """The milestone is recorded exactly as precise as the sources allow."""
        record = bundled.get(agreement)
        assert isinstance(record, canjapan.Agreement)
        m = record.milestone(kind)
        assert m is not None
        assert m.date == PartialDate.parse(date)

    def test_etta_not_in_force(self, bundled: Dataset) -> None:
        """No entry into force is invented for the ETTA."""
        etta = bundled.get("etta")
        assert isinstance(etta, canjapan.Agreement)
        assert etta.milestone(MilestoneKind.ENTERED_INTO_FORCE) is None

    def test_two_plus_two_sessions(self, bundled: Dataset) -> None:
        """The 2+2 has five sessions held, and one planned for fall 2012 that was not held."""
        sessions = [e for e in bundled.events if e.mechanism == "two-plus-two"]
        held = sorted(
            (e.sequence, str(e.start))
            for e in sessions
            if e.status is canjapan.EventStatus.HELD and e.sequence
        )
        assert held == [
            (1, "2011-08-29"),
            (2, "2014-03-03"),
            (3, "2016-04-19"),
            (4, "2018-12-12"),
            (5, "2022-03-10"),
        ]
        planned = [e for e in sessions if e.status is canjapan.EventStatus.PLANNED]
        assert [str(e.start) for e in planned] == ["2012-23"]

    def test_search_finds_what_users_mean(self, bundled: Dataset) -> None:
        """ACSA, MLSA, 2+2, HADR and Blair each find the intended record first."""
        expected = {
            "ACSA": "acsa",
            "MLSA": "acsa",
            "2+2": "two-plus-two",
            "HADR": "hadr-sop-2009",
            "Blair": "bill-blair",
        }
        for query, rid in expected.items():
            assert bundled.search(query)[0].record.id == rid, query


class TestSuccessions:
    """The posts whose succession the dataset records completely are complete."""

    def test_covered_posts_declare_their_period(self, bundled: Dataset) -> None:
        """Each of the ten posts is held by one person at a time and complete from 2009."""
        for pid in COVERED_POSTS:
            post = bundled.get(pid, canjapan.Post)
            assert post.single_holder, pid
            assert post.complete_from == PartialDate.parse("2009-01-01"), pid

    def test_no_overlap_and_no_unexplained_gap(self, bundled: Dataset) -> None:
        """Inside the covered period no two tenures certainly overlap, and no run of
        more than 60 days has no possible holder unless a tenure's note explains it."""
        as_of = bundled.as_of.toordinal()
        for pid in COVERED_POSTS:
            post = bundled.get(pid, canjapan.Post)
            assert post.complete_from is not None
            start = post.complete_from.earliest.toordinal()
            end = as_of if post.complete_to is None else post.complete_to.latest.toordinal()
            rows = [
                (tenure_bounds(t), t, p) for p in bundled.people for t in p.tenures if t.post == pid
            ]
            certain = sorted((b[1], b[2], p.id) for b, _, p in rows if b[1] < b[2])
            for (_, end_a, a), (start_b, _, b) in itertools.pairwise(certain):
                assert start_b >= end_a, f"{pid}: {a} and {b} certainly overlap"
            spans = sorted(
                ((max(b[0], start), min(b[3], end + 1), t) for b, t, _ in rows),
                key=lambda x: (x[0], x[1]),
            )
            reach = start
            for lo, hi, tenure in spans:
                gap = lo - reach
                if gap > MAX_GAP_DAYS:
                    explained = [t for _, _, t in spans if t.note and "gap" in t.note]
                    assert explained, f"{pid}: {gap} days with no holder before {tenure}"
                reach = max(reach, hi)
            assert end + 1 - reach <= MAX_GAP_DAYS, f"{pid}: no holder at the end of the period"

    def test_nobody_known_says_why(self, bundled: Dataset) -> None:
        """Before the covered period a post with nobody known is not covered; a post
        the dataset does not cover completely is unknown."""
        assert (
            bundled.office_holders("can-prime-minister", "2000-01-01").state
            is canjapan.OfficeState.NOT_COVERED
        )
        assert (
            bundled.office_holders("can-chief-of-maritime-staff", "2011-05").state
            is canjapan.OfficeState.UNKNOWN
        )

    @pytest.mark.parametrize(
        ("post", "day", "person"),
        [
            ("can-prime-minister", "2016-01-01", "trudeau"),
            ("jpn-prime-minister", "2021-06-01", "yoshihide-suga"),
            ("can-minister-of-foreign-affairs", "2021-06-01", "marc-garneau"),
            ("jpn-minister-of-defense", "2017-07-31", "fumio-kishida"),
        ],
    )
    def test_ordinary_dates(self, bundled: Dataset, post: str, day: str, person: str) -> None:
        """Ordinary dates have the one holder the sources name, and nobody possible."""
        h = bundled.office_holders(post, day, include_possible=True)
        assert [x.person.id for x in h.certain] == [person]
        assert h.possible == ()


class TestSnapshots:
    """Query answers on fixed dates do not change unnoticed."""

    def test_office_holders_every_new_year(self, bundled: Dataset) -> None:
        """Every post's answer on 1 January of each year 2009-2026 matches the snapshot."""
        current = {
            f"{year}-01-01": {
                p.id: holders_answer(
                    bundled.office_holders(p, f"{year}-01-01", include_possible=True)
                )
                for p in bundled.posts
            }
            for year in YEARS
        }
        check_snapshot("office_holders.json", current)

    def test_timeline_every_year(self, bundled: Dataset) -> None:
        """The timeline of each year 2009-2026 matches the snapshot."""
        current = {
            str(year): [
                f"{e.date} {e.kind} {e.record.id}" for e in bundled.timeline(str(year), str(year))
            ]
            for year in YEARS
        }
        check_snapshot("timeline.json", current)

    def test_snapshot_every_new_year(self, bundled: Dataset) -> None:
        """The snapshot of the relationship on 1 January of each year matches."""
        current = {}
        for year in YEARS:
            snap = bundled.snapshot(f"{year}-01-01")
            current[snap.on] = {
                "in_force": [a.id for a in snap.in_force.certain],
                "possibly_in_force": [a.id for a in snap.in_force.possible],
                "mechanisms": [m.id for m in snap.mechanisms],
                "office_holders": {h.post.id: holders_answer(h) for h in snap.office_holders},
                "events_on": [e.id for e in snap.events_on],
                "in_progress": [e.id for e in snap.in_progress],
                "last_event": snap.last_event.id if snap.last_event else None,
                "next_event": snap.next_event.id if snap.next_event else None,
            }
        check_snapshot("snapshots.json", current)

    def test_answers_match_snapshot(self, bundled: Dataset) -> None:
        """In force and office holders on the fixed dates match the reviewed snapshot."""
        current = answers(bundled)
        if os.environ.get("CANJAPAN_UPDATE_SNAPSHOTS"):
            SNAPSHOT.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == current

    def test_main_posts_have_holders_on_fixed_dates(self, bundled: Dataset) -> None:
        """The defence ministers on the fixed dates are the ones the sources name."""
        expected = {
            "2024-09-13": ("can-minister-of-national-defence", "bill-blair"),
            "2026-02-13": ("jpn-minister-of-defense", "shinjiro-koizumi"),
            "2010-11-14": ("jpn-prime-minister", "naoto-kan"),
            "2012-03-25": ("jpn-prime-minister", "yoshihiko-noda"),
        }
        for day, (post, person) in expected.items():
            assert [p.id for p in bundled.office_holders(post, day)] == [person]
        assert set(MAIN_POSTS) <= {p.id for p in bundled.posts}
