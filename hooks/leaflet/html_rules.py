"""Checks on the rendered page: the second line of defence.

The Markdown rules read lines; Python-Markdown decides what they become.
A step list indented 8 spaces instead of 4 turns into a code block, a
blank line missing under a box marker swallows the box: the Markdown looks
right and the page is wrong. These checks look at what readers will get.
They run only on pages whose source passed, so they never repeat its news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Optional, Union

from .languages import ENGLISH, Language
from .markdown_rules import stop_line
from .problems import PageReport

# Only the elements these checks look at. The HTML comes from
# Python-Markdown and its extensions, so it is regular enough to read tag by
# tag with one regular expression: several times faster than a full HTML
# parser, which matters at a thousand pages a build.
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>")
CLASSES = re.compile(r'class="([^"]*)"')
INNER_TAG = re.compile(r"<[^>]+>")
# What hides an element and all it holds from a reader who does not click.
HIDDEN = re.compile(r"\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Elements that never have an end tag, so never hold anything.
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# What the build writes into every Stop if box (the pain rule,
# hooks/pain_rule.py): it does not count as the box saying something, so a
# box its editor left empty is still refused.
PAIN_RULE_CLASS = "leaflet-pain-rule"
_PAIN_RULE_OPENS = f'<p class="{PAIN_RULE_CLASS}"'


@dataclass
class Box:
    kinds: list[str]
    collapsible: bool
    title: str = ""
    # Why readers would not see the box: inside a closed <details>, or
    # hidden by an attribute or a style (None: it is seen).
    hidden_by: Optional[str] = None
    starts: int = 0
    text: str = ""  # what the box says besides its title
    written: str = ""  # the same, less what the build wrote in (the pain rule)


@dataclass
class TabPanel:
    has_steps: bool = False


@dataclass
class TabSet:
    labels: list[str] = field(default_factory=list)
    panels: list[TabPanel] = field(default_factory=list)


@dataclass
class Caption:
    """An element whose text is a box title or a tab label."""

    owner: Union[Box, TabSet]
    starts: int


Role = Optional[Union[Box, TabSet, TabPanel, Caption]]


def outline(html: str) -> tuple[list[Box], list[TabSet]]:
    """The boxes (admonitions and details) and tab sets of a page.

    Each open element is kept on a stack with what it stands for, so text
    and nested elements are credited to the right box, label or panel.
    """
    boxes: list[Box] = []
    tab_sets: list[TabSet] = []
    # (element, what it stands for, why what it holds is hidden or None)
    stack: list[tuple[str, Role, Optional[str]]] = []

    def innermost(kind: type) -> Role:
        return next((role for _, role, _ in reversed(stack) if isinstance(role, kind)), None)

    for tag in TAG.finditer(html):
        closing, name, attributes = tag.groups()
        name = name.lower()
        if closing:
            _close(name, stack, html, tag.start())
            continue
        if name in VOID:
            continue
        hidden_by = _hidden_by(name, attributes, stack)
        found = CLASSES.search(attributes)
        classes = found.group(1).split() if found else []
        role: Role = None
        parent = stack[-1][1] if stack else None
        if name == "div" and "admonition" in classes:
            role = Box([c for c in classes if c != "admonition"], False, hidden_by=hidden_by, starts=tag.end())
            boxes.append(role)
        elif name == "details":
            role = Box(classes, True, hidden_by=hidden_by, starts=tag.end())
            boxes.append(role)
        elif (name == "summary" or "admonition-title" in classes) and isinstance(parent, Box):
            role = Caption(parent, tag.end())
        elif name == "div" and "tabbed-set" in classes:
            role = TabSet()
            tab_sets.append(role)
        elif name == "label" and innermost(TabSet) is not None:
            role = Caption(innermost(TabSet), tag.end())  # type: ignore[arg-type]
        elif name == "div" and "tabbed-block" in classes and innermost(TabSet) is not None:
            role = TabPanel()
            innermost(TabSet).panels.append(role)  # type: ignore[union-attr]
        elif name == "ol":
            panel = innermost(TabPanel)
            if panel is not None:
                panel.has_steps = True  # type: ignore[union-attr]
            continue  # an <ol> holds nothing these checks look for
        # What a <details> holds can be folded away by a tap, even if open;
        # what a tab holds is hidden while the reader is on the other tab.
        inside = hidden_by
        if name == "details":
            inside = inside or "a collapsible box (??? in Markdown, <details> in HTML)"
        elif name == "div" and "tabbed-block" in classes:
            inside = inside or "a tab, so readers of the other tab miss it"
        stack.append((name, role, inside))
    return boxes, tab_sets


def _hidden_by(name: str, attributes: str, stack: list) -> Optional[str]:
    """Why an element opening now is hidden: its own attributes, or what
    holds it."""
    if HIDDEN.search(" " + attributes):
        return f"a <{name}> that is hidden (hidden, display: none or visibility: hidden)"
    return stack[-1][2] if stack else None


def _close(name: str, stack: list, html: str, at: int) -> None:
    """Close up to the matching element (stray end tags are ignored); a
    closed caption hands its text to its box or tab set."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            role = stack[index][1]
            if isinstance(role, Box):
                inner = html[role.starts : at]
                role.text = unescape(INNER_TAG.sub(" ", inner))
                role.written = unescape(INNER_TAG.sub(" ", _less_the_pain_rule(inner)))
            if isinstance(role, Caption):
                text = unescape(INNER_TAG.sub("", html[role.starts : at])).strip()
                if isinstance(role.owner, Box):
                    role.owner.title = text
                else:
                    role.owner.labels.append(text)
            del stack[index:]
            return


def _less_the_pain_rule(html: str) -> str:
    """html without the pain rule's paragraphs, in one pass (str.find, no
    pattern that could go back over a long page)."""
    kept, at = [], 0
    while (start := html.find(_PAIN_RULE_OPENS, at)) != -1:
        end = html.find("</p>", start)
        if end == -1:
            break
        kept.append(html[at:start])
        at = end + len("</p>")
    kept.append(html[at:])
    return " ".join(kept)


def check_exercise_html(html: str, report: PageReport, language: Language = ENGLISH) -> None:
    """The boxes and tabs readers get, titled and labelled in the page's language."""
    boxes, tab_sets = outline(html)
    _check_stop_box(boxes, report, language)
    _check_tabs(tab_sets, report, language)


def _check_stop_box(boxes: list[Box], report: PageReport, language: Language) -> None:
    title = language.stop_if
    stop_boxes = [box for box in boxes if not box.collapsible and "warning" in box.kinds and box.title == title]
    if len(stop_boxes) != 1:
        report.error(
            None,
            f"the page shows {len(stop_boxes)} \"{title}\" warning boxes, not 1: check that {stop_line(language)} "
            "has a blank line and 4-space indented text under it",
        )
        return
    box = stop_boxes[0]
    if box.hidden_by:
        report.error(
            None,
            f'the "{title}" warning is inside {box.hidden_by}: every reader must see it, so put it at the '
            "left margin, outside any box, tab or hidden element",
        )
    if not box.written.replace(box.title, "", 1).strip():
        report.error(
            None,
            f'the "{title}" warning says nothing: list under it, indented by 4 spaces, when to stop',
        )


def _check_tabs(tab_sets: list[TabSet], report: PageReport, language: Language) -> None:
    panels: dict[str, TabPanel] = {}
    for tab_set in tab_sets:
        for label, panel in zip(tab_set.labels, tab_set.panels):
            panels.setdefault(label, panel)
    for label in language.tabs:
        if label not in panels:
            report.error(
                None,
                f'the page shows no "{label}" tab: check that === "{label}" has lines indented by 4 spaces under it',
            )
        elif not panels[label].has_steps:
            report.error(
                None,
                f'the "{label}" tab shows no numbered steps: indent its "1." lines by exactly 4 spaces '
                "(8 spaces makes them a code block)",
            )
