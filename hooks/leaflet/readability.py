"""Plain language, from the body's prose only: in English the
Flesch-Kincaid grade; in a language that has no such grade (Chinese, see
`max_sentence_chars` in leaflet/languages.py), each sentence's length in
characters.

Markup (box and tab markers, links, emphasis, HTML) is stripped so it
does not count as words; headings and list items count as sentences of
their own, as a reader takes them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

import textstat

from . import syllables
from .markdown_lines import Line
from .problems import PageReport

syllables.install()

MAX_GRADE = 8.0
SENTENCES_SHOWN = 3
SENTENCE_SHOWN_CHARS = 80

MARKER_LINE = re.compile(r'^ *(?:!!!|\?\?\?\+?|===[+!]*) ')
SKIPPED_LINE = re.compile(r"^ *(?:\||\*\[|\[[^\]]+\]: |</?\w[^>]*>\s*$)")  # tables, abbreviations, link definitions, HTML-only lines
HEADING = re.compile(r"^ *#{1,6} +")
LIST_ITEM = re.compile(r"^ *(?:[-*+]|\d+\.) +")
INLINE_MARKUP = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: their alt text is not body prose
    (re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # links: keep the words
    (re.compile(r"\]\([^)]*\)|[\[\]]"), ""),  # what is left of a link split over two lines
    (re.compile(r"<[^>]+>"), " "),  # HTML tags, autolinks
    (re.compile(r"\{[^}]*\}"), ""),  # attribute lists
    (re.compile(r":[a-z0-9_+-]+:"), ""),  # emoji and icon shortcodes
    (re.compile(r"[*_`~=]{1,3}(?=\S)|(?<=\S)[*_`~=]{1,3}"), ""),  # emphasis, code, highlight
    (re.compile(r"\s+"), " "),
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Chinese sentences end at these marks, and at the end of a line.
CHINESE_SENTENCE_END = re.compile(r"[。！？；]")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def report_reading_grade(lines: list[Line], report: PageReport) -> None:
    sentences = prose_sentences(lines)
    if not sentences:
        return
    grade = textstat.flesch_kincaid_grade(" ".join(s.text for s in sentences))
    if grade <= MAX_GRADE:
        return
    # Longest first; ties by position, so the message never varies.
    longest = sorted(sentences, key=lambda s: (-s.words, s.line))[:SENTENCES_SHOWN]
    shown = "; ".join(f'line {s.line} ({_words(s.words)}): "{_shorten(s.text)}"' for s in longest)
    report.warning(
        None,
        f"the reading grade is {grade:.1f}, above {MAX_GRADE:g} (Flesch-Kincaid): use shorter sentences "
        f"and everyday words. Longest sentences: {shown}",
    )


def report_long_sentences(lines: list[Line], report: PageReport, max_chars: int) -> None:
    """A warning for each sentence longer than max_chars characters (spaces
    not counted), at the line it is on. For languages written without spaces
    between words, where a grade counted in words and syllables means nothing."""
    for block in _blocks(lines):
        for number, text in block:
            for sentence in CHINESE_SENTENCE_END.split(text):
                length = len(SPACE.sub("", sentence))
                if length > max_chars:
                    report.warning(
                        number,
                        f"a sentence of {length} characters, more than {max_chars}: split it into shorter "
                        f'ones: "{_shorten(sentence.strip())}"',
                    )


def prose_sentences(lines: list[Line]) -> list[Sentence]:
    sentences = []
    for block in _blocks(lines):
        sentences.extend(_split(block))
    return sentences


def _blocks(lines: list[Line]) -> list[list[tuple[int, str]]]:
    """Paragraphs, list items and headings: each a list of (line, text)."""
    blocks: list[list[tuple[int, str]]] = []
    current: Optional[list[tuple[int, str]]] = None
    for line in lines:
        text = line.text
        if line.blank or MARKER_LINE.match(text) or SKIPPED_LINE.match(text):
            current = None
            continue
        heading = HEADING.match(text)
        starts = heading or LIST_ITEM.match(text)
        if starts:
            text = text[starts.end() :]
        if starts or current is None:
            current = []
            blocks.append(current)
        current.append((line.number, _plain(text)))
        if heading:
            current = None
    return blocks


def _split(block: list[tuple[int, str]]) -> list[Sentence]:
    """The block's sentences, each with the line it starts on."""
    text = ""
    line_offsets: list[int] = []  # where each source line starts in text
    line_numbers: list[int] = []
    for number, part in block:
        if part:
            text += " " if text else ""
            line_offsets.append(len(text))
            line_numbers.append(number)
            text += part
    if not text:
        return []
    if text[-1] not in ".!?":
        text += "."  # a list item or heading ends a sentence
    offsets = [0] + [match.end() for match in SENTENCE_END.finditer(text)]
    ends = [match.start() for match in SENTENCE_END.finditer(text)] + [len(text)]
    return [
        Sentence(line_numbers[bisect_right(line_offsets, start) - 1], text[start:end])
        for start, end in zip(offsets, ends)
    ]


def _plain(text: str) -> str:
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def _words(count: int) -> str:
    return "1 word" if count == 1 else f"{count} words"


def _shorten(text: str) -> str:
    return text if len(text) <= SENTENCE_SHOWN_CHARS else text[: SENTENCE_SHOWN_CHARS - 1].rstrip() + "…"
