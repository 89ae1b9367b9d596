"""Hypothesis settings profiles, chosen with ``HYPOTHESIS_PROFILE``.

- ``ci`` (the default): what ``make test`` and CI run, 60 examples a property.
- ``dev``: half of that, for a quick loop while editing.
- ``deep``: 1000 examples a property, run by ``make test-deep`` before a release.

Tests that set their own example count write it as :func:`examples` of the count
they want under ``ci``, so that every profile scales them in proportion instead of
the explicit count overriding the profile.
"""

from __future__ import annotations

import os
from typing import Final

from hypothesis import HealthCheck, settings

CI_EXAMPLES: Final = 60
PROFILES: Final = {"ci": CI_EXAMPLES, "dev": 30, "deep": 1000}

for _name, _count in PROFILES.items():
    settings.register_profile(
        _name,
        max_examples=_count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

NAME: Final = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if NAME not in PROFILES:
    msg = f"HYPOTHESIS_PROFILE must be one of {sorted(PROFILES)}, got {NAME!r}"
    raise ValueError(msg)
settings.load_profile(NAME)


def examples(ci_count: int) -> int:
    """The example count for a test that runs ``ci_count`` examples under ``ci``."""
    return max(1, round(ci_count * PROFILES[NAME] / CI_EXAMPLES))
