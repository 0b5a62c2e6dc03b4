"""Limits a page must keep before anything reads it as YAML or Markdown.

Python-Markdown slows down with the size of a block (8 KB of `[` lines
took it 6 s, 32 KB 97 s) and YAML with the size of the front matter, so
an over-long page, line or block is refused here, before the page is
parsed or rendered: the build stops in seconds whatever a page holds.
Control characters are refused too: a NUL byte would reach <title> and the
navigation of every page.
"""

from __future__ import annotations

import unicodedata

from .problems import PageReport

PAGE_MAX_BYTES = 200_000
LINE_MAX_CHARACTERS = 2_000
BLOCK_MAX_BYTES = 8_192
ALLOWED_CONTROLS = "\t\n"  # \r is already a line break here (check.decode_page)
MOST_REPORTED = 5  # of each kind: enough to see the pattern, never a flood


def within_limits(text: str, size: int, report: PageReport) -> bool:
    """Report what is over the limits; True when the page may be read."""
    if size > PAGE_MAX_BYTES:
        report.error(
            1,
            f"the page is {size:,} bytes, over the limit of {PAGE_MAX_BYTES:,}: split it into smaller pages",
        )
        return False
    before = len(report.problems)
    _control_characters(text, report)
    _long_lines_and_blocks(text, report)
    return len(report.problems) == before


def _control_characters(text: str, report: PageReport) -> None:
    reported = 0
    for number, line in enumerate(text.split("\n"), start=1):
        found = next(
            (c for c in line if c not in ALLOWED_CONTROLS and unicodedata.category(c) == "Cc"), None
        )
        if found is not None:
            report.error(
                number,
                f"the line holds the control character U+{ord(found):04X}, which no page should: delete it "
                "(an editor's 'show invisible characters' setting shows where)",
            )
            reported += 1
            if reported == MOST_REPORTED:
                return


def _long_lines_and_blocks(text: str, report: PageReport) -> None:
    long_lines = long_blocks = 0
    block_start, block_bytes = 0, 0
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if len(line) > LINE_MAX_CHARACTERS and long_lines < MOST_REPORTED:
            report.error(
                number,
                f"the line is {len(line):,} characters long, over the limit of {LINE_MAX_CHARACTERS:,}: "
                "break it into shorter lines",
            )
            long_lines += 1
        if line.strip():
            if not block_bytes:
                block_start = number
            block_bytes += len(line.encode("utf-8")) + 1
            last_of_block = number == len(lines) or not lines[number].strip()
            if last_of_block and block_bytes > BLOCK_MAX_BYTES and long_blocks < MOST_REPORTED:
                report.error(
                    block_start,
                    f"the paragraph or block starting on this line is {block_bytes:,} bytes, over the limit "
                    f"of {BLOCK_MAX_BYTES:,}: split it with blank lines",
                )
                long_blocks += 1
        else:
            block_bytes = 0
