"""Tests for canjapan._hookgen: the shipped hooks module is what the generator writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import canjapan
from canjapan import _hookgen, _hooks

SHIPPED = Path(_hooks.__file__)


class TestHooksSource:
    """The generated module is current, and is plain Python that needs no cattrs."""

    def test_shipped_module_is_current(self) -> None:
        """src/canjapan/_hooks.py is byte for byte what hooks_source() writes."""
        assert SHIPPED.read_text(encoding="utf-8") == _hookgen.hooks_source(), (
            "the model changed: run `make hooks` to rewrite src/canjapan/_hooks.py"
        )

    @pytest.mark.slow
    def test_main_prints_the_module(self) -> None:
        """``python -m canjapan._hookgen`` prints the same source."""
        out = subprocess.run(
            [sys.executable, "-m", "canjapan._hookgen"],
            capture_output=True,
            text=True,
            check=True,
            encoding="utf-8",
        ).stdout
        assert out == _hookgen.hooks_source()

    def test_one_hook_per_record_class(self) -> None:
        """Every record class gets a hook, listed nested classes first."""
        order = list(_hooks.HOOKS)
        for cls in order:
            assert _hooks.HOOKS[cls].__name__ == f"structure_{cls.__name__.lower()}"
        assert order.index(canjapan.Citation) < order.index(canjapan.Agreement)
        assert order.index(canjapan.Milestone) < order.index(canjapan.Agreement)
        assert order.index(canjapan.Tenure) < order.index(canjapan.Person)
