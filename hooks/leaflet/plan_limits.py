"""What a clinician's plan link may ask for (docs/javascripts/plan-link.js
reads and writes the link; the plan pages and the session follow it).

The limits are declared here once and given to the browser in the
routine's data block (leaflet/session_data.py): the maker offers nothing
outside them and the reader refuses anything outside them, whatever a
link says. A link is made by anyone, so these are safety limits, not a
prescription.
"""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class PlanLimits:
    # Most repetitions of one exercise in one go.
    times: int = 60
    # Longest one go of an exercise done in minutes (walking backwards).
    minutes: int = 30
    # Longest hold, in seconds.
    hold_seconds: int = 30
    # Most sessions a day.
    per_day: int = 3
    # The clinician's note: short enough that a plan of six exercises with
    # a full note in Chinese still fits a QR code of version `qr_version`.
    note_chars: int = 120
    # The largest QR code the maker draws (version 15: 77 modules a side).
    qr_version: int = 15


LIMITS = PlanLimits()

# A link names an exercise by a 16-bit number from its page's name, so a
# six-exercise plan stays short. Two names with one number would be
# ambiguous: the build refuses that (plan_keys).
KEY_BITS = 16


def plan_key(exercise_id: str) -> int:
    return zlib.crc32(exercise_id.encode("utf-8")) & ((1 << KEY_BITS) - 1)


def plan_keys(exercise_ids: list[str]) -> dict[str, int]:
    """Each exercise's key; ValueError naming both pages if two share one."""
    keys: dict[int, str] = {}
    for exercise_id in exercise_ids:
        key = plan_key(exercise_id)
        if key in keys and keys[key] != exercise_id:
            raise ValueError(
                f"docs/exercises/{exercise_id}.md and docs/exercises/{keys[key]}.md have the same plan key "
                f"({key}), so a plan link could not tell them apart: rename one of the two pages"
            )
        keys[key] = exercise_id
    return {exercise_id: key for key, exercise_id in keys.items()}


def limits_data() -> dict[str, int]:
    return asdict(LIMITS)
