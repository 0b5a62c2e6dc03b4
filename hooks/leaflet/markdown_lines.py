"""The body's lines as the rules read them: numbered as in the file, tabs
expanded, fenced code left out (an example of the syntax inside a code
block is not the real thing)."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from .problems import PageReport

FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")
TAB_WIDTH = 4  # Python-Markdown's


class Line(NamedTuple):
    number: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def prose_lines(body: str, first_line: int, report: Optional[PageReport] = None) -> list[Line]:
    """The lines outside fenced code. A fence that is never closed is no
    fence to Python-Markdown (its lines stay text), so it is reported and
    its lines are read as prose: the page's real problem is named, not
    "no Stop if box" for a box the open fence seemed to hide."""
    raws = [raw.expandtabs(TAB_WIDTH) for raw in body.split("\n")]
    lines = []
    fence, opened_at = None, 0
    for offset, text in enumerate(raws):
        opening = FENCE.match(text)
        if fence is None and opening:
            fence, opened_at = opening["fence"], offset
        elif fence is not None:
            closing = text.strip()
            if len(closing) >= len(fence) and closing == fence[0] * len(closing):
                fence = None
        else:
            lines.append(Line(first_line + offset, text))
    if fence is None:
        return lines
    if report is not None:
        report.error(
            first_line + opened_at,
            f"the code block opened here with {fence} is never closed: add a line {fence} where it ends",
        )
    return [Line(first_line + offset, text) for offset, text in enumerate(raws)]
