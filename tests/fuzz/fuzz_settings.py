"""Hypothesis settings of the fuzz suite: a small budget in CI, a long run on demand.

``ONRECORD_FUZZ_EXAMPLES=10000 pytest tests/fuzz`` runs 10,000 generated inputs per property.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("ONRECORD_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
