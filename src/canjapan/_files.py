"""Writing files so that a failure or a kill never leaves a half-written one.

Every file the library writes ([`canjapan.dump`][canjapan.dump], every export format, a plot)
goes through ``write_files``: each file's bytes are written to a temporary file
in the target's own directory, flushed and synced, and only once every temporary file
is complete are they renamed over their targets with ``os.replace``, which is
atomic on POSIX and Windows within one file system. A failure before the renames
(a full disk, an encoding error, a ``KeyboardInterrupt``) removes the temporary
files and leaves every target as it was; each target is at all times either its old
file or its new one, never a truncated mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_bytes", "write_files", "write_with"]


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write every ``path: content`` pair, renaming into place only once all are written."""
    write_with({path: _writer(data) for path, data in files.items()})


def write_bytes(path: Path, data: bytes) -> None:
    """Write one file atomically."""
    write_files({path: data})


def write_with(files: Mapping[Path, Callable[[BinaryIO], object]]) -> None:
    """Like ``write_files``, with a function writing each file's content."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, write in files.items():
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        _remove(tmp for tmp, _ in staged)
        raise
    for i, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except BaseException:
            _remove(t for t, _ in staged[i:])
            raise


def _writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda f: f.write(data)


def _remove(paths: Iterable[str]) -> None:
    for tmp in paths:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
