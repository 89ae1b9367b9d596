"""Errors raised by canjapan.

Every public error derives from :class:`CanjapanError` and also from the builtin
exception it resembles, so callers can catch either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "AmbiguousTruthError",
    "CanjapanError",
    "DatasetError",
    "DateParseError",
    "DirectoryNotEmptyError",
    "FilterError",
    "MissingExtraError",
    "Problem",
    "UndeterminedOrderError",
    "UnknownIdError",
]


class CanjapanError(Exception):
    """Base class of every error raised by canjapan."""


class DateParseError(CanjapanError, ValueError):
    """A date string is not valid in the supported EDTF subset.

    Attributes:
        text: The offending input.
        reason: What is wrong with it.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"invalid date {text!r}: {reason}")


class UndeterminedOrderError(CanjapanError, TypeError):
    """Two partial dates were compared with ``<``, ``<=``, ``>`` or ``>=`` but their
    order is not determined by what is known of them.

    Use :meth:`canjapan.PartialDate.compare` for a three-valued answer.
    """


class AmbiguousTruthError(CanjapanError, TypeError):
    """A three-valued :class:`canjapan.Truth` was used where a ``bool`` is needed.

    ``if interval.contains(day):`` would silently treat ``MAYBE`` as false; compare
    with a member instead: ``if interval.contains(day) is Truth.YES:``.
    """


class Problem:
    """One problem found in a dataset: where it is and what is wrong.

    Attributes:
        collection: The collection holding the record (``"agreements"``), or
            ``"dataset"`` for the dataset's own fields and ``"file"`` for the input.
        record: The record's id, or ``None`` when the record has no usable id.
        path: The field path inside the record (``"milestones[2].date"``).
        message: What is wrong.
    """

    __slots__ = ("collection", "message", "path", "record")

    def __init__(self, collection: str, record: str | None, path: str, message: str) -> None:
        self.collection = collection
        self.record = record
        self.path = path
        self.message = message

    def __str__(self) -> str:
        if self.collection == "file":
            return f"{self.path}: {self.message}"
        where = self.collection
        if self.record is not None:
            where += f"[{self.record!r}]"
        if self.path:
            where += self.path if self.path.startswith("[") else f".{self.path}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"Problem(collection={self.collection!r}, record={self.record!r}, "
            f"path={self.path!r}, message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.collection, self.record, self.path, self.message) == (
            other.collection,
            other.record,
            other.path,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.collection, self.record, self.path, self.message))


class DatasetError(CanjapanError, ValueError):
    """A dataset is invalid. Nothing was loaded.

    Attributes:
        problems: Every problem found, each naming the collection, the record id
            and the field path.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        self.source = source
        count = len(self.problems)
        head = f"invalid dataset{f' {source}' if source else ''}: {count} problem"
        head += "" if count == 1 else "s"
        lines = [str(p) for p in self.problems[:20]]
        if count > 20:
            lines.append(f"... and {count - 20} more")
        super().__init__(head + "\n  " + "\n  ".join(lines) if lines else head)


class UnknownIdError(CanjapanError, KeyError):
    """No record has this id.

    Attributes:
        id: The id asked for.
        suggestions: Close ids that do exist, best first.
    """

    def __init__(
        self, id: str, suggestions: Sequence[str] = (), *, message: str | None = None
    ) -> None:
        self.id = id
        self.suggestions = tuple(suggestions)
        if message is None:
            message = f"no record with id {id!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError.__str__ would repr() the message; show it as written.
        return str(self.args[0])


class FilterError(CanjapanError, ValueError):
    """A query filter has a value no record can match: a kind, country code or
    domain that does not exist, or a range whose start is after its end.

    Attributes:
        name: The filter (``"kind"``, ``"country"``, ``"domain"``, ``"start"``).
        value: The value given.
        reason: What is wrong with it.
        suggestions: Close valid values, best first.
    """

    def __init__(
        self, name: str, value: object, reason: str, suggestions: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.value = value
        self.reason = reason
        self.suggestions = tuple(suggestions)
        message = f"{name} {value!r}: {reason}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.value, self.reason, self.suggestions))


class DirectoryNotEmptyError(CanjapanError, FileExistsError):
    """An export was asked to write into a directory that already holds something.

    Pass ``force=True`` (``--force`` on the command line) to write into it anyway.

    Attributes:
        path: The directory.
        entries: The names it holds, sorted.
    """

    def __init__(self, path: str, entries: Iterable[str]) -> None:
        self.path = path
        self.entries = tuple(entries)
        shown = ", ".join(self.entries[:3]) + (", ..." if len(self.entries) > 3 else "")
        super().__init__(
            f"{path} is not empty ({len(self.entries)} entries: {shown}); "
            "pass force=True to write into it"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.entries))


class MissingExtraError(CanjapanError, ImportError):
    """An optional feature needs a package that is not installed.

    Attributes:
        extra: The name of the extra to install (``pip install canjapan[extra]``).
    """

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {package}, which is not installed; "
            f"install it with: pip install 'canjapan[{extra}]'"
        )
