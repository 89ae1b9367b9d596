"""Errors raised by canjapan.

Every public error derives from [`CanjapanError`][canjapan.exceptions.CanjapanError] and also from
the builtin exception it resembles, so callers can catch either.
"""

from __future__ import annotations

import re
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
    """Base class of every error raised by canjapan.

    Every error survives ``pickle`` with its message and its attributes, so that
    an error raised in a worker process reaches the caller as itself.
    """


# What must not reach a terminal raw: C0 and C1 controls (newlines, ANSI escapes),
# DEL, line and paragraph separators and the bidirectional overrides.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``),
    so that text from a file cannot move the cursor, colour or rewrite a terminal."""
    return _UNSAFE.sub(_escape_char, text)


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

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.text, self.reason))


class UndeterminedOrderError(CanjapanError, TypeError):
    """Two partial dates were compared with ``<``, ``<=``, ``>`` or ``>=`` but their
    order is not determined by what is known of them.

    Use [`canjapan.PartialDate.compare`][canjapan.PartialDate.compare] for a three-valued answer.
    """


class AmbiguousTruthError(CanjapanError, TypeError):
    """A three-valued [`canjapan.Truth`][canjapan.Truth] was used where a ``bool`` is needed.

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
        file: The file of a dataset directory the problem is in
            (``"events.json"``), or ``None`` for a single-file dataset or text.
    """

    __slots__ = ("collection", "file", "message", "path", "record")

    def __init__(
        self,
        collection: str,
        record: str | None,
        path: str,
        message: str,
        *,
        file: str | None = None,
    ) -> None:
        self.collection = collection
        self.record = record
        self.path = path
        self.message = message
        self.file = file

    def __str__(self) -> str:
        """The problem on one line, with control characters escaped."""
        if self.collection == "file":
            text = f"{self.path}: {self.message}"
        else:
            where = self.collection
            if self.record is not None:
                where += f"[{self.record!r}]"
            if self.path:
                where += self.path if self.path.startswith("[") else f".{self.path}"
            text = f"{where}: {self.message}"
            if self.file is not None:
                text = f"{self.file}: {text}"
        return _printable(text)

    def __repr__(self) -> str:
        file = "" if self.file is None else f", file={self.file!r}"
        return (
            f"Problem(collection={self.collection!r}, record={self.record!r}, "
            f"path={self.path!r}, message={self.message!r}{file})"
        )

    def _key(self) -> tuple[str, str | None, str, str, str | None]:
        return (self.collection, self.record, self.path, self.message, self.file)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[object, ...]:
        return (_problem, self._key())

    def in_file(self, file: str) -> Problem:
        """This problem, placed in ``file`` of a dataset directory."""
        return Problem(self.collection, self.record, self.path, self.message, file=file)


def _problem(
    collection: str, record: str | None, path: str, message: str, file: str | None
) -> Problem:
    return Problem(collection, record, path, message, file=file)


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
        head = f"invalid dataset{f' {_printable(source)}' if source else ''}: {count} problem"
        head += "" if count == 1 else "s"
        lines = [str(p) for p in self.problems[:20]]
        if count > 20:
            lines.append(f"... and {count - 20} more")
        super().__init__(head + "\n  " + "\n  ".join(lines) if lines else head)

    def __reduce__(self) -> tuple[object, ...]:
        return (_dataset_error, (self.problems, self.source))


def _dataset_error(problems: Sequence[Problem], source: str | None) -> DatasetError:
    return DatasetError(problems, source=source)


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
        self._message = message
        if message is None:
            message = f"no record with id {id!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError.__str__ would repr() the message; show it as written.
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_unknown_id_error, (self.id, self.suggestions, self._message))


def _unknown_id_error(id: str, suggestions: Sequence[str], message: str | None) -> UnknownIdError:
    return UnknownIdError(id, suggestions, message=message)


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
        feature: What needs the package (``"canjapan plot"``).
        extra: The name of the extra to install (``pip install canjapan[extra]``).
        package: The package that is missing.
    """

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.feature = feature
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} needs {package}, which is not installed; "
            f"install it with: pip install 'canjapan[{extra}]'"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.feature, self.extra, self.package))
