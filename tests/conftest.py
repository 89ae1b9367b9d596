"""Shared fixtures and the Hypothesis settings profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import canjapan

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINI = DATA / "mini.json"
SEEDS = ROOT.parent / "shared" / "seeds"

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def mini() -> canjapan.Dataset:
    """The small test dataset of tests/data/mini.json."""
    return canjapan.load(MINI)


@pytest.fixture(scope="session")
def bundled() -> canjapan.Dataset:
    """The bundled dataset."""
    return canjapan.load()
