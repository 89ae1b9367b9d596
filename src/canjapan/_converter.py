"""Every JSON rule of the library: one private cattrs converter, loading and dumping.

Records are structured by the specialised hooks of ``canjapan._hooks``,
generated from the model by ``canjapan._hookgen``: one function per record
class with the JSON rules and the record's own checks inline. They need no cattrs,
so loading valid data (the bundled data above all) does not import it.

A user's file or text is first streamed (see "streaming" below): each record is
structured as soon as it is parsed, so the parsed JSON of the whole dataset never
exists. A key given twice in an object is refused: files are read as (key, value)
pairs; text held whole is read as dicts, and its keys are counted against its
colons (see ``_scan_records``). Anything unexpected stops the stream, and the
input is loaded whole, in up to three passes, each only when the one before fails:

1. the specialised hooks over the parsed JSON;
2. the cattrs converter, whose record hooks try the specialised hook and, when it
   refuses, cattrs' own generated hook, which builds the record through its attrs
   ``__init__`` (converters and validators);
3. a field-by-field check of every record, running each field's attrs converter and
   validator on its own, to report all problems at once, each with its collection,
   record id and field path.

The garbage collector is paused while a dataset is parsed and built: it allocates
many objects and frees none, so collections would only cost time. Either way,
nothing is returned unless the whole dataset is valid.
"""

from __future__ import annotations

import difflib
import errno
import io
import json
import json.scanner
import math
import os
import re
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from typing import IO, TYPE_CHECKING, Any, Final, TypeVar

import attrs

from canjapan._dataset import COLLECTIONS, Dataset
from canjapan._dates import PartialDate, parse_cached
from canjapan._hooks import COLONS, COUNTRIES, DATES, HOOKS, SLUGS
from canjapan._locks import gc_paused
from canjapan.exceptions import DatasetError, DateParseError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from cattrs import Converter

__all__ = [
    "DEFAULT_MAX_BYTES",
    "dump",
    "dump_files",
    "dumps",
    "load_path",
    "loads",
    "structure_dataset",
    "unstructure_dataset",
]

T = TypeVar("T")

DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
"""Files larger than this (256 MiB) are refused before they are read."""
META_KEYS: Final = ("name", "version", "as_of", "description")
META_FILE: Final = "dataset.json"


def _structure_date(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected an EDTF date string, got {_json_type(value)}"
        raise TypeError(msg)
    try:
        return parse_cached(value)
    except DateParseError:
        if "/" in value:
            raise DateParseError(value, "this field takes one date, not an interval") from None
        raise


def _structure_number(value: object, _: type) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"expected a number, got {_json_type(value)}"
        raise TypeError(msg)
    _finite(value)
    return value


def _finite(value: float) -> float:
    """``value`` as a float; refuses what a float cannot hold (1e999 parses as inf)."""
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        msg = f"expected a finite number, got {value!r}"
        raise ValueError(msg)
    return result


def _structure_str(value: object, cls: type) -> str:
    # Also the hook of the vocabularies, which are str enums: a JSON string only.
    if not isinstance(value, str):
        msg = f"expected a string, got {_json_type(value)}"
        raise TypeError(msg)
    return value if cls is str else cls(value)


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        got = repr(value) if isinstance(value, float) else _json_type(value)
        msg = f"expected a whole number, got {got}"
        raise TypeError(msg)
    return value


def _is_tuple_of(tp: Any) -> bool:
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    return getattr(tp, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_array(converter: Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    """Hooks for ``tuple[X, ...]``: a JSON array only (a string is not split up)."""

    def factory(tp: Any) -> Callable[[object, type], Any]:
        item_type = tp.__args__[0]  # tuple[X, ...]
        item = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if value.__class__ is not list:
                msg = f"expected an array, got {_json_type(value)}"
                raise TypeError(msg)
            return tuple([item(v, item_type) for v in value])

        return structure

    return factory


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, got {_json_type(value)}"
        raise TypeError(msg)
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"expected a number, got {_json_type(value)}"
        raise TypeError(msg)
    return _finite(value)


def _make_converter() -> Converter:
    from cattrs import Converter

    converter = Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=False,
        prefer_attrib_converters=False,
    )
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(int | float, _structure_number)
    converter.register_structure_hook(str, _structure_str)  # str and the str enums
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook_factory(_is_tuple_of, _structure_array(converter))
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook_factory(attrs.has, _ordered_unstructure(converter))
    for cls, fast in HOOKS.items():  # nested classes first: their hooks are used by the others
        converter.register_structure_hook(cls, _tuned_hook(converter, cls, fast))
    return converter


def _tuned_hook(converter: Converter, cls: type, fast: Callable[[Any], Any]) -> Any:
    """The record's specialised hook, falling back to cattrs' generated one (which
    builds the record through its attrs ``__init__``) on anything it refuses."""
    from cattrs.gen import make_dict_structure_fn

    careful: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_prefer_attrib_converters=False,
        _cattrs_detailed_validation=False,
    )

    def structure(value: object, _: type) -> Any:
        try:
            return fast(value)
        except Exception:  # any refusal means: take the careful way
            return careful(value, cls)

    return structure


def _ordered_unstructure(converter: Converter) -> Callable[[Any], Callable[[Any], dict[str, Any]]]:
    """Unstructure attrs records with their keys in field order (cattrs puts fields
    that may be omitted last)."""
    from cattrs.gen import make_dict_unstructure_fn

    def factory(cls: Any) -> Callable[[Any], dict[str, Any]]:
        generated = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        order = [a.name for a in attrs.fields(cls)]

        def unstructure(value: Any) -> dict[str, Any]:
            out = generated(value)
            return {k: out[k] for k in order if k in out}

        return unstructure

    return factory


_converters: list[Converter] = []
_converters_lock = threading.Lock()


def _converter() -> Converter:
    """The converter, made on first use (thread-safe)."""
    if _converters:
        return _converters[0]
    with _converters_lock:
        if not _converters:
            _converters.append(_make_converter())
        return _converters[0]


# -- loading ---------------------------------------------------------------------------


def structure_dataset(raw: object, *, source: str | None = None) -> Dataset:
    """Build a [`Dataset`][canjapan.Dataset] from JSON-shaped data (dicts, lists, strings, numbers).

    Raises:
        DatasetError: listing every problem; nothing is returned half-loaded.
    """
    if not isinstance(raw, dict):
        raise DatasetError(
            [Problem("dataset", None, "", f"expected a JSON object, got {_json_type(raw)}")],
            source=source,
        )
    meta, description, problems = _check_meta(raw)
    for cname in COLLECTIONS:
        value = raw.get(cname, [])
        if not isinstance(value, list):
            problems.append(Problem(cname, None, "", f"expected an array, got {_json_type(value)}"))
    lists = {c: v for c in COLLECTIONS if isinstance(v := raw.get(c, []), list)}
    collections = None if problems else _structure_fast(lists)
    if collections is None:
        problems.extend(_structure_problems(lists))
        raise DatasetError(problems, source=source)
    try:
        return _new_dataset(meta, description, collections)
    except DatasetError as exc:
        raise DatasetError(_as_written(exc.problems, lists), source=source) from None


def _new_dataset(
    meta: Mapping[str, str], description: str | None, collections: Mapping[str, Any]
) -> Dataset:
    return Dataset(
        name=meta["name"],
        version=meta["version"],
        as_of=meta["as_of"],
        description=description,
        **collections,
    )


_REORDERED: Final = {"agreements": "milestones", "people": "tenures"}
_ITEM_PATH: Final = re.compile(r"(milestones|tenures)\[(\d+)\](.*)", re.DOTALL)


def _as_written(problems: Sequence[Problem], lists: Mapping[str, Any]) -> list[Problem]:
    """Point paths into milestones and tenures, which records keep sorted, at the
    item's position in the input.

    Linear in the problems: the raw records are indexed by id once per collection
    that needs it, and each record is structured once however many problems it has.
    """
    by_id: dict[str, dict[str, Any]] = {}
    structured: dict[tuple[str, str], Any] = {}
    out = []
    for p in problems:
        m = _ITEM_PATH.fullmatch(p.path)
        field = _REORDERED.get(p.collection)
        if not (m and field is not None and m.group(1) == field and p.record is not None):
            out.append(p)
            continue
        if p.collection not in by_id:
            by_id[p.collection] = {
                r["id"]: r
                for r in reversed(lists.get(p.collection, ()))
                if isinstance(r, dict) and isinstance(r.get("id"), str)
            }
        raw = by_id[p.collection].get(p.record)
        path = p.path
        if raw is not None:
            key = (p.collection, p.record)
            if key not in structured:
                structured[key] = _converter().structure(raw, COLLECTIONS[p.collection])
            item = getattr(structured[key], field)[int(m.group(2))]
            hook = _converter().get_structure_hook(type(item))
            for j, written in enumerate(raw[field]):
                if hook(written, type(item)) == item:
                    path = f"{field}[{j}]{m.group(3)}"
                    break
        out.append(Problem(p.collection, p.record, path, p.message, file=p.file))
    return out


@contextmanager
def _bulk_load() -> Iterator[None]:
    """Pause automatic garbage collection while a dataset loads (its records hold no
    cycles; see ``canjapan._locks.gc_paused``), and forget the dates, ids and
    codes remembered for it afterwards."""
    with gc_paused():
        try:
            yield
        finally:
            DATES.clear()
            SLUGS.clear()
            COUNTRIES.clear()


def _check_meta(raw: Mapping[str, Any]) -> tuple[dict[str, str], str | None, list[Problem]]:
    """The dataset's name, version and as-of, its description, and any problems
    with the top-level fields."""
    problems: list[Problem] = []
    for key in raw:
        if key not in META_KEYS and key not in COLLECTIONS:
            problems.append(Problem("dataset", None, str(key), "unknown field"))
    meta: dict[str, str] = {}
    for key in ("name", "version", "as_of"):
        if key not in raw:
            problems.append(Problem("dataset", None, key, "required field missing"))
        elif not isinstance(raw[key], str):
            problems.append(
                Problem("dataset", None, key, f"expected a string, got {_json_type(raw[key])}")
            )
        else:
            meta[key] = raw[key]
    description = raw.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(
            Problem(
                "dataset", None, "description", f"expected a string, got {_json_type(description)}"
            )
        )
        description = None
    return meta, description, problems


def _structure_fast(raw: Mapping[str, Any]) -> dict[str, tuple[Any, ...]] | None:
    """The records of every collection through the specialised hooks; if any record
    is refused, through the converter (``None`` if that fails too)."""
    collections: dict[str, tuple[Any, ...]] = {}
    try:
        for cname, cls in COLLECTIONS.items():
            hook = HOOKS[cls]
            collections[cname] = tuple([hook(r) for r in raw.get(cname, ())])
    except Exception:  # the converter takes over
        return _structure_converter(raw)
    return collections


def _structure_converter(raw: Mapping[str, Any]) -> dict[str, tuple[Any, ...]] | None:
    converter = _converter()
    collections: dict[str, tuple[Any, ...]] = {}
    try:
        for cname, cls in COLLECTIONS.items():
            hook = converter.get_structure_hook(cls)
            collections[cname] = tuple([hook(r, cls) for r in raw.get(cname, ())])
    except Exception:  # the field-by-field pass reports what is wrong
        return None
    return collections


def _structure_problems(raw: Mapping[str, Any]) -> list[Problem]:
    """Every problem of every record. A record that its specialised hook accepts is
    valid on its own, so only the refused ones are checked field by field: the cost
    of a report grows with the records that are wrong, not with the dataset."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for cname, cls in COLLECTIONS.items():
        hook = HOOKS[cls]
        for i, record in enumerate(raw.get(cname, ())):
            rid = record.get("id") if isinstance(record, dict) else None
            if not isinstance(rid, str):
                rid = None
            elif rid in seen:
                problems.append(
                    Problem(cname, rid, "id", f"duplicate id (also used in {seen[rid]})")
                )
            else:
                seen[rid] = cname
            try:
                hook(record)
            except Exception:  # refused: say why, field by field
                pass
            else:
                continue
            found: list[tuple[str, str]] = []
            try:
                _check_record(cls, record, "" if rid is not None else f"[{i}]", found)
            except RecursionError:
                found.append(("" if rid is not None else f"[{i}]", "too deeply nested"))
            problems.extend(Problem(cname, rid, path, message) for path, message in found)
    return problems


_BAD: Final = object()


def _check_record(cls: Any, raw: object, path: str, out: list[tuple[str, str]]) -> Any:
    """Structure one record field by field, collecting every problem in ``out``.

    Each field is structured by the converter, then given to the field's own attrs
    converter and validator, so that one bad field does not hide another.
    """
    if not isinstance(raw, dict):
        out.append((path, f"expected a JSON object, got {_json_type(raw)}"))
        return _BAD
    fields = attrs.fields(attrs.resolve_types(cls))
    names = {f.name for f in fields}
    extra = sorted(str(k) for k in raw if k not in names)
    ok = not extra
    if extra:
        out.append((path, f"unknown field{'s' if len(extra) > 1 else ''}: {', '.join(extra)}"))
    kwargs: dict[str, Any] = {}
    for f in fields:
        where = _join(path, f.name)
        if f.name not in raw:
            if f.default is attrs.NOTHING:
                out.append((where, "required field missing"))
                ok = False
            continue
        value = _check_value(f.type, raw[f.name], where, out)
        if value is _BAD:
            ok = False
            continue
        try:
            if f.converter is not None:
                value = f.converter(value)
            if f.validator is not None:
                f.validator(None, f, value)
        except (ValueError, TypeError) as exc:
            out.append(_field_message(str(exc), path, cls))
            ok = False
            continue
        kwargs[f.name] = value
    if not ok:
        return _BAD
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:
        out.append(_field_message(str(exc), path, cls))
        return _BAD


def _check_value(tp: Any, raw: object, path: str, out: list[tuple[str, str]]) -> Any:
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    if attrs.has(tp):
        return _check_record(tp, raw, path, out)
    if getattr(tp, "__origin__", None) is tuple:
        if not isinstance(raw, list):
            out.append((path, f"expected an array, got {_json_type(raw)}"))
            return _BAD
        items = [_check_value(args[0], v, f"{path}[{i}]", out) for i, v in enumerate(raw)]
        return _BAD if any(v is _BAD for v in items) else tuple(items)
    if type(None) in args:  # an optional field
        if raw is None:
            return None
        inner = next(a for a in args if a is not type(None))
        return _check_value(inner, raw, path, out)
    try:
        return _converter().structure(raw, tp)
    except (ValueError, TypeError) as exc:
        message = str(exc)
        members = getattr(tp, "__members__", None)
        if members is not None:
            allowed = ", ".join(repr(m.value) for m in members.values())
            message = (
                f"{raw!r} is not one of {allowed}"
                if isinstance(raw, str)
                else f"expected a string, got {_json_type(raw)}"
            )
        out.append((path, message))
        return _BAD


def _field_message(message: str, path: str, cls: Any) -> tuple[str, str]:
    """Move a validator's leading field name (``"start must ..."``) into the path."""
    head, _, rest = message.partition(" ")
    names = {a.name for a in attrs.fields(cls)} if attrs.has(cls) else set()
    if head in names and rest:
        return _join(path, head), rest
    return path, message


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def loads(text: str | bytes | bytearray | memoryview, *, source: str | None = None) -> Dataset:
    """Load a single-file dataset from JSON text, or from its UTF-8 bytes.

    Raises:
        DatasetError: the text is not valid JSON or not a valid dataset.
        TypeError: ``text`` is neither text nor bytes.
    """
    where = source or "<string>"
    if isinstance(text, bytearray | memoryview):
        text = bytes(text)
    elif isinstance(text, str):
        _refuse_lone_surrogates(text, where)
    elif not isinstance(text, bytes):
        msg = f"loads() takes JSON text or its UTF-8 bytes, not {type(text).__name__}"
        raise TypeError(msg)
    with _bulk_load():
        try:
            if isinstance(text, str):
                stream = _Stream(text)
            else:
                stream = _Stream(file=io.TextIOWrapper(io.BytesIO(text), "utf-8", newline=""))
            return _streamed_dataset(*_stream_document(stream))
        except _Unstreamable:
            pass
        return structure_dataset(_parse_json(text, where), source=source)


def _refuse_lone_surrogates(text: str, where: str) -> None:
    """Refuse text holding a surrogate code point, which no UTF-8 file can hold (a
    JSON escape such as ``\\ud83d`` is checked after parsing, see ``_parse_json``)."""
    if text.isascii():
        return
    step = 1 << 20
    for offset in range(0, len(text), step):  # in slices: no copy of the whole text
        try:
            text[offset : offset + step].encode("utf-8")
        except UnicodeEncodeError as exc:
            char = exc.object[exc.start : exc.end]
            msg = f"not valid Unicode: lone surrogate {char!r} at character {offset + exc.start}"
            raise DatasetError([Problem("file", None, where, msg)], source=where) from None


def _parse_json(text: str | bytes, where: str) -> Any:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DatasetError(
                [Problem("file", None, where, f"not valid UTF-8 (byte {exc.start})")], source=where
            ) from None
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        return value
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start : exc.end]
        raise DatasetError(
            [Problem("file", None, where, f"not valid Unicode: lone surrogate {char!r}")],
            source=where,
        ) from None
    except json.JSONDecodeError as exc:
        raise DatasetError(
            [
                Problem(
                    "file",
                    None,
                    where,
                    f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                )
            ],
            source=where,
        ) from None
    except ValueError as exc:
        raise DatasetError([Problem("file", None, where, str(exc))], source=where) from None
    except RecursionError:
        raise DatasetError(
            [Problem("file", None, where, "JSON nested too deeply")], source=where
        ) from None


# An escaped colon: a backslash escape, not an escaped backslash followed by "u003a".
_ESCAPED_COLON: Final = re.compile(r"(?<!\\)(?:\\\\)*\\u003[aA]")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


# -- streaming ---------------------------------------------------------------------------
#
# Valid input is parsed a record at a time and each record structured at once, so
# that the parsed JSON of the whole dataset never exists: loading then needs little
# more memory than the records themselves. A file is read in chunks, a record at a
# time; text already in memory is read a collection at a time (_scan_records).
# Anything unexpected (invalid JSON, a record a hook refuses, a problem the dataset
# finds) stops the stream, and the input is loaded again the careful way, whole,
# which reports every problem.

_CHUNK: Final = 1 << 20
"""Characters read at a time when streaming a file."""
_BLANK: Final = re.compile(r"[ \t\n\r]*").match
_COMMA: Final = re.compile(r"[ \t\n\r]*,[ \t\n\r]*").match


class _Unstreamable(Exception):
    """The input needs the careful path: load it whole."""


class _Stream:
    """JSON text taken a value at a time, from a string or from a text file in chunks."""

    __slots__ = ("buf", "eof", "file", "pos", "scan")

    def __init__(self, text: str = "", file: IO[str] | None = None) -> None:
        self.buf = text
        self.pos = 0
        self.file = file
        self.eof = file is None
        self.scan = _scanner()
        _refuse_surrogates(text)

    def more(self) -> bool:
        """Read the next chunk, keeping what is not taken yet; False at the end."""
        if self.file is None or self.eof:
            return False
        try:
            chunk = self.file.read(max(_CHUNK, len(self.buf) - self.pos))
        except UnicodeDecodeError:
            raise _Unstreamable from None
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        _refuse_surrogates(self.buf)
        return True

    def peek(self) -> str:
        """The next character that is not blank, or ``""`` at the end."""
        while True:
            self.pos = _BLANK(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def take(self, char: str) -> None:
        """Step over ``char``, which must come next."""
        if self.peek() != char:
            raise _Unstreamable
        self.pos += 1

    def value(self) -> Any:
        """The next JSON value (one that ends the text read so far is read on, as a
        number may go on in the next chunk)."""
        self.peek()
        while True:
            try:
                value, end = self.scan(self.buf, self.pos)
            except (StopIteration, ValueError, RecursionError):
                if self.more():
                    continue
                raise _Unstreamable from None
            if end < len(self.buf) or not self.more():
                self.pos = end
                return value


def _scanner(
    objects: Callable[[dict[str, Any]], Any] | None = None,
) -> Callable[[str, int], tuple[Any, int]]:
    """The JSON module's scanner, with the JSON rules of ``_parse_json``: each
    object read as (key, value) pairs, refusing a key given twice; or, if
    ``objects`` is given, each object handed to it as a dict (a key given twice
    keeps its last value: the caller counts keys, see ``_scan_records``)."""
    if objects is not None:
        decoder = json.JSONDecoder(object_hook=objects, parse_constant=_reject_constant)
    else:
        decoder = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(decoder)  # type: ignore[arg-type]
    return scan


def _refuse_surrogates(text: str) -> None:
    # An escaped surrogate may be half of a valid pair: the careful path tells.
    if _SURROGATE_ESCAPE.search(text):
        raise _Unstreamable


def _scan_records(stream: _Stream, cls: type) -> tuple[Any, ...]:
    """The records of a JSON array in text held whole, parsed in one scan that
    structures each record as soon as its object is parsed.

    The scanner hands every object to a hook once it is read, nested ones first. An
    object with an ``id`` is a record of the collection (the records nested in one,
    such as citations, have no id) and is structured there and then, so that its
    parsed JSON is dropped at once; other objects stay dicts for the record that
    holds them.

    The objects come as dicts, which keep the last value of a key given twice, so
    the keys are counted instead (taking them as pairs would cost a tenth of the
    load). Outside strings, JSON has a colon exactly where an object has a key, so
    the colons in the array's text are its keys plus those inside its strings. The
    hooks refuse unknown keys, so no key holds a colon; and the records keep every
    string of the text, but a value dropped for a duplicate key. If the colons are
    the keys the dicts hold, or the keys plus the colons in the records' strings, no
    key was given twice (any would leave more colons than that). Anything else, or
    an escaped colon, goes the careful way, which names a duplicate key.
    """
    hook = HOOKS[cls]
    sizes: list[int] = []
    size = sizes.append

    def objects(value: dict[str, Any]) -> Any:
        size(len(value))
        return hook(value) if "id" in value else value

    scan = _scanner(objects=objects)
    stream.peek()
    buf, start = stream.buf, stream.pos
    try:
        records, end = scan(buf, start)
    except Exception:  # invalid JSON, or a record the hook refuses
        raise _Unstreamable from None
    if records.__class__ is not list or not all(r.__class__ is cls for r in records):
        raise _Unstreamable
    _check_keys(buf, start, end, sum(sizes), records, cls)
    stream.pos = end
    return tuple(records)


def _check_keys(buf: str, start: int, end: int, keys: int, records: Any, cls: type) -> None:
    """Raise ``_Unstreamable`` unless ``buf[start:end]``, the JSON of ``records``
    in which ``keys`` keys were read into dicts, gives no key twice (see
    ``_scan_records``)."""
    colons = buf.count(":", start, end)
    if colons == keys:
        return
    if _ESCAPED_COLON.search(buf, start, end):
        raise _Unstreamable  # a colon in a string, but not in the text
    count = COLONS[cls]
    if colons - sum([count(r) for r in records]) != keys:
        raise _Unstreamable


def _stream_records(stream: _Stream, cls: type) -> tuple[Any, ...]:
    """The records of a JSON array, each structured as soon as it is parsed.

    A record read whole from the text read so far is read as dicts, its keys
    counted against its colons (see ``_scan_records``); one that runs into the
    next chunk is read as pairs, which refuse a key given twice as they are read.
    """
    if stream.file is None:
        return _scan_records(stream, cls)
    hook = HOOKS[cls]
    sizes: list[int] = []
    size = sizes.append

    def objects(value: dict[str, Any]) -> Any:
        size(len(value))
        return value

    scan = _scanner(objects=objects)
    records: list[Any] = []
    append = records.append
    stream.take("[")
    if stream.peek() == "]":
        stream.pos += 1
        return ()
    buf, pos = stream.buf, stream.pos
    while True:
        # The common case, a whole record and its comma in the text read so far, runs
        # here; anything else (the end of a chunk, the end of the array) goes through
        # the stream's own methods.
        sizes.clear()
        try:
            value, end = scan(buf, pos)
        except Exception:
            end = len(buf)
        if end >= len(buf):
            stream.pos = pos
            value = stream.value()
            buf, end = stream.buf, stream.pos
            sizes.clear()  # read as pairs: nothing to count
        try:
            record = hook(value)
        except Exception:  # a record the hook refuses
            raise _Unstreamable from None
        if sizes and buf.count(":", pos, end) != sum(sizes):
            _check_keys(buf, pos, end, sum(sizes), (record,), cls)
        append(record)
        comma = _COMMA(buf, end)
        if comma is not None and comma.end() < len(buf):
            pos = comma.end()
            continue
        stream.pos = end
        if stream.peek() != ",":
            stream.take("]")
            return tuple(records)
        stream.pos += 1
        stream.peek()
        buf, pos = stream.buf, stream.pos


def _stream_document(stream: _Stream) -> tuple[dict[str, Any], dict[str, tuple[Any, ...]]]:
    """The top-level fields of a single-file dataset, and its collections' records."""
    fields: dict[str, Any] = {}
    collections: dict[str, tuple[Any, ...]] = {}
    stream.take("{")
    if stream.peek() == "}":
        stream.pos += 1
    else:
        while True:
            key = stream.value()
            if key.__class__ is not str or key in fields or key in collections:
                raise _Unstreamable
            stream.take(":")
            if key in COLLECTIONS:
                collections[key] = _stream_records(stream, COLLECTIONS[key])
            else:
                fields[key] = stream.value()
            if stream.peek() != ",":
                stream.take("}")
                break
            stream.pos += 1
    _stream_end(stream)
    return fields, collections


def _stream_end(stream: _Stream) -> None:
    if stream.peek() != "":
        raise _Unstreamable


def _streamed_dataset(fields: Mapping[str, Any], collections: Mapping[str, Any]) -> Dataset:
    """The dataset, if its top-level fields and its records are all fine."""
    meta, description, problems = _check_meta(fields)
    if problems:
        raise _Unstreamable
    try:
        return _new_dataset(meta, description, collections)
    except DatasetError:
        raise _Unstreamable from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"not valid JSON: duplicate key {key!r}"
                raise ValueError(msg)
            seen.add(key)
    return value


def _reject_constant(name: str) -> Any:
    msg = f"not valid JSON: {name} is not a JSON number"
    raise ValueError(msg)


# -- files ------------------------------------------------------------------------------
#
# A dataset file is opened once, checked to be a regular file (a FIFO, a device, a
# socket or a directory is refused before anything is read, so that no read can
# hang or run forever), and read through a counter that refuses the file as soon as
# more than ``max_bytes`` bytes come (a file may grow, or report a size it does not
# have). Every refusal is a DatasetError naming the path and the reason.

_KINDS: Final = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _file_error(path: object, message: str, file: str | None = None) -> DatasetError:
    where = os.fspath(path) if isinstance(path, os.PathLike | str) else repr(path)
    return DatasetError([Problem("file", None, str(where), message, file=file)], source=str(where))


class _Bounded(io.RawIOBase):
    """The bytes of an open file, refusing it once more than ``limit`` have been read."""

    def __init__(self, fd: int, limit: int, where: str) -> None:
        self._fd = fd
        self._limit = limit
        self._where = where
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        # Never ask for more than one byte past the limit.
        want = min(len(view), self._limit - self._count + 1)
        data = os.read(self._fd, want) if want > 0 else b""
        n = len(data)
        view[:n] = data
        self._count += n
        if self._count > self._limit:
            raise _file_error(
                self._where,
                f"more than {self._limit} bytes, over the limit "
                "(pass max_bytes= to load() to raise it)",
            )
        return n

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def _open(path: Path, max_bytes: int) -> io.BufferedReader:
    """``path`` opened for reading, if it is a regular file of at most ``max_bytes``."""
    where = str(path)
    try:
        # Non-blocking, so that opening a FIFO with no writer does not wait for one.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except ValueError:
        raise _file_error(path, "not a valid path: it contains a NUL character") from None
    except OSError as exc:
        raise _file_error(path, _open_failure(path, exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _file_error(path, _not_regular(info.st_mode))
        if info.st_size > max_bytes:
            raise _file_error(
                path,
                f"{info.st_size} bytes is over the limit of {max_bytes} bytes "
                "(pass max_bytes= to load() to raise it)",
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return io.BufferedReader(_Bounded(fd, max_bytes, where))
    except BaseException:
        os.close(fd)
        raise


def _not_regular(mode: int) -> str:
    kind = next((kind for test, kind in _KINDS if test(mode)), "another kind of file")
    return f"not a regular file: {kind}"


def _open_failure(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be opened, in words."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if os.path.islink(path) and not os.path.exists(path):
        return "a symbolic link to a missing file"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):  # a socket cannot be opened at all
        return _not_regular(mode)
    return f"cannot read: {exc.strerror}"


def _read(path: Path, max_bytes: int) -> Any:
    with _open(path, max_bytes) as f:
        try:
            data = f.read()
        except OSError as exc:
            raise _file_error(path, f"cannot read: {exc.strerror}") from None
    return _parse_json(data, str(path))


def load_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Load a dataset from a single JSON file or a directory in the bundled layout.

    Raises:
        DatasetError: the input is missing, not a regular file or directory, too
            large, not JSON or not a valid dataset.
    """
    from pathlib import Path  # not at import: loading the bundled data does not need it

    try:
        p = Path(path)
    except TypeError:
        raise _file_error(path, f"not a path: {type(path).__name__}") from None
    with _bulk_load():
        if _is_dir(p):
            files = _directory_files(p)
            try:
                return _stream_directory(files, max_bytes)
            except (_Unstreamable, OSError):
                pass
            return _in_files(p, lambda: structure_dataset(_read_directory(files, max_bytes)))
        try:
            return _streamed_dataset(*_stream_file(p, max_bytes, _stream_document))
        except (_Unstreamable, OSError):
            pass
        return structure_dataset(_read(p, max_bytes), source=str(p))


def _is_dir(p: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(p).st_mode)
    except (OSError, ValueError):
        return False


def _stream_file(path: Path, max_bytes: int, parse: Callable[[_Stream], T]) -> T:
    with io.TextIOWrapper(_open(path, max_bytes), encoding="utf-8", newline="") as file:
        return parse(_Stream(file=file))


def _directory_files(p: Path) -> dict[str, Path]:
    """The files of a dataset directory by collection (``"dataset"`` for its
    ``dataset.json``), refusing a name that is no file of the layout."""
    known = {META_FILE: "dataset", **{f"{c}.json": c for c in COLLECTIONS}}
    try:
        names = sorted(os.listdir(p))
    except OSError as exc:
        raise _file_error(p, f"cannot read: {exc.strerror}") from None
    problems = []
    found: dict[str, Path] = {}
    for name in names:
        if name in known:
            found[known[name]] = p / name
            continue
        close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.75)
        if close or name.lower().endswith(".json"):
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(
                    "file",
                    None,
                    str(p / name),
                    "not a file of a dataset directory, whose files are "
                    f"{META_FILE} and one per collection (events.json, ...){hint}",
                    file=name,
                )
            )
    if "dataset" not in found:
        problems.append(
            Problem(
                "file",
                None,
                str(p / META_FILE),
                f"missing: a dataset directory needs {META_FILE}",
                file=META_FILE,
            )
        )
    if problems:
        raise DatasetError(problems, source=str(p))
    return found


def _in_files(p: Path, load: Callable[[], Dataset]) -> Dataset:
    """``load()``, its problems placed in the files of the directory ``p``."""
    try:
        return load()
    except DatasetError as exc:
        files = {"dataset": META_FILE, **{c: f"{c}.json" for c in COLLECTIONS}}
        raise DatasetError(
            [
                q
                if q.file is not None or q.collection not in files
                else q.in_file(files[q.collection])
                for q in exc.problems
            ],
            source=str(p),
        ) from None


def _stream_directory(files: Mapping[str, Path], max_bytes: int) -> Dataset:
    fields = _stream_file(files["dataset"], max_bytes, _stream_meta)
    collections = {
        cname: _stream_file(files[cname], max_bytes, partial(_stream_array, cls=cls))
        for cname, cls in COLLECTIONS.items()
        if cname in files
    }
    return _streamed_dataset(fields, collections)


def _stream_meta(stream: _Stream) -> dict[str, Any]:
    fields, collections = _stream_document(stream)
    if collections:  # the directory layout keeps collections in their own files
        raise _Unstreamable
    return fields


def _stream_array(stream: _Stream, cls: type) -> tuple[Any, ...]:
    records = _stream_records(stream, cls)
    _stream_end(stream)
    return records


def _read_directory(files: Mapping[str, Path], max_bytes: int) -> dict[str, Any]:
    meta_path = files["dataset"]
    raw = _read(meta_path, max_bytes)
    if not isinstance(raw, dict):
        raise _file_error(
            meta_path, f"expected a JSON object, got {_json_type(raw)}", file=META_FILE
        )
    raw = dict(raw)
    for cname in COLLECTIONS:
        if cname in files:
            raw[cname] = _read(files[cname], max_bytes)
    return raw


# -- dumping ----------------------------------------------------------------------------


def unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
    """The dataset as JSON-shaped data, in canonical key order."""
    converter = _converter()
    out: dict[str, Any] = {
        "name": dataset.name,
        "version": dataset.version,
        "as_of": dataset.as_of.isoformat(),
    }
    if dataset.description is not None:
        out["description"] = dataset.description
    for cname, cls in COLLECTIONS.items():
        out[cname] = [converter.unstructure(r, cls) for r in getattr(dataset, cname)]
    return out


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def dumps(dataset: Dataset) -> str:
    """The canonical single-file JSON form of a dataset.

    Loading it with [`canjapan.loads`][canjapan.loads] gives an equal dataset back.
    """
    return _json(unstructure_dataset(dataset))


def dump_files(dataset: Dataset) -> dict[str, str]:
    """The canonical directory layout: file name to file text."""
    data = unstructure_dataset(dataset)
    files = {META_FILE: _json({k: data[k] for k in META_KEYS if k in data})}
    for cname in COLLECTIONS:
        files[f"{cname}.json"] = _json(data[cname])
    return files


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset: a directory in the bundled layout, or one file if ``path``
    ends in ``.json``."""
    from pathlib import Path

    from canjapan._files import write_bytes, write_files

    p = Path(path)
    if p.suffix == ".json":
        write_bytes(p, dumps(dataset).encode("utf-8"))
        return
    files = {p / name: text.encode("utf-8") for name, text in dump_files(dataset).items()}
    p.mkdir(parents=True, exist_ok=True)
    write_files(files)
