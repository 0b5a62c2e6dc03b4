"""Headings every page must have: one title heading (`# ...`) before any
other, and no two headings alike.

The first heading is the page's H1: the print page, the table of contents
and screen readers' page outline start from it. Two headings with the same
words give two links that look the same in the table of contents (the
second gets an id ending in _1 that no one can guess).
"""

from __future__ import annotations

import re

from .markdown_lines import Line
from .problems import PageReport

# Python-Markdown's ATX heading: up to 3 spaces of indent are allowed in
# CommonMark, but Python-Markdown reads any `#` line at the margin; lines
# inside tabs and boxes (indented 4) are headings there too.
HEADING = re.compile(r"^(?P<indent> *)(?P<level>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t#]*$")


def headings(lines: list[Line]) -> list[tuple[Line, int, str]]:
    found = []
    for line in lines:
        if "#" not in line.text[:8]:
            continue
        match = HEADING.match(line.text.rstrip())
        if match and len(match["indent"]) % 4 == 0:
            found.append((line, len(match["level"]), (match["text"] or "").strip()))
    return found


def check_headings(lines: list[Line], report: PageReport) -> None:
    found = headings(lines)
    if not found or found[0][1] != 1:
        at = found[0][0].number if found else None
        report.error(
            at,
            "the page has no title heading before this one: start the page's text with a line '# ' and its title"
            if found
            else "the page has no title heading: start the page's text with a line '# ' and its title",
        )
    titles = [line for line, level, _ in found if level == 1]
    for line in titles[1:]:
        report.error(line.number, f"a second title heading (the first is on line {titles[0].number}): make it '## '")
    seen: dict[str, int] = {}
    for line, _, text in found:
        key = " ".join(text.split()).casefold()
        if key in seen:
            report.error(
                line.number,
                f"the heading '{text}' is also on line {seen[key]}: give each heading its own words",
            )
        else:
            seen[key] = line.number
