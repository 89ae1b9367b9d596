"""Hypothesis settings profiles, chosen with ``HYPOTHESIS_PROFILE``.

- ``ci`` (the default): what ``make test`` and CI run, 40 examples a property,
  which keeps ``make test`` within a few minutes on a 2-core machine.
- ``dev``: half of that, for a quick loop while editing.
- ``deep``: 1000 examples a property, run by ``make test-deep`` before a release.

Tests that set their own example count write it as :func:`examples` of a count
relative to :data:`REFERENCE` examples, so that every profile scales them in
proportion instead of the explicit count overriding the profile.
"""

from __future__ import annotations

import os
from typing import Final

from hypothesis import HealthCheck, settings

REFERENCE: Final = 60
"""The example count that tests' own counts are written against."""
PROFILES: Final = {"ci": 40, "dev": 20, "deep": 1000}

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


def examples(count: int) -> int:
    """The example count, under the current profile, of a test written for ``count``
    examples out of :data:`REFERENCE`."""
    return max(1, round(count * PROFILES[NAME] / REFERENCE))
