"""Testing helpers for code that uses canjapan: Hypothesis strategies.

Needs the ``testing`` extra (``pip install 'canjapan[testing]'``); see
[`canjapan.testing.strategies`][canjapan.testing.strategies].
"""

from __future__ import annotations

from canjapan.exceptions import MissingExtraError

try:
    import hypothesis  # noqa: F401 (only checks that the extra is installed)
except ImportError as exc:
    raise MissingExtraError("canjapan.testing", "testing", "hypothesis") from exc

__all__: list[str] = []
