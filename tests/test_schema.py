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
from hypothesis import given
from hypothesis import strategies as st

import canjapan
from canjapan import _model, _schema
from canjapan._dataset import COLLECTIONS
from canjapan.testing.strategies import datasets, partial_dates

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

# Documents the schema refuses but loading still accepts, turning the value into
# another (tests/test_bad_inputs.py lists these as loader bugs to fix).
SCHEMA_ONLY: dict[str, Callable[[dict[str, Any]], None]] = {
    "sequence as text": lambda d: d["events"][0].update(sequence="2"),
    "title null": lambda d: d["sources"][0].update(title=None),
    "array as a string": lambda d: d["agreements"][1].update(abbreviations="LA"),
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

    @pytest.mark.parametrize("case", sorted(SCHEMA_ONLY))
    def test_wrong_json_types_rejected(self, case: str) -> None:
        """A value of the wrong JSON type fails the schema, though loading coerces it."""
        assert not is_valid(changed(SCHEMA_ONLY[case]))

    @given(datasets())
    def test_everything_dumped_is_valid(self, ds: canjapan.Dataset) -> None:
        """The canonical form of any generated dataset validates."""
        assert is_valid(json.loads(canjapan.dumps(ds)))


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
