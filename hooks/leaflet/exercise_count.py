"""No sentence says how many exercises the leaflet has.

A count ("five exercises", "the first four exercises", "五个锻炼动作",
"前四个动作") is right only until an exercise page is added or removed,
and everything else follows the pages by itself: the home cards, the
routine, the progress chart, the print cover and search. So a page's
Markdown, or its title, description, subtitle or card summary, that
counts exercises is an error, at its line.

What counts something else passes: "4 times each way", "do 5 lifts",
"2 weeks of exercises", "one exercise", "一个动作", "两个版本", "第二个动作";
so does a range, which counts no list ("one or two exercises", "一两个动作"),
and words in quotation marks (someone else's title, as the source
article's on About this leaflet).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterator, Mapping, Optional

from .markdown_lines import Line
from .problems import PageReport
from .wording import Loc, place

FIX = "leave the number out: it changes when an exercise is added"

# Front matter text a reader sees as the page's own words (not a
# reference's title, which is someone else's).
FIELDS: tuple[Loc, ...] = (("title",), ("description",), ("subtitle",), ("card", "summary"))

# English: a number of two or more, up to three describing words, then
# "exercises" ("five gentle home exercises", "the first 4 exercises").
ENGLISH_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|[1-9][0-9]+)"
# Words after the number that show it counts something else ("2 weeks of
# exercises", "3 times a day, exercises ...").
NOT_DESCRIBING = (
    r"of|or|to|and|a|an|the|times?|seconds?|minutes?|hours?|days?|weeks?|months?|years?"
    r"|sets?|rounds?|reps?|repetitions?|breaths?|steps?|circles?|lifts?|each|per"
)
ENGLISH = re.compile(
    rf"\b{ENGLISH_NUMBER}(?: +(?!(?:{NOT_DESCRIBING})\b)[a-z][a-z'-]*){{0,3}} +exercises\b", re.IGNORECASE
)
# Before the number: one end of a range ("one or two", "2 to 3", "2-3"),
# or a label ("Week 2").
ENGLISH_NOT_A_COUNT = re.compile(r"(?:\b(?:or|to|and|week|day|step|level|stage|page|part)|[-–~])\s*$", re.IGNORECASE)

# Chinese: a number of two or more, a measure word (个, 种, 套, 节, 项),
# then 动作 or 练习 after at most a short description ("五个适合腰肌劳损的
# 居家锻炼动作", "四个站立动作").
PUNCTUATION = r"\s，。、；：！？,.;:!?“”\"《》（）()「」"
CHINESE = re.compile(
    rf"(?P<number>[零一二三四五六七八九十两百]+|[0-9]+) *[个种套节项]"
    rf"(?:[^{PUNCTUATION}个次下]{{0,10}}的)?[^{PUNCTUATION}个次下的]{{0,4}}(?:动作|练习)"
)
# Before the number: 第 (an ordinal), or one end of a range (或, 到, 至, -).
CHINESE_NOT_A_COUNT = re.compile(r"(?:第|或|到|至|[-–~])\s*$")
ONE = ("一", "1", "01")
# Two numbers side by side are about so many, not a count: 一两, 两三, 三四.
ABOUT = re.compile(r"[一二两三四五六七八九]{2}")

# Quotations: someone else's words, such as an article's title.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|《[^》]*》|「[^」]*」')
# Markdown's emphasis, code and link brackets, so "**five** exercises" reads as words.
MARKUP = re.compile(r"[*_`~\[\]]")


def exercise_counts(text: str) -> Iterator[re.Match]:
    """Where text says how many exercises there are."""
    text = _readable(text)
    for match in ENGLISH.finditer(text):
        if not ENGLISH_NOT_A_COUNT.search(text, 0, match.start()):
            yield match
    for match in CHINESE.finditer(text):
        number = match["number"]
        if number in ONE or ABOUT.fullmatch(number) or CHINESE_NOT_A_COUNT.search(text, 0, match.start()):
            continue
        yield match


def report_exercise_counts(
    lines: list[Line], data: Optional[Mapping[str, Any]], where: Mapping[Loc, int], report: PageReport
) -> None:
    """The page's front matter text and its Markdown's paragraphs (a count
    may run over a line break: "five gentle home\\nexercises")."""
    for loc in FIELDS:
        value = _value(data, loc)
        if isinstance(value, str):
            for match in exercise_counts(value):
                report.error(where.get(loc, 1), f'{place(loc)} says how many exercises there are ("{_said(match)}"): {FIX}')
    for paragraph in _paragraphs(lines):
        text = " ".join(line.text for line in paragraph)
        starts = [0]
        for line in paragraph[:-1]:
            starts.append(starts[-1] + len(line.text) + 1)
        for match in exercise_counts(text):
            line = paragraph[bisect_right(starts, match.start()) - 1].number
            report.error(line, f'"{_said(match)}" says how many exercises there are: {FIX}')


def _readable(text: str) -> str:
    """The text with quotations and markup blanked out, each character to
    a space, so positions stay those of the text."""
    text = QUOTED.sub(lambda found: " " * len(found.group()), text)
    return MARKUP.sub(" ", text)


def _said(match: re.Match) -> str:
    return " ".join(match.group().split())


def _value(data: Optional[Mapping[str, Any]], loc: Loc) -> Any:
    value: Any = data
    for key in loc:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them (lines inside fenced
    code are already left out; a fence splits a run, as it does a paragraph)."""
    paragraphs: list[list[Line]] = []
    previous = None
    for line in lines:
        if line.blank:
            previous = None
            continue
        if previous is None or line.number != previous + 1:
            paragraphs.append([])
        paragraphs[-1].append(line)
        previous = line.number
    return paragraphs
