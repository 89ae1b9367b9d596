"""Hostile files, processes and terminals: each class of attack of docs/reliability.md.

The tests are grouped by the catalogue's sections; each names the behaviour the
catalogue promises.
"""

from __future__ import annotations

import concurrent.futures
import copy
import gc
import json
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import canjapan
from canjapan import DatasetError
from tests.conftest import MINI

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")


def _only_problem(exc: pytest.ExceptionInfo[DatasetError]) -> canjapan.Problem:
    [problem] = exc.value.problems
    return problem


def _dump_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "ds"
    canjapan.dump(canjapan.load(MINI), directory)
    return directory


class _CountingReads:
    """Counts the bytes os.read returns, to prove a limit is kept while reading."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.total = 0
        real = os.read

        def read(fd: int, n: int) -> bytes:
            data = real(fd, n)
            self.total += len(data)
            return data

        monkeypatch.setattr(os, "read", read)


@posix_only
class TestFilesThatAreNotRegular:
    """A FIFO, a device, a socket or a directory is refused before any read."""

    def test_fifo_without_writer(self, tmp_path: Path) -> None:
        """A FIFO with no writer is refused at once instead of blocking."""
        fifo = tmp_path / "data.json"
        os.mkfifo(fifo)
        with pytest.raises(DatasetError) as info:
            canjapan.load(fifo, max_bytes=1000)
        problem = _only_problem(info)
        assert (problem.path, problem.message) == (
            str(fifo),
            "not a regular file: a FIFO (named pipe)",
        )

    def test_character_device(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """/dev/zero, endless, is refused without reading a byte."""
        reads = _CountingReads(monkeypatch)
        with pytest.raises(DatasetError) as info:
            canjapan.load("/dev/zero", max_bytes=1000)
        assert _only_problem(info).message == "not a regular file: a character device"
        assert reads.total == 0

    def test_standard_input_pipe(self) -> None:
        """A pipe on standard input (/dev/stdin) is refused, not read."""
        read_end, write_end = os.pipe()
        try:
            with pytest.raises(DatasetError) as info:
                canjapan.load(f"/dev/fd/{read_end}", max_bytes=1000)
        finally:
            os.close(read_end)
            os.close(write_end)
        assert _only_problem(info).message == "not a regular file: a FIFO (named pipe)"

    def test_socket(self, tmp_path: Path) -> None:
        """A Unix socket is named as such."""
        path = tmp_path / "s"
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
            with pytest.raises(DatasetError) as info:
                canjapan.load(path)
        assert _only_problem(info).message == "not a regular file: a socket"

    def test_nul_in_path(self) -> None:
        """A path holding a NUL character is a DatasetError, not a bare ValueError."""
        with pytest.raises(DatasetError) as info:
            canjapan.load("a\0b")
        assert _only_problem(info).message == "not a valid path: it contains a NUL character"

    def test_symlink_loop(self, tmp_path: Path) -> None:
        """A symbolic link to itself is named a loop."""
        loop = tmp_path / "loop.json"
        loop.symlink_to(loop)
        with pytest.raises(DatasetError) as info:
            canjapan.load(loop)
        assert _only_problem(info).message == "a symbolic link loop"


class TestByteLimit:
    """max_bytes counts the bytes read; it does not trust the size a file reports."""

    def test_growing_file_is_cut_at_the_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file whose stat() size is under the limit but that holds more is refused,
        having read at most the limit plus one byte."""
        path = tmp_path / "big.json"
        path.write_bytes(MINI.read_bytes())
        size = path.stat().st_size
        real_fstat = os.fstat

        def small_fstat(fd: int) -> Any:
            info = real_fstat(fd)
            return os.stat_result((*info[:6], 10, *info[7:]))  # st_size = 10

        monkeypatch.setattr(os, "fstat", small_fstat)
        reads = _CountingReads(monkeypatch)
        limit = size // 2
        with pytest.raises(DatasetError) as info:
            canjapan.load(path, max_bytes=limit)
        assert _only_problem(info).message == (
            f"more than {limit} bytes, over the limit (pass max_bytes= to load() to raise it)"
        )
        assert reads.total <= limit + 1

    @posix_only
    @pytest.mark.parametrize(
        "argv", [["validate", "/dev/zero"], ["--data", "/dev/zero", "in-force"]]
    )
    def test_command_line_refuses_devices(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate and --data refuse /dev/zero in one line, exit 1, without reading it."""
        from canjapan._cli import main

        assert main(argv) == 1
        shown = capsys.readouterr()
        assert "/dev/zero: not a regular file: a character device" in shown.out + shown.err


class TestDirectoryLayout:
    """A dataset directory holds exactly its layout's files; anything else is named."""

    @pytest.mark.parametrize(
        ("name", "hint"),
        [
            ("Agreements.json", "agreements.json"),
            ("event.json", "events.json"),
            ("extra.json", None),
        ],
    )
    def test_unknown_file_is_reported(self, tmp_path: Path, name: str, hint: str | None) -> None:
        """A misspelt or unknown JSON file is an error naming it, with the close name."""
        directory = _dump_dir(tmp_path)
        (directory / name).write_text("[]", encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(directory)
        problem = _only_problem(info)
        assert (problem.path, problem.file) == (str(directory / name), name)
        assert problem.message.startswith("not a file of a dataset directory")
        assert problem.message.endswith(f"did you mean {hint!r}?" if hint else "...)")

    def test_misspelt_collection_is_not_dropped(self, tmp_path: Path) -> None:
        """Renaming events.json to Events.json fails, where it once loaded no events."""
        directory = _dump_dir(tmp_path)
        (directory / "events.json").rename(directory / "Events.json")
        with pytest.raises(DatasetError):
            canjapan.load(directory)

    def test_other_files_are_ignored(self, tmp_path: Path) -> None:
        """A README or a hidden file beside the data is not a problem."""
        directory = _dump_dir(tmp_path)
        (directory / "README.md").write_text("notes", encoding="utf-8")
        (directory / ".gitkeep").write_text("", encoding="utf-8")
        assert canjapan.load(directory) == canjapan.load(MINI)

    @posix_only
    @pytest.mark.parametrize("kind", ["dangling", "loop", "fifo", "device", "directory"])
    def test_collection_file_not_regular(self, tmp_path: Path, kind: str) -> None:
        """A collection file that is no regular file is an error, not a missing collection."""
        directory = _dump_dir(tmp_path)
        events = directory / "events.json"
        events.unlink()
        if kind == "dangling":
            events.symlink_to(tmp_path / "nowhere")
        elif kind == "loop":
            events.symlink_to(events)
        elif kind == "fifo":
            os.mkfifo(events)
        elif kind == "device":
            events.symlink_to("/dev/zero")
        else:
            events.mkdir()
        with pytest.raises(DatasetError) as info:
            canjapan.load(directory)
        problem = _only_problem(info)
        assert problem.path == str(events)
        expected = {
            "dangling": "a symbolic link to a missing file",
            "loop": "a symbolic link loop",
            "fifo": "not a regular file: a FIFO (named pipe)",
            "device": "not a regular file: a character device",
            "directory": "not a regular file: a directory",
        }
        assert problem.message == expected[kind]

    def test_problems_name_their_file(self, tmp_path: Path) -> None:
        """A bad record in a directory dataset is reported with its file's name."""
        directory = _dump_dir(tmp_path)
        places = json.loads((directory / "places.json").read_text(encoding="utf-8"))
        places[0]["name"] = ""
        (directory / "places.json").write_text(json.dumps(places), encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(directory)
        problem = _only_problem(info)
        assert problem.file == "places.json"
        assert str(problem).startswith(f"places.json: places[{places[0]['id']!r}].name: ")


class TestTextInput:
    """loads() takes text or bytes of any buffer type and refuses what UTF-8 cannot hold."""

    @pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
    def test_buffers_load(self, wrap: Any) -> None:
        """bytes, bytearray and memoryview of valid JSON load the same dataset."""
        assert canjapan.loads(wrap(MINI.read_bytes())) == canjapan.load(MINI)

    @pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=lambda w: w.__name__)
    @pytest.mark.parametrize(
        "content", [b"\xff", b"{", b""], ids=["not-utf8", "truncated", "empty"]
    )
    def test_bad_buffers_are_dataset_errors(self, wrap: Any, content: bytes) -> None:
        """Invalid content in any buffer type is a DatasetError."""
        with pytest.raises(DatasetError):
            canjapan.loads(wrap(content))

    def test_other_types_are_type_errors(self) -> None:
        """A value that is neither text nor bytes is a TypeError naming its type."""
        with pytest.raises(TypeError, match="not int"):
            canjapan.loads(42)  # type: ignore[arg-type]

    def test_raw_lone_surrogate_is_refused(self) -> None:
        """A lone surrogate in the text itself is refused, like an escaped one."""
        text = MINI.read_text(encoding="utf-8").replace('"Tokyo"', '"Tok\ud800yo"')
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        message = _only_problem(info).message
        assert message.startswith("not valid Unicode: lone surrogate '\\ud800' at character ")


def _in_forked_child(check: Callable[[], bool]) -> bool:
    """Whether ``check()`` is true in a forked child (which gets 5 s to answer)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover (runs in the child)
        signal.alarm(5)
        try:
            os._exit(0 if check() else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
class TestFork:
    """A child forked while another thread loads or builds can load and query."""

    def test_lock_held_by_another_thread(self, mini: canjapan.Dataset) -> None:
        """A child forked while a thread holds a dataset's lock can still build
        derived tables (the parent's holder does not exist in the child)."""
        ds = canjapan.load(MINI)
        held, release = threading.Event(), threading.Event()

        def hold() -> None:
            with ds._lock:
                held.set()
                release.wait(10)

        thread = threading.Thread(target=hold)
        thread.start()
        held.wait(10)
        try:
            assert _in_forked_child(lambda: len(ds.timeline()) == len(mini.timeline()))
        finally:
            release.set()
            thread.join()

    def test_bundled_lock_held_by_another_thread(self) -> None:
        """A child forked while a thread holds the bundled data's lock can load it."""
        from canjapan import _bundled

        held, release = threading.Event(), threading.Event()

        def hold() -> None:
            with _bundled._LOCK:
                held.set()
                release.wait(10)

        def load_afresh() -> bool:
            _bundled._dataset = None
            return len(canjapan.load().events) > 0

        thread = threading.Thread(target=hold)
        thread.start()
        held.wait(10)
        try:
            assert _in_forked_child(load_afresh)
        finally:
            release.set()
            thread.join()

    @pytest.mark.parametrize("enabled", [True, False])
    def test_child_gets_the_users_gc_state(self, enabled: bool) -> None:
        """A child forked during a load in another thread has the collector as the
        user had it, not paused by the load."""
        from canjapan._locks import gc_paused

        held, release = threading.Event(), threading.Event()

        def load() -> None:
            with gc_paused():
                held.set()
                release.wait(10)

        was = gc.isenabled()
        (gc.enable if enabled else gc.disable)()
        thread = threading.Thread(target=load)
        try:
            thread.start()
            held.wait(10)
            assert not gc.isenabled()  # paused in the parent, during the load
            assert _in_forked_child(lambda: gc.isenabled() is enabled)
        finally:
            release.set()
            thread.join()
            assert gc.isenabled() is enabled
            (gc.enable if was else gc.disable)()


class TestGarbageCollector:
    """Loads restore the collector to the state the user had, however they overlap."""

    def test_overlapping_loads(self) -> None:
        """Two overlapping pauses restore the collector only when the last ends."""
        from canjapan._locks import gc_paused

        assert gc.isenabled()
        first, second = gc_paused(), gc_paused()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()

    def test_disabled_stays_disabled(self) -> None:
        """A user who disabled the collector finds it disabled after a load."""
        gc.disable()
        try:
            canjapan.load(MINI)
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_threads_loading_at_once(self) -> None:
        """Eight threads loading at once leave the collector enabled."""
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _: canjapan.load(MINI), range(8)))
        assert all(r == results[0] for r in results)
        assert gc.isenabled()


class TestCopies:
    """A dataset pickles, copies and deep-copies to an equal dataset."""

    def test_pickle(self, bundled: canjapan.Dataset) -> None:
        """pickle round-trips the bundled dataset to an equal one that answers queries."""
        back = pickle.loads(pickle.dumps(bundled))
        assert back == bundled
        assert back.agreements_in_force("2020-01-01") == bundled.agreements_in_force("2020-01-01")

    def test_copy_and_deepcopy(self, bundled: canjapan.Dataset) -> None:
        """copy and deepcopy give an equal dataset (itself: it is immutable)."""
        assert copy.copy(bundled) == bundled
        assert copy.deepcopy(bundled) == bundled
        assert copy.deepcopy({"d": bundled})["d"] == bundled

    @pytest.mark.slow
    def test_across_a_process_pool(self, mini: canjapan.Dataset) -> None:
        """A dataset passes to a worker process and back."""
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            assert pool.submit(copy.copy, mini).result() == mini


class TestSmallerHoles:
    """Values that once slipped through a check."""

    def test_pandas_nat_is_a_type_error(self, bundled: canjapan.Dataset) -> None:
        """pandas.NaT, a datetime with no date, raises the documented TypeError."""
        pd = pytest.importorskip("pandas")
        for query in (bundled.agreements_in_force, bundled.timeline, bundled.snapshot):
            with pytest.raises(TypeError, match=r"missing value \(NaT\)"):
                query(pd.NaT)
        with pytest.raises(TypeError, match="missing value"):
            canjapan.PartialDate.from_date(pd.NaT)
        assert len(bundled.agreements_in_force(pd.Timestamp("2020-06-01"))) == len(
            bundled.agreements_in_force("2020-06-01")
        )

    def test_post_of_another_dataset(self, bundled: canjapan.Dataset) -> None:
        """office_holders() with a Post that is not this dataset's raises UnknownIdError."""
        post = bundled.posts[0]
        foreign = attrs.evolve(post, id="post-of-elsewhere")
        with pytest.raises(canjapan.UnknownIdError, match="is not in this dataset"):
            bundled.office_holders(foreign, "2020-01-01")
        changed = attrs.evolve(post, title="Another title")
        with pytest.raises(canjapan.UnknownIdError, match="differs from this dataset's"):
            bundled.office_holders(changed, "2020-01-01")
        assert bundled.office_holders(post, "2020-01-01") == bundled.office_holders(
            post.id, "2020-01-01"
        )

    def test_largest_integers_reach_pandas(self) -> None:
        """The largest sequence and value the loader takes fit their DataFrame columns."""
        pytest.importorskip("pandas")
        raw = json.loads(MINI.read_text(encoding="utf-8"))
        raw["events"][0]["sequence"] = 2**63 - 1
        raw["figures"][0]["value"] = -(2**63)
        frames = canjapan.loads(json.dumps(raw)).to_pandas()
        assert frames["events"]["sequence"].max() == 2**63 - 1
        assert frames["figures"]["value"].min() == -(2**63)


def _with_archive(tmp_path: Path, archived_as: str) -> canjapan.Dataset:
    """The mini dataset with its first source's text archived as ``archived_as``."""
    raw = json.loads(MINI.read_text(encoding="utf-8"))
    raw["sources"][0]["archived_as"] = archived_as
    return canjapan.loads(json.dumps(raw))


class TestCorpus:
    """verify-citations reads only bounded, regular text files inside its corpus."""

    @pytest.mark.parametrize(
        "path", ["../../etc/os-release", "/etc/os-release", "a/../../b", "C:\\x", "a\\..\\b", ""]
    )
    def test_paths_leaving_the_corpus_are_invalid_data(self, tmp_path: Path, path: str) -> None:
        """An archived_as that is absolute or climbs out is refused at load."""
        with pytest.raises(DatasetError) as info:
            _with_archive(tmp_path, path)
        assert _only_problem(info).path == "archived_as"

    def test_nested_relative_path_loads(self, tmp_path: Path) -> None:
        """A relative path into a subfolder of the corpus is fine."""
        assert _with_archive(tmp_path, "texts/2012/backgrounder.txt").sources

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (b"\x00\x01binary", "a binary file (it holds a NUL byte), not text"),
            (b"caf\xe9", "not UTF-8 text (byte 3)"),
            (b"x" * 101, "101 bytes is over the limit of 100 bytes"),
        ],
        ids=["binary", "latin-1", "too-large"],
    )
    def test_unreadable_files_are_reported(
        self, tmp_path: Path, content: bytes, reason: str
    ) -> None:
        """A binary, non-UTF-8 or oversized corpus file is listed with its reason."""
        from canjapan._verify import verify_citations

        ds = _with_archive(tmp_path, "text.txt")
        (tmp_path / "text.txt").write_bytes(content)
        report = verify_citations(ds, tmp_path, max_bytes=100)
        [(source, file, why)] = report.unreadable
        assert (source, file) == (ds.sources[0].id, "text.txt")
        assert why.startswith(reason)
        assert not report.ok

    @posix_only
    def test_symlink_out_of_the_corpus(self, tmp_path: Path) -> None:
        """A corpus file that links outside the folder is not read."""
        from canjapan._verify import verify_citations

        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
        (corpus / "text.txt").symlink_to(tmp_path / "secret.txt")
        report = verify_citations(_with_archive(tmp_path, "text.txt"), corpus)
        assert [why for _, _, why in report.unreadable] == [
            "outside the corpus folder (a symbolic link leads out)"
        ]
        assert report.sources == ()

    @posix_only
    def test_fifo_in_the_corpus(self, tmp_path: Path) -> None:
        """A FIFO named as a corpus file is reported, not waited on."""
        from canjapan._verify import verify_citations

        os.mkfifo(tmp_path / "text.txt")
        report = verify_citations(_with_archive(tmp_path, "text.txt"), tmp_path)
        assert [why for _, _, why in report.unreadable] == [
            "not a regular file: a FIFO (named pipe)"
        ]

    def test_command_line_reports_in_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """verify-citations prints one UNREADABLE line per file and exits 1."""
        from canjapan._cli import main

        data = tmp_path / "data.json"
        data.write_text(canjapan.dumps(_with_archive(tmp_path, "text.txt")), encoding="utf-8")
        (tmp_path / "text.txt").write_bytes(b"\xff\xfe")
        assert main(["--data", str(data), "verify-citations", "--corpus", str(tmp_path)]) == 1
        lines = capsys.readouterr().out.splitlines()
        assert lines[1:] == [
            f"UNREADABLE text.txt [{json.loads(data.read_text())['sources'][0]['id']}]: "
            "not UTF-8 text (byte 0)"
        ]


class TestTerminal:
    """Nothing from a file drives the terminal, and no encoding makes a traceback."""

    @pytest.mark.slow
    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "tokyo"],
            ["timeline", "--from", "2019", "--to", "2019"],
            ["search", "防衛"],
            ["holders", "jpn-prime-minister", "2020-01-01"],
            ["show", "no-such-record"],
        ],
        ids=lambda a: a[0] + ("-missing" if "no-such-record" in a else ""),
    )
    def test_ascii_standard_output(self, argv: list[str]) -> None:
        """With PYTHONIOENCODING=ascii, commands answer with escapes, never a traceback."""
        env = {**os.environ, "PYTHONIOENCODING": "ascii"}
        result = subprocess.run(
            [sys.executable, "-m", "canjapan", *argv],
            capture_output=True,
            text=True,
            encoding="ascii",
            errors="strict",
            env=env,
            check=False,
        )
        assert "Traceback" not in result.stderr
        assert result.returncode == (1 if "no-such-record" in argv else 0), result.stderr
        assert len(result.stderr.splitlines()) == (1 if result.returncode else 0)

    def test_hostile_path_in_an_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A path holding an ANSI escape and a newline is shown escaped, on one line."""
        from canjapan._cli import main

        assert main(["--data", "/nowhere/\x1b[2J\nfake.json", "in-force"]) == 1
        err = capsys.readouterr().err
        assert "\x1b" not in err
        assert err.count("\n") == 1
        assert "\\x1b[2J\\nfake.json" in err

    def test_hostile_field_name_in_validate(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown field named with escapes is reported escaped by validate."""
        from canjapan._cli import main

        raw = json.loads(MINI.read_text(encoding="utf-8"))
        raw["places"][0]["\x1b]0;owned\x07"] = 1
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        shown = capsys.readouterr()
        assert "\x1b" not in shown.out + shown.err
        assert "\x07" not in shown.out + shown.err
        assert "\\x1b]0;owned\\x07" in shown.out


class TestErrorPath:
    """Reporting problems costs time linear in the problems."""

    def test_each_record_structured_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A record with several problems in its milestones is structured once to place
        them, and each collection's records are indexed once, not once a problem."""
        from canjapan import _converter

        raw = json.loads(MINI.read_text(encoding="utf-8"))
        bad = 0
        for agreement in raw["agreements"]:
            for milestone in agreement["milestones"]:
                milestone["place"] = "nowhere"
                bad += 1
        assert bad > len(raw["agreements"])  # some agreement has several problems
        real = _converter._converter()
        calls: list[object] = []

        class Counting:
            def structure(self, value: Any, cls: Any) -> Any:
                calls.append(cls)
                return real.structure(value, cls)

            def __getattr__(self, name: str) -> Any:
                return getattr(real, name)

        monkeypatch.setattr(_converter, "_converter", Counting)
        with pytest.raises(DatasetError) as info:
            canjapan.loads(json.dumps(raw))
        assert len(info.value.problems) == bad
        assert calls.count(canjapan.Agreement) <= len(raw["agreements"])
