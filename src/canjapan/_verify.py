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

__all__ = ["CitationReport", "iter_citations", "quote_in_text", "verify_citations"]

_SPACE: Final = re.compile(r"\s+")
_ELLIPSIS: Final = re.compile(r"\s*(?:…|\.\.\.)\s*")


@frozen(kw_only=True)
class CitationReport:
    """What :func:`verify_citations` found.

    Attributes:
        checked: How many quotes were checked.
        sources: The ids of the sources whose text was in the corpus.
        missing: ``(record id, field path, source id, quote)`` for each quote not found.
    """

    checked: int
    sources: tuple[str, ...]
    missing: tuple[tuple[str, str, str, str], ...]

    @property
    def ok(self) -> bool:
        """Every checked quote was found."""
        return not self.missing


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


def verify_citations(dataset: Dataset, corpus: str | os.PathLike[str]) -> CitationReport:
    """Check every quote of every source whose text is in ``corpus``.

    Args:
        dataset: The dataset whose citations to check.
        corpus: A folder holding source texts, named as the sources' ``archived_as``.

    Returns:
        A :class:`CitationReport`.
    """
    folder = Path(corpus)
    texts: dict[str, str] = {}
    for source in dataset.sources:
        if source.archived_as is None:
            continue
        file = folder / source.archived_as
        if file.is_file():
            texts[source.id] = file.read_text(encoding="utf-8")
    checked = 0
    missing: list[tuple[str, str, str, str]] = []
    for rid, path, citation in iter_citations(dataset):
        text = texts.get(citation.source)
        if text is None:
            continue
        checked += 1
        if not quote_in_text(citation.quote, text):
            missing.append((rid, path, citation.source, citation.quote))
    return CitationReport(checked=checked, sources=tuple(sorted(texts)), missing=tuple(missing))
