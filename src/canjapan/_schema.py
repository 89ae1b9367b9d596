"""The JSON Schema (draft 2020-12) of the dataset format, generated from the model.

``generate_schema`` walks the attrs records of ``canjapan._model`` and turns
each field's type and validator into JSON Schema; ``shipped_schema`` returns the
copy shipped inside the package (``canjapan/schema.json``, also ``docs/schema.json``).
Maintainers regenerate both files after a model change with:

```sh
python -m canjapan._schema > src/canjapan/schema.json
cp src/canjapan/schema.json docs/schema.json
```

The schema checks each record on its own. What spans records (unique ids, references
that resolve, lifecycle order, tenure overlaps) and a few rules JSON Schema cannot
state (a day that does not exist in its month, a start after an end) are checked by
[`canjapan.Dataset`][canjapan.Dataset] when the data is loaded.
"""

from __future__ import annotations

import ast
import enum
import inspect
import json
import re
import sys
import textwrap
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

import attrs

from canjapan import _model
from canjapan._dataset import COLLECTIONS
from canjapan._dates import PartialDate

__all__ = [
    "DATE_PATTERN",
    "DAY_PATTERN",
    "SCHEMA_FILE",
    "generate_schema",
    "render",
    "shipped_schema",
]

SCHEMA_FILE: Final = "schema.json"
"""The name of the shipped schema inside the package."""

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

_DIGIT: Final = "[0-9]"
_YEAR: Final = "(?!0000)[0-9]{4}"
_MONTH: Final = "(?:0[1-9]|1[0-2])"
_DAY: Final = "(?:0[1-9]|[12][0-9]|3[01])"

DATE_PATTERN: Final = (
    "^(?:"
    + _YEAR
    + f"(?:-{_MONTH}(?:-(?:{_DAY}|XX))?|-2[1-4]|-XX(?:-XX)?)?"
    + "|(?!000)[0-9]{3}X"
    + "|(?!00)[0-9]{2}XX"
    + ")[?~%]?$"
)
"""An EDTF date of the supported subset: ``2010``, ``2010-11``, ``2010-11-14``, a
season ``2012-21`` to ``2012-24``, unspecified digits (``201X``, ``20XX``,
``2011-XX``, ``2011-06-XX``, ``2011-XX-XX``) and one final qualifier ``?``, ``~``
or ``%``. Whether the day exists in its month is checked on loading."""

DAY_PATTERN: Final = f"^{_YEAR}-{_MONTH}-{_DAY}$"
"""A single calendar day, ``YYYY-MM-DD``."""

_BLANK: Final = f"[{_model.WHITESPACE}]"
_NOT_BLANK: Final = f"[^{_model.WHITESPACE}]"
_TEXT: Final = {"type": "string", "pattern": _NOT_BLANK}
"""A string with at least one character that is not whitespace."""


def _anchored(pattern: re.Pattern[str]) -> str:
    # JSON Schema patterns are not anchored; "\d" is ASCII in ECMA 262 but not in
    # Python's re, so spell it out.
    text = pattern.pattern.replace(r"\d", _DIGIT)
    return f"^(?:{text})$" if "|" in text else f"^{text}$"


_SLUG: Final = {"type": "string", "pattern": _anchored(_model.ID_PATTERN)}
_COUNTRY: Final = {"type": "string", "pattern": _anchored(_model.COUNTRY_PATTERN)}
_LANGUAGE: Final = {"type": "string", "pattern": _anchored(_model.LANGUAGE_PATTERN)}
_DATE: Final = {"type": "string", "pattern": DATE_PATTERN}


# -- what each validator means in JSON Schema -------------------------------------------

# Validators shared by many fields, by identity: the schema of the (non-null) value.
# Validators that only check the Python type (``_date``, ``_optional_date``, ``_dates``, the
# ``_instances`` closures) add nothing: the field's type already says it.
_SHARED_RULES: Final[dict[Callable[..., Any], dict[str, Any]]] = {
    _model._text: _TEXT,
    _model._optional_text: _TEXT,
    _model._slug: _SLUG,
    _model._optional_slug: _SLUG,
    _model._country: _COUNTRY,
    _model._language: _LANGUAGE,
    _model._date: {},
    _model._optional_date: {},
    _model._dates: {},
}
# Validators of arrays: the schema of the items, and extra keywords of the array.
_ARRAY_RULES: Final[dict[Callable[..., Any], tuple[dict[str, Any], dict[str, Any]]]] = {
    _model._slugs: (_SLUG, {}),
    _model._countries: (_COUNTRY, {}),
    _model._texts: (_TEXT, {}),
    _model._citations: ({}, {"minItems": 1}),
}
# Validators written as methods of one record, by (record, field).
_FIELD_RULES: Final[dict[tuple[str, str], dict[str, Any]]] = {
    ("Source", "url"): {"type": "string", "pattern": "^https://"},
    ("Source", "archived_as"): {
        "type": "string",
        "pattern": _anchored(_model.ARCHIVE_PATH_PATTERN),
    },
    ("Coordinates", "latitude"): {"minimum": -90, "maximum": 90},
    ("Coordinates", "longitude"): {"minimum": -180, "maximum": 180},
    ("Event", "sequence"): {"minimum": 1, "maximum": _model.INT64_MAX},
    ("Citation", "quote"): {
        "allOf": [
            {
                "pattern": (
                    f"^{_BLANK}*{_NOT_BLANK}+(?:{_BLANK}+{_NOT_BLANK}+)"
                    f"{{0,{_model.QUOTE_MAX_WORDS - 1}}}{_BLANK}*$"
                )
            },
            {
                "pattern": (
                    f"^(?:[^{_model.CJK_CHARACTERS}]*[{_model.CJK_CHARACTERS}])"
                    f"{{0,{_model.QUOTE_MAX_CJK}}}[^{_model.CJK_CHARACTERS}]*$"
                )
            },
        ]
    },
    ("Figure", "value"): {},
    ("Figure", "period"): {"type": "string", "pattern": _anchored(_model.DURATION_PATTERN)},
}

_META_DESCRIPTIONS: Final = {
    "name": "The dataset's name.",
    "version": "The dataset's version, e.g. a semantic version like 1.0.0.",
    "as_of": "The last date the dataset's contents were checked (YYYY-MM-DD).",
    "description": "What the dataset covers.",
}

_GENERIC_DOCS: Final = {
    "id": "A lowercase slug, unique across the whole dataset.",
    "citations": "Where the record's facts come from (at least one citation).",
    "labels": "Names in other languages.",
    "note": "Free text: caveats, disagreements between sources, vagueness.",
    "country": "An ISO 3166-1 alpha-3 code, e.g. CAN.",
    "countries": "ISO 3166-1 alpha-3 codes, e.g. CAN, JPN.",
    "parties": "ISO 3166-1 alpha-3 codes of the parties.",
}

_TOP_DESCRIPTION: Final = (
    "A canjapan dataset: the records of a bilateral defence and security relationship, "
    "each citing its sources. This schema describes the single-file form (one object "
    "with name, version, as_of, description and the ten collections; a missing "
    "collection is empty). In the directory form, dataset.json holds the same object "
    "without collections and each collection file (sources.json, ...) is the array "
    "described at #/properties/<collection>. Cross-record rules (unique ids across the "
    "dataset, references that resolve to a record of the right kind, lifecycle order, "
    "tenure overlaps) are checked on loading, not by this schema."
)


class SchemaError(RuntimeError):
    """The model has a field this generator does not know how to describe."""


# -- docstrings -------------------------------------------------------------------------


_ROLE: Final = re.compile(r":[a-z]+:`~?([^`]+)`")
_LINK: Final = re.compile(r"\[`([^`\]]+)`\]\[[^\]]*\]")
"""A cross-reference of the API docs, ``[`Name`][canjapan.Name]``: just the name here."""


def _clean_doc(text: str | None) -> str | None:
    if not text:
        return None
    text = inspect.cleandoc(text)
    text = _LINK.sub(r"\1", text)
    text = _ROLE.sub(r"\1", text)
    text = text.replace("``", "`")
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text).strip() or None


@lru_cache(maxsize=1)
def _field_docs() -> dict[str, dict[str, str]]:
    """Attribute docstrings (a string right after a field) of every class in _model."""
    try:
        source = inspect.getsource(_model)
    except (OSError, TypeError):  # pragma: no cover - installs without sources
        return {}
    docs: dict[str, dict[str, str]] = {}
    for node in ast.parse(textwrap.dedent(source)).body:
        if not isinstance(node, ast.ClassDef):
            continue
        found: dict[str, str] = {}
        for prev, item in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(prev, ast.AnnAssign)
                and isinstance(prev.target, ast.Name)
                and isinstance(item, ast.Expr)
                and isinstance(item.value, ast.Constant)
                and isinstance(item.value.value, str)
            ):
                found[prev.target.id] = item.value.value
        docs[node.name] = found
    return docs


# -- types to schemas --------------------------------------------------------------------


def _describe(schema: dict[str, Any], doc: str | None) -> dict[str, Any]:
    cleaned = _clean_doc(doc)
    if cleaned:
        return {**schema, "description": cleaned}
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    out = dict(schema)
    kinds = out["type"] if isinstance(out["type"], list) else [out["type"]]
    out["type"] = [*kinds, "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    return {"type": "string", "enum": [m.value for m in cls]}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of a (resolved) field type, registering records in ``defs``."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        members = [a for a in args if a is not type(None)]
        if set(members) == {int, float}:
            inner: dict[str, Any] = {"type": "number"}
        elif len(members) == 1:
            inner = _type_schema(members[0], defs)
        else:  # pragma: no cover - no such field in the model
            inner = {"anyOf": [_type_schema(m, defs) for m in members]}
        return _nullable(inner) if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if tp is PartialDate:
        return dict(_DATE)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        _record(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if attrs.has(tp):
        _record(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    msg = f"no JSON Schema for the type {tp!r}"
    raise SchemaError(msg)


def _apply_validator(
    cls: type, field: attrs.Attribute[Any], schema: dict[str, Any]
) -> dict[str, Any]:
    """Narrow a field's schema with what its validator checks."""
    validator = field.validator
    if validator is None:
        return schema
    nullable = "anyOf" in schema or (
        isinstance(schema.get("type"), list) and "null" in schema["type"]
    )
    if validator in _ARRAY_RULES:
        items, extra = _ARRAY_RULES[validator]
        return {**schema, "items": {**schema["items"], **items}, **extra}
    if validator in _SHARED_RULES:
        rule = _SHARED_RULES[validator]
    elif (cls.__name__, field.name) in _FIELD_RULES:
        rule = _FIELD_RULES[(cls.__name__, field.name)]
    elif getattr(validator, "__qualname__", "") == "_instances.<locals>.check":
        return schema
    else:
        msg = (
            f"no JSON Schema rule for the validator {validator!r} of "
            f"{cls.__name__}.{field.name}; add one to canjapan._schema"
        )
        raise SchemaError(msg)
    if not rule:
        return schema
    if nullable:
        return _nullable({**_strip_null(schema), **rule})
    return {**schema, **rule}


def _strip_null(schema: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in schema:
        inner: dict[str, Any] = schema["anyOf"][0]
        return inner
    out = dict(schema)
    out["type"] = [t for t in out["type"] if t != "null"]
    if len(out["type"]) == 1:
        out["type"] = out["type"][0]
    return out


def _record(cls: Any, defs: dict[str, Any]) -> None:
    """Add the schema of a record class or enum to ``defs`` (once)."""
    name = cls.__name__
    if name in defs:
        return
    if issubclass(cls, enum.Enum):
        defs[name] = _describe(_enum_schema(cls), cls.__doc__)
        return
    defs[name] = {}  # reserve the name: records may refer to each other
    docs = _field_docs().get(name, {})
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        schema = _apply_validator(cls, field, _type_schema(field.type, defs))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        elif field.default is not None:
            schema = {**schema, "default": _json_default(field.default)}
        doc = docs.get(field.name) or _GENERIC_DOCS.get(field.name)
        properties[field.name] = _describe(schema, doc)
    schema_obj: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": required,
    }
    schema_obj.update(_record_rules(name))
    defs[name] = _describe(schema_obj, cls.__doc__)


def _json_default(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str | bool | int | float):
        return value
    msg = f"no JSON form for the default {value!r}"
    raise SchemaError(msg)


def _record_rules(name: str) -> dict[str, Any]:
    """Rules between the fields of one record that JSON Schema can state."""
    if name == "Tenure":
        # An ongoing tenure has no end.
        return {
            "if": {"properties": {"ongoing": {"const": True}}, "required": ["ongoing"]},
            "then": {"properties": {"end": {"type": "null"}}},
        }
    return {}


# -- the whole schema ---------------------------------------------------------------------


def generate_schema() -> dict[str, Any]:
    """Build the JSON Schema (draft 2020-12) of the dataset format from the model.

    Returns:
        The schema as a dict: the single-file form at the top level, each record
        and vocabulary under ``$defs``.

    Raises:
        SchemaError: a field of the model has a type or validator the generator does
            not know (a ``RuntimeError``); extend this module.
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "name": {**_TEXT, "description": _META_DESCRIPTIONS["name"]},
        "version": {**_TEXT, "description": _META_DESCRIPTIONS["version"]},
        "as_of": {
            "type": "string",
            "pattern": DAY_PATTERN,
            "description": _META_DESCRIPTIONS["as_of"],
        },
        "description": {
            "type": ["string", "null"],
            "description": _META_DESCRIPTIONS["description"],
        },
    }
    for cname, cls in COLLECTIONS.items():
        _record(cls, defs)
        properties[cname] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{cls.__name__}"},
            "description": f"The {cls.__name__} records ({cname}.json in the directory form).",
        }
    return {
        "$schema": DRAFT,
        "title": "canjapan dataset",
        "description": _TOP_DESCRIPTION,
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "version", "as_of"],
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def render(schema: dict[str, Any]) -> str:
    """The text of a schema as shipped: sorted keys, 2-space indent, final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=True) + "\n"


@lru_cache(maxsize=1)
def _shipped_text() -> str:
    from importlib.resources import files

    return files("canjapan").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package, as a new dict on each call."""
    schema: dict[str, Any] = json.loads(_shipped_text())
    return schema


def main() -> None:
    """Print the generated schema (``python -m canjapan._schema``)."""
    sys.stdout.write(render(generate_schema()))


if __name__ == "__main__":
    main()
