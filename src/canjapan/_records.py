"""Tuples that display themselves: a dataset's collections, and the base of the
query results that are sequences ([`Timeline`][canjapan.Timeline],
[`SearchResults`][canjapan.SearchResults]).

They are tuples (indexing, ``len``, iteration, equality with tuples, hashing all
behave as a tuple's; a slice is of the same class) with a short ``repr``, an HTML
display in notebooks, ``str()`` giving the table the command line prints, and
``to_pandas()``. This module is imported when a dataset is made, so it defines
only the classes: the rendering lives in ``canjapan._tables``,
``canjapan._display`` and ``canjapan._frames``, imported on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NoReturn, Self, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    from canjapan._model import Record

__all__ = ["Records", "ResultTuple"]

T = TypeVar("T")
R = TypeVar("R", bound="Record")


class ResultTuple(tuple[T, ...]):
    """A tuple that is read-only in its attributes too, and whose slices keep its
    class (and the attributes ``_args`` names)."""

    def _args(self) -> tuple[Any, ...]:
        """The arguments after the items that make an equal tuple of this class."""
        return ()

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: SupportsIndex | slice) -> T | Self:
        if isinstance(index, slice):
            return type(self)(super().__getitem__(index), *self._args())
        return super().__getitem__(index)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (tuple(self), *self._args()))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"{type(self).__name__} is immutable: cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"{type(self).__name__} is immutable: cannot delete {name!r}"
        raise AttributeError(msg)


class Records(ResultTuple[R]):
    """One collection of a dataset (``ds.agreements``, ``ds.events``, ...): a tuple
    of records sorted by id.

    Attributes:
        collection: The collection's name (``"agreements"``).
    """

    collection: str

    def __new__(cls, items: Iterable[R] = (), collection: str = "") -> Self:
        self = super().__new__(cls, items)
        object.__setattr__(self, "collection", collection)
        return self

    def _args(self) -> tuple[Any, ...]:
        return (self.collection,)

    def __repr__(self) -> str:
        n = len(self)
        return f"<Records {self.collection}: {n} record{'' if n == 1 else 's'}>"

    def __str__(self) -> str:
        from canjapan._tables import records_grid, render

        return render(records_grid(self, self.collection))

    def _repr_html_(self) -> str:
        from canjapan._display import records_html

        return records_html(self, self.collection)

    def to_pandas(self) -> Any:
        """The collection as a typed DataFrame (needs the ``pandas`` extra): the
        frame [`Dataset.to_pandas()`][canjapan.Dataset.to_pandas] gives for
        it, one row per record, with each date as its EDTF text and its earliest
        and latest days.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from canjapan._frames import records_frame

        return records_frame(self.collection, self)
