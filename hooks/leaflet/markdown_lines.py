"""The body's lines as the rules read them: numbered as in the file, tabs
expanded, fenced code left out (an example of the syntax inside a code
block is not the real thing)."""

from __future__ import annotations

import re
from typing import NamedTuple

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


def prose_lines(body: str, first_line: int) -> list[Line]:
    lines = []
    fence = None
    for offset, raw in enumerate(body.split("\n")):
        text = raw.expandtabs(TAB_WIDTH)
        opening = FENCE.match(text)
        if fence is None and opening:
            fence = opening["fence"]
        elif fence is not None:
            closing = text.strip()
            if len(closing) >= len(fence) and closing == fence[0] * len(closing):
                fence = None
        else:
            lines.append(Line(first_line + offset, text))
    return lines
