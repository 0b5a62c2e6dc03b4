"""The leaflet's exercises, in order: the exercise pages that `nav:` names,
in its order (else every exercise page, by file name). The home page's
cards and the print cover's list are made from it, so a new exercise
appears in both with no other edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .front_matter import values
from .languages import DEFAULT, path_in_language
from .nav_rules import nav_pages
from .site_layout import is_exercise, source_pages


def exercises_in_order(nav: Any, pages: Iterable[str]) -> list[str]:
    """Default-language source names ("exercises/arch-bridge.md")."""
    listed = [page for page in nav_pages(nav or []) if is_exercise(page)]
    if listed:
        return [path_in_language(page, DEFAULT) for page in listed]
    return sorted({path_in_language(page, DEFAULT) for page in pages if is_exercise(page)})


def exercise_titles(docs_dir: Path, nav: Any, code: str) -> list[str]:
    """Each exercise's title in a language, in order (a page that cannot be
    read is left out: the page checker reports it)."""
    titles = []
    for source in exercises_in_order(nav, source_pages(docs_dir)):
        try:
            text = (docs_dir / path_in_language(source, code)).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        title = values(text).get("title")
        if isinstance(title, str):
            titles.append(" ".join(title.split()))
    return titles
