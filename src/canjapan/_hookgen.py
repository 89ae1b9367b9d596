"""Write the converter's specialised structure hooks (``_hooks.py``) from the model.

The converter structures a record from JSON in two steps: the JSON rules of each
field's type (a string is a JSON string, an array a JSON array, a date an EDTF
string, no unknown keys), then the record's own attrs converters and validators.
Run through cattrs' generic hooks and attrs' ``__init__``, that costs several
Python calls per field. The hooks written here do both steps in one function per
record class, with the common checks written inline, and set the fields of the new
record directly.

They are a fast path only: a hook that meets anything it does not expect raises,
and the loader then structures the whole input again the careful way, through the
record classes' own ``__init__``, which reports every problem or gives the same
records. A hook may refuse more than the careful way, never less; the tests check
this, and that both give equal records.

The hooks are written once, as source, and shipped as a module, so that loading
data compiles nothing at run time. ``python -m canjapan._hookgen`` prints the
module; a test checks that the shipped one is current (``make hooks`` rewrites it).
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable, Iterator
from typing import Any, Final, Union, get_args, get_origin

import attrs

from canjapan import _model
from canjapan._dataset import COLLECTIONS
from canjapan._dates import PartialDate

__all__ = ["hooks_source"]

HEADER: Final = '''\
"""Specialised structure hooks, one per record class. Generated: do not edit.

Written by ``python -m canjapan._hookgen`` from the model (``make hooks``); see that
module for what they check. Each hook raises on anything unexpected, and the loader
then takes the careful path. The colon counters (``COLONS``) serve the loader's
check for keys given twice (see ``canjapan._converter._scan_records``).
"""

# ruff: noqa: PLR0915, SIM102
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from canjapan._dates import PartialDate
from canjapan._model import (
{imports}
)

__all__ = [
{exports}
]

_new = object.__new__


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    """The setter of a slot of a (frozen) record class: sets it past the frozen
    ``__setattr__``, faster than ``object.__setattr__``."""
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_slug = ID_PATTERN.fullmatch
_country = COUNTRY_PATTERN.fullmatch
_language = LANGUAGE_PATTERN.fullmatch


class Rejected(Exception):
    """The input is not what the fast path expects; structure it the careful way."""


# What a load has parsed and checked so far, by text: a dataset repeats many dates,
# ids and codes, and equal ones can share one immutable instance (less memory, and
# no second parse or check). The loader empties these after each load; each is also
# emptied whenever it reaches MEMO_LIMIT entries.
DATES: Final[dict[str, PartialDate]] = {}
SLUGS: Final[dict[str, str]] = {}
COUNTRIES: Final[dict[str, str]] = {}
MEMO_LIMIT: Final = 1 << 17


def _remember(memo: dict[str, Any], text: str, value: Any) -> Any:
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[text] = value
    return value


def _new_slug(value: object) -> str:
    if value.__class__ is not str or _slug(value) is None:
        raise Rejected
    return _remember(SLUGS, value, value)  # type: ignore[no-any-return]


def _own_id(value: object) -> str:
    # A record's own id: checked, not remembered, as no other record has it.
    if value.__class__ is not str or _slug(value) is None:
        raise Rejected
    return value


def _new_country(value: object) -> str:
    if value.__class__ is not str or _country(value) is None:
        raise Rejected
    return _remember(COUNTRIES, value, value)  # type: ignore[no-any-return]


def _new_date(value: object) -> PartialDate:
    if value.__class__ is not str:
        raise Rejected
    return _remember(DATES, value, PartialDate.parse(value))  # type: ignore[no-any-return]


def _number(value: object) -> float:
    if value.__class__ is not int and value.__class__ is not float:
        raise Rejected
    result = float(value)
    if result - result != 0.0:  # inf or nan
        raise Rejected
    return result
'''


# Field validators checked inline, on a value already of the right Python type and
# not None (an optional field's checks only run when it has a value): the condition
# under which the value ``v`` is invalid. (A text is blank when empty or all space:
# what ``not v.strip()`` tests in the model, without copying the text.)
# (Ids and codes are checked through _SHARED below.)
_INLINE_CHECKS: Final[dict[Callable[..., Any], str]] = {
    _model._text: "if not {v} or {v}.isspace():",
    _model._optional_text: "if not {v} or {v}.isspace():",
    _model._language: "if _language({v}) is None:",
    _model._citations: "if not {v}:",
}
# Validators of the items of a tuple of strings.
_INLINE_ITEM_CHECKS: Final[dict[Callable[..., Any], str]] = {
    _model._texts: "not {x} or {x}.isspace()",
}
# Validators of ids and codes: values that pass are remembered for the load (see
# SLUGS in the hooks module), and each is kept once. The expression takes a JSON
# value of any type: the memo holds only checked strings, _new_slug and _new_country
# refuse any other type, and an unhashable value raises TypeError, which the loader
# takes as a refusal too.
_SHARED: Final[dict[Callable[..., Any], str]] = {
    _model._slug: "SLUGS.get({x}) or _new_slug({x})",
    _model._optional_slug: "SLUGS.get({x}) or _new_slug({x})",
    _model._slugs: "SLUGS.get({x}) or _new_slug({x})",
    _model._country: "COUNTRIES.get({x}) or _new_country({x})",
    _model._countries: "COUNTRIES.get({x}) or _new_country({x})",
}
# Validators that only check the Python type, which the hook has just built.
_TYPE_ONLY: Final = frozenset({_model._date, _model._optional_date, _model._dates})
# Converters that leave what the hook built as it is (a tuple, an enum member).
_IDENTITY: Final = frozenset({_model._tuple})
# Converters that sort records (of their own class) by a key: the hook sorts with the key.
_SORTING: Final[dict[Callable[..., Any], Callable[..., Any]]] = {
    _model._milestones: _model._milestone_key,
    _model._tenures: _model._tenure_key,
}


def hooks_source() -> str:
    """The source of the hooks module."""
    classes = _record_classes()
    enums = sorted({e for cls in classes for e in _enums_of(cls)}, key=lambda e: e.__name__)
    names = sorted(  # in isort's order: constants, classes, functions
        {c.__name__ for c in classes}
        | {e.__name__ for e in enums}
        | {"COUNTRY_PATTERN", "ID_PATTERN", "LANGUAGE_PATTERN", "_domains", "_milestone_key"}
        | {"_tenure_key"},
        key=_isort_key,
    )
    memos = ["COUNTRIES", "DATES", "MEMO_LIMIT", "SLUGS"]
    exports = sorted(
        [
            *memos,
            "COLONS",
            "HOOKS",
            "Rejected",
            *(_hook_name(c) for c in classes),
            *(_colons_name(c) for c in classes),
        ],
        key=_isort_key,
    )
    parts = [
        HEADER.replace("{imports}", "\n".join(f"    {n}," for n in names)).replace(
            "{exports}", "\n".join(f'    "{n}",' for n in exports)
        )
    ]
    parts.append(
        "".join(
            f"_{e.__name__.upper()}: Final = {{m.value: m for m in {e.__name__}}}\n" for e in enums
        )
    )
    for cls in classes:
        parts.append(_record_hook(cls))
        parts.append(_colons_function(cls))
    table = "".join(f"    {c.__name__}: {_hook_name(c)},\n" for c in classes)
    colons = "".join(f"    {c.__name__}: {_colons_name(c)},\n" for c in classes)
    parts.append(
        "HOOKS: Final[dict[type, Callable[[Any], Any]]] = {\n"
        + table
        + "}\n"
        + '"""The hook of each record class, nested classes first."""\n\n'
        + "COLONS: Final[dict[type, Callable[[Any], int]]] = {\n"
        + colons
        + "}\n"
        + '"""The colon counter of each record class."""\n'
    )
    return "\n\n".join(parts)


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order: constants, then classes, then the rest."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def _record_classes() -> list[type]:
    """Every record class reachable from the collections, nested ones first."""
    order: list[type] = []

    def visit(cls: type) -> None:
        if cls in order:
            return
        for f in attrs.fields(attrs.resolve_types(cls)):
            for t in _leaves(f.type):
                if attrs.has(t):
                    visit(t)
        order.append(cls)

    for cls in COLLECTIONS.values():
        visit(cls)
    return order


def _leaves(tp: Any) -> Iterator[Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType, tuple):
        for arg in get_args(tp):
            if arg is not Ellipsis:
                yield from _leaves(arg)
    else:
        yield tp


def _enums_of(cls: type) -> Iterator[type[enum.Enum]]:
    for f in attrs.fields(cls):
        for t in _leaves(f.type):
            if _is_enum(t):
                yield t


def _hook_name(cls: type) -> str:
    return f"structure_{cls.__name__.lower()}"


def _record_hook(cls: type) -> str:
    fields = attrs.fields(cls)
    name = cls.__name__
    lines = [
        *(f'{_setter(cls, f)}: Final = _slot({name}, "{f.name}")' for f in fields),
        "",
        "",
        f"def {_hook_name(cls)}(d: Any, _: Any = None) -> {name}:",
        f'    """Structure a ``{name}`` from a JSON object."""',
        "    if d.__class__ is not dict:",
        "        raise Rejected",
        # Keys read so far: every required one (a missing one raises), and each
        # optional one present; any other key leaves len(d) greater.
        f"    n = {sum(f.default is attrs.NOTHING for f in fields)}",
    ]
    deferred: list[str] = []
    for f in fields:
        if not f.init or f.alias != f.name:  # pragma: no cover (the model has none)
            msg = f"{name}.{f.name}: only init fields under their own name are supported"
            raise TypeError(msg)
        lines.extend(_field_lines(cls, f, deferred))
    lines += ["    if len(d) != n:  # an unknown key", "        raise Rejected"]
    lines.append(f"    self = _new({name})")
    lines.extend(f"    {_setter(cls, f)}(self, {_var(f)})" for f in fields)
    lines.extend(deferred)
    if "__attrs_post_init__" in cls.__dict__:
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    text = "\n".join(lines) + "\n"
    if _fields_name(cls) in text:
        text = f"{_fields_name(cls)}: Final = attrs.fields({name})\n" + text
    return text


def _colons_name(cls: type) -> str:
    return f"colons_{cls.__name__.lower()}"


def _colons_function(cls: type) -> str:
    """A function counting the colons in every string a record holds, its nested
    records' too (the loader's duplicate-key check needs it; see _converter)."""
    name = cls.__name__
    body: list[str] = []
    for f in attrs.fields(cls):
        optional, inner = _optional(f.type)
        item = get_args(inner)[0] if get_origin(inner) is tuple else None
        one = '{x}.count(":")' if str in (inner, item) else None
        if attrs.has(inner) or (item is not None and attrs.has(item)):
            one = _colons_name(item if item is not None else inner) + "({x})"
        if one is None:  # dates, numbers, vocabularies: no colon in any valid one
            continue
        if item is not None:
            body.append(f"    c += sum([{one.format(x='x')} for x in r.{f.name}])")
        elif optional:
            body += [
                f"    if r.{f.name} is not None:",
                f"        c += {one.format(x=f'r.{f.name}')}",
            ]
        else:
            body.append(f"    c += {one.format(x=f'r.{f.name}')}")
    lines = [
        f"def {_colons_name(cls)}(r: {name}) -> int:",
        f'    """The colons in the strings of a ``{name}``."""',
        *(["    c = 0", *body, "    return c"] if body else ["    return 0"]),
    ]
    return "\n".join(lines) + "\n"


def _optional(tp: Any) -> tuple[bool, Any]:
    """Whether a field's type admits None, and the type without it."""
    if type(None) in get_args(tp):
        return True, next(a for a in get_args(tp) if a is not type(None))
    return False, tp


def _setter(cls: type, f: attrs.Attribute[Any]) -> str:
    return f"_set_{cls.__name__.lower()}_{f.name}"


def _var(f: attrs.Attribute[Any]) -> str:
    return f"f_{f.name}"


def _field_lines(cls: type, f: attrs.Attribute[Any], deferred: list[str]) -> list[str]:
    v = _var(f)
    body: list[str] = []
    optional, inner = _optional(f.type)
    validator: Any = f.validator
    shared = _SHARED.get(validator) if inner in (str, tuple[str, ...]) else None
    item_rule = _INLINE_ITEM_CHECKS.get(validator) if inner == tuple[str, ...] else None
    if shared is not None:  # checked and remembered in one expression (see _SHARED)
        if f.name == "id" and cls in COLLECTIONS.values():
            body.append(f"    {v} = _own_id({v})")
        elif inner is str:
            body.append(f"    {v} = {shared.format(x=v)}")
        else:
            body.extend(_shared_tuple_lines(f, v, shared))
    else:
        body.extend(_structure_lines(inner, v, item_rule))
        body.extend(_converter_lines(f, v))
    done = shared is not None or item_rule is not None
    body.extend(_validator_lines(cls, f, v, deferred, done=done))
    if optional:
        body = [f"    if {v} is not None:", *("    " + line for line in body)]
    if f.default is attrs.NOTHING:
        return [f'    {v} = d["{f.name}"]', *body]
    default = f.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # pragma: no cover
        msg = f"{cls.__name__}.{f.name}: factory defaults are not supported"
        raise TypeError(msg)
    if f.converter is not None and f.converter(default) != default:  # type: ignore[operator]
        msg = f"{cls.__name__}.{f.name}: the converter changes the default"  # pragma: no cover
        raise TypeError(msg)  # pragma: no cover
    return [
        f'    if "{f.name}" in d:',
        "        n += 1",
        f'        {v} = d["{f.name}"]',
        *("    " + line for line in body),
        "    else:",
        f"        {v} = {_literal(default)}",
    ]


def _shared_tuple_lines(f: attrs.Attribute[Any], v: str, shared: str) -> list[str]:
    """A tuple of ids or codes, each checked and remembered, with short arrays (the
    usual ones) built without a comprehension."""
    one, x, y = shared.format(x=f"{v}[0]"), shared.format(x="x"), shared.format(x="y")
    lines = [
        f"    if {v}.__class__ is not list:",
        "        raise Rejected",
        f"    if len({v}) == 1:",
        f"        {v} = ({one},)",
    ]
    converter: Any = f.converter
    if converter is _model._sorted_unique:
        lines += [
            f"    elif len({v}) == 2:",
            f"        x, y = {v}",
            f"        x = {x}",
            f"        y = {y}",
            f"        {v} = (x, y) if x < y else (y, x) if y < x else (x,)",
        ]
    lines += ["    else:", f"        {v} = tuple([{x} for x in {v}])"]
    lines += ["    " + line for line in _converter_lines(f, v)]
    return lines


def _literal(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, str) and value.isalnum():
        return f'"{value}"'
    if value is None or value == () or isinstance(value, bool | int):
        return repr(value)
    msg = f"no literal for the default {value!r}"  # pragma: no cover
    raise TypeError(msg)  # pragma: no cover


def _structure_lines(tp: Any, v: str, item_rule: str | None = None) -> list[str]:
    """Check the JSON value in ``v`` against ``tp`` and put the structured value in ``v``
    (for a tuple of strings, also each item against ``item_rule``)."""
    if tp is str or tp is bool or tp is int:
        return [f"    if {v}.__class__ is not {tp.__name__}:", "        raise Rejected"]
    if tp is float:
        return [f"    {v} = _number({v})"]
    if get_args(tp) == (int, float):
        return [f"    _number({v})"]
    if tp is PartialDate:
        return [f"    {v} = DATES.get({v}) or _new_date({v})"]
    if _is_enum(tp):
        return [f"    {v} = _{tp.__name__.upper()}[{v}]"]
    if attrs.has(tp):
        return [f"    {v} = {_hook_name(tp)}({v})"]
    if get_origin(tp) is tuple:
        (item,) = (a for a in get_args(tp) if a is not Ellipsis)
        check = [f"    if {v}.__class__ is not list:", "        raise Rejected"]
        if item is str:
            rule = "" if item_rule is None else " or " + item_rule.format(x="x")
            return [
                *check,
                f"    for x in {v}:",
                f"        if x.__class__ is not str{rule}:",
                "            raise Rejected",
                f"    {v} = tuple({v})",
            ]
        if item is PartialDate:
            return [*check, f"    {v} = tuple([DATES.get(x) or _new_date(x) for x in {v}])"]
        if _is_enum(item):
            return [*check, f"    {v} = tuple([_{item.__name__.upper()}[x] for x in {v}])"]
        if attrs.has(item):  # short arrays (the usual ones) built without a map
            hook = _hook_name(item)
            return [
                *check,
                f"    if len({v}) == 1:",
                f"        {v} = ({hook}({v}[0]),)",
                f"    elif len({v}) == 2:",
                f"        x, y = {v}",
                f"        {v} = ({hook}(x), {hook}(y))",
                "    else:",
                f"        {v} = tuple(map({hook}, {v}))",
            ]
    msg = f"no structure rule for {tp!r}"  # pragma: no cover
    raise TypeError(msg)  # pragma: no cover


def _converter_lines(f: attrs.Attribute[Any], v: str) -> list[str]:
    conv: Any = f.converter
    if conv is None or conv in _IDENTITY:
        return []
    if conv is _model._sorted_unique:
        return [f"    if len({v}) > 1:", f"        {v} = tuple(sorted(set({v})))"]
    if conv in _SORTING:  # the items are records the hook made: sort them by key
        key = _SORTING[conv].__name__
        return [
            f"    if len({v}) == 2:",
            f"        x, y = {v}",
            f"        if {key}(y) < {key}(x):",
            f"            {v} = (y, x)",
            f"    elif len({v}) > 2:",
            f"        {v} = tuple(sorted({v}, key={key}))",
        ]
    if conv is _model._domains:
        return [f"    {v} = _domains({v})"]
    members = [m for t in _leaves(f.type) if _is_enum(t) for m in t]
    if members and all(conv(m) is m for m in members):
        return []  # an enum's converter: the hook already made the member
    msg = f"{f.name}: no rule for the converter {conv!r}"  # pragma: no cover
    raise TypeError(msg)  # pragma: no cover


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _fields_name(cls: type) -> str:
    return f"_{cls.__name__.upper()}_FIELDS"


def _validators(validator: Any) -> list[Any]:
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:  # attrs.validators.and_
        return [w for v in inner for w in _validators(v)]
    return [validator]


def _validator_lines(
    cls: type, f: attrs.Attribute[Any], v: str, deferred: list[str], *, done: bool
) -> list[str]:
    if done:  # checked with the structure
        return []
    lines: list[str] = []
    for validator in _validators(f.validator):
        if validator in _INLINE_CHECKS:
            lines += ["    " + _INLINE_CHECKS[validator].format(v=v), "        raise Rejected"]
        elif validator in _INLINE_ITEM_CHECKS:
            test = _INLINE_ITEM_CHECKS[validator].format(x="x")
            lines += [f"    for x in {v}:", f"        if {test}:", "            raise Rejected"]
        elif validator in _TYPE_ONLY:
            pass
        elif getattr(validator, "__qualname__", "") == "_instances.<locals>.check":
            pass  # the items were made by the hook of their class
        else:  # a record's own validator method: run it as attrs would
            deferred.append(
                f"    {cls.__name__}.{validator.__name__}(self, {_fields_name(cls)}.{f.name}, {v})"
            )
    return lines


if __name__ == "__main__":  # pragma: no cover
    print(hooks_source(), end="")
