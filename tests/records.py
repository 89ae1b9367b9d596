"""Each record class with the strategy that builds it: shared by the tests that
check something of every record type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

import canjapan
from canjapan.testing import strategies

RECORD_STRATEGIES: list[tuple[Callable[[], st.SearchStrategy[Any]], type]] = [
    (strategies.sources, canjapan.Source),
    (strategies.citations, canjapan.Citation),
    (strategies.labels, canjapan.Label),
    (strategies.places, canjapan.Place),
    (strategies.organizations, canjapan.Organization),
    (strategies.posts, canjapan.Post),
    (strategies.tenures, canjapan.Tenure),
    (strategies.people, canjapan.Person),
    (strategies.milestones, canjapan.Milestone),
    (strategies.agreements, canjapan.Agreement),
    (strategies.mechanisms, canjapan.Mechanism),
    (strategies.events, canjapan.Event),
    (strategies.figures, canjapan.Figure),
    (strategies.topics, canjapan.Topic),
]
"""Every record type that has a strategy (all but Coordinates)."""
