"""Registers canjapan's strategies with Hypothesis, so ``st.from_type(Agreement)`` works.

Hypothesis calls ``_register`` through the ``hypothesis`` entry point of
canjapan's package metadata when it is imported. The strategies module itself is
imported only when a strategy is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

__all__: list[str] = []

# Type name (in canjapan) -> name of the strategy function in the strategies module.
_STRATEGIES = {
    "Source": "sources",
    "Citation": "citations",
    "Label": "labels",
    "Place": "places",
    "Organization": "organizations",
    "Post": "posts",
    "Tenure": "tenures",
    "Person": "people",
    "Milestone": "milestones",
    "Agreement": "agreements",
    "Mechanism": "mechanisms",
    "Event": "events",
    "Figure": "figures",
    "Topic": "topics",
    "Dataset": "datasets",
    "PartialDate": "partial_dates",
    "DateInterval": "date_intervals",
}


def _lazy(name: str) -> Callable[[type], st.SearchStrategy[Any]]:
    def resolve(_: type) -> st.SearchStrategy[Any]:
        from canjapan.testing import strategies

        factory: Callable[[], st.SearchStrategy[Any]] = getattr(strategies, name)
        return factory()

    return resolve


def _register() -> None:
    """Register a strategy for every canjapan record type, dates and datasets."""
    import canjapan

    for type_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(canjapan, type_name), _lazy(strategy_name))
