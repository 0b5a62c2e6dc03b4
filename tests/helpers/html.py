"""A built page as parsed HTML, and the text a reader sees in it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from bs4 import BeautifulSoup


def soup(site_dir: Path, page: str) -> BeautifulSoup:
    """page: "about/", "exercises/x" (a folder) or "404.html" (a file)."""
    path = site_dir / page if page.endswith(".html") else site_dir / page / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    """Visible text, without the permalink marks MkDocs adds to headings."""
    text = " ".join(element.get_text(" ").split())
    return text.replace(" ¶", "").replace("¶", "").strip()


class Elements(HTMLParser):
    """The start tags of some HTML, and their (name, value) attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser
