"""The Markdown pages the site is built from: which there are (as the
checker and MkDocs find them) and their front matter, read with the
checker's own reader."""

from __future__ import annotations

from pathlib import Path

from leaflet.site_layout import source_pages
from leaflet.front_matter import values
from leaflet.languages import DEFAULT, language_of_path, path_in_language
from leaflet.nav_rules import nav_pages, read_config
from leaflet.site_layout import is_exercise
from local_site import ROOT

DOCS = ROOT / "docs"


def front_matter(source: str | Path) -> dict:
    """A page's front matter: source is a path, or a name under docs/."""
    path = source if isinstance(source, Path) else DOCS / source
    return values(path.read_text(encoding="utf-8"))


def english_sources() -> list[str]:
    """Every page of the default language, as a name under docs/."""
    return [page for page in source_pages(DOCS) if language_of_path(page) == DEFAULT]


def exercise_paths() -> list[str]:
    """The built address of each exercise page, without the slash:
    "exercises/arch-bridge"."""
    return [page.rsplit(".", 1)[0] for page in english_sources() if is_exercise(page)]


def source_of(page: str) -> Path:
    """The Markdown file a built page ("about/", "" or "exercises/x/") comes from."""
    if not page:
        return DOCS / "index.md"
    source = DOCS / (page.rstrip("/") + ".md")
    return source if source.is_file() else DOCS / page / "index.md"


def page_path(source: Path, suffix: str = ".md") -> str:
    """Where the page built from a source in docs/ is, as search links to
    it: "exercises/arch-bridge/", "" for the home page (index.md)."""
    path = source.relative_to(DOCS).as_posix().removesuffix(suffix)
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def printed_titles(code: str = DEFAULT) -> list[str]:
    """The whole printed leaflet's sections, by title, in order, in a
    language: the pages of mkdocs.yml's `nav:` that print-site does not
    leave out."""
    config = read_config(ROOT / "mkdocs.yml")
    plugins = [plugin for plugin in config.get("plugins") or [] if isinstance(plugin, dict)]
    left_out = {page for plugin in plugins for page in (plugin.get("print-site") or {}).get("exclude") or []}
    return [front_matter(path_in_language(page, code))["title"]
            for page in nav_pages(config.get("nav") or []) if page not in left_out]
