"""Check that quotes appear verbatim in the texts of their sources.

A maintainer keeps the texts of some sources in a folder (a *corpus*). A source
whose ``archived_as`` names a file there has every quote citing it checked: the
quote must appear in the text, ignoring differences of whitespace. An ellipsis
(``…`` or ``...``) in a quote marks omitted text: each fragment must appear, in
order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from attrs import frozen

if TYPE_CHECKING:
    from canjapan._dataset import Dataset
    from canjapan._model import Citation

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CitationReport",
    "iter_citations",
    "quote_in_text",
    "verify_citations",
]

_SPACE: Final = re.compile(r"\s+")
_ELLIPSIS: Final = re.compile(r"\s*(?:…|\.\.\.)\s*")


@frozen(kw_only=True)
class CitationReport:
    """What ``verify_citations`` found.

    Attributes:
        checked: How many quotes were checked.
        unreadable: The corpus files that could not be read as text, with why.
        sources: The ids of the sources whose text was in the corpus.
        missing: ``(record id, field path, source id, quote)`` for each quote not found.
    """

    checked: int
    sources: tuple[str, ...]
    missing: tuple[tuple[str, str, str, str], ...]
    unreadable: tuple[tuple[str, str, str], ...] = ()
    """``(source id, file, reason)`` for each corpus file that could not be checked:
    too large, not a regular file, not UTF-8 text, or outside the corpus folder."""

    @property
    def ok(self) -> bool:
        """Every checked quote was found, and every corpus file named was read."""
        return not self.missing and not self.unreadable


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quote_in_text(quote: str, text: str) -> bool:
    """Whether ``quote`` appears in ``text`` (whitespace-insensitive; an ellipsis
    separates fragments that must appear in order)."""
    haystack = _normalise(text)
    position = 0
    for fragment in _ELLIPSIS.split(_normalise(quote)):
        if not fragment:
            continue
        found = haystack.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def iter_citations(dataset: Dataset) -> Iterator[tuple[str, str, Citation]]:
    """Every citation of the dataset as ``(record id, field path, citation)``."""
    for record in dataset:
        for i, c in enumerate(getattr(record, "citations", ())):
            yield record.id, f"citations[{i}]", c
        for i, m in enumerate(getattr(record, "milestones", ())):
            for j, c in enumerate(m.citations):
                yield record.id, f"milestones[{i}].citations[{j}]", c
        for i, t in enumerate(getattr(record, "tenures", ())):
            for j, c in enumerate(t.citations):
                yield record.id, f"tenures[{i}].citations[{j}]", c


DEFAULT_MAX_BYTES: Final = 16 * 1024 * 1024
"""The largest corpus file ``verify_citations`` reads (16 MiB)."""


def verify_citations(
    dataset: Dataset, corpus: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> CitationReport:
    """Check every quote of every source whose text is in ``corpus``.

    Args:
        dataset: The dataset whose citations to check.
        corpus: A folder holding source texts, named as the sources' ``archived_as``.
        max_bytes: Report, unread, a corpus file larger than this (16 MiB).

    Returns:
        A ``CitationReport``. A file that is missing is skipped; one that is
        too large, not a regular file, not UTF-8 text (or binary: it holds a NUL
        byte), or that resolves outside the corpus folder through a symbolic link
        is listed in ``CitationReport.unreadable``.
    """
    folder = Path(corpus).resolve()
    texts: dict[str, str] = {}
    unreadable: list[tuple[str, str, str]] = []
    for source in dataset.sources:
        if source.archived_as is None:
            continue
        file = folder / source.archived_as
        if not os.path.lexists(file):
            continue
        read = _read_text(file, folder, max_bytes)
        if isinstance(read, _Unreadable):
            unreadable.append((source.id, source.archived_as, read.reason))
        else:
            texts[source.id] = read
    checked = 0
    missing: list[tuple[str, str, str, str]] = []
    for rid, path, citation in iter_citations(dataset):
        text = texts.get(citation.source)
        if text is None:
            continue
        checked += 1
        if not quote_in_text(citation.quote, text):
            missing.append((rid, path, citation.source, citation.quote))
    return CitationReport(
        checked=checked,
        sources=tuple(sorted(texts)),
        missing=tuple(missing),
        unreadable=tuple(unreadable),
    )


@frozen
class _Unreadable:
    reason: str


def _read_text(file: Path, folder: Path, max_bytes: int) -> str | _Unreadable:
    """The text of a corpus file, or why it cannot be checked."""
    from canjapan._converter import _open
    from canjapan.exceptions import DatasetError

    if not file.resolve().is_relative_to(folder):
        return _Unreadable("outside the corpus folder (a symbolic link leads out)")
    try:
        with _open(file, max_bytes) as f:
            data = f.read()
    except DatasetError as exc:
        message = exc.problems[0].message
        return _Unreadable(message.replace("load()", "verify_citations()"))
    except OSError as exc:
        return _Unreadable(f"cannot read: {exc.strerror}")
    if b"\0" in data:
        return _Unreadable("a binary file (it holds a NUL byte), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _Unreadable(f"not UTF-8 text (byte {exc.start})")
