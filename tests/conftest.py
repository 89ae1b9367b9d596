"""Shared fixtures and the Hypothesis settings profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

import canjapan
from tests import profiles

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINI = DATA / "mini.json"
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_report_header() -> str:
    """Say which Hypothesis profile the run uses."""
    return f"hypothesis profile: {profiles.NAME} ({profiles.PROFILES[profiles.NAME]} examples)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis property test ``slow``, so ``make check`` can skip them."""
    slow = pytest.mark.slow
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(slow)


@pytest.fixture(scope="session")
def mini() -> canjapan.Dataset:
    """The small test dataset of tests/data/mini.json."""
    return canjapan.load(MINI)


@pytest.fixture(scope="session")
def bundled() -> canjapan.Dataset:
    """The bundled dataset."""
    return canjapan.load()
