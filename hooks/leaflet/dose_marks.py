"""Where a page's steps say a dose: each Beginner and Progressed tab writes
[dose] once, where it says how many, and [hold] wherever it says how long
to hold, and leaflet/doses.py puts the numbers from the page's `dose` there. A tab
without its mark would state no dose, or a hand-written one that could
disagree with the routine and a guided session."""

from __future__ import annotations

from typing import Any, Mapping

from .doses import DOSE_MARK, HOLD_MARK, LEVELS, level_of_line
from .languages import Language
from .markdown_lines import Line
from .markdown_rules import STEP, TAB
from .front_matter.models import HOLD_MAX
from .problems import PageReport

MARKS = (DOSE_MARK, HOLD_MARK)


def check_dose_marks(
    lines: list[Line], fields: Mapping[str, Any] | None, report: PageReport, language: Language, exercise: bool
) -> None:
    texts = [line.text for line in lines]
    found: dict[tuple[str, str], list[int]] = {}
    stepped: set[str] = set()  # levels whose tab has numbered steps
    for index, line in enumerate(lines):
        if exercise and STEP.match(line.text):
            level = level_of_line(texts, index, language)
            if level:
                stepped.add(level)
        for mark in MARKS:
            if mark not in line.text:
                continue
            if not exercise:
                report.error(line.number, f"{mark} belongs in an exercise page's steps (docs/exercises/): remove it")
                continue
            level = level_of_line(texts, index, language)
            if level == "":
                continue  # leaflet/markdown_rules.py reports the tab's label
            if level is None:
                report.error(
                    line.number,
                    f'{mark} is outside the "{language.tabs[0]}" and "{language.tabs[1]}" tabs: move it into '
                    "a tab's steps (the tab says whose dose it is)",
                )
                continue
            found.setdefault((mark, level), []).append(line.number)
    if not exercise:
        return
    dose = fields.get("dose") if isinstance(fields, Mapping) else None
    tab_lines = _tab_lines(lines, language)
    for level, label in zip(LEVELS, language.tabs):
        if label not in tab_lines or level not in stepped:
            continue  # leaflet/markdown_rules.py reports the tab, or its steps, missing
        for mark, needed in ((DOSE_MARK, True), (HOLD_MARK, _holds(dose, level))):
            seen = found.get((mark, level), [])
            # A dose is said once; a hold may be (forward, then back).
            if mark == DOSE_MARK and len(seen) > 1:
                report.error(seen[1], f'a second {mark} in the "{label}" tab (the first is on line {seen[0]}): keep one')
            elif not seen and needed:
                report.error(tab_lines[label], _missing(mark, label, level))


def _holds(dose: Any, level: str) -> bool:
    chosen = dose.get(level) if isinstance(dose, Mapping) else None
    seconds = chosen.get("hold_seconds") if isinstance(chosen, Mapping) else None
    # A wrong value is the model's to report (leaflet/front_matter/models.py).
    return isinstance(seconds, int) and not isinstance(seconds, bool) and 0 < seconds <= HOLD_MAX


def _missing(mark: str, label: str, level: str) -> str:
    if mark == DOSE_MARK:
        return (
            f'the "{label}" tab does not say how many: write {mark} in its steps where they say it, and it '
            f"becomes the sentence made from 'dose: {level}:' in the front matter"
        )
    return (
        f"the \"{label}\" tab does not say how long to hold: write {mark} in its steps where they say it "
        f"('dose: {level}: hold_seconds' is more than 0)"
    )


def _tab_lines(lines: list[Line], language: Language) -> dict[str, int]:
    tabs: dict[str, int] = {}
    for line in lines:
        tab = TAB.match(line.text.rstrip(" "))
        if tab and tab["label"] in language.tabs:
            tabs.setdefault(tab["label"], line.number)
    return tabs
