"""The bundled dataset: loaded lazily on first use, once, and shared."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from canjapan._dataset import Dataset

__all__ = ["bundled"]

_lock = threading.Lock()
_dataset: Dataset | None = None


def bundled() -> Dataset:
    """The bundled dataset. The first call loads it (thread-safe); later calls return
    the same immutable object."""
    global _dataset  # noqa: PLW0603 (the one cache of the bundled data)
    dataset = _dataset
    if dataset is not None:
        return dataset
    with _lock:
        if _dataset is None:
            _dataset = _load()
        return _dataset


def _data_files() -> Traversable:
    """The bundled data folder: the package directory itself when installed as files
    (fast), else through importlib.resources (zip imports and other loaders)."""
    folder = Path(__file__).with_name("data")
    if folder.is_dir():
        return folder
    from importlib.resources import files  # pragma: no cover (zipped installs only)

    return files("canjapan") / "data"  # pragma: no cover


def _load() -> Dataset:
    from canjapan._converter import META_FILE, _gc_paused, _parse_json, structure_dataset
    from canjapan._dataset import COLLECTIONS

    data = _data_files()
    with _gc_paused():
        raw: dict[str, Any] = dict(_parse_json(data.joinpath(META_FILE).read_bytes(), META_FILE))
        for cname in COLLECTIONS:
            resource = data.joinpath(f"{cname}.json")
            if resource.is_file():
                raw[cname] = _parse_json(resource.read_bytes(), f"{cname}.json")
        return structure_dataset(raw, source="(bundled)")
