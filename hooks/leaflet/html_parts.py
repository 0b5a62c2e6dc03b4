"""Parts of a page's rendered HTML, by class: the inner HTML of each
element whose class list holds a name, found with the standard library's
HTML parser (nested elements of the same tag are counted, not guessed at
with a regular expression)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")

# Elements that never have an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Parts(HTMLParser):
    def __init__(self, html: str, class_name: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html, self.class_name = html, class_name
        # Where each line starts: the parser counts lines at "\n" only.
        self.lines = [0]
        for line in html.split("\n"):
            self.lines.append(self.lines[-1] + len(line) + 1)
        self.parts: list[str] = []
        self._open: list[tuple[str, int, int]] = []  # (tag, depth, inner start)
        self._depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        self._depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if self.class_name in classes:
            self._open.append((tag, self._depth, self._offset() + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self._open and self._open[-1][0] == tag and self._open[-1][1] == self._depth:
            _, _, start = self._open.pop()
            self.parts.append(self.html[start : self._offset()])
        self._depth -= 1


def inner_html(html: str, class_name: str) -> list[str]:
    """The inner HTML of every element with class_name, in document order
    of their ends (an outer element after the ones inside it)."""
    parser = _Parts(html, class_name)
    parser.feed(html)
    parser.close()
    return parser.parts


def html_text(html: str) -> str:
    """The text of some HTML, its tags taken out and its entities read."""
    return unescape(_TAG.sub("", html))


def squashed(text: str) -> str:
    """Text to compare: without spaces and line breaks, which HTML moves."""
    return _SPACE.sub("", text)
