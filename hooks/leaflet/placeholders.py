"""The template's placeholders: `[[FILL IN: what to write]]`.

templates/new-exercise.md (and its twin in each language) marks everything
an editor must write with one, so a page made from it is refused until
every one is replaced: a half-written page can never be published.
"""

from __future__ import annotations

from .problems import PageReport

MARK = "[[FILL IN:"
END = "]]"
MOST_REPORTED = 10  # the first few show where to start; the count says the rest


def report_placeholders(text: str, report: PageReport) -> set[int]:
    """Reports the lines that still hold a placeholder, and returns them."""
    lines = [number for number, line in enumerate(text.split("\n"), start=1) if MARK in line]
    for number in lines[:MOST_REPORTED]:
        report.error(
            number,
            f"a placeholder from the template is still here: replace {MARK} ...{END} with the page's own words",
        )
    if len(lines) > MOST_REPORTED:
        report.error(None, f"{len(lines) - MOST_REPORTED} more placeholders to replace after line {lines[MOST_REPORTED - 1]}")
    return set(lines)


def without_noise(problems: list, since: int, holes: set[int]) -> list:
    """The problems, less those found after index `since` on a line that
    still holds a placeholder: "'start' must be a number" says nothing
    the placeholder there does not."""
    return problems[:since] + [problem for problem in problems[since:] if problem.line not in holes]


def fill_in(text: str) -> str:
    """Each placeholder replaced by its own hint ("[[FILL IN: Say how]]" ->
    "Say how"): the template as a page that passes, for tests and examples."""
    while MARK in text:
        start = text.index(MARK)
        end = text.index(END, start)
        text = text[:start] + text[start + len(MARK) : end].strip() + text[end + len(END) :]
    return text
