"""Tests for canjapan._schema: the generated JSON Schema and the shipped copies."""

from __future__ import annotations

import copy
import enum
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import canjapan
from canjapan import _model, _schema
from canjapan._dataset import COLLECTIONS
from canjapan.testing.strategies import datasets, partial_dates
from tests.profiles import examples

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "canjapan" / "schema.json"
DOCS_COPY = ROOT / "docs" / "schema.json"
BUNDLED = ROOT / "src" / "canjapan" / "data"
MINI = Path(__file__).resolve().parent / "data" / "mini.json"
REGENERATE = "python -m canjapan._schema > src/canjapan/schema.json && cp it to docs/schema.json"

VALIDATOR = jsonschema.Draft202012Validator(_schema.generate_schema())


def is_valid(document: object) -> bool:
    return bool(VALIDATOR.is_valid(document))


def mini() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(MINI.read_text(encoding="utf-8"))
    return document


class TestShippedSchema:
    """The schema shipped in the package and in docs/ is the generated one."""

    def test_package_copy_is_up_to_date(self) -> None:
        """src/canjapan/schema.json is byte for byte what generate_schema() renders."""
        expected = _schema.render(_schema.generate_schema()).encode("utf-8")
        assert SHIPPED.read_bytes() == expected, f"out of date; regenerate: {REGENERATE}"

    def test_docs_copy_is_up_to_date(self) -> None:
        """docs/schema.json is the same file as the package's."""
        assert DOCS_COPY.read_bytes() == SHIPPED.read_bytes(), f"regenerate: {REGENERATE}"

    def test_public_function_returns_it(self) -> None:
        """canjapan.schema() gives the shipped schema, a fresh dict each call."""
        first = canjapan.schema()
        assert first == _schema.generate_schema()
        first["title"] = "changed"
        assert canjapan.schema()["title"] != "changed"

    @pytest.mark.slow
    def test_module_prints_it(self) -> None:
        """python -m canjapan._schema prints the shipped file's exact text."""
        out = subprocess.run(
            [sys.executable, "-m", "canjapan._schema"], capture_output=True, check=True
        )
        assert out.stdout.replace(b"\r\n", b"\n") == SHIPPED.read_bytes()

    def test_rendering(self) -> None:
        """The text has sorted keys, two-space indentation and a final newline."""
        text = _schema.render({"b": 1, "a": {"d": 2, "c": 3}})
        assert text == '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n'


class TestGeneratedSchema:
    """The schema describes the model: records, vocabularies and rules."""

    schema = _schema.generate_schema()

    def test_descriptions_drop_docs_markup(self) -> None:
        """Cross-references and roles become the bare name, double backticks single ones."""
        doc = """A [`PartialDate`][canjapan.PartialDate] or a :class:`~canjapan.Unbounded`,
        with ``None`` for none."""
        assert (
            _schema._clean_doc(doc)
            == "A PartialDate or a canjapan.Unbounded, with `None` for none."
        )

    def test_is_a_draft_2020_12_schema(self) -> None:
        """The schema is itself valid under the draft 2020-12 meta-schema."""
        assert self.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(self.schema)

    def test_top_level_is_the_single_file_form(self) -> None:
        """The top level takes name, version, as_of, description and the ten collections."""
        top = self.schema
        assert top["additionalProperties"] is False
        assert set(top["properties"]) == {"name", "version", "as_of", "description", *COLLECTIONS}
        assert set(top["required"]) == {"name", "version", "as_of"}
        for cname, cls in COLLECTIONS.items():
            prop = top["properties"][cname]
            assert prop["type"] == "array"
            assert prop["items"] == {"$ref": f"#/$defs/{cls.__name__}"}

    @pytest.mark.parametrize("cls", [*COLLECTIONS.values(), canjapan.Citation, canjapan.Label])
    def test_records_are_closed_objects(self, cls: type) -> None:
        """Each record is an object with no extra properties, requiring the fields
        without a default."""
        definition = self.schema["$defs"][cls.__name__]
        fields = attrs.fields(cls)
        assert definition["type"] == "object"
        assert definition["additionalProperties"] is False
        assert set(definition["properties"]) == {f.name for f in fields}
        assert definition["required"] == [f.name for f in fields if f.default is attrs.NOTHING]

    @pytest.mark.parametrize(
        "vocabulary",
        [v for v in vars(_model).values() if isinstance(v, type) and issubclass(v, enum.StrEnum)],
    )
    def test_vocabularies_are_enums(self, vocabulary: type[enum.StrEnum]) -> None:
        """Every StrEnum of the model is an enum of its values, in member order."""
        definition = self.schema["$defs"][vocabulary.__name__]
        assert definition["enum"] == [m.value for m in vocabulary]

    def test_citations_need_one(self) -> None:
        """Every record that has citations needs at least one."""
        for cls in COLLECTIONS.values():
            properties = self.schema["$defs"][cls.__name__]["properties"]
            if "citations" in properties:
                assert properties["citations"]["minItems"] == 1

    def test_descriptions_from_docstrings(self) -> None:
        """Class and field docstrings become descriptions, without reST markup."""
        agreement = self.schema["$defs"]["Agreement"]
        assert agreement["description"].startswith("An agreement, treaty")
        assert ":class:" not in agreement["description"]
        url = self.schema["$defs"]["Source"]["properties"]["url"]
        assert "https://" in url["description"]

    def test_no_format_keyword(self) -> None:
        """Dates are described by patterns, never by the optional `format` keyword."""
        assert '"format"' not in json.dumps(self.schema)

    def test_unknown_validator_is_refused(self) -> None:
        """A field whose validator the generator does not know raises SchemaError."""

        def odd(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
            """A rule the generator cannot know."""

        @attrs.frozen
        class Odd:
            name: str = attrs.field(validator=odd)

        with pytest.raises(_schema.SchemaError, match=r"Odd\.name"):
            _schema._record(Odd, {})


def changed(edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    document = copy.deepcopy(mini())
    edit(document)
    return document


INVALID: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown top-level key": lambda d: d.update(extra=1),
    "missing name": lambda d: d.pop("name"),
    "as_of not a day": lambda d: d.update(as_of="2026-03"),
    "unknown record field": lambda d: d["sources"][0].update(author="x"),
    "id not a slug": lambda d: d["places"][0].update(id="Tokyo_1"),
    "lowercase country": lambda d: d["places"][0].update(country="jpn"),
    "unknown kind": lambda d: d["places"][0].update(kind="town"),
    "month 13": lambda d: d["agreements"][1]["milestones"][1].update(date="2019-13"),
    "date with a time": lambda d: d["events"][0].update(start="2011-08-29T10:00"),
    "no citations": lambda d: d["topics"][0].update(citations=[]),
    "blank quote": lambda d: d["topics"][0]["citations"][0].update(quote="  "),
    "quote of 41 words": lambda d: d["topics"][0]["citations"][0].update(quote="w " * 41),
    "quote of 101 kanji": lambda d: d["topics"][0]["citations"][0].update(quote="防" * 101),
    "unknown event mode": lambda d: d["events"][0].update(mode="telepathy"),
    "http url": lambda d: d["sources"][0].update(url="http://example.org"),
    "latitude 91": lambda d: d["places"][0].update(
        coordinates={"latitude": 91.0, "longitude": 0.0}
    ),
    "sequence 0": lambda d: d["events"][0].update(sequence=0),
    "ongoing with an end": lambda d: d["people"][2]["tenures"][0].update(end="2012-12-26"),
    "bad period": lambda d: d["figures"][0].update(period="18 months"),
    "bad language": lambda d: d["organizations"][0].update(
        labels=[{"text": "x", "language": "Japanese"}]
    ),
}

# Values of the wrong JSON type, which an earlier loader coerced.
INVALID |= {
    "sequence as text": lambda d: d["events"][0].update(sequence="2"),
    "title null": lambda d: d["sources"][0].update(title=None),
    "array as a string": lambda d: d["agreements"][1].update(abbreviations="LA"),
    # Characters on which Python's re and JSON Schema engines disagree.
    "period with fullwidth digits": lambda d: d["figures"][0].update(period="P\uff11\uff18M"),
    "period with Arabic-Indic digits": lambda d: d["figures"][0].update(period="P\u0663M"),
    "title only a file separator": lambda d: d["sources"][0].update(title="\x1c"),
    "title only a next-line": lambda d: d["sources"][0].update(title="\x85"),
}


class TestValidation:
    """The schema accepts valid data and rejects invalid data, as loading does."""

    def test_bundled_dataset_is_valid(self) -> None:
        """The bundled dataset, in its single-file form, validates."""
        if not (BUNDLED / "dataset.json").is_file():
            pytest.skip("no bundled dataset yet (src/canjapan/data/dataset.json is missing)")
        document = json.loads(canjapan.dumps(canjapan.load()))
        errors = [e.message for e in VALIDATOR.iter_errors(document)]
        assert errors == []

    def test_bundled_files_are_valid(self) -> None:
        """In the directory form, dataset.json and each collection file validate."""
        if not (BUNDLED / "dataset.json").is_file():
            pytest.skip("no bundled dataset yet (src/canjapan/data/dataset.json is missing)")
        assert is_valid(json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8")))
        schema = _schema.generate_schema()
        for cname in COLLECTIONS:
            path = BUNDLED / f"{cname}.json"
            if path.is_file():
                part = {**schema["properties"][cname], "$defs": schema["$defs"]}
                jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), part)

    def test_mini_is_valid(self) -> None:
        """tests/data/mini.json validates."""
        assert is_valid(mini())

    @pytest.mark.parametrize("case", sorted(INVALID))
    def test_invalid_documents_rejected(self, case: str) -> None:
        """A document with one invalid field fails the schema and fails to load."""
        document = changed(INVALID[case])
        assert not is_valid(document)
        with pytest.raises(canjapan.DatasetError):
            canjapan.loads(json.dumps(document))

    @given(datasets())
    def test_everything_dumped_is_valid(self, ds: canjapan.Dataset) -> None:
        """The canonical form of any generated dataset validates."""
        assert is_valid(json.loads(canjapan.dumps(ds)))


# Values a mutation puts in a document: JSON of every type, and text made of the
# characters on which regular-expression engines disagree (Unicode digits and
# whitespace, a byte-order mark, separators) mixed with the format's own letters.
_TRICKY = "0123456789PYMWDX-?~%:T \t\n\x1c\x1f\x85\xa0\u2028\u3000\ufeff\uff11\u0663\u00b2aZé東"
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=_TRICKY, max_size=12),
    st.text(max_size=8),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


# Characters that Python's re and JSON Schema engines class differently from their
# ASCII lookalikes, by the kind of character they stand in for.
_LOOKALIKES: dict[Callable[[str], bool], tuple[str, ...]] = {
    str.isdigit: ("\uff11", "\u0663", "\u00b2", "\u0967"),
    str.isspace: ("\x1c", "\x85", "\ufeff", "\u3000", "\xa0", "\u180e"),
    str.isalpha: ("\uff30", "\u0131", "\u212a"),
}


def _slots(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) of a JSON document, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((value, key))
            _slots(item, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.append((value, i))
            _slots(item, out)
    return out


def _loads(document: Any) -> bool:
    """Whether the loader accepts the document."""
    try:
        canjapan.loads(json.dumps(document, ensure_ascii=False))
    except canjapan.DatasetError:
        return False
    return True


class TestLoaderAndSchemaAgree:
    """Differential: whatever the loader accepts, the shipped schema accepts."""

    @settings(max_examples=examples(200))
    @given(st.data())
    def test_mutations(self, data: st.DataObject) -> None:
        """A document with one value replaced, edited or removed either fails to load,
        or validates against the schema (so what the schema rejects, loading rejects)."""
        document = mini()
        slots = _slots(document, [])
        container, key = data.draw(st.sampled_from(slots), label="slot")
        old = container[key]
        how = data.draw(st.sampled_from(["replace", "edit", "remove"]), label="how")
        if how == "edit" and isinstance(old, str):
            at = data.draw(st.integers(0, len(old)), label="at")
            piece = data.draw(st.text(alphabet=_TRICKY, min_size=1, max_size=3), label="piece")
            container[key] = old[:at] + piece + old[at:]
        elif how == "remove":
            del container[key]
        else:
            container[key] = data.draw(_VALUES, label="value")
        if _loads(document):
            errors = [e.message for e in VALIDATOR.iter_errors(document)]
            assert errors == [], f"loads but the schema refuses: {errors}"

    @pytest.mark.slow
    def test_every_text_with_lookalike_characters(self) -> None:
        """Each text of the document, with its first digit, space or letter swapped for a
        character that only some engines class alike, loads only if it validates."""
        disagreements = []
        base = mini()
        count = len(_slots(base, []))
        for index in range(count):
            for kind, swaps in _LOOKALIKES.items():
                for swap in swaps:
                    document = mini()
                    container, key = _slots(document, [])[index]
                    old = container[key]
                    if not isinstance(old, str):
                        continue
                    at = next((i for i, c in enumerate(old) if kind(c)), None)
                    if at is None:
                        continue
                    container[key] = old[:at] + swap + old[at + 1 :]
                    if _loads(document) and not is_valid(document):
                        disagreements.append((key, container[key]))
        assert disagreements == []

    def test_shipped_patterns_are_ascii(self) -> None:
        """Every pattern in the shipped schema is ASCII and free of \\d, \\s and \\w,
        whose meaning differs between engines."""
        patterns: list[str] = []

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                patterns.extend(v for k, v in value.items() if k == "pattern")
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(json.loads(SHIPPED.read_text(encoding="utf-8")))
        assert patterns
        for pattern in patterns:
            assert pattern.isascii(), pattern
            assert not re.search(r"\\[dDsSwW]", pattern), pattern

    def test_whitespace_class_is_pythons(self) -> None:
        """The schema's whitespace class is exactly what str.isspace() takes."""
        blank = re.compile(f"[{_model.WHITESPACE}]")
        chars = [chr(c) for c in range(0x110000)]
        assert [c for c in chars if blank.match(c)] == [c for c in chars if c.isspace()]


class TestDatePattern:
    """The EDTF pattern agrees with the date parser."""

    pattern = re.compile(_schema.DATE_PATTERN)

    @given(partial_dates(min_year=1, max_year=9999))
    def test_matches_every_partial_date(self, d: canjapan.PartialDate) -> None:
        """The text of every partial date matches the pattern."""
        assert self.pattern.search(str(d))

    @given(st.from_regex(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?", fullmatch=True))
    def test_pattern_implies_parsable(self, text: str) -> None:
        """A date-shaped string matching the pattern parses, unless its day does not
        exist in its month; one not matching it does not parse."""
        if self.pattern.search(text):
            reason = None
            try:
                canjapan.PartialDate.parse(text)
            except canjapan.DateParseError as exc:
                reason = exc.reason
            assert reason is None or "does not exist" in reason
        else:
            with pytest.raises(canjapan.DateParseError):
                canjapan.PartialDate.parse(text)
