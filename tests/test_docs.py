"""Every ```python block of README.md and docs/*.md runs, and mkdocs.yml lists every page.

The blocks of one file run in order in one namespace, so a later block can use
names an earlier one defined. ```console and ```text blocks are not run.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^\s`]*)[^`]*$")


class Block:
    """One fenced code block: its language, first code line (1-based) and code."""

    def __init__(self, language: str, line: int, code: str) -> None:
        self.language = language
        self.line = line
        self.code = code

    def __repr__(self) -> str:
        return f"Block({self.language!r}, line={self.line})"


def fenced_blocks(text: str) -> Iterator[Block]:
    """Every fenced code block of a Markdown text, in order.

    A block opens with three or more backticks or tildes (indented at most three
    spaces) and closes with a fence of the same character at least as long. The
    opening indentation is removed from the code lines, as CommonMark does.
    """
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if match is None:
            i += 1
            continue
        fence = match["fence"]
        indent = len(match["indent"])
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            line = lines[j]
            strip = min(indent, len(line) - len(line.lstrip(" ")))
            body.append(line[strip:])
            j += 1
        yield Block(match["info"].lower(), i + 2, "\n".join(body) + "\n")
        i = j + 1


def python_blocks(path: Path) -> list[Block]:
    """The ```python (or ```py) blocks of a file."""
    text = path.read_text(encoding="utf-8")
    return [b for b in fenced_blocks(text) if b.language in {"python", "py", "python3"}]


def documented_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _files_with_code() -> list[Any]:
    return [
        pytest.param(path, id=str(path.relative_to(ROOT)))
        for path in documented_files()
        if path.is_file() and python_blocks(path)
    ]


def run_blocks(path: Path, blocks: list[Block]) -> None:
    """Run the blocks in order in one namespace; fail naming the file and line."""
    namespace: dict[str, Any] = {"__name__": f"docs:{path.name}"}
    shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    for block in blocks:
        # Pad with blank lines so tracebacks give the line number in the Markdown file.
        source = "\n" * (block.line - 1) + block.code
        try:
            code = compile(source, shown, "exec")
            exec(code, namespace)
        except Exception as exc:
            detail = "".join(traceback.format_exception(exc))
            pytest.fail(
                f"{shown}:{block.line}: the python block starting here failed: "
                f"{type(exc).__name__}: {exc}\n{detail}",
                pytrace=False,
            )


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run examples in an empty directory with a non-interactive plotting backend."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return tmp_path


class TestFencedBlocks:
    """The block finder used to collect examples."""

    def test_finds_python_blocks_with_their_lines(self) -> None:
        """Python blocks are found in order with the line of their first code line."""
        text = "# T\n\n```python\nx = 1\n```\n\ntext\n\n```python\ny = x + 1\nz = y\n```\n"
        blocks = [b for b in fenced_blocks(text) if b.language == "python"]
        assert [(b.line, b.code) for b in blocks] == [(4, "x = 1\n"), (10, "y = x + 1\nz = y\n")]

    def test_skips_console_and_text_blocks(self, tmp_path: Path) -> None:
        """```console, ```text and bare fences are not Python blocks."""
        page = tmp_path / "page.md"
        page.write_text(
            "```console\n$ canjapan in-force\n```\n```text\nplain\n```\n```\nbare\n```\n"
            "```python\nok = True\n```\n",
            encoding="utf-8",
        )
        assert [b.code for b in python_blocks(page)] == ["ok = True\n"]

    def test_longer_fence_and_indentation(self) -> None:
        """A four-backtick fence may hold three backticks; indentation is removed."""
        text = "  ````python\n  s = '''\n  ```\n  '''\n  ````\n"
        (block,) = fenced_blocks(text)
        assert block.code == "s = '''\n```\n'''\n"

    def test_unclosed_block_runs_to_the_end(self) -> None:
        """An unclosed fence takes the rest of the text, as in CommonMark."""
        (block,) = fenced_blocks("```python\na = 1\nb = 2")
        assert block.code == "a = 1\nb = 2\n"

    def test_failure_names_file_and_line(self, tmp_path: Path) -> None:
        """A failing block fails the test with the file and the block's line."""
        page = tmp_path / "page.md"
        page.write_text(
            "intro\n\n```python\nvalue = 2\n```\n\n```python\nassert value == 3\n```\n",
            encoding="utf-8",
        )
        with pytest.raises(pytest.fail.Exception, match=r"page\.md:8: .*AssertionError"):
            run_blocks(page, python_blocks(page))

    def test_blocks_share_a_namespace(self, tmp_path: Path) -> None:
        """A later block sees the names an earlier block of the same file defined."""
        page = tmp_path / "page.md"
        page.write_text(
            "```python\nitems = [1, 2]\n```\n```python\nitems.append(3)\n"
            "assert items == [1, 2, 3]\n```\n",
            encoding="utf-8",
        )
        run_blocks(page, python_blocks(page))


class TestDocumentationExamples:
    """The examples in README.md and docs/*.md."""

    def test_every_page_is_checked(self) -> None:
        """README.md and the guide pages this suite owns all hold Python examples."""
        with_code = {p.name for p in documented_files() if p.is_file() and python_blocks(p)}
        for name in ("README.md", "index.md", "getting-started.md", "tutorial.md", "howto.md"):
            assert name in with_code

    @pytest.mark.parametrize("path", _files_with_code())
    def test_examples_run(self, path: Path, sandbox: Path) -> None:
        """Every python block of the file runs without error, in order, in one namespace."""
        run_blocks(path, python_blocks(path))


RAW_MARKUP = re.compile(r":(?:class|func|meth|data|mod|attr|exc|obj):|::")
"""reST left in a page: a role, or a literal-block marker (a stray ``::``)."""


def prose(html: str) -> str:
    """The text of a page outside code, scripts and tags (where reST would show raw)."""
    html = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture(scope="class")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site, built once with ``mkdocs build --strict`` (which must succeed)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=600,
    )
    warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line]
    assert proc.returncode == 0, "\n".join(warnings) or proc.stderr
    return out


@pytest.mark.slow
class TestSite:
    """mkdocs.yml: every page is in the navigation and links stay inside docs/."""

    @staticmethod
    def nav_pages() -> list[str]:
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        return re.findall(r"^\s*-\s*[^:\n]+:\s*([\w./-]+\.md)\s*$", config, re.MULTILINE)

    def test_every_page_is_in_the_nav(self) -> None:
        """Each docs/*.md file appears in the nav, and each nav entry exists."""
        nav = self.nav_pages()
        pages = sorted(p.name for p in DOCS.glob("*.md"))
        assert sorted(nav) == pages
        assert len(nav) == len(set(nav))

    def test_nav_has_the_required_pages(self) -> None:
        """The nav holds the guide, the date model, data dictionary, format and API pages."""
        required = {
            "index.md",
            "getting-started.md",
            "tutorial.md",
            "howto.md",
            "dates.md",
            "data.md",
            "format.md",
            "api.md",
            "changelog.md",
        }
        assert required <= set(self.nav_pages())

    def test_api_page_documents_the_public_modules(self) -> None:
        """docs/api.md renders canjapan and its public submodules from their docstrings."""
        api = (DOCS / "api.md").read_text(encoding="utf-8")
        directives = set(re.findall(r"^::: ([\w.]+)\s*$", api, re.MULTILINE))
        assert {
            "canjapan",
            "canjapan.plot",
            "canjapan.testing.strategies",
            "canjapan.exceptions",
        } <= directives

    def test_site_builds_in_strict_mode(self, site: Path) -> None:
        """`mkdocs build --strict` succeeds: no broken link, missing page or docstring warning.

        Run without ``--quiet``, which in MkDocs 1.6 hides warnings from the strict
        check as well as from the log; unresolved cross-references are warnings too.
        """
        assert (site / "api" / "index.html").is_file()
        assert 'id="canjapan.Dataset.agreements_in_force"' in (
            site / "api" / "index.html"
        ).read_text(encoding="utf-8")

    def test_no_raw_rest_markup(self, site: Path) -> None:
        """No page shows a reST role or a ``::`` literal-block marker outside code."""
        left: list[str] = []
        for page in sorted(site.rglob("*.html")):
            text = prose(page.read_text(encoding="utf-8"))
            for match in RAW_MARKUP.finditer(text):
                context = text[max(0, match.start() - 40) : match.end() + 40]
                left.append(f"{page.relative_to(site)}: ...{context}...")
        assert left == []

    def test_cross_references_are_links(self, site: Path) -> None:
        """A docstring's reference to PartialDate renders as a link to its entry."""
        api = (site / "api" / "index.html").read_text(encoding="utf-8")
        links = re.findall(
            r'<a [^>]*href="#canjapan\.PartialDate"[^>]*>\s*<code>([^<]*)</code>', api
        )
        assert "PartialDate" in links
        assert re.search(r'<a [^>]*href="#canjapan\.Dataset\.timeline"', api)

    def test_checks_find_raw_markup(self) -> None:
        """The markup check sees roles and markers in prose, not inside code."""
        html = (
            "<p>A :class:<code>X</code> and text::</p>"
            "<pre><code>a[::2] :func:`f`</code></pre><p>ok <code>b::c</code></p>"
        )
        found = [m.group(0) for m in RAW_MARKUP.finditer(prose(html))]
        assert found == [":class:", "::"]

    def test_changelog_page_includes_the_changelog(self) -> None:
        """docs/changelog.md pulls in ../CHANGELOG.md rather than copying it."""
        page = (DOCS / "changelog.md").read_text(encoding="utf-8")
        assert '--8<-- "CHANGELOG.md"' in page
        assert (ROOT / "CHANGELOG.md").is_file()


class TestDataPage:
    """docs/data.md's tables are generated from the bundled data and are current."""

    def test_generated_part_is_current(self) -> None:
        """The part between the markers is what ``make datadoc`` writes."""
        from tests import datadoc

        page = datadoc.PAGE.read_text(encoding="utf-8")
        assert datadoc.BEGIN in page
        assert datadoc.END in page
        assert page == datadoc.rewrite(), "the data changed: run `make datadoc`"


class TestReliabilityPage:
    """docs/reliability.md names tests that exist, and every class of attack tested."""

    PAGE = ROOT / "docs" / "reliability.md"
    NAMED = re.compile(r"`(tests/[\w/]+\.py)::(\w+)(?:::(\w+))?`")

    def named(self) -> list[tuple[str, str, str | None]]:
        return self.NAMED.findall(self.PAGE.read_text(encoding="utf-8"))

    def test_every_named_test_exists(self) -> None:
        """Each `tests/x.py::TestClass::test_name` on the page is a real test."""
        named = self.named()
        assert len(named) > 40
        for file, cls, test in named:
            module = importlib.import_module(file.removesuffix(".py").replace("/", "."))
            holder = getattr(module, cls, None)
            assert holder is not None, f"{file}::{cls} does not exist"
            if test:
                assert callable(getattr(holder, test, None)), f"{file}::{cls}::{test} missing"

    def test_every_reliability_test_class_is_listed(self) -> None:
        """Each test class of tests/test_reliability.py appears on the page."""
        import tests.test_reliability as module

        classes = {n for n in dir(module) if n.startswith("Test")}
        listed = {cls for file, cls, _ in self.named() if file == "tests/test_reliability.py"}
        assert classes <= listed, classes - listed
