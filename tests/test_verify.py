"""Tests for canjapan._verify: quotes checked against source texts."""

from __future__ import annotations

from pathlib import Path

import pytest

import canjapan
from canjapan._verify import iter_citations, quote_in_text, verify_citations
from tests.conftest import SEEDS


class TestQuoteInText:
    """quote_in_text is whitespace-insensitive and honours ellipses."""

    @pytest.mark.parametrize(
        ("quote", "found"),
        [
            ("signed in November 2010", True),
            ("signed   in\nNovember 2010", True),
            ("signed in … 2010", True),
            ("signed in ... 2010", True),
            ("2010 … signed in", False),
            ("signed in December 2010", False),
        ],
    )
    def test_matching(self, quote: str, found: bool) -> None:
        """Fragments must appear in order; runs of whitespace are equal."""
        assert quote_in_text(quote, "It was signed in\n  November 2010, at last.") is found


class TestVerifyCitations:
    """verify_citations checks every quote of the sources found in the corpus."""

    def test_reports_missing_quotes(self, tmp_path: Path) -> None:
        """A quote absent from its archived text is listed; others are not."""
        text = canjapan.loads(
            (Path(__file__).parent / "data" / "mini.json").read_text(encoding="utf-8")
        )
        source = text.sources[0]
        archived = text.replace(
            sources=(canjapan.Source(id=source.id, title=source.title, archived_as="b.txt"),)
        )
        (tmp_path / "b.txt").write_text("Prime Minister Harper ... in Tokyo", encoding="utf-8")
        report = verify_citations(archived, tmp_path)
        assert report.sources == (source.id,)
        assert report.checked == len(list(iter_citations(archived)))
        missing_quotes = {q for _, _, _, q in report.missing}
        assert "in Tokyo" not in missing_quotes
        assert "Prime Minister Harper" not in missing_quotes
        assert "signed in November 2010" in missing_quotes
        assert not report.ok

    def test_no_corpus_checks_nothing(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Sources without an archived text are skipped."""
        report = verify_citations(mini, tmp_path)
        assert report.checked == 0
        assert report.ok

    @pytest.mark.skipif(
        not SEEDS.is_dir(), reason="the seed documents are not beside the repository"
    )
    def test_bundled_quotes_are_verbatim(self, bundled: canjapan.Dataset) -> None:
        """Every quote of the bundled data citing a seed appears verbatim in the seed."""
        report = verify_citations(bundled, SEEDS)
        assert len(report.sources) == 2
        assert report.checked > 50
        assert report.missing == ()
