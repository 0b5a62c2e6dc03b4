"""An exercise's dose in words, from its structured `dose` (models.Dose).

The numbers live once, in the page's front matter; every sentence that
states them is written here: the page's own steps (where they say [dose]
and [hold]), its "At a glance" box, the routine, the progress chart and
its schema.org data. So the page, the routine and a guided session can
never disagree.

Values are read as plain YAML data (the checker has validated them), and
what comes out is plain text: callers escape it (leaflet/escaping.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .escaping import html_text
from .languages import LANGUAGES, Language
from .markdown_rules import TAB

# Where a page's steps state a level's dose and its hold, each on its own
# in a Beginner or Progressed tab; the tab says which level.
DOSE_MARK = "[dose]"
HOLD_MARK = "[hold]"
# What each becomes in the page: its sentences in a span of this class, so
# a clinician's plan can say its own amount and hold in their place
# (docs/javascripts/plan-link.js).
DOSE_CLASS = "leaflet-dose"
HOLD_CLASS = "leaflet-hold"
LEVELS = ("beginner", "progressed")


@dataclass(frozen=True)
class Words:
    """One language's dose sentences. {n} is a number or a range."""

    range: str
    unit: Mapping[str, str]
    # The unit after the number 1 ("1 time"), where the language says so.
    unit_one: Mapping[str, str]
    step: Mapping[str, str]
    counted: Mapping[str, str]
    about: str
    how_often: Mapping[str, str]
    # At a glance, the routine: the whole dose in a phrase.
    builds_to: str
    builds_slowly: str
    # The chart: where there is no target, the dose to start from.
    from_start: str
    suggestion: str
    # The steps: full sentences.
    start: str
    restart: str
    fixed: str
    fixed_minutes: str
    add_to: str
    add_slowly: str
    hold: str
    no_hold: str


WORDS = {
    "en": Words(
        range="{low} to {high}",
        unit={"times": "{n} times", "minutes": "{n} minutes"},
        unit_one={"times": "{n} time", "minutes": "{n} minute"},
        step={"times": "{n}", "minutes": "{n} minutes"},
        counted={
            "once": "{amount}",
            "each way": "{amount} each way",
            "each side": "{amount} on each side",
            "changing direction": "{amount}, changing direction each time",
        },
        about="about {n}",
        how_often={
            "morning and evening": "Once in the morning and once before bed",
            "once a day": "Once a day",
            "a few times a week": "A few times a week, on days when your back allows",
        },
        builds_to="{start} at first, building up to {target}",
        builds_slowly="{start} at first, building up slowly",
        from_start="from {start}",
        suggestion="Not given in the article. The start is our own suggestion, not from research: {dose}",
        start="Start with {start}.",
        restart="When you start this version, go back to {start}.",
        fixed="Do it {amount}.",
        fixed_minutes="Do it for {amount}.",
        add_to="Add a few every few days, about {step} more each week, up to {target}.",
        add_slowly="Add a little every few days, about {step} more each week, as long as it feels fine.",
        hold="Hold for a slow count of {n}.",
        no_hold="There is no hold.",
    ),
    "zh": Words(
        range="{low} 到 {high}",
        unit={"times": "{n} 次", "minutes": "{n} 分钟"},
        unit_one={"times": "{n} 次", "minutes": "{n} 分钟"},
        step={"times": "{n} 次", "minutes": "{n} 分钟"},
        counted={
            "once": "{amount}",
            "each way": "每个方向各 {amount}",
            "each side": "每边各 {amount}",
            "changing direction": "{amount}，每次换一个方向",
        },
        about="{n}左右",
        how_often={
            "morning and evening": "早上一次，睡前一次",
            "once a day": "每天一次",
            "a few times a week": "每周几次，在腰部情况允许的日子里做",
        },
        builds_to="先做 {start}，慢慢加到 {target}",
        builds_slowly="先做 {start}，再慢慢加量",
        from_start="从 {start}开始",
        suggestion="原文没有给出。开始的量是我们自己的建议，不是来自研究：{dose}",
        start="先做 {start}。",
        restart="刚换成这个版本时，先回到 {start}。",
        fixed="{amount}。",
        fixed_minutes="{amount}。",
        add_to="每隔几天加一点，每周大约加 {step}，最后加到 {target}。",
        add_slowly="只要感觉还好，每隔几天加一点，每周大约加 {step}。",
        hold="停住，慢慢数 {n} 下。",
        no_hold="不用停住。",
    ),
}


def words(language: Language) -> Words:
    return WORDS.get(language.code, WORDS["en"])


def _number(value: Any, language: Language) -> str:
    if isinstance(value, (list, tuple)):
        return words(language).range.format(low=value[0], high=value[1])
    return str(value)


def _amount(level: Mapping[str, Any], value: Any, language: Language, counted: bool = True) -> str:
    """"20 to 40 times", "4 times each way", "2 to 3 minutes"."""
    said = words(language)
    units = said.unit_one if value == 1 else said.unit
    amount = units[level.get("unit", "times")].format(n=_number(value, language))
    return said.counted[level.get("counted", "once")].format(amount=amount) if counted else amount


def _about(level: Mapping[str, Any], value: Any, language: Language) -> str:
    """"about 5 times" for a number to start from; a range is approximate already."""
    if isinstance(value, (list, tuple)):
        return _amount(level, value, language)
    said = words(language)
    return said.counted[level.get("counted", "once")].format(
        amount=said.about.format(n=_amount(level, value, language, counted=False))
    )


def builds_up(level: Mapping[str, Any]) -> bool:
    return bool(level.get("weekly_step")) and level.get("target") != level.get("start")


def how_many(dose: Mapping[str, Any], language: Language, level: str = "beginner") -> str:
    """The whole dose in a phrase: "About 5 times at first, building up to
    20 to 40 times", "4 times each way"."""
    said = words(language)
    chosen = dose.get(level) or {}
    if not builds_up(chosen):
        phrase = _amount(chosen, chosen.get("start"), language)
    elif chosen.get("target") is None:
        phrase = said.builds_slowly.format(start=_about(chosen, chosen.get("start"), language))
    else:
        phrase = said.builds_to.format(
            start=_about(chosen, chosen.get("start"), language), target=_amount(chosen, chosen.get("target"), language)
        )
    if dose.get("suggestion"):
        return said.suggestion.format(dose=phrase)
    return phrase[:1].upper() + phrase[1:]


def how_often(dose: Mapping[str, Any], language: Language) -> str:
    return words(language).how_often.get(dose.get("when"), "")


def aim(dose: Mapping[str, Any], language: Language, level: str = "beginner") -> str:
    """What to aim for, in a few words, for the progress chart: "20 to 40
    times", "4 times each way", "from 2 to 3 minutes"."""
    said = words(language)
    chosen = dose.get(level) or {}
    if not builds_up(chosen):
        return _amount(chosen, chosen.get("start"), language)
    if chosen.get("target") is None:
        return said.from_start.format(start=_amount(chosen, chosen.get("start"), language))
    return _amount(chosen, chosen.get("target"), language)


def steps_dose(dose: Mapping[str, Any], language: Language, level: str) -> str:
    """The sentences a tab's steps say where they write [dose]."""
    said = words(language)
    chosen = dose.get(level) or {}
    if not builds_up(chosen):
        fixed = said.fixed_minutes if chosen.get("unit") == "minutes" else said.fixed
        return fixed.format(amount=_amount(chosen, chosen.get("start"), language))
    opening = said.restart if level != LEVELS[0] else said.start
    sentences = [opening.format(start=_about(chosen, chosen.get("start"), language))]
    # "about 4 more each week": a bare number of times, but "2 minutes".
    unit = chosen.get("unit", "times")
    step = said.step[unit].format(n=chosen["weekly_step"])
    if chosen.get("target") is None:
        sentences.append(said.add_slowly.format(step=step))
    else:
        sentences.append(said.add_to.format(step=step, target=_amount(chosen, chosen["target"], language)))
    return language.text.get("gap", " ").join(sentences)


def steps_hold(dose: Mapping[str, Any], language: Language, level: str) -> str:
    """The sentence a tab's steps say where they write [hold]."""
    seconds = (dose.get(level) or {}).get("hold_seconds", 0)
    return words(language).hold.format(n=seconds) if seconds else words(language).no_hold


def level_of_line(lines: list[str], index: int, language: Language) -> str | None:
    """The level of the tab the line at index is in: None outside the
    tabs, "" in a tab whose label is no level's. A tab holds the lines
    indented 4 more than its `=== "label"` line, up to the first line that
    is not; its label (in the page's language) says the level."""
    least_indent = None
    for line in reversed(lines[: index + 1]):
        match = TAB.match(line.rstrip(" "))
        if match:
            inside = least_indent is not None and least_indent >= len(line) - len(line.lstrip(" ")) + 4
            # Another language's label still says which level the tab is
            # (the checker reports the label itself).
            label = match.group("label").strip()
            if not inside:
                return None
            for tabs in (language.tabs, *(other.tabs for other in LANGUAGES.values())):
                if label in tabs:
                    return LEVELS[tabs.index(label)]
            return ""  # a tab, but which level its label does not say
        if line.startswith("#"):
            return None
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            least_indent = indent if least_indent is None else min(least_indent, indent)
    return None


def with_doses(markdown: str, dose: Mapping[str, Any], language: Language) -> str:
    """The page's Markdown with each [dose] and [hold] in a tab replaced by
    its level's sentences (the checker reports marks outside the tabs)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if DOSE_MARK not in line and HOLD_MARK not in line:
            continue
        level = level_of_line(lines, index, language)
        if not level:
            continue
        line = line.replace(DOSE_MARK, _marked(DOSE_CLASS, steps_dose(dose, language, level)))
        lines[index] = line.replace(HOLD_MARK, _marked(HOLD_CLASS, steps_hold(dose, language, level)))
    return "\n".join(lines)


def _marked(name: str, sentence: str) -> str:
    return f'<span class="{name}">{html_text(sentence)}</span>'


def steps_words(language: Language) -> dict[str, Any]:
    """The dose words a clinician's plan says its own amounts with
    (docs/javascripts/plan-link.js): the unit and way of counting, and the
    steps' hold sentences, in place of the page's."""
    said = words(language)
    return {
        "dose_unit": dict(said.unit),
        "dose_unit_one": dict(said.unit_one),
        "dose_counted": dict(said.counted),
        "step_hold": said.hold,
        "step_no_hold": said.no_hold,
    }
