"""The pages of a built site, as addresses relative to its root."""

from __future__ import annotations

from pathlib import Path

NOT_PAGES = {"search"}  # Material's search index folder
EXERCISES = "exercises/"


def built_pages(site_dir: Path, *, include_404: bool = True) -> list[str]:
    """Every HTML page of the built site ("" for the home page, "about/", ...),
    in a stable order, with 404.html last."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        folder = index.parent.relative_to(site_dir)
        if folder.parts and folder.parts[0] in NOT_PAGES:
            continue
        pages.append("" if folder == Path(".") else folder.as_posix() + "/")
    if include_404 and (site_dir / "404.html").is_file():
        pages.append("404.html")
    return pages


def exercise_pages(site_dir: Path) -> list[str]:
    return [page for page in built_pages(site_dir) if page.startswith(EXERCISES) and page != EXERCISES]


def page_id(page: str) -> str:
    """A short name for a page in test ids: "home", "about", "404"..."""
    return page.strip("/").removesuffix(".html").replace("/", "-") or "home"
