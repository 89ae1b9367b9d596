"""The scripts and the notebook in examples/ run and print what they promise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import canjapan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MINI = Path(__file__).resolve().parent / "data" / "mini.json"
PNG = b"\x89PNG\r\n\x1a\n"

# Each example runs in a new interpreter (the notebook in a kernel).
pytestmark = pytest.mark.slow


def example_env() -> dict[str, str]:
    """The environment for running examples: this checkout's src first on the path."""
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "MPLBACKEND": "Agg"}


def run_script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=example_env(),
        timeout=300,
    )


class TestInForceReport:
    """examples/in_force_report.py."""

    def test_bundled_dataset(self, tmp_path: Path) -> None:
        """On the bundled data it lists ACSA as in force in 2020 and exits 0."""
        proc = run_script("in_force_report.py", "2020-01-01", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("Agreements in force on 2020-01-01\n")
        in_force = proc.stdout.split("In force:")[1].split("Possibly in force")[0]
        assert "  acsa\n" in in_force
        assert f"data as of {canjapan.load().as_of.isoformat()}" in proc.stdout

    def test_undetermined_is_listed_apart_with_its_reason(self, tmp_path: Path) -> None:
        """An entry into force in July 2019 is 'possibly' in force on 15 July, with why."""
        proc = run_script("in_force_report.py", "2019-07-15", "--data", str(MINI), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        certain, possible = proc.stdout.split("Possibly in force (undetermined):")
        assert "In force: 1\n  declaration\n" in certain
        assert possible.startswith(" 1\n  logistics\n")
        assert "2019-07 (month precision)" in possible
        assert "Not in force: 0 of 2 agreements" in proc.stdout

    def test_after_as_of_note(self, tmp_path: Path) -> None:
        """A date after the data's as-of date carries the presumption note."""
        proc = run_script("in_force_report.py", "2099", "--data", str(MINI), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "after the data's as-of date" in proc.stdout

    def test_invalid_date_is_a_usage_error(self, tmp_path: Path) -> None:
        """An invalid date exits 2 with the reason on stderr and nothing on stdout."""
        proc = run_script("in_force_report.py", "2019-13", cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert "invalid date '2019-13'" in proc.stderr


class TestOfficeHolders:
    """examples/office_holders.py."""

    def test_terms_and_yearly_table(self, tmp_path: Path) -> None:
        """A post's terms print at their precision and the yearly table follows them."""
        proc = run_script(
            "office_holders.py", "jpn-pm", "--from", "2010", "--to", "2012",
            "--data", str(MINI), cwd=tmp_path,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines[0] == "Prime Minister of Japan [jpn-pm]"
        kan = next(line for line in lines if "Naoto Kan" in line and "->" in line)
        assert kan.split() == ["Naoto", "Kan", "2010-06-08", "->", "2011-09-02"]
        noda = next(line for line in lines if "Yoshihiko Noda" in line and "->" in line)
        assert "-> ongoing" in noda
        assert "(attested 2012-03-25)" in noda
        table = [line.split(maxsplit=1) for line in lines if line.startswith("  20")]
        assert table == [
            ["2010-07-01", "Naoto Kan"],
            ["2011-07-01", "Naoto Kan"],
            ["2012-07-01", "Yoshihiko Noda"],
        ]

    def test_default_posts_on_the_bundled_dataset(self, tmp_path: Path) -> None:
        """Without arguments it prints the six main offices of both countries."""
        proc = run_script("office_holders.py", "--from", "2024", "--to", "2024", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        for post in (
            "can-prime-minister",
            "jpn-prime-minister",
            "can-minister-of-foreign-affairs",
            "jpn-minister-for-foreign-affairs",
            "can-minister-of-national-defence",
            "jpn-minister-of-defense",
        ):
            assert f"[{post}]" in proc.stdout
        assert "2024-07-01  Bill Blair" in proc.stdout

    def test_include_possible_marks_possible_holders(self, tmp_path: Path) -> None:
        """--include-possible adds, marked '?', a holder whose term start is unknown."""
        raw = json.loads(MINI.read_text(encoding="utf-8"))
        noda = next(p for p in raw["people"] if p["id"] == "noda")
        del noda["tenures"][0]["start"]
        del noda["tenures"][0]["attested"]  # an attested day would bound the start
        data = tmp_path / "vague.json"
        data.write_text(json.dumps(raw), encoding="utf-8")
        # Kan's term ended in 2011 and Noda's start is now unknown: on 1 July 2012
        # nobody certainly held the post, and Noda possibly did.
        args = ("jpn-pm", "--from", "2012", "--to", "2012", "--data", str(data))
        base = run_script("office_holders.py", *args, cwd=tmp_path)
        assert base.returncode == 0, base.stderr
        assert "start unknown -> ongoing" in base.stdout
        assert "  2012-07-01  (not recorded)\n" in base.stdout
        wide = run_script("office_holders.py", *args, "--include-possible", cwd=tmp_path)
        assert wide.returncode == 0, wide.stderr
        assert "  2012-07-01  Yoshihiko Noda?\n" in wide.stdout

    @pytest.mark.parametrize("post", ["no-such-post", "logistics"])
    def test_bad_post_exits_1(self, tmp_path: Path, post: str) -> None:
        """An unknown id, or an id that is not a post, exits 1 with a message."""
        proc = run_script("office_holders.py", post, "--data", str(MINI), cwd=tmp_path)
        assert proc.returncode == 1
        assert post in proc.stderr


class TestTimelinePlot:
    """examples/timeline_plot.py."""

    @pytest.fixture(autouse=True)
    def _needs_plot(self) -> None:
        pytest.importorskip("matplotlib")

    def test_writes_the_png_it_names(self, tmp_path: Path) -> None:
        """Given an output path, it writes a PNG there and prints the path."""
        target = tmp_path / "plots" / "timeline.png"
        proc = run_script(
            "timeline_plot.py", str(target), "--from", "2010", "--to", "2013",
            "--data", str(MINI), cwd=tmp_path,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == str(target)
        assert target.read_bytes()[:8] == PNG

    def test_default_output_in_a_temporary_folder(self, tmp_path: Path) -> None:
        """Without an output path it writes timeline.png into a new temporary folder."""
        proc = run_script("timeline_plot.py", "--from", "2018", "--to", "2026", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        written = Path(proc.stdout.strip())
        try:
            assert written.name == "timeline.png"
            assert written.parent != tmp_path
            assert written.read_bytes()[:8] == PNG
        finally:
            written.unlink(missing_ok=True)
            written.parent.rmdir()

    def test_invalid_bound_is_a_usage_error(self, tmp_path: Path) -> None:
        """An invalid --from date exits 2 and writes nothing."""
        target = tmp_path / "never.png"
        proc = run_script("timeline_plot.py", str(target), "--from", "2010-99", cwd=tmp_path)
        assert proc.returncode == 2
        assert "invalid date" in proc.stderr
        assert not target.exists()


# -- the notebook -----------------------------------------------------------------------------


def read_tour() -> Any:
    import nbformat

    return nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)  # type: ignore[no-untyped-call]


def kernel_manager_class() -> Any:
    """A kernel-manager class whose ``python3`` kernel runs this interpreter.

    An installed ``python3`` spec is used when it runs this interpreter (jupyter
    swaps a bare ``python`` for ``sys.executable``, and without an installed spec
    jupyter_client falls back to ipykernel's spec for this interpreter). When an
    installed spec would start another Python (say a user-wide ``python3`` spec),
    ipykernel's spec for the running interpreter is used instead. Nothing is
    installed either way.
    """
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import AsyncKernelManager

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        spec = None
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info)}
    if (
        spec is not None
        and spec.argv
        and (spec.argv[0] in bare or Path(spec.argv[0]).resolve() == Path(sys.executable).resolve())
    ):
        return AsyncKernelManager

    class ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> Any:
            return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())

    class Manager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(kernel_spec_manager=ThisInterpreter(), **kwargs)

    return Manager


class TestTourNotebook:
    """examples/tour.ipynb."""

    def test_is_valid_and_cleared(self) -> None:
        """The notebook is valid nbformat 4, for the python3 kernel, with no outputs."""
        import nbformat

        nb = read_tour()
        nbformat.validate(nb)
        assert nb.metadata.kernelspec.name == "python3"
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        assert len(code) >= 10
        for cell in code:
            assert cell.outputs == []
            assert cell.execution_count is None

    def test_runs_top_to_bottom(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every cell runs without error in a fresh kernel, and the tour shows its results."""
        pytest.importorskip("ipykernel")
        from nbclient import NotebookClient

        for key, value in example_env().items():
            monkeypatch.setenv(key, value)
        nb = read_tour()
        client = NotebookClient(
            nb,
            kernel_name="python3",
            kernel_manager_class=kernel_manager_class(),
            timeout=300,
            resources={"metadata": {"path": str(tmp_path)}},
        )
        client.execute()
        outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
        assert not [out for out in outputs if out.output_type == "error"]
        html = [out.data["text/html"] for out in outputs if "text/html" in out.get("data", {})]
        assert html, "no rich display in the tour"
        text = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
        assert "undetermined" in text
        images = [out for out in outputs if "image/png" in out.get("data", {})]
        assert images, "the plot cell shows no image"
