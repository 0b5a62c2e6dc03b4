"""The lists other pages make from every exercise page (leaflet/
exercise_lists_html.py): the home cards, the routine and the progress
chart, as text whatever a title says."""

import re

from helpers.html import elements
from leaflet import exercise_lists_html as lists
from leaflet.languages import CHINESE, ENGLISH

ATTACK = "<script>alert(1)</script>"


def level(start, **more):
    return {"start": start, **more}


def exercise(title, when, start=5, **more):
    meta = {"dose": {"when": when, "beginner": level(start, **more), "progressed": level(start, **more)}}
    return lists.Exercise(title=title, url=f"{title[:3]}/", meta=meta, id=re.sub(r"\W", "", title)[:3])


EXERCISES = [
    exercise("Walk", "a few times a week", (2, 3), unit="minutes", weekly_step=2),
    exercise("Bridge", "morning and evening", 5, weekly_step=4, target=(20, 40)),
    exercise(ATTACK, "morning and evening", 4, counted="each way"),
    exercise("Stretch", "once a day", 3),
]


def tags(html):
    return elements(html).tags


def test_the_routine_groups_exercises_by_when_in_their_own_order():
    text = lists.routine_markdown(EXERCISES, ENGLISH)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Morning and evening", "## Once a day", "## A few times a week"]
    morning = text[: text.index("## Once a day")]
    assert morning.index("Bridge") < morning.index("&lt;script&gt;")
    assert "<td>2</td><td><a href=\"&lt;sc/\">&lt;script&gt;alert(1)&lt;/script&gt;</a></td><td>4 times each way</td>" in text
    assert "script" not in tags(text)
    assert "每周几次" in lists.routine_markdown(EXERCISES, CHINESE)


def test_the_chart_has_a_row_for_each_time_of_day_and_a_pain_row():
    html = lists.progress_chart_html(EXERCISES, ENGLISH)
    assert len(re.findall(r"<tr\b", html)) == 1 + 2 + 2 + 1 + 1 + 1  # head, two twice-daily, two single, pain
    # Each exercise row names its exercise and time of day, for the log.
    assert re.findall(r'<tr data-exercise="(\w+)" data-time="(\w+)"', html) == [
        ("Bri", "morning"), ("Bri", "evening"), ("scr", "morning"), ("scr", "evening"), ("Str", "any"), ("Wal", "any")]
    assert html.count('rowspan="2"') == 2
    assert "Bridge<br><small>20 to 40 times</small>" in html
    assert "Walk<br><small>from 2 to 3 minutes</small>" in html
    assert html.count("leaflet-ticks") == 6 * 6
    assert "script" not in tags(html)


def test_cards_are_text_and_fall_back_to_the_second_picture_and_the_description():
    html = lists.exercise_cards_html([lists.Card(ATTACK, "x/", "p.svg", 480, 320, '"><img src=x onerror=alert(1)>')])
    assert not {"script"} & set(tags(html)) and "&lt;script&gt;" in html
    assert tags(html).count("img") == 1 and not [name for name, _ in elements(html).attributes if name.startswith("on")]
    meta = {"pictures": [{"src": "a.svg"}, {"src": "b.svg"}], "description": " Two\n words "}
    assert lists.card_of(meta) == ("b.svg", "Two words")
    assert lists.card_of(meta | {"card": {"picture": "a.svg", "summary": "Short."}}) == ("a.svg", "Short.")
