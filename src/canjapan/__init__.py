"""The Canada-Japan defence and security relationship as typed, citation-backed data.

Load the bundled dataset and ask it questions:

```pycon
>>> import canjapan
>>> ds = canjapan.load()
>>> [a.id for a in ds.agreements_in_force("2020-01-01")]
['acsa', ...]
```

Every date is a [`PartialDate`][canjapan.PartialDate] that keeps the precision its source gives,
and every record cites its sources.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from canjapan._bundled import bundled as _bundled_dataset
from canjapan._dataset import Dataset, InForce
from canjapan._dates import (
    DateInterval,
    DateLike,
    Order,
    PartialDate,
    Precision,
    Truth,
    Unbounded,
)
from canjapan._model import (
    Agreement,
    AgreementKind,
    Citation,
    Coordinates,
    Domain,
    Event,
    EventKind,
    EventMode,
    EventStatus,
    Figure,
    Label,
    Mechanism,
    MechanismKind,
    Milestone,
    MilestoneKind,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Post,
    Record,
    Source,
    SourceKind,
    Tenure,
    Topic,
    TopicKind,
)
from canjapan._records import Records
from canjapan._status import AgreementState, AgreementStatus, OfficeState
from canjapan.exceptions import (
    AmbiguousTruthError,
    CanjapanError,
    DatasetError,
    DateParseError,
    DirectoryNotEmptyError,
    FilterError,
    MissingExtraError,
    Problem,
    UndeterminedOrderError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from canjapan._results import (
        Holder,
        OfficeHolders,
        SearchHit,
        SearchResults,
        Snapshot,
        Timeline,
        TimelineEntry,
    )

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementState",
    "AgreementStatus",
    "AmbiguousTruthError",
    "CanjapanError",
    "Citation",
    "Coordinates",
    "Dataset",
    "DatasetError",
    "DateInterval",
    "DateLike",
    "DateParseError",
    "DirectoryNotEmptyError",
    "Domain",
    "Event",
    "EventKind",
    "EventMode",
    "EventStatus",
    "Figure",
    "FilterError",
    "Holder",
    "InForce",
    "Label",
    "Mechanism",
    "MechanismKind",
    "Milestone",
    "MilestoneKind",
    "MissingExtraError",
    "OfficeHolders",
    "OfficeState",
    "Order",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Post",
    "Precision",
    "Problem",
    "Record",
    "Records",
    "SearchHit",
    "SearchResults",
    "Snapshot",
    "Source",
    "SourceKind",
    "Tenure",
    "Timeline",
    "TimelineEntry",
    "Topic",
    "TopicKind",
    "Truth",
    "Unbounded",
    "UndeterminedOrderError",
    "UnknownIdError",
    "__version__",
    "agreements_in_force",
    "dump",
    "dumps",
    "find",
    "get",
    "load",
    "loads",
    "office_holders",
    "schema",
    "search",
    "snapshot",
    "timeline",
]


_LAZY: frozenset[str] = frozenset(
    {"Holder", "OfficeHolders", "SearchHit", "SearchResults", "Snapshot", "Timeline"}
    | {"TimelineEntry"}
)


def __getattr__(name: str) -> Any:
    # The result classes of the queries other than in-force, made on first use.
    if name in _LAZY:
        from canjapan import _results

        return getattr(_results, name)
    msg = f"module 'canjapan' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None) -> Dataset:
    """Load a dataset.

    Args:
        path: A JSON file or a directory in the bundled layout. Omit it for the
            bundled dataset, which is loaded once (thread-safe) and shared.
        max_bytes: Refuse a file larger than this (default 256 MiB). The bytes
            are counted as they are read, so a file that grows or reports a
            wrong size is refused too.

    Raises:
        DatasetError: the data is invalid; its ``problems`` name every problem
            (collection, record id, field path). Nothing is half-loaded. Also
            raised for a path that is not a regular file or directory (a FIFO,
            a device, a socket, a dangling symbolic link), and for a directory
            holding a file that is not one of the layout's (a misspelt
            ``Events.json``).
    """
    if path is None:
        return _bundled_dataset()
    from canjapan._converter import DEFAULT_MAX_BYTES, load_path

    return load_path(path, max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)


def loads(text: str | bytes | bytearray | memoryview) -> Dataset:
    """Load a single-file dataset from JSON text, or from its UTF-8 bytes.

    Raises:
        DatasetError: the text is not JSON, not UTF-8, holds a lone surrogate, or
            is not a valid dataset.
        TypeError: ``text`` is neither text nor bytes.
    """
    from canjapan._converter import loads as _loads

    return _loads(text)


def dumps(dataset: Dataset) -> str:
    """The canonical JSON text of a dataset (one file)."""
    from canjapan._converter import dumps as _dumps

    return _dumps(dataset)


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset: a directory in the bundled layout, or one ``.json`` file."""
    from canjapan._converter import dump as _dump

    _dump(dataset, path)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dataset format."""
    from canjapan._schema import shipped_schema

    return shipped_schema()


def agreements_in_force(on: DateLike | None = None, *, include_possible: bool = False) -> InForce:
    """[`Dataset.agreements_in_force`][canjapan.Dataset.agreements_in_force] on the bundled
    dataset."""
    return _bundled_dataset().agreements_in_force(on, include_possible=include_possible)


def office_holders(
    post: str | Post, on: DateLike | None = None, *, include_possible: bool = False
) -> OfficeHolders:
    """[`Dataset.office_holders`][canjapan.Dataset.office_holders] on the bundled dataset."""
    return _bundled_dataset().office_holders(post, on, include_possible=include_possible)


def timeline(
    start: DateLike | None = None,
    end: DateLike | None = None,
    *,
    kinds: Iterable[str] | None = None,
    participant: str | None = None,
    country: str | None = None,
    place: str | None = None,
    domain: str | None = None,
    include_straddling: bool = False,
) -> Timeline:
    """[`Dataset.timeline`][canjapan.Dataset.timeline] on the bundled dataset."""
    return _bundled_dataset().timeline(
        start,
        end,
        kinds=kinds,
        participant=participant,
        country=country,
        place=place,
        domain=domain,
        include_straddling=include_straddling,
    )


def get(id: str) -> Record:
    """[`Dataset.get`][canjapan.Dataset.get] on the bundled dataset."""
    return _bundled_dataset().get(id)


def find(id: str) -> Record | None:
    """[`Dataset.find`][canjapan.Dataset.find] on the bundled dataset."""
    return _bundled_dataset().find(id)


def search(text: str, *, limit: int | None = 10) -> SearchResults:
    """[`Dataset.search`][canjapan.Dataset.search] on the bundled dataset."""
    return _bundled_dataset().search(text, limit=limit)


def snapshot(on: DateLike | None = None) -> Snapshot:
    """[`Dataset.snapshot`][canjapan.Dataset.snapshot] on the bundled dataset."""
    return _bundled_dataset().snapshot(on)
