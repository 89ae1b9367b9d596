"""Tests of the ``canjapan`` command line (canjapan._cli)."""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import canjapan
from canjapan._cli import main

MINI = Path(__file__).parent / "data" / "mini.json"
SRC = Path(__file__).resolve().parent.parent / "src"

COMMANDS = (
    "in-force",
    "holders",
    "timeline",
    "show",
    "search",
    "snapshot",
    "export",
    "validate",
    "schema",
    "plot",
    "verify-citations",
    "posts",
    "kinds",
    "people",
)


class Result:
    """What one run of the command line produced."""

    def __init__(self, code: int, out: str, stdout: str, err: str) -> None:
        self.code = code
        self.out = out
        """What the command wrote to the ``out`` stream it was given."""
        self.stdout = stdout
        """What reached ``sys.stdout`` directly (argparse may print help there)."""
        self.err = err

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def printed(self) -> str:
        """Everything printed, on ``out`` or on sys.stdout."""
        return self.out + self.stdout


Run = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``main`` on the mini dataset (``data=None`` runs without ``--data``)."""

    def run(*argv: str, data: Path | None = MINI) -> Result:
        capsys.readouterr()
        out = io.StringIO()
        args = [*argv, "--data", str(data)] if data is not None else list(argv)
        code = main(args, out=out)
        captured = capsys.readouterr()
        return Result(code, out.getvalue(), captured.out, captured.err)

    return run


def parse_table(text: str) -> list[dict[str, str]]:
    """Read the first aligned table in ``text``, checking that its columns line up.

    Columns are found from the dashed rule under the header; every row must have
    only spaces between the column spans. The table ends at a blank line or at the
    line saying how many rows --limit left out.
    """
    lines = text.splitlines()
    rule_at = next(i for i, line in enumerate(lines) if line and set(line) <= {"-", " "})
    rule = lines[rule_at]
    spans: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate([*rule, " "]):
        if ch == "-" and start is None:
            start = i
        elif ch == " " and start is not None:
            spans.append((start, i))
            start = None
    header = lines[rule_at - 1]
    names = [header[a:b].strip() for a, b in spans]
    rows = []
    for line in lines[rule_at + 1 :]:
        if not line.strip() or line.startswith("… "):
            break
        for (_, end), (nxt, _) in itertools.pairwise(spans):
            gap = line[end:nxt]
            assert not gap.strip(), f"misaligned row {line!r}"
        assert len(line) <= spans[-1][1], f"row longer than its table: {line!r}"
        rows.append({n: line[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)})
    return rows


def one_line(err: str) -> str:
    """The single line an error wrote to standard error."""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {err!r}"
    assert err.endswith("\n")
    return lines[0]


def mini_raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(MINI.read_text(encoding="utf-8"))
    return raw


# -- help, usage and exit codes --------------------------------------------------------------


class TestHelp:
    """--help and --version."""

    def test_top_level_help_lists_every_command(self, cli: Run) -> None:
        """`canjapan --help` exits 0 and names every command."""
        r = cli("--help", data=None)
        assert r.code == 0
        assert r.printed.startswith("usage: canjapan")
        for name in COMMANDS:
            assert name in r.printed

    @pytest.mark.parametrize("command", COMMANDS)
    def test_each_command_has_help(self, cli: Run, command: str) -> None:
        """`canjapan COMMAND --help` exits 0 with that command's usage and options."""
        r = cli(command, "--help", data=None)
        assert r.code == 0
        assert r.printed.startswith(f"usage: canjapan {command}")
        assert "--json" in r.printed
        assert "--data" in r.printed
        assert r.err == ""

    def test_version(self, cli: Run) -> None:
        """--version prints the package version and exits 0."""
        r = cli("--version", data=None)
        assert r.code == 0
        assert r.printed.strip() == f"canjapan {canjapan.__version__}"

    @pytest.mark.slow
    def test_python_dash_m_help(self) -> None:
        """`python -m canjapan --help` runs in a fresh interpreter and exits 0."""
        path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path}
        proc = subprocess.run(
            [sys.executable, "-m", "canjapan", "--help"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("usage: canjapan")
        assert "in-force" in proc.stdout


class TestUsageErrors:
    """Bad usage exits 2 with one line on standard error."""

    @pytest.mark.parametrize(
        "argv",
        [
            pytest.param((), id="no-command"),
            pytest.param(("frobnicate",), id="unknown-command"),
            pytest.param(("in-force", "--bogus"), id="unknown-option"),
            pytest.param(("holders",), id="missing-post"),
            pytest.param(("show",), id="missing-id"),
            pytest.param(("export", "--out", "x"), id="missing-format"),
            pytest.param(("export", "--format", "xml", "--out", "x"), id="bad-format"),
            pytest.param(("plot",), id="missing-out"),
            pytest.param(("verify-citations",), id="missing-corpus"),
            pytest.param(("search", "acsa", "--limit", "many"), id="bad-limit"),
        ],
    )
    def test_bad_usage_exits_2(self, cli: Run, argv: tuple[str, ...]) -> None:
        """Each malformed command line exits 2, prints nothing, and errs on one line."""
        r = cli(*argv, data=None)
        assert r.code == 2
        assert r.out == ""
        assert one_line(r.err).startswith("canjapan")
        assert "error:" in r.err

    @pytest.mark.parametrize("limit", ["0", "-1"])
    def test_limit_must_be_positive(self, cli: Run, limit: str) -> None:
        """search --limit below 1 is bad usage rather than a silently cut result."""
        r = cli("search", "LA", "--limit", limit)
        assert r.code == 2
        assert "--limit" in one_line(r.err)

    @pytest.mark.parametrize("bad", ["2019-13", "yesterday", "2019-02-30", "19-07"])
    def test_invalid_date_exits_2(self, cli: Run, bad: str) -> None:
        """A date that is not valid EDTF is a usage error naming the date."""
        r = cli("in-force", bad)
        assert r.code == 2
        line = one_line(r.err)
        assert "invalid date" in line
        assert bad in line

    @pytest.mark.parametrize("option", ["--from", "--to"])
    def test_invalid_timeline_bound_exits_2(self, cli: Run, option: str) -> None:
        """timeline --from/--to reject an invalid date as bad usage."""
        r = cli("timeline", option, "2019-00")
        assert r.code == 2
        assert "invalid date" in one_line(r.err)


class TestDataOption:
    """--data selects the dataset; a bad dataset exits 1 with one line."""

    def test_bundled_dataset_by_default(self, cli: Run) -> None:
        """Without --data the command reads the bundled dataset."""
        r = cli("show", "acsa", "--json", data=None)
        assert r.code == 0
        assert r.json()["id"] == "acsa"

    def test_data_selects_the_mini_dataset(self, cli: Run) -> None:
        """With --data, ids of the mini dataset resolve and bundled ones do not."""
        assert cli("show", "logistics").code == 0
        assert cli("show", "acsa").code == 1

    def test_global_options_before_the_command(self, cli: Run) -> None:
        """`canjapan --json --data PATH show ID` honours both global options."""
        r = cli("--json", "--data", str(MINI), "show", "logistics", data=None)
        assert r.code == 0
        assert r.json()["id"] == "logistics"

    def test_invalid_dataset_exits_1(self, cli: Run, tmp_path: Path) -> None:
        """An invalid --data file exits 1 with one line naming the first problem."""
        raw = mini_raw()
        raw["agreements"][0]["milestones"][0]["date"] = "2010-13-01"
        raw["places"][0]["kind"] = "planet"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(raw), encoding="utf-8")
        r = cli("in-force", "2020", data=bad)
        assert r.code == 1
        assert r.out == ""
        line = one_line(r.err)
        assert line.startswith("canjapan: invalid dataset:")
        assert "(and 1 more)" in line

    def test_missing_data_file_exits_1(self, cli: Run, tmp_path: Path) -> None:
        """A --data path that does not exist exits 1 with one line on stderr."""
        r = cli("in-force", data=tmp_path / "nowhere.json")
        assert r.code == 1
        assert one_line(r.err).startswith("canjapan:")

    def test_output_goes_to_the_given_stream(self, cli: Run) -> None:
        """Command output is written to ``out``, not to sys.stdout."""
        r = cli("timeline")
        assert r.out
        assert r.stdout == ""


# -- query commands --------------------------------------------------------------------------


class TestInForce:
    """canjapan in-force."""

    def test_table_lists_agreements_in_force(self, cli: Run) -> None:
        """Both mini agreements are in force on 2020-01-01, in an aligned table."""
        r = cli("in-force", "2020-01-01")
        assert r.code == 0
        assert r.out.splitlines()[0] == (
            "Agreements in force on 2020-01-01 (data as of 2026-03-06)"
        )
        rows = parse_table(r.out)
        assert [row["id"] for row in rows] == ["declaration", "logistics"]
        assert {row["status"] for row in rows} == {"in force"}

    def test_dates_print_at_their_precision(self, cli: Run) -> None:
        """An entry into force known to the month prints as 2019-07, not a made-up day."""
        rows = parse_table(cli("in-force", "2020-01-01").out)
        logistics = next(row for row in rows if row["id"] == "logistics")
        assert logistics["in force from"] == "2019-07"
        assert logistics["signed"] == "2018-04-21"

    def test_undetermined_agreement_needs_include_possible(self, cli: Run) -> None:
        """On 2019-07-15 the July 2019 entry into force is only possible, shown on request."""
        plain = parse_table(cli("in-force", "2019-07-15").out)
        assert [row["id"] for row in plain] == ["declaration"]
        rows = parse_table(cli("in-force", "2019-07-15", "--include-possible").out)
        assert {row["id"]: row["status"] for row in rows} == {
            "declaration": "in force",
            "logistics": "undetermined",
        }

    def test_partial_date_argument(self, cli: Run) -> None:
        """A month argument asks about every day of it and is echoed as written."""
        r = cli("in-force", "2010-11")
        assert "Agreements in force on 2010-11 " in r.out
        assert "(none)" in r.out

    def test_after_as_of_note(self, cli: Run) -> None:
        """A date after the data's as-of date carries a note about the presumption."""
        r = cli("in-force", "2030-01-01")
        assert r.code == 0
        assert "after the data's as-of date" in r.out
        assert "after the data's as-of date" not in cli("in-force", "2020-01-01").out

    def test_default_date_is_today(self, cli: Run) -> None:
        """Without a date the command answers for today."""
        from datetime import date

        assert f"in force on {date.today().isoformat()} " in cli("in-force").out

    def test_json(self, cli: Run) -> None:
        """--json gives the date, as-of, and certain and possible agreements with reasons."""
        r = cli("in-force", "2019-07-15", "--include-possible", "--json")
        assert r.code == 0
        data = r.json()
        assert data["on"] == "2019-07-15"
        assert data["as_of"] == "2026-03-06"
        assert [a["id"] for a in data["in_force"]] == ["declaration"]
        (possible,) = data["possibly_in_force"]
        assert possible["id"] == "logistics"
        assert possible["entered_into_force"] == "2019-07"
        assert possible["status"] == canjapan.AgreementState.UNDETERMINED.value
        assert possible["reason"]


class TestHolders:
    """canjapan holders."""

    def test_certain_holder(self, cli: Run) -> None:
        """Noda held the Japanese premiership on 2012-03-25; his tenure shows as ongoing."""
        r = cli("holders", "jpn-pm", "2012-03-25")
        assert r.code == 0
        assert r.out.startswith("Prime Minister of Japan on 2012-03-25")
        (row,) = parse_table(r.out)
        assert row == {
            "id": "noda",
            "name": "Yoshihiko Noda",
            "start": "2011-09-02",
            "end": "ongoing",
            "status": "held",
        }

    def test_month_with_handover_is_possible_only(self, cli: Run) -> None:
        """In September 2011 either Kan or Noda held office: both possible, none certain."""
        assert "(possibly held: nobody certain)" in cli("holders", "jpn-pm", "2011-09").out
        rows = parse_table(cli("holders", "jpn-pm", "2011-09", "--include-possible").out)
        assert {row["id"]: row["status"] for row in rows} == {
            "kan": "possibly held",
            "noda": "possibly held",
        }
        kan = next(row for row in rows if row["id"] == "kan")
        assert kan["end"] == "2011-09-02"

    def test_json(self, cli: Run) -> None:
        """--json names the post, the date and each holder's tenure."""
        data = cli("holders", "can-pm", "2010-01-01", "--json").json()
        assert data["post"] == "can-pm"
        assert data["on"] == "2010-01-01"
        assert data["holders"] == [
            {
                "id": "harper",
                "name": "Stephen Harper",
                "start": "2006-02-06",
                "end": "2015-11-04",
                "ongoing": False,
                "status": "held",
            }
        ]
        (noda,) = cli("holders", "jpn-pm", "2012-03-25", "--json").json()["holders"]
        assert (noda["end"], noda["ongoing"]) == (None, True)

    def test_unknown_post_exits_1(self, cli: Run) -> None:
        """An unknown post id exits 1 with one line that suggests close ids."""
        r = cli("holders", "jpn-pn", "2012")
        assert r.code == 1
        assert r.out == ""
        line = one_line(r.err)
        assert "jpn-pn" in line
        assert "'jpn-pm'" in line

    def test_id_of_another_kind_exits_1(self, cli: Run) -> None:
        """An id that exists but is not a post exits 1 with one line."""
        r = cli("holders", "logistics", "2020")
        assert r.code == 1
        assert "logistics" in one_line(r.err)


class TestTimeline:
    """canjapan timeline."""

    def test_whole_timeline_in_order(self, cli: Run) -> None:
        """Every milestone and event appears once, ordered by date, at its own precision."""
        rows = parse_table(cli("timeline").out)
        ds = canjapan.load(MINI)
        expected = sum(len(a.milestones) for a in ds.agreements) + len(ds.events)
        assert len(rows) == expected
        dates = [row["date"] for row in rows]
        assert "2012-23" in dates  # an autumn, kept as a season
        assert "2019-07" in dates
        ordered = [canjapan.PartialDate.parse(d) for d in dates]
        for a, b in itertools.pairwise(ordered):
            assert a.compare(b) is not canjapan.Order.AFTER

    def test_event_span_has_end(self, cli: Run) -> None:
        """A multi-day event shows its last day in the end column."""
        rows = parse_table(cli("timeline").out)
        course = next(row for row in rows if row["id"] == "course-2012")
        assert (course["date"], course["end"]) == ("2012-02-13", "2012-02-24")

    def test_from_and_to(self, cli: Run) -> None:
        """--from/--to keep only entries certainly inside the bounds."""
        rows = parse_table(cli("timeline", "--from", "2011", "--to", "2012-06").out)
        assert [row["id"] for row in rows] == ["two-plus-two-2011", "course-2012"]

    def test_kind_is_repeatable(self, cli: Run) -> None:
        """--kind keeps only the given kinds and may be repeated."""
        rows = parse_table(cli("timeline", "--kind", "signed", "--kind", "training_course").out)
        assert {row["kind"] for row in rows} == {"signed", "training_course"}
        assert len(rows) == 3

    def test_include_straddling(self, cli: Run) -> None:
        """An autumn-2012 entry straddles a 2012-10-15 bound and is kept only on request."""
        base = ("timeline", "--from", "2012-10-15")
        assert "two-plus-two-2012" not in cli(*base).out
        assert "two-plus-two-2012" in cli(*base, "--include-straddling").out

    def test_json(self, cli: Run) -> None:
        """--json gives a list of entries with date, kind, id and title."""
        data = cli("timeline", "--kind", "entered_into_force", "--json").json()
        assert [(e["date"], e["id"]) for e in data] == [
            ("2010-11-14", "declaration"),
            ("2019-07", "logistics"),
        ]
        assert all(e["kind"] == "entered_into_force" for e in data)


class TestShow:
    """canjapan show."""

    def test_json_is_the_record_as_stored(self, cli: Run) -> None:
        """--json prints the record exactly as the dataset file holds it."""
        r = cli("show", "logistics", "--json")
        assert r.code == 0
        stored = next(a for a in mini_raw()["agreements"] if a["id"] == "logistics")
        assert r.json() == stored

    def test_table_lists_fields(self, cli: Run) -> None:
        """The table starts with the record type and id and lists its fields."""
        r = cli("show", "troops")
        assert r.out.splitlines()[0] == "Figure troops"
        fields = {row["field"]: row["value"] for row in parse_table(r.out)}
        assert fields["value"] == "1500"
        assert fields["date"] == "2024-09"
        assert fields["period"] == "P18M"

    def test_long_values_are_shortened(self, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """A value wider than the terminal is cut with "…" to fit it."""
        monkeypatch.setenv("COLUMNS", "40")
        r = cli("show", "ACSA", data=None)
        assert max(len(line) for line in r.out.splitlines()) <= 40
        fields = {row["field"]: row["value"] for row in parse_table(r.out)}
        assert fields["title"].endswith("…")
        assert (
            canjapan.load().get("acsa", canjapan.Agreement).title.startswith(fields["title"][:-1])
        )

    def test_unknown_id_suggests(self, cli: Run) -> None:
        """An unknown id or name exits 1 with one line suggesting the closest record."""
        r = cli("show", "logistix")
        assert r.code == 1
        assert (
            one_line(r.err)
            == "canjapan: no record has the id or name 'logistix'; did you mean 'logistics'?"
        )


class TestSearch:
    """canjapan search."""

    def test_abbreviation_ranks_first(self, cli: Run) -> None:
        """An exact abbreviation match is the first hit."""
        rows = parse_table(cli("search", "LA").out)
        assert rows[0]["id"] == "logistics"
        assert rows[0]["matched"] == "abbreviations"
        assert rows[0]["type"] == "Agreement"

    def test_limit(self, cli: Run) -> None:
        """--limit caps the number of hits."""
        assert len(parse_table(cli("search", "2+2", "--limit", "1").out)) == 1

    def test_no_match_exits_1(self, cli: Run) -> None:
        """No hit exits 1 with one line on stderr."""
        r = cli("search", "zzqqxx")
        assert r.code == 1
        assert r.out == ""
        assert "zzqqxx" in one_line(r.err)

    def test_json(self, cli: Run) -> None:
        """--json gives hits with id, type and score; no hit gives [] and exit 1."""
        hits = cli("search", "Noda", "--json").json()
        assert hits[0]["id"] == "noda"
        assert hits[0]["type"] == "Person"
        r = cli("search", "zzqqxx", "--json")
        assert (r.code, r.json()) == (1, [])


class TestSnapshot:
    """canjapan snapshot."""

    def test_table(self, cli: Run) -> None:
        """The snapshot on 2012-01-01 lists agreements, mechanisms, holders and events."""
        r = cli("snapshot", "2012-01-01")
        assert r.code == 0
        assert r.out.startswith("The relationship on 2012-01-01")
        rows = {(row["what"], row["status"], row["id"]) for row in parse_table(r.out)}
        assert rows == {
            ("agreement", "in force", "declaration"),
            ("mechanism", "active", "two-plus-two"),
            ("holder", "held", "harper"),
            ("holder", "held", "noda"),
            ("last event", "held", "two-plus-two-2011"),
            ("next event", "held", "course-2012"),
        }

    def test_json(self, cli: Run) -> None:
        """--json names the ids of everything in the snapshot; postponed events are skipped."""
        data = cli("snapshot", "2019-07-15", "--json").json()
        assert data["in_force"] == ["declaration"]
        assert data["possibly_in_force"] == ["logistics"]
        assert data["office_holders"]["jpn-pm"]["certain"] == ["noda"]
        assert data["last_event"] == "course-2012"
        assert data["next_event"] is None


# -- data commands ---------------------------------------------------------------------------


class TestValidate:
    """canjapan validate."""

    def test_valid_file(self, cli: Run) -> None:
        """A valid file exits 0 and reports its record count."""
        r = cli("validate", str(MINI), data=None)
        assert r.code == 0
        assert r.out == f"{MINI}: valid (16 records, as of 2026-03-06)\n"

    def test_valid_directory(self, cli: Run, tmp_path: Path) -> None:
        """A dataset directory in the bundled layout validates too."""
        canjapan.dump(canjapan.load(MINI), tmp_path / "mini")
        r = cli("validate", str(tmp_path / "mini"), "--json", data=None)
        assert (r.code, r.json()) == (0, {"valid": True, "records": 16})

    def test_invalid_file_lists_every_problem(self, cli: Run, tmp_path: Path) -> None:
        """Every problem is listed on stdout; stderr has one summary line; exit 1."""
        raw = mini_raw()
        raw["agreements"][0]["milestones"][0]["date"] = "2010-13-01"
        raw["people"][0]["tenures"][0]["start"] = "2006-02-31"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(raw), encoding="utf-8")
        r = cli("validate", str(bad), data=None)
        assert r.code == 1
        problems = r.out.splitlines()
        assert len(problems) == 2
        assert any("declaration" in p and "milestones[0].date" in p for p in problems)
        assert any("harper" in p and "tenures[0].start" in p for p in problems)
        assert one_line(r.err) == f"canjapan: {bad}: 2 problem(s)"

    def test_invalid_file_json(self, cli: Run, tmp_path: Path) -> None:
        """--json reports problems as objects with collection, record, path and message."""
        raw = mini_raw()
        raw["places"][0]["kind"] = "planet"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(raw), encoding="utf-8")
        r = cli("validate", str(bad), "--json", data=None)
        assert r.code == 1
        data = r.json()
        assert data["valid"] is False
        (problem,) = data["problems"]
        assert (problem["collection"], problem["record"]) == ("places", "tokyo")
        assert problem["path"].startswith("kind")

    def test_missing_path_exits_1(self, cli: Run, tmp_path: Path) -> None:
        """A path that does not exist is invalid data (exit 1), not a crash."""
        r = cli("validate", str(tmp_path / "nothing.json"), data=None)
        assert r.code == 1
        assert one_line(r.err).startswith("canjapan:")


class TestVerifyCitations:
    """canjapan verify-citations."""

    @staticmethod
    def archived(tmp_path: Path) -> Path:
        raw = mini_raw()
        raw["sources"][0]["archived_as"] = "backgrounder.txt"
        path = tmp_path / "archived.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        return path

    @staticmethod
    def quotes() -> list[str]:
        from canjapan._verify import iter_citations

        return sorted({c.quote for _, _, c in iter_citations(canjapan.load(MINI))})

    def test_all_quotes_found(self, cli: Run, tmp_path: Path) -> None:
        """A corpus text holding every quote passes with exit 0 and the count checked."""
        data = self.archived(tmp_path)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "backgrounder.txt").write_text("\n".join(self.quotes()), encoding="utf-8")
        r = cli("verify-citations", "--corpus", str(corpus), data=data)
        assert r.code == 0, r.err
        from canjapan._verify import iter_citations

        count = len(list(iter_citations(canjapan.load(MINI))))
        assert r.out.startswith(f"checked {count} quote(s) from 1 source(s)")
        assert "NOT FOUND" not in r.out

    def test_missing_quote_exits_1(self, cli: Run, tmp_path: Path) -> None:
        """A quote absent from the text is reported, and the exit code is 1."""
        data = self.archived(tmp_path)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        kept = [q for q in self.quotes() if q != "1,500 troops"]
        (corpus / "backgrounder.txt").write_text(" ".join(kept), encoding="utf-8")
        r = cli("verify-citations", "--corpus", str(corpus), data=data)
        assert r.code == 1
        missing = [line for line in r.out.splitlines() if line.startswith("NOT FOUND")]
        assert missing == ["NOT FOUND troops citations[0] [src-backgrounder]: 1,500 troops"]
        j = cli("verify-citations", "--corpus", str(corpus), "--json", data=data).json()
        assert j["sources"] == ["src-backgrounder"]
        assert [m["record"] for m in j["missing"]] == ["troops"]

    def test_missing_corpus_exits_1(self, cli: Run, tmp_path: Path) -> None:
        """A --corpus folder that does not exist is an error, not a pass."""
        r = cli("verify-citations", "--corpus", str(tmp_path / "absent"))
        assert r.code == 1
        assert "absent" in one_line(r.err)


class TestExport:
    """canjapan export (needs canjapan._export)."""

    @pytest.fixture(autouse=True)
    def _needs_export(self) -> None:
        pytest.importorskip("canjapan._export")

    @pytest.mark.parametrize("fmt", ["json", "csv", "datapackage", "ics", "parquet"])
    def test_writes_the_files_it_prints(self, cli: Run, tmp_path: Path, fmt: str) -> None:
        """Each format writes files under --out and prints their paths, one a line."""
        out_dir = tmp_path / fmt
        r = cli("export", "--format", fmt, "--out", str(out_dir))
        assert r.code == 0, r.err
        written = [Path(line) for line in r.out.splitlines()]
        assert written
        for path in written:
            assert path.is_file()
            assert out_dir.resolve() in path.resolve().parents

    def test_json_export_loads_back(self, cli: Run, tmp_path: Path) -> None:
        """The JSON export loads back into the same dataset."""
        out_dir = tmp_path / "json"
        assert cli("export", "--format", "json", "--out", str(out_dir)).code == 0
        assert canjapan.load(out_dir) == canjapan.load(MINI)

    def test_datapackage_descriptor(self, cli: Run, tmp_path: Path) -> None:
        """The datapackage export has a datapackage.json with one resource a collection."""
        out_dir = tmp_path / "dp"
        r = cli("export", "--format", "datapackage", "--out", str(out_dir), "--json")
        assert r.code == 0, r.err
        written = [Path(p) for p in r.json()]
        descriptor = next(p for p in written if p.name == "datapackage.json")
        resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
        names = {res["name"] for res in resources}
        assert {"agreements", "events", "people"} <= names

    def test_non_empty_folder_needs_force(self, cli: Run, tmp_path: Path) -> None:
        """A second export into the same folder fails in one line, exit 2, writing nothing."""
        out_dir = tmp_path / "csv"
        assert cli("export", "--format", "csv", "--out", str(out_dir)).code == 0
        before = {p: p.read_bytes() for p in out_dir.iterdir()}
        r = cli("export", "--format", "json", "--out", str(out_dir))
        assert r.code == 2
        assert r.out == ""
        assert r.err == (
            f"canjapan export: error: {out_dir} is not empty ({len(before)} entries); "
            "pass --force to write into it\n"
        )
        assert {p: p.read_bytes() for p in out_dir.iterdir()} == before

    def test_force_writes_into_a_non_empty_folder(self, cli: Run, tmp_path: Path) -> None:
        """With --force the export writes beside what is there."""
        (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
        r = cli("export", "--format", "ics", "--out", str(tmp_path), "--force")
        assert r.code == 0, r.err
        assert [Path(line).name for line in r.out.splitlines()] == ["calendar.ics"]
        assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


class TestSchema:
    """canjapan schema (needs canjapan._schema)."""

    def test_prints_a_schema_that_accepts_the_mini_dataset(self, cli: Run) -> None:
        """The printed JSON Schema validates the mini dataset and rejects a broken one."""
        pytest.importorskip("canjapan._schema")
        import jsonschema

        r = cli("schema", data=None)
        assert r.code == 0, r.err
        schema = r.json()
        assert "2020-12" in schema["$schema"]
        raw = mini_raw()
        jsonschema.Draft202012Validator(schema).validate(raw)
        raw["agreements"][0]["kind"] = "not-a-kind"
        assert not jsonschema.Draft202012Validator(schema).is_valid(raw)


class TestPlot:
    """canjapan plot (needs canjapan.plot and matplotlib)."""

    def test_writes_a_png(self, cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """plot --out writes a PNG file and prints its path."""
        pytest.importorskip("canjapan.plot")
        pytest.importorskip("matplotlib")
        monkeypatch.setenv("MPLBACKEND", "Agg")
        target = tmp_path / "timeline.png"
        r = cli("plot", "--out", str(target), "--from", "2010", "--to", "2013")
        assert r.code == 0, r.err
        assert r.out.strip() == str(target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def test_formats(self, cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An extension matplotlib cannot write exits 2 before drawing; no extension
        writes a PNG at exactly the path given; nothing is left half-written."""
        pytest.importorskip("matplotlib")
        monkeypatch.setenv("MPLBACKEND", "Agg")
        r = cli("plot", "--out", str(tmp_path / "timeline.txt"))
        assert r.code == 2
        assert "cannot write '.txt' files" in r.err
        assert ".svg" in r.err
        assert list(tmp_path.iterdir()) == []
        target = tmp_path / "noext"
        r = cli("plot", "--out", str(target), "--from", "2010", "--to", "2013")
        assert r.code == 0, r.err
        assert r.out.strip() == str(target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        svg = tmp_path / "t.svg"
        assert cli("plot", "--out", str(svg), "--from", "2010", "--to", "2013").code == 0
        assert b"<svg" in svg.read_bytes()[:500]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["noext", "t.svg"]

    def test_without_matplotlib(
        self, cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without matplotlib, plot exits 1 naming the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib.backend_bases", None)
        r = cli("plot", "--out", str(tmp_path / "t.png"))
        assert r.code == 1
        assert "plot" in r.err
        assert "matplotlib" in r.err


class TestInForceHint:
    """in-force tells users when undetermined agreements were left out."""

    def test_hint_without_include_possible(self, cli: Run) -> None:
        """Without --include-possible, the count of undetermined agreements is shown."""
        r = cli("in-force", "2019-07-15")
        assert r.code == 0
        assert "(1 more may be in force" in r.out
        assert "logistics" not in r.out

    def test_no_hint_with_include_possible(self, cli: Run) -> None:
        """With --include-possible, they are listed and the hint is gone."""
        r = cli("in-force", "2019-07-15", "--include-possible")
        assert "more may be in force" not in r.out
        assert "logistics" in r.out


class TestHoldersHint:
    """holders tells users when possible holders were left out."""

    def test_hint_when_nobody_is_certain(self, cli: Run) -> None:
        """With nobody certain, the count of possible holders is shown."""
        r = cli("holders", "jpn-pm", "2011-09")
        assert r.code == 0
        assert "(possibly held: nobody certain)" in r.out
        assert "(2 more may have held it" in r.out

    def test_no_hint_when_someone_is_certain(self, cli: Run) -> None:
        """A certain holder rules the others out, so there is nothing to hint at."""
        r = cli("holders", "jpn-pm", "2011-09-01")
        assert "may have held it" not in r.out
        assert "kan" in r.out


class TestHolderStates:
    """holders says why it names nobody: vacant, outside the covered period, or unknown."""

    @pytest.mark.parametrize(
        ("post", "on", "state", "phrase"),
        [
            ("can-pm", "2015-12-01", "vacant", "vacant: the dataset records every holder"),
            (
                "can-pm",
                "2020-01-01",
                "not covered",
                "not covered: the dataset records every holder only from 2006-02-06",
            ),
            ("jpn-pm", "2009-01-01", "unknown", "unknown: the dataset does not record every"),
            ("can-pm", "2010-01-01", "held", None),
        ],
    )
    def test_state(self, cli: Run, post: str, on: str, state: str, phrase: str | None) -> None:
        """The table's last line and the JSON's state agree."""
        r = cli("holders", post, on)
        assert r.code == 0
        if phrase is None:
            assert "harper" in r.out
        else:
            assert phrase in r.out
        assert cli("holders", post, on, "--json").json()["state"] == state

    def test_snapshot_lists_every_post(self, cli: Run) -> None:
        """The snapshot has a line for a post with nobody known, and its state in JSON."""
        r = cli("snapshot", "2020-01-01")
        rows = parse_table(r.out)
        post = next(row for row in rows if row["id"] == "can-pm")
        assert (post["what"], post["status"]) == ("post", "not covered")
        assert post["name"] == "Prime Minister of Canada"
        holders = cli("snapshot", "2020-01-01", "--json").json()["office_holders"]
        assert holders["can-pm"] == {"state": "not covered", "certain": [], "possible": []}
        assert holders["jpn-pm"]["state"] == "held"


class TestSnapshotEvents:
    """snapshot shows the events on the date and those in progress across it."""

    def test_bundled_summit_day(self, cli: Run) -> None:
        """On 25 March 2012 the Harper-Noda summit is on the date and the visit in progress."""
        r = cli("snapshot", "2012-03-25", "--json", data=None)
        assert "harper-noda-summit-2012" in r.json()["events_on"]
        assert r.json()["in_progress"] == ["harper-visit-japan-2012"]
        table = cli("snapshot", "2012-03-25", data=None).out
        assert "on the date" in table
        assert "in progress" in table


class TestTimelineFilters:
    """timeline takes the API's filters and checks them."""

    def test_filters(self, cli: Run) -> None:
        """--participant, --country, --place and --domain narrow the entries."""
        r = cli("timeline", "--participant", "dnd", "--json")
        assert [e["id"] for e in r.json()] == ["course-2012"]
        assert [e["id"] for e in cli("timeline", "--place", "tokyo", "--json").json()] == [
            "two-plus-two-2011"
        ]
        assert cli("timeline", "--domain", "land", "--country", "CAN", "--json").json()

    @pytest.mark.parametrize(
        ("argv", "code", "words"),
        [
            (("--kind", "exercize"), 2, "did you mean 'exercise'"),
            (("--country", "CA"), 2, "did you mean 'CAN'"),
            (("--from", "2020", "--to", "2019"), 2, "is after end"),
            (("--participant", "nobody"), 1, "no participant with id 'nobody'"),
        ],
    )
    def test_bad_filters(self, cli: Run, argv: tuple[str, ...], code: int, words: str) -> None:
        """A bad kind, code or range exits 2; an unknown id exits 1; one line each."""
        r = cli("timeline", *argv)
        assert r.code == code
        assert words in r.err
        assert r.err.count("\n") == 1


class TestLookupOnTheCommandLine:
    """show and holders take the names users know."""

    def test_show_by_abbreviation(self, cli: Run) -> None:
        """`show ACSA` shows the agreement."""
        r = cli("show", "ACSA", "--json", data=None)
        assert r.code == 0
        assert r.json()["id"] == "acsa"

    def test_holders_by_title(self, cli: Run) -> None:
        """`holders "Prime Minister of Canada"` answers for can-prime-minister."""
        r = cli("holders", "Prime Minister of Canada", "2016-01-01", "--json", data=None)
        assert r.json()["post"] == "can-prime-minister"
        assert [h["id"] for h in r.json()["holders"]] == ["trudeau"]

    def test_holders_of_a_non_post(self, cli: Run) -> None:
        """A name of something that is not a post exits 1."""
        r = cli("holders", "ACSA", data=None)
        assert r.code == 1
        assert "not a Post" in r.err


class TestTerminalManners:
    """Errors are one line in the library's words; a closed pipe is not an error."""

    def test_broken_pipe_in_process(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A reader that goes away ends the command quietly with status 0."""

        class Gone(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        assert main(["timeline", "--data", str(MINI)], out=Gone()) == 0
        assert capsys.readouterr().err == ""

    @pytest.mark.slow
    def test_broken_pipe_like_head(self) -> None:
        """`canjapan timeline | head -1`: the first line, then exit 0 and no message."""
        path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
        with subprocess.Popen(
            [sys.executable, "-m", "canjapan", "timeline"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        ) as proc:
            assert proc.stdout is not None
            assert proc.stderr is not None
            assert proc.stdout.readline().startswith(b"date")
            proc.stdout.close()
            err = proc.stderr.read()
            assert proc.wait(timeout=60) == 0
        assert err == b""

    def test_file_system_error_names_the_path(self, cli: Run, tmp_path: Path) -> None:
        """A path that cannot be written is named with the reason, without an errno."""
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        r = cli("export", "--format", "json", "--out", str(blocker / "sub"))
        assert r.code == 1
        assert r.err.startswith("canjapan: ")
        assert str(blocker) in r.err
        assert "Errno" not in r.err
        assert r.err.count("\n") == 1

    def test_date_argument_says_what_is_accepted(self, cli: Run) -> None:
        """A date that is not EDTF or ISO lists the accepted forms, not Python advice."""
        r = cli("in-force", "2019/07/01")
        assert r.code == 2
        assert "expected one date such as 2019-07-01" in r.err
        assert "DateInterval" not in r.err


class TestDiscovery:
    """posts, kinds and people list what the other commands accept."""

    def test_posts(self, cli: Run) -> None:
        """Every post, with its covered period; JSON and a table."""
        items = cli("posts", "--json").json()
        assert [i["id"] for i in items] == ["can-pm", "jpn-pm"]
        assert items[0]["complete_from"] == "2006-02-06"
        assert items[1]["complete_from"] is None
        assert "can-pm" in cli("posts").out

    def test_kinds(self, cli: Run) -> None:
        """Event, milestone and agreement kinds, as the filters take them."""
        kinds = cli("kinds", "--json").json()
        assert "exercise" in kinds["event"]
        assert "signed" in kinds["milestone"]
        assert "memorandum" in kinds["agreement"]

    def test_people(self, cli: Run) -> None:
        """People whose name or id contains the text, with the posts they held."""
        items = cli("people", "noda", "--json").json()
        assert items == [{"id": "noda", "name": "Yoshihiko Noda", "posts": ["jpn-pm"]}]
        assert len(cli("people", "--json").json()) == 3
        nobody = cli("people", "zzz")
        assert nobody.code == 1
        assert "(nobody)" in nobody.out


class TestTableWidth:
    """Tables fit the terminal, shortening text columns, never ids or dates."""

    @pytest.mark.parametrize("columns", [60, 80, 120])
    def test_fits(self, cli: Run, monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
        """Every line of a wide table fits COLUMNS, titles shortened with "…"; ids stay
        whole while the titles can give way."""
        monkeypatch.setenv("COLUMNS", str(columns))
        r = cli("timeline", "--from", "2019", "--to", "2019", data=None)
        assert max(len(line) for line in r.out.splitlines()) <= columns
        assert "…" in r.out
        if columns >= 120:
            entries = cli("timeline", "--from", "2019", "--to", "2019", "--json", data=None)
            assert {row["id"] for row in parse_table(r.out)} == {e["id"] for e in entries.json()}

    def test_unset_is_80(self, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """With no COLUMNS and no terminal, tables are 80 columns at most."""
        monkeypatch.delenv("COLUMNS", raising=False)
        r = cli("search", "ACSA", data=None)
        assert max(len(line) for line in r.out.splitlines()) <= 80


class TestSubcommandHelp:
    """Every subcommand documents each argument and shows one example."""

    @pytest.mark.parametrize("command", COMMANDS)
    def test_help(self, cli: Run, command: str) -> None:
        """--help ends with a working example of the command."""
        from canjapan._cli import EXAMPLES, _build_parser

        r = cli(command, "--help", data=None)
        assert r.code == 0
        heading = "examples" if "\n" in EXAMPLES[command] else "example"
        assert f"{heading}:\n  {EXAMPLES[command]}" in r.printed
        assert EXAMPLES[command].startswith(f"canjapan {command}")
        parser = _build_parser()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        undocumented = [a.dest for a in sub.choices[command]._actions if a.help is None]
        assert undocumented == []


# -- formats, limits and one vocabulary --------------------------------------------------------

QUERIES: dict[str, tuple[str, ...]] = {
    "in-force": ("in-force", "2020-01-01"),
    "holders": ("holders", "jpn-pm", "2011-09", "--include-possible"),
    "timeline": ("timeline",),
    "search": ("search", "2+2"),
    "show": ("show", "logistics"),
    "snapshot": ("snapshot", "2012-01-01"),
    "posts": ("posts",),
    "kinds": ("kinds",),
    "people": ("people",),
}
"""One run of each query command on the mini dataset, with at least two rows."""


def read_csv(text: str) -> list[dict[str, str]]:
    import csv

    return list(csv.DictReader(io.StringIO(text, newline="")))


class TestFormats:
    """--format table|json|csv on every query command; --json is --format json."""

    def test_every_query_command_is_covered(self) -> None:
        """The commands that take --format are exactly those exercised here."""
        from canjapan._cli import QUERY_COMMANDS

        assert set(QUERIES) == QUERY_COMMANDS

    @pytest.mark.parametrize("command", sorted(QUERIES))
    def test_json_is_format_json(self, cli: Run, command: str) -> None:
        """--format json prints what --json prints; --format table what no option prints."""
        argv = QUERIES[command]
        assert cli(*argv, "--format", "json").out == cli(*argv, "--json").out
        assert cli(*argv, "--format", "table").out == cli(*argv).out

    @pytest.mark.parametrize("command", sorted(QUERIES))
    def test_csv_has_the_table_columns(self, cli: Run, command: str) -> None:
        """CSV: RFC 4180 line ends, a header row with the table's columns (plus ids),
        and one row per table row."""
        argv = QUERIES[command]
        r = cli(*argv, "--format", "csv")
        assert r.code == 0
        assert r.out.endswith("\r\n")
        assert "\n" not in r.out.replace("\r\n", "")
        rows = read_csv(r.out)
        assert rows
        if command == "show":
            return  # one row a field: TestShowTables
        table = parse_table(cli(*argv).out)
        assert len(rows) == len(table)
        assert list(table[0]) == list(rows[0])[: len(table[0])]
        for csv_row, table_row in zip(rows, table, strict=True):
            assert "id" in csv_row or command == "kinds"
            for name, shown in table_row.items():
                assert csv_row[name] == shown or shown.endswith("…")

    def test_csv_quotes_commas(self, cli: Run) -> None:
        """A cell with a comma is quoted, and reads back whole."""
        r = cli("show", "logistics", "--format", "csv")
        assert '"CAN, JPN"' in r.out
        fields = {row["field"]: row["value"] for row in read_csv(r.out)}
        assert fields["parties"] == "CAN, JPN"

    def test_csv_only_columns(self, cli: Run) -> None:
        """holders CSV carries the post's id, which the table shows in its heading."""
        rows = read_csv(cli("holders", "can-pm", "2010", "--format", "csv").out)
        assert rows == [
            {
                "id": "harper",
                "name": "Stephen Harper",
                "start": "2006-02-06",
                "end": "2015-11-04",
                "status": "held",
                "post": "can-pm",
            }
        ]

    def test_json_and_another_format_is_usage_error(self, cli: Run) -> None:
        """--json with --format csv is contradictory: exit 2, one line on stderr."""
        r = cli("timeline", "--json", "--format", "csv")
        assert r.code == 2
        assert r.out == ""
        assert "--format" in one_line(r.err)
        assert cli("timeline", "--json", "--format", "json").code == 0

    def test_bad_format_is_usage_error(self, cli: Run) -> None:
        """An unknown format exits 2 naming the choices."""
        r = cli("timeline", "--format", "xml")
        assert r.code == 2
        assert "choose from" in one_line(r.err)

    def test_help_explains_the_options(self, cli: Run) -> None:
        """Each query command's --help describes --format and --limit in its epilog."""
        from canjapan._cli import QUERY_COMMANDS

        for command in QUERY_COMMANDS:
            r = cli(command, "--help", data=None)
            assert "--format csv    CSV (RFC 4180)" in r.printed
            assert "--limit N" in r.printed
        assert "--limit" not in cli("export", "--help", data=None).printed


class TestLimit:
    """--limit N keeps the first N rows; a table says how many more there are."""

    @pytest.mark.parametrize("command", sorted(QUERIES))
    def test_limit_one(self, cli: Run, command: str) -> None:
        """With --limit 1 each table has one row and a line counting the rest; CSV has
        one data row and no such line."""
        argv = QUERIES[command]
        full = cli(*argv)
        rows = parse_table(full.out)
        cut = cli(*argv, "--limit", "1")
        assert cut.code == 0
        (first,) = parse_table(cut.out)
        assert list(first) == list(rows[0])
        key = next(iter(first))  # the id, or for kinds what the kind is of
        assert first[key] == rows[0][key]
        if len(rows) > 1:
            assert f"… {len(rows) - 1} more (--limit {len(rows)} shows all)" in cut.out
        csv_text = cli(*argv, "--limit", "1", "--format", "csv").out
        assert len(read_csv(csv_text)) == 1
        assert "more" not in csv_text.splitlines()[-1]

    @pytest.mark.parametrize("limit", ["0", "-3", "x"])
    @pytest.mark.parametrize("command", ["timeline", "in-force", "people"])
    def test_bad_limit_is_usage_error(self, cli: Run, command: str, limit: str) -> None:
        """N must be a whole number of at least 1."""
        r = cli(command, "--limit", limit)
        assert r.code == 2
        assert "--limit" in one_line(r.err)

    def test_json_keeps_the_same_rows(self, cli: Run) -> None:
        """JSON holds the rows the table would, with nothing said about the rest."""
        entries = cli("timeline", "--limit", "2", "--json").json()
        table = parse_table(cli("timeline", "--limit", "2").out)
        assert [e["id"] for e in entries] == [row["id"] for row in table]
        data = cli("in-force", "2019-07-15", "--include-possible", "--limit", "1", "--json").json()
        assert (len(data["in_force"]), data["possibly_in_force"]) == (1, [])
        snap = cli("snapshot", "2012-01-01", "--limit", "2", "--json").json()
        assert (snap["in_force"], snap["mechanisms"]) == (["declaration"], ["two-plus-two"])
        assert (snap["office_holders"], snap["last_event"]) == ({}, None)
        kinds = cli("kinds", "--limit", "2", "--json").json()
        assert kinds == {"event": kinds["event"][:2], "milestone": [], "agreement": []}

    def test_search_default_is_ten(self, cli: Run) -> None:
        """search keeps 10 hits unless told otherwise, and says how many more match."""
        r = cli("search", "ministry", data=None)
        rows = parse_table(r.out)
        assert len(rows) == 10
        total = len(cli("search", "ministry", "--limit", "1000", "--json", data=None).json())
        assert total > 10
        assert f"… {total - 10} more (--limit {total} shows all)" in r.out


class TestOneVocabulary:
    """The same state has the same word in tables, CSV and JSON, in every command."""

    def test_agreement_states(self, cli: Run) -> None:
        """in-force and snapshot say "in force"/"undetermined", as the JSON status does."""
        argv = ("in-force", "2019-07-15", "--include-possible")
        data = cli(*argv, "--json").json()
        json_states = {a["id"]: a["status"] for a in data["in_force"] + data["possibly_in_force"]}
        assert json_states == {"declaration": "in force", "logistics": "undetermined"}
        table = {row["id"]: row["status"] for row in parse_table(cli(*argv).out)}
        csv_states = {
            row["id"]: row["status"] for row in read_csv(cli(*argv, "--format", "csv").out)
        }
        snap = parse_table(cli("snapshot", "2019-07-15").out)
        in_snapshot = {row["id"]: row["status"] for row in snap if row["what"] == "agreement"}
        assert table == csv_states == in_snapshot == json_states

    def test_holder_states(self, cli: Run) -> None:
        """holders and snapshot say "held"/"possibly held" and a post's state, as JSON does."""
        data = cli("holders", "jpn-pm", "2011-09", "--include-possible", "--json").json()
        assert data["state"] == "possibly held"
        assert {h["status"] for h in data["holders"]} == {"possibly held"}
        table = parse_table(cli("holders", "jpn-pm", "2011-09", "--include-possible").out)
        assert {row["status"] for row in table} == {"possibly held"}
        snap = cli("snapshot", "2011-09", "--json").json()["office_holders"]
        rows = parse_table(cli("snapshot", "2011-09").out)
        holders = {row["id"]: row["status"] for row in rows if row["what"] == "holder"}
        assert holders == {"kan": "possibly held", "noda": "possibly held", "harper": "held"}
        assert snap["jpn-pm"] == {
            "state": "possibly held",
            "certain": [],
            "possible": ["kan", "noda"],
        }
        posts = {
            row["id"]: row["status"]
            for row in parse_table(cli("snapshot", "2020").out)
            if row["what"] == "post"
        }
        assert posts == {
            "can-pm": cli("snapshot", "2020", "--json").json()["office_holders"]["can-pm"]["state"]
        }

    @pytest.mark.parametrize(
        ("argv", "column", "key"),
        [
            (("timeline", "--kind", "signed"), "end", "end"),
            (("posts",), "complete from", "complete_from"),
            (("posts",), "complete to", "complete_to"),
        ],
    )
    def test_unknown_is_null_and_blank(
        self, cli: Run, argv: tuple[str, ...], column: str, key: str
    ) -> None:
        """An unknown value is null in JSON, a blank table cell and an empty CSV cell."""
        data = [item[key] for item in cli(*argv, "--json").json()]
        assert None in data
        table = [row[column] for row in parse_table(cli(*argv).out)]
        assert [None if v == "" else v for v in table] == data
        assert [row[column] for row in read_csv(cli(*argv, "--format", "csv").out)] == table

    def test_holders_unknown_start_is_null(self, cli: Run, tmp_path: Path) -> None:
        """A tenure whose start is unknown: null in JSON, blank in the table and CSV."""
        raw = mini_raw()
        del raw["people"][1]["tenures"][0]["start"]  # kan
        path = tmp_path / "mini.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        argv = ("holders", "jpn-pm", "2011-01-01", "--include-possible")
        (kan,) = cli(*argv, "--json", data=path).json()["holders"]
        assert kan["start"] is None
        (row,) = parse_table(cli(*argv, data=path).out)
        assert row["start"] == ""
        (csv_row,) = read_csv(cli(*argv, "--format", "csv", data=path).out)
        assert csv_row["start"] == ""


class TestShowTables:
    """show prints nested items as sub-tables, never as JSON text."""

    def test_sub_tables(self, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """Milestones, tenures and citations each get a titled table of their fields."""
        monkeypatch.setenv("COLUMNS", "200")
        r = cli("show", "logistics")
        assert "{" not in r.out
        assert "[" not in r.out.split("citations (")[0]
        sections = r.out.split("\n\n")
        milestones = next(s for s in sections if s.startswith("milestones (2)"))
        assert [(m["kind"], m["date"]) for m in parse_table(milestones)] == [
            ("signed", "2018-04-21"),
            ("entered_into_force", "2019-07"),
        ]
        citations = next(s for s in sections if s.startswith("citations (3)"))
        assert [(c["of"], c["quote"]) for c in parse_table(citations)] == [
            ("milestones[0]", "signed"),
            ("milestones[1]", "in force"),
            ("", "logistics"),
        ]
        fields = {row["field"]: row["value"] for row in parse_table(r.out)}
        assert fields["abbreviations"] == "LA"
        assert fields["parties"] == "CAN, JPN"
        assert "milestones" not in fields

    def test_tenures(self, cli: Run) -> None:
        """A person's tenures, with ongoing, attested days and their citations."""
        r = cli("show", "noda")
        tenures = next(s for s in r.out.split("\n\n") if s.startswith("tenures (1)"))
        (row,) = parse_table(tenures)
        assert row == {
            "post": "jpn-pm",
            "start": "2011-09-02",
            "ongoing": "yes",
            "attested": "2012-03-25",
        }
        assert "tenures[0]" in r.out

    def test_bundled_record_fits(self, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bundled record with Japanese labels and many citations fits 80 columns,
        counting wide characters as two."""
        from canjapan._tables import width_of

        monkeypatch.setenv("COLUMNS", "80")
        r = cli("show", "ACSA", data=None)
        assert max(width_of(line) for line in r.out.splitlines()) <= 80
        assert "labels (" in r.out
        assert "milestones (" in r.out

    def test_csv_one_row_a_field(self, cli: Run) -> None:
        """CSV: the record's id, a field path and its value, one row a leaf."""
        rows = read_csv(cli("show", "logistics", "--format", "csv").out)
        assert {row["id"] for row in rows} == {"logistics"}
        values = {row["field"]: row["value"] for row in rows}
        assert values["milestones[1].date"] == "2019-07"
        assert values["milestones[1].citations[0].quote"] == "in force"
        assert values["title"] == "Logistics Agreement"
        noda = {
            r["field"]: r["value"] for r in read_csv(cli("show", "noda", "--format", "csv").out)
        }
        assert (noda["tenures[0].ongoing"], noda["tenures[0].attested"]) == ("true", "2012-03-25")

    def test_limit_caps_each_table(self, cli: Run) -> None:
        """--limit applies to the fields table and to each sub-table."""
        r = cli("show", "logistics", "--limit", "1")
        assert len(parse_table(r.out)) == 1
        assert "milestones (2)" in r.out
        assert r.out.count("… ") == 3  # fields, milestones, citations
