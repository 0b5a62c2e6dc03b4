"""One thing wrong with a page, in the form editors and their editors'
"jump to line" features understand: `path:line: message`.

Line numbers are the lines of the .md file as the editor sees it, front
matter included. Something missing from the front matter points at its
opening `---` (line 1); something missing from the body, or wrong with
the page as a whole (its reading grade, its rendered HTML), has no line
and is listed after the page's other problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

ERROR = "error"
WARNING = "warning"

Severity = Literal["error", "warning"]

# Whatever an editor typed (a key with a line break in quotes, say) is
# quoted back on one line: one problem, one line.
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Problem:
    path: str
    line: Optional[int]
    severity: Severity
    message: str

    @property
    def where(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def report_line(self) -> str:
        """The line the command line prints: warnings say so, errors don't
        (so the error format is exactly `path:line: message`)."""
        if self.severity == WARNING:
            return f"{self.where}: warning: {self.message}"
        return str(self)


class PageReport:
    """Collects the problems of one page; the rules only say line and what."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: Optional[int], message: str) -> None:
        self.problems.append(Problem(self.path, line, ERROR, _one_line(message)))

    def warning(self, line: Optional[int], message: str) -> None:
        self.problems.append(Problem(self.path, line, WARNING, _one_line(message)))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


def _one_line(message: str) -> str:
    return LINE_BREAKS.sub(lambda found: ascii(found.group())[1:-1], message)


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """By file, then line; problems without a line last. The sort is
    stable, so problems on one line keep the order the rules found them."""
    return sorted(problems, key=lambda p: (p.path, p.line is None, p.line or 0))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]
