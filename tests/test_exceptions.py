"""Tests for canjapan.exceptions: one base class, builtin bases, readable messages."""

from __future__ import annotations

import concurrent.futures
import inspect
import pickle

import pytest

import canjapan
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


def _every_error() -> list[CanjapanError]:
    """One instance of every public error, with every attribute set."""
    return [
        DateParseError("2019-13", "no month 13"),
        UndeterminedOrderError("2019 and 2019-06 are not ordered"),
        AmbiguousTruthError("use a member"),
        DatasetError(
            [
                Problem("events", "a", "start", "bad date"),
                Problem("file", None, "/x/events.json", "not a regular file", file="events.json"),
            ],
            source="/x",
        ),
        UnknownIdError("acsaa", ("acsa",)),
        UnknownIdError("x", (), message="no participant with id 'x'"),
        exceptions.FilterError("kind", "exercize", "no such kind", ("exercise",)),
        MissingExtraError("canjapan plot", "plot", "matplotlib"),
        exceptions.DirectoryNotEmptyError("out", ["a.csv", "b.csv"]),
    ]


class TestPickling:
    """Every public error crosses a process boundary as itself."""

    def test_every_public_error_is_covered(self) -> None:
        """The instances below cover every error class the module exports."""
        classes = {
            obj
            for name in exceptions.__all__
            if isinstance(obj := getattr(exceptions, name), type) and issubclass(obj, Exception)
        }
        assert {type(e) for e in _every_error()} == classes - {CanjapanError}

    @pytest.mark.parametrize("error", _every_error(), ids=lambda e: type(e).__name__)
    def test_round_trip(self, error: CanjapanError) -> None:
        """pickle gives back the same class, message, args and attributes."""
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert back.args == error.args
        assert vars(back) == vars(error)

    @pytest.mark.slow
    def test_through_a_process_pool(self) -> None:
        """A worker raising DateParseError gives the caller a DateParseError."""
        with (
            concurrent.futures.ProcessPoolExecutor(1) as pool,
            pytest.raises(DateParseError) as info,
        ):
            pool.submit(canjapan.PartialDate.parse, "2019-13").result()
        assert info.value.text == "2019-13"

    def test_problem_round_trip(self) -> None:
        """A Problem pickles with its file."""
        p = Problem("events", "a", "start", "bad", file="events.json")
        back = pickle.loads(pickle.dumps(p))
        assert back == p
        assert back.file == "events.json"


class TestEscaping:
    """Text from a file cannot reach a terminal raw through an error message."""

    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("a\nb", "a\\nb"),
            ("\x1b[2J", "\\x1b[2J"),
            ("\x9b31m", "\\x9b31m"),
            ("\u202egnp.exe", "\\u202egnp.exe"),
            ("a\u2028b", "a\\u2028b"),
            ("東京 – café", "東京 – café"),
        ],
    )
    def test_problem_text(self, raw: str, shown: str) -> None:
        """Control characters in a problem's path, message and file are escaped."""
        text = str(Problem("events", "e", raw, raw, file=raw))
        assert text == f"{shown}: events['e'].{shown}: {shown}"

    def test_source_in_heading(self) -> None:
        """The source in a DatasetError's first line is escaped too."""
        error = DatasetError([Problem("file", None, "p", "m")], source="/tmp/\x1b[31mred")
        assert str(error).splitlines()[0] == "invalid dataset /tmp/\\x1b[31mred: 1 problem"
