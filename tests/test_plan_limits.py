"""A plan link names each exercise by a 16-bit key from its page's name
(leaflet/plan_limits.py): the build gives every plan page each exercise's
key and the limits, and refuses two names with one key."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from bs4 import BeautifulSoup

from leaflet.doses import LEVELS
from leaflet.plan_limits import KEY_BITS, LIMITS, limits_data, plan_key, plan_keys
from local_site import ROOT

PLAN_PAGES = ["session/", "your-plan/", "make-a-plan/", "zh/session/", "zh/your-plan/", "zh/make-a-plan/"]


def two_names_with_one_key() -> tuple[str, str]:
    seen: dict[int, str] = {}
    for number in itertools.count():
        name = f"exercise-{number}"
        if plan_key(name) in seen:
            return seen[plan_key(name)], name
        seen[plan_key(name)] = name
    raise AssertionError("unreachable")


def test_two_pages_with_one_key_are_refused_naming_both():
    first, second = two_names_with_one_key()
    with pytest.raises(ValueError) as refused:
        plan_keys(["arch-bridge", first, second])
    message = str(refused.value)
    assert f"docs/exercises/{first}.md" in message and f"docs/exercises/{second}.md" in message
    assert "rename one" in message and "\n" not in message


def test_keys_fit_their_bits_and_the_same_name_always_has_the_same_key():
    names = [f"exercise-{number}" for number in range(50)]
    keys = plan_keys(names)
    assert list(keys) == names
    assert all(0 <= key < 1 << KEY_BITS for key in keys.values())
    assert plan_keys(list(reversed(names))) == keys


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_every_plan_page_has_each_exercises_key_and_the_limits(site_dir, path):
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    data = json.loads(BeautifulSoup(html, "html.parser").find(id="leaflet-routine").string)
    assert data["limits"] == limits_data() and data["limits"]["times"] == LIMITS.times
    exercises = data["exercises"]
    assert exercises and all(exercise["key"] == plan_key(exercise["id"]) for exercise in exercises)
    assert len({exercise["key"] for exercise in exercises}) == len(exercises)


def test_the_links_fields_hold_every_value_the_limits_allow():
    """The link's format (docs/javascripts/plan-link.js, FIELDS) gives each
    value a number of bits: each limit fits in its field, so raising a
    limit past its field fails here, not in a patient's link."""
    script = (ROOT / "docs" / "javascripts" / "plan-link.js").read_text(encoding="utf-8")
    fields = {name: int(bits) for name, bits in re.findall(r"(\w+): (\d+)", re.search(r"var FIELDS = \{(.*?)\};", script).group(1))}
    assert fields["key"] == KEY_BITS
    for field, most in (("amount", max(LIMITS.times, LIMITS.minutes)), ("hold", LIMITS.hold_seconds),
                        ("perDay", LIMITS.per_day), ("noteLength", LIMITS.note_chars), ("level", len(LEVELS) - 1)):
        assert most < 1 << fields[field], f"{field}: {most} does not fit {fields[field]} bits"
