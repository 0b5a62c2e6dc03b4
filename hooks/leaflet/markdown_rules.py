"""Structure an exercise page's body must have: one "Stop if" warning that
every reader sees, and "Beginner" and "Progressed" tabs with numbered steps,
titled and labelled in the page's language (leaflet/languages.py).

Read line by line with the same patterns Python-Markdown's admonition and
pymdownx's details and tabbed extensions use, so the line of each problem
is known.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple, Optional

from .languages import ENGLISH, LANGUAGES, Language
from .markdown_lines import TAB_WIDTH, Line
from .problems import PageReport
from .suggest import closest


def stop_line(language: Language) -> str:
    return f'!!! warning "{language.stop_if}"'


def labels_rule(language: Language) -> str:
    return f'the tabs must be labelled exactly "{language.tabs[0]}" and "{language.tabs[1]}"'


# Every pattern here runs on one line with its trailing spaces already cut,
# and none can backtrack more than once over it: a line of 100,000 spaces
# takes as long to read as any other (benchmarks/checker_input_size.py).
TAB = re.compile(r'^ *===[+!]* +"(?P<label>.*)"$')
UNQUOTED_TAB = re.compile(r'^ *===[+!]* +(?P<label>[^"\s=].*)$')
STEP = re.compile(r"^ *\d+\. +\S")
WORD = re.compile(r"[\w-]+")
BOX_MARKERS = ("???+", "???", "!!!")  # `!!!` is a box; `???` a collapsible one


class BoxLine(NamedTuple):
    marker: str
    kinds: Optional[str]
    title: Optional[str]

def parse_box(text: str) -> Optional[BoxLine]:
    """`!!! warning "Stop if"` -> ("!!!", "warning", "Stop if"): a marker,
    kinds, and an optional title in double quotes (the last quote closes it),
    as Python-Markdown's admonition and pymdownx.details read the line."""
    rest = text.lstrip(" ")
    marker = next((m for m in BOX_MARKERS if rest.startswith(m)), None)
    if marker is None:
        return None
    rest = rest[len(marker) :].rstrip(" ")
    title = None
    quote = rest.find('"')
    if quote != -1:
        if quote == len(rest) - 1 or not rest.endswith('"') or (quote and rest[quote - 1] != " "):
            return None
        title, rest = rest[quote + 1 : -1], rest[:quote].rstrip(" ")
        if not rest and quote == 0:
            return None  # `!!!"title"`: no space before the quote
    if rest.startswith(" "):
        rest = rest[1:]
    words = rest.split(" ") if rest else []
    if any(not WORD.fullmatch(word) for word in words if word) or rest.startswith(" "):
        return None
    return BoxLine(marker, " ".join(word for word in words if word) or None, title)


# How close a box title must be to "Stop if" to be taken as a try at it
# ("Stop If", "Stop if:", "stop-if"); "Stop" alone or "Stop when" are not.
TITLE_LIKENESS = 0.75


def check_exercise_body(lines: list[Line], report: PageReport, language: Language = ENGLISH) -> None:
    _check_stop_if(lines, report, language)
    _check_tabs(lines, report, language)


def _check_stop_if(lines: list[Line], report: PageReport, language: Language) -> None:
    stop_title, expected_line = language.stop_if, stop_line(language)
    first: Optional[int] = None
    tries = 0
    for line in lines:
        # The cheap test first: most lines are prose.
        box = parse_box(line.text) if line.text.lstrip().startswith(("!!!", "???")) else None
        if not box or not _looks_like_stop_if(box.title):
            continue
        tries += 1
        kind = (box.kinds or "").split(" ")[0]
        collapsed = box.marker != "!!!"
        if kind != "warning" or box.title != stop_title:
            extra = " (and it must not be collapsed)" if collapsed else ""
            report.error(line.number, f"'{line.text.strip()}': did you mean '{expected_line}'?{extra}")
        elif collapsed:
            report.error(
                line.number,
                f"the \"{stop_title}\" warning must not be collapsed: start it with '!!!', not '{box.marker}'",
            )
        elif first is not None:
            report.error(line.number, f'a second "{stop_title}" warning (the first is on line {first}): keep one')
        else:
            first = line.number
        if line.indent:
            report.error(
                line.number,
                f'the "{stop_title}" warning is indented, so it sits inside a tab, list or box and some '
                "readers miss it: start it at the left margin",
            )
    if not tries:
        report.error(None, f"there is no \"{stop_title}\" warning: add one, starting with the line {expected_line}")


def _looks_like_stop_if(title: Optional[str]) -> bool:
    """A try at the title in any of the site's languages (an English title
    left on a Chinese page is a try too)."""
    if title is None:
        return False
    folded = " ".join(title.split()).casefold()
    return any(
        difflib.SequenceMatcher(None, folded, other.stop_if.casefold()).ratio() >= TITLE_LIKENESS
        for other in LANGUAGES.values()
    )


def _translated_label(label: str, language: Language) -> Optional[str]:
    """A tab label of another language, as this language writes it ("Beginner"
    on a Chinese page is "初级")."""
    for other in LANGUAGES.values():
        guess = closest(label, other.tabs) if other is not language else None
        if guess:
            return language.tabs[other.tabs.index(guess)]
    return None


def _check_tabs(lines: list[Line], report: PageReport, language: Language) -> None:
    labels, rule = language.tabs, labels_rule(language)
    found: dict[str, int] = {}
    wrong: list[tuple[Line, str, bool]] = []
    tabs: list[tuple[int, str]] = []  # (index in lines, label): checked for steps last
    for index, line in enumerate(lines):
        if not line.text.lstrip().startswith("==="):
            continue
        text = line.text.rstrip(" ")
        tab = TAB.match(text)
        unquoted = None if tab else UNQUOTED_TAB.match(text)
        if unquoted:
            wrong.append((line, unquoted["label"], False))
            continue
        if not tab:
            continue
        label = tab["label"]
        if label not in labels:
            wrong.append((line, label, True))
        elif label in found:
            report.error(line.number, f'a second "{label}" tab (the first is on line {found[label]}): keep one')
        else:
            found[label] = line.number
        tabs.append((index, label))

    meant = set()
    for line, label, quoted in wrong:
        guess = (
            closest(label, labels)
            or _translated_label(label, language)
            or _only_missing_label(found, meant, labels)
        )
        if guess:
            meant.add(guess)
        if not quoted:
            report.error(
                line.number,
                f"=== {label} is not a tab: put the label in double quotes, "
                f'=== "{guess or label}"',
            )
        elif guess:
            report.error(line.number, f'tab label "{label}": did you mean "{guess}"? ({rule})')
        else:
            report.error(line.number, f'tab label "{label}" is not allowed: {rule}')

    for label in labels:
        if label not in found and label not in meant:
            report.error(
                None,
                f'there is no "{label}" tab: add one, starting with the line === "{label}", '
                "with numbered steps indented under it",
            )
    for index, label in tabs:
        _check_steps(lines, index, label, report)


def _only_missing_label(found: dict[str, int], meant: set[str], labels: tuple[str, str]) -> Optional[str]:
    """An unrecognisable label most likely stands for the one label that is
    missing ("Advanced" where "Progressed" should be)."""
    missing = [label for label in labels if label not in found and label not in meant]
    return missing[0] if len(missing) == 1 else None


def _check_steps(lines: list[Line], tab_index: int, label: str, report: PageReport) -> None:
    """The tab's own lines are those indented 4 more than its === line."""
    content_indent = lines[tab_index].indent + TAB_WIDTH
    for line in lines[tab_index + 1 :]:
        if line.blank:
            continue
        if line.indent < content_indent:
            if STEP.match(line.text):
                report.error(
                    line.number,
                    f'the numbered steps after the "{label}" tab are not indented enough to be inside it: '
                    f"indent them by {content_indent} spaces",
                )
                return
            break
        if STEP.match(line.text):
            return
    report.error(
        lines[tab_index].number,
        f"the \"{label}\" tab has no numbered steps: add lines '1. ...', '2. ...' "
        f"indented by {content_indent} spaces under it",
    )
