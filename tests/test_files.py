"""Tests of canjapan._files: writes that leave the old file or the new one, never a mix."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

import canjapan
from canjapan._export import export
from canjapan._files import write_bytes, write_files, write_with


class Boom(Exception):
    """Raised by a writer part-way through."""


def _failing(f: BinaryIO) -> None:
    f.write(b"half")
    raise Boom


class TestWriteFiles:
    """write_files and write_with: all renamed into place, or none."""

    def test_writes_every_file(self, tmp_path: Path) -> None:
        """Each path holds its bytes, and no temporary file is left."""
        write_files({tmp_path / "a": b"1", tmp_path / "b": b"2"})
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"a": b"1", "b": b"2"}

    def test_failure_keeps_every_old_file(self, tmp_path: Path) -> None:
        """A writer failing on the second file leaves the first file's old content too."""
        (tmp_path / "a").write_bytes(b"old a")
        (tmp_path / "b").write_bytes(b"old b")
        with pytest.raises(Boom):
            write_with({tmp_path / "a": lambda f: f.write(b"new a"), tmp_path / "b": _failing})
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]
        assert (tmp_path / "a").read_bytes() == b"old a"
        assert (tmp_path / "b").read_bytes() == b"old b"

    def test_interrupt_cleans_up(self, tmp_path: Path) -> None:
        """A KeyboardInterrupt while writing removes the temporary file too."""

        def interrupted(f: BinaryIO) -> None:
            f.write(b"x")
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            write_with({tmp_path / "a": interrupted})
        assert list(tmp_path.iterdir()) == []

    def test_single_file(self, tmp_path: Path) -> None:
        """write_bytes replaces a file's content."""
        (tmp_path / "a").write_bytes(b"old")
        write_bytes(tmp_path / "a", b"new")
        assert (tmp_path / "a").read_bytes() == b"new"


class TestCallers:
    """dump() and export() go through the atomic writer."""

    def test_failing_dump_keeps_the_old_file(
        self, mini: canjapan.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A dump() failing while writing leaves the previous file whole (not 0 bytes)."""
        target = tmp_path / "data.json"
        canjapan.dump(mini, target)
        before = target.read_bytes()
        monkeypatch.setattr("canjapan._files._writer", lambda data: _failing)
        with pytest.raises(Boom):
            canjapan.dump(mini, target)
        assert target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["data.json"]

    def test_failing_export_changes_no_file(
        self, mini: canjapan.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A CSV export failing on a later file leaves every earlier file as it was."""
        export(mini, tmp_path, fmt="csv")
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
        calls: list[bytes] = []

        def writer(data: bytes) -> object:
            calls.append(data)
            return _failing if len(calls) == 3 else (lambda f: f.write(b"changed"))

        monkeypatch.setattr("canjapan._files._writer", writer)
        with pytest.raises(Boom):
            export(mini, tmp_path, fmt="csv", force=True)
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
