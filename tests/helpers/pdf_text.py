"""Text read back from a printed page (a PDF), made comparable with the
text that went in."""

from __future__ import annotations

import re
import unicodedata

from pypdf import PdfReader

HAN = re.compile(r"[\u4e00-\u9fff]")


def text_of_pdf(reader: PdfReader) -> str:
    """The text of every sheet, in order."""
    return " ".join(sheet.extract_text() for sheet in reader.pages)


def squash(text: str) -> str:
    """No spaces or line breaks (HTML and PDFs move them), ligatures ("ﬂ")
    undone, no permalink marks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("¶", "")


def pdf_pattern(expected: str) -> str:
    """A pattern that finds expected in a PDF's squashed text. Extraction
    gives some Chinese characters as the CJK radical that shares their glyph
    in the font ("长" comes back as "⻓"), so a radical there stands for any
    Chinese character."""
    return "".join(
        f"(?:{re.escape(char)}|[\u2e80-\u2fdf])" if HAN.match(char) else re.escape(char)
        for char in squash(expected)
    )


def in_pdf(expected: str, pdf_text: str) -> bool:
    return re.search(pdf_pattern(expected), squash(pdf_text)) is not None
