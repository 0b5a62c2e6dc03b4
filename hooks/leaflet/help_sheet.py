"""What a printed clinician's plan carries of When to get help: the built
page's opening, from its title to its first section heading (what to do,
and its boxes of red flags by tier), so the sheets stand on their own on
the fridge. javascripts/plan-maker.mjs prints it as a last sheet.

The part is checked to hold every red flag in the page's language, so a
page rewritten with a sign moved below a heading, or left out, stops the
build instead of printing a sheet without it."""

from __future__ import annotations

import re
from typing import Iterable

from .data_files import DataFileError
from .html_parts import html_text, squashed
from .red_flags import RedFlag

_TITLE_END = re.compile(r"</h1\s*>", re.IGNORECASE)
_SECTION = re.compile(r"<h2[\s>]", re.IGNORECASE)
# Markdown a sign's words may use, less its marks: **both**, [text](address).
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]")


def opening(html: str) -> str:
    """The page's HTML after its title and before its first section
    heading (all of it after the title, if it has none)."""
    title = _TITLE_END.search(html)
    start = title.end() if title else 0
    section = _SECTION.search(html, start)
    return html[start : section.start() if section else len(html)].strip()


def help_part(html: str, flags: Iterable[RedFlag], code: str, shown: str) -> str:
    """The opening of the built page `shown` (docs/…), which must hold
    every red flag's words in language `code`."""
    part = opening(html)
    said = squashed(html_text(part))
    for flag in flags:
        words = squashed(_MARKS.sub("", _LINK.sub(r"\1", flag.words.get(code, ""))))
        if words not in said:
            raise DataFileError(
                f"{shown}: red flag '{flag.id}' is not before the page's first '##' heading, which a printed plan "
                f"gives: keep each [red flags: tier] line in its box above the first section"
            )
    return part
