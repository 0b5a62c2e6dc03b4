"""An exercise's dose in words (leaflet/doses.py), from its structured
`dose`, in both languages, and the [dose] and [hold] marks in its steps."""

import pytest

from leaflet.doses import aim, how_many, how_often, level_of_line, steps_dose, steps_hold, with_doses
from leaflet.languages import CHINESE, ENGLISH

# As the pages give them: YAML lists for ranges.
BUILDS_UP = {"start": 5, "weekly_step": 4, "target": [20, 40], "hold_seconds": 2}
FIXED = {"start": 4, "counted": "each way"}
TIMED = {"unit": "minutes", "start": [2, 3], "weekly_step": 2, "target": 15}


def dose(level, **more):
    return {"when": "morning and evening", "beginner": level, "progressed": level, **more}


@pytest.mark.parametrize(
    "level, language, glance, chart, steps",
    [
        (BUILDS_UP, ENGLISH, "About 5 times at first, building up to 20 to 40 times", "20 to 40 times",
         "Start with about 5 times. Add a few every few days, about 4 more each week, up to 20 to 40 times."),
        (FIXED, ENGLISH, "4 times each way", "4 times each way", "Do it 4 times each way."),
        (TIMED, ENGLISH, "2 to 3 minutes at first, building up to 15 minutes", "15 minutes",
         "Start with 2 to 3 minutes. Add a few every few days, about 2 minutes more each week, up to 15 minutes."),
        ({"start": 1}, ENGLISH, "1 time", "1 time", "Do it 1 time."),
        ({"unit": "minutes", "start": 5}, ENGLISH, "5 minutes", "5 minutes", "Do it for 5 minutes."),
        (BUILDS_UP, CHINESE, "先做 5 次左右，慢慢加到 20 到 40 次", "20 到 40 次",
         "先做 5 次左右。每隔几天加一点，每周大约加 4 次，最后加到 20 到 40 次。"),
        (FIXED, CHINESE, "每个方向各 4 次", "每个方向各 4 次", "每个方向各 4 次。"),
        (TIMED, CHINESE, "先做 2 到 3 分钟，慢慢加到 15 分钟", "15 分钟",
         "先做 2 到 3 分钟。每隔几天加一点，每周大约加 2 分钟，最后加到 15 分钟。"),
    ],
)
def test_each_kind_of_dose_reads_the_same_numbers_everywhere(level, language, glance, chart, steps):
    assert how_many(dose(level), language) == glance
    assert aim(dose(level), language) == chart
    assert steps_dose(dose(level), language, "beginner") == steps


def test_a_harder_version_restarts_low_and_an_own_suggestion_says_so():
    assert steps_dose(dose(BUILDS_UP), ENGLISH, "progressed").startswith(
        "When you start this version, go back to about 5 times.")
    assert how_many(dose(TIMED, suggestion=True), ENGLISH).startswith(
        "Not given in the article. The start is our own suggestion, not from research: 2 to 3 minutes")
    assert how_often(dose(TIMED, when="a few times a week"), CHINESE) == "每周几次，在腰部情况允许的日子里做"


def test_a_hold_is_counted_and_no_hold_is_said():
    assert steps_hold(dose(BUILDS_UP), ENGLISH, "beginner") == "Hold for a slow count of 2."
    assert steps_hold(dose(FIXED), CHINESE, "beginner") == "不用停住。"


PAGE = """## How to do it

=== "Beginner"

    1. Lift. [hold]
    2. One lift counts as one. [dose]

=== "Progressed"

    1. Lift higher. [hold]
    2. [dose]

After the tabs. [dose]
"""


def test_each_tab_says_its_own_level_and_a_mark_outside_the_tabs_stays():
    levels = {"beginner": BUILDS_UP, "progressed": {**FIXED, "hold_seconds": 3}}
    out = with_doses(PAGE, {"when": "once a day", **levels}, ENGLISH)
    # Each sentence in its span, which a plan's own amount replaces.
    assert '1. Lift. <span class="leaflet-hold">Hold for a slow count of 2.</span>' in out
    assert '2. One lift counts as one. <span class="leaflet-dose">Start with about 5 times. ' in out
    assert '1. Lift higher. <span class="leaflet-hold">Hold for a slow count of 3.</span>' in out
    assert '2. <span class="leaflet-dose">Do it 4 times each way.</span>' in out
    assert out.endswith("After the tabs. [dose]\n")
    lines = PAGE.split("\n")
    assert [level_of_line(lines, i, ENGLISH) for i, line in enumerate(lines) if "[dose]" in line] == [
        "beginner", "progressed", None]
