"""The wheel ships the run-time package and its data, and no development-only module."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "canjapan"

DEV_ONLY = frozenset({"canjapan/_hookgen.py"})
"""Modules only development needs: nothing imports them at run time."""

# Building the wheel starts a new interpreter (and the import check another).
pytestmark = pytest.mark.slow

IMPORT_EVERYTHING = """
import importlib, io, pkgutil, sys
from pathlib import Path

root = Path(sys.argv[1])
import canjapan
assert Path(canjapan.__file__).is_relative_to(root), canjapan.__file__
for module in pkgutil.walk_packages(canjapan.__path__, "canjapan."):
    if not module.name.endswith(".__main__"):  # that one runs the command line
        importlib.import_module(module.name)
ds = canjapan.load()
assert len(ds) > 0 and canjapan.schema()["$schema"]
from canjapan._cli import main
assert main(["export", "--format", "ics", "--out", sys.argv[2]], out=io.StringIO()) == 0
assert main(["in-force", "2020-06-01"], out=io.StringIO()) == 0
assert "canjapan._hookgen" not in sys.modules
print("ok")
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout by the project's build backend."""
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return out / proc.stdout.strip().splitlines()[-1]


def package_files() -> set[str]:
    """Every file of src/canjapan, as a wheel names it, without caches."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


class TestWheel:
    """The files of the wheel."""

    def test_ships_the_package_without_dev_modules(self, wheel: Path) -> None:
        """The wheel holds every file of the package except the development-only ones."""
        with zipfile.ZipFile(wheel) as zf:
            names = {n for n in zf.namelist() if not n.split("/")[0].endswith(".dist-info")}
        assert package_files() >= DEV_ONLY
        assert not names & DEV_ONLY
        assert names == package_files() - DEV_ONLY

    def test_ships_the_data(self, wheel: Path) -> None:
        """The bundled dataset, the JSON Schema, py.typed and canjapan.testing are in it."""
        with zipfile.ZipFile(wheel) as zf:
            names = set(zf.namelist())
        data = {f"canjapan/data/{p.name}" for p in (PACKAGE / "data").glob("*.json")}
        assert "canjapan/data/dataset.json" in data
        assert data <= names
        assert {
            "canjapan/schema.json",
            "canjapan/py.typed",
            "canjapan/testing/strategies.py",
        } <= names

    def test_runs_without_dev_modules(self, wheel: Path, tmp_path: Path) -> None:
        """Every shipped module imports and the CLI works from the unpacked wheel alone."""
        root = tmp_path / "site"
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(root)
        env = {**os.environ, "PYTHONPATH": str(root)}
        proc = subprocess.run(
            [sys.executable, "-c", IMPORT_EVERYTHING, str(root), str(tmp_path / "ics")],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == "ok\n"
