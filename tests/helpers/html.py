"""A built page as parsed HTML, and the text a reader sees in it."""

from __future__ import annotations

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
