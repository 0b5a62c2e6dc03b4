"""No page says how many exercises the leaflet has: a count is wrong as
soon as an exercise page is added (leaflet/exercise_count.py). The page
checker refuses one, naming the file and line, and the site's own words
have none."""

from __future__ import annotations

import re
from datetime import date

import pytest

from helpers.sources import DOCS
from leaflet.check import Site, check_source
from leaflet.exercise_count import FIX, exercise_counts
from leaflet.site_layout import source_pages
from local_site import ROOT

COUNTS = [
    "Five gentle home exercises for a strained lower back.",
    "Do the first four exercises twice a day.",
    "These 5 exercises help your back.",
    "The two standing exercises come first, to loosen you up.",
    "**Five** exercises, with pictures.",
    "All 12 simple back exercises are here.",
    "五个适合腰肌劳损的居家锻炼动作。",
    "这五个锻炼动作，来自一篇短文。",
    "前四个动作每天做两次。",
    "本手册有五个动作。",
    "每天做 5 个动作。",
    "这里有十一个练习。",
    "四个站立动作先做。",
]

NOT_COUNTS = [
    "Do it 4 times each way.",
    "Do 5 lifts, then rest.",
    "After 2 weeks of exercises, most people feel better.",
    "Make 8 circles each way, then 8 more.",
    "Do one exercise at a time.",
    "If your back hurts, do one or two exercises only.",
    "Do 2 to 3 exercises on a bad day.",
    "Week 2 exercises: add a few more.",
    'The exercises come from "The 5 Best Exercises for Back Pain".',
    "Hold for 2 seconds. Exercises like this one help.",
    "每次做完一个动作就打个勾。",
    "分为初级和进阶两个版本，可以按自己的情况选择。",
    "有五点支撑和三点支撑两种做法。",
    "第二个动作站着做。",
    "累了就只做一两个动作。",
    "两个星期后再做这个动作。",
    "每个动作做 4 次。",
    "这个动作做 20 到 40 次。",
    "来自《五个最好的腰部锻炼动作》这篇文章。",
]


@pytest.mark.parametrize("text", COUNTS)
def test_a_count_of_the_exercises_is_found(text):
    assert list(exercise_counts(text)), text


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_other_numbers_are_not_a_count_of_the_exercises(text):
    assert [match.group() for match in exercise_counts(text)] == []


PAGE = """---
title: About this leaflet
description: >-
  Five gentle home exercises for a strained lower back, with pictures,
  plain steps and safety advice.
reviewed: 2026-11-25
review_due: 2027-11-25
responsible: Site editors
---

# About this leaflet

Do each one slowly, 4 times each way, and rest between them.
This leaflet has five gentle home
exercises. Do 5 lifts at most at first.

```text
Code is not prose: five exercises here are an example.
```
"""


def problems_of(src_uri: str, text: str) -> list[str]:
    site = Site(DOCS, "docs", date(2026, 11, 25), {})
    return [str(problem) for problem in check_source(src_uri, text.encode("utf-8"), site) if FIX in problem.message]


def test_the_checker_names_the_file_and_the_line_and_says_what_to_do():
    assert problems_of("about.md", PAGE) == [
        'docs/about.md:3: \'description\' says how many exercises there are ("Five gentle home exercises"): '
        "leave the number out: it changes when an exercise is added",
        'docs/about.md:14: "five gentle home exercises" says how many exercises there are: '
        "leave the number out: it changes when an exercise is added",
    ]


def test_the_checker_reads_chinese_pages_too():
    page = (DOCS / "about.zh.md").read_text(encoding="utf-8")
    assert problems_of("about.zh.md", page) == []
    counted = page.replace("本手册的锻炼动作，来自一篇短文", "这五个锻炼动作，来自一篇短文", 1)
    assert counted != page
    line = counted[: counted.index("这五个")].count("\n") + 1
    assert problems_of("about.zh.md", counted) == [
        f'docs/about.zh.md:{line}: "五个锻炼动作" says how many exercises there are: '
        "leave the number out: it changes when an exercise is added"
    ]


def test_no_page_counts_the_exercises():
    for page in source_pages(DOCS):
        assert problems_of(page, (DOCS / page).read_text(encoding="utf-8")) == [], page


def test_the_site_descriptions_do_not_count_the_exercises():
    """mkdocs.yml's site_description, and the Chinese one under the i18n plugin."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    descriptions = re.findall(r"^ *site_description: *(?:>-\n((?:  +.+\n)+)|(.+)\n)", config, re.MULTILINE)
    texts = [" ".join((folded or plain).split()) for folded, plain in descriptions]
    assert len(texts) == 2 and all(texts)
    for text in texts:
        assert [match.group() for match in exercise_counts(text)] == [], text
