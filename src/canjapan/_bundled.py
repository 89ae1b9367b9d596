"""The bundled dataset: loaded lazily on first use, once, and shared."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from canjapan._locks import ForkSafeLock

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from canjapan._dataset import Dataset

__all__ = ["bundled"]

# A child forked while another thread loads gets a new lock (see canjapan._locks).
_LOCK = ForkSafeLock()

_dataset: Dataset | None = None


def bundled() -> Dataset:
    """The bundled dataset. The first call loads it (thread-safe); later calls return
    the same immutable object."""
    global _dataset  # noqa: PLW0603 (the one cache of the bundled data)
    dataset = _dataset
    if dataset is not None:
        return dataset
    with _LOCK:
        if _dataset is None:
            _dataset = _load()
        return _dataset


def _data_files() -> Traversable | None:
    """The bundled data folder through importlib.resources, or ``None`` when the
    package is installed as plain files (then read directly: faster to start)."""
    if os.path.isdir(_FOLDER):
        return None
    from importlib.resources import files  # pragma: no cover (zipped installs only)

    return files("canjapan") / "data"  # pragma: no cover


_FOLDER = os.path.join(os.path.dirname(__file__), "data")


def _read(resources: Traversable | None, name: str) -> bytes | None:
    """The bytes of a bundled data file, or ``None`` if there is no such file."""
    if resources is None:
        try:
            with open(os.path.join(_FOLDER, name), "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None
    resource = resources.joinpath(name)  # pragma: no cover (zipped installs only)
    return resource.read_bytes() if resource.is_file() else None  # pragma: no cover


def _load() -> Dataset:
    from canjapan._converter import META_FILE, _bulk_load, _parse_json, structure_dataset
    from canjapan._dataset import COLLECTIONS

    resources = _data_files()
    with _bulk_load():
        meta = _read(resources, META_FILE)
        if meta is None:  # pragma: no cover (a broken install)
            msg = f"the bundled data is missing its {META_FILE}"
            raise FileNotFoundError(msg)
        raw: dict[str, Any] = dict(_parse_json(meta, META_FILE))
        for cname in COLLECTIONS:
            data = _read(resources, f"{cname}.json")
            if data is not None:
                raw[cname] = _parse_json(data, f"{cname}.json")
        return structure_dataset(raw, source="(bundled)")
