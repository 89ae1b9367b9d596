"""Tests for the package surface: exports, laziness, module-level shortcuts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import canjapan


class TestExports:
    """__all__ is sorted and complete."""

    def test_sorted(self) -> None:
        """__all__ is sorted, so additions are easy to review."""
        assert list(canjapan.__all__) == sorted(canjapan.__all__)

    def test_resolvable(self) -> None:
        """Every exported name exists."""
        for name in canjapan.__all__:
            assert hasattr(canjapan, name), name


@pytest.mark.slow
class TestLightImport:
    """import canjapan does not import heavy or optional packages."""

    def test_no_heavy_imports(self) -> None:
        """cattrs, dateutil, pandas, matplotlib and hypothesis stay unimported."""
        code = (
            "import sys, json, canjapan; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'cattrs', 'dateutil', 'pandas', 'matplotlib', 'hypothesis', 'numpy'})))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert json.loads(out.stdout) == []

    def test_query_needs_no_cattrs(self) -> None:
        """Loading the bundled data and querying it imports neither cattrs nor pathlib."""
        code = (
            "import sys, canjapan; canjapan.load().agreements_in_force('2020-01-01'); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'cattrs', 'pathlib'}))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"

    def test_result_classes_made_on_first_use(self) -> None:
        """The query results other than InForce are created when first asked for."""
        code = (
            "import sys, canjapan; before = 'canjapan._results' in sys.modules; "
            "from canjapan import Snapshot; print(before, Snapshot.__name__)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.split() == ["False", "Snapshot"]

    def test_unknown_attribute(self) -> None:
        """A name the package does not have is an AttributeError naming it."""
        with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
            canjapan.Nothing  # noqa: B018
        assert {"Holder", "Snapshot", "load"} <= set(dir(canjapan))

    def test_bundled_not_loaded_at_import(self) -> None:
        """The bundled data is read on first use, not at import."""
        code = "import canjapan._bundled as b, canjapan; print(b._dataset is None)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "True"


class TestShortcuts:
    """Module-level shortcuts answer over the bundled dataset."""

    def test_shortcuts_match_methods(self, bundled: canjapan.Dataset) -> None:
        """Each shortcut gives what the bundled dataset's method gives."""
        on = "2020-01-01"
        assert canjapan.agreements_in_force(on) == bundled.agreements_in_force(on)
        post = "can-minister-of-national-defence"
        assert canjapan.office_holders(post, on) == bundled.office_holders(post, on)
        assert canjapan.timeline("2019", "2020") == bundled.timeline("2019", "2020")
        assert canjapan.get("acsa") is bundled.get("acsa")
        assert canjapan.find("nope") is None
        assert canjapan.search("ACSA") == bundled.search("ACSA")
        assert canjapan.snapshot(on) == bundled.snapshot(on)

    def test_load_returns_the_same_object(self) -> None:
        """The bundled dataset is loaded once and shared."""
        assert canjapan.load() is canjapan.load()
