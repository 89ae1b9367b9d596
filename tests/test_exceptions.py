"""Tests for canjapan.exceptions: one base class, builtin bases, readable messages."""

from __future__ import annotations

import inspect

import pytest

from canjapan import exceptions
from canjapan.exceptions import (
    AmbiguousTruthError,
    CanjapanError,
    DatasetError,
    DateParseError,
    MissingExtraError,
    Problem,
    UndeterminedOrderError,
    UnknownIdError,
)


class TestHierarchy:
    """Every public error derives from CanjapanError and the builtin it resembles."""

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (DatasetError, ValueError),
            (DateParseError, ValueError),
            (UnknownIdError, KeyError),
            (UnknownIdError, LookupError),
            (UndeterminedOrderError, TypeError),
            (MissingExtraError, ImportError),
            (AmbiguousTruthError, TypeError),
        ],
    )
    def test_bases(self, error: type[Exception], builtin: type[Exception]) -> None:
        """The error is both a CanjapanError and its builtin."""
        assert issubclass(error, CanjapanError)
        assert issubclass(error, builtin)

    def test_every_public_error_covered(self) -> None:
        """No public exception class escapes the base class."""
        for name in exceptions.__all__:
            obj = getattr(exceptions, name)
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                assert issubclass(obj, CanjapanError), name


class TestMessages:
    """Messages name the input and the problem."""

    def test_problem_str(self) -> None:
        """A problem reads collection[id].path: message."""
        assert str(Problem("agreements", "acsa", "milestones[1].date", "bad")) == (
            "agreements['acsa'].milestones[1].date: bad"
        )
        assert str(Problem("agreements", None, "[3]", "bad")) == "agreements[3]: bad"
        assert str(Problem("dataset", None, "", "bad")) == "dataset: bad"

    def test_problem_equality(self) -> None:
        """Problems compare and hash by value."""
        a = Problem("a", "b", "c", "d")
        assert a == Problem("a", "b", "c", "d")
        assert len({a, Problem("a", "b", "c", "d")}) == 1
        assert a != "a"
        assert "Problem(collection='a'" in repr(a)

    def test_dataset_error_lists_problems(self) -> None:
        """DatasetError counts and lists its problems."""
        problems = [
            Problem("people", f"p{i}", "name", "must be a non-empty string") for i in range(25)
        ]
        error = DatasetError(problems, source="x.json")
        text = str(error)
        assert text.startswith("invalid dataset x.json: 25 problems")
        assert "people['p0'].name" in text
        assert "... and 5 more" in text
        assert len(error.problems) == 25

    def test_unknown_id_message(self) -> None:
        """UnknownIdError's str is its message, not a quoted repr."""
        assert (
            str(UnknownIdError("acs", ["acsa"])) == "no record with id 'acs'; did you mean 'acsa'?"
        )
        assert str(UnknownIdError("zzz")) == "no record with id 'zzz'"

    def test_missing_extra(self) -> None:
        """MissingExtraError names the extra to install."""
        error = MissingExtraError("Dataset.to_pandas()", "pandas", "pandas")
        assert error.extra == "pandas"
        assert "pip install 'canjapan[pandas]'" in str(error)


class TestFilterError:
    """FilterError names the filter, the value and close valid values."""

    def test_message_and_fields(self) -> None:
        """The message says what is wrong and suggests; the fields keep the parts."""
        e = exceptions.FilterError("kind", "exercize", "no such kind", ("exercise",))
        assert str(e) == "kind 'exercize': no such kind; did you mean 'exercise'?"
        assert isinstance(e, CanjapanError)
        assert isinstance(e, ValueError)
        assert (e.name, e.value, e.reason, e.suggestions) == (
            "kind",
            "exercize",
            "no such kind",
            ("exercise",),
        )

    def test_pickles(self) -> None:
        """It survives pickling with the same message and fields, as a process pool needs."""
        import pickle

        e = exceptions.FilterError("country", "CA", "no such code", ("CAN",))
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is exceptions.FilterError
        assert str(back) == str(e)
        assert back.suggestions == ("CAN",)
