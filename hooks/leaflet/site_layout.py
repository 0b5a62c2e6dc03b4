"""Where the leaflet's pages and pictures live, and which pages are
exercises: said once, here. The checker, the hooks, the schema.org data and
the picture generator all read it from this module.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

from .languages import DEFAULT as DEFAULT_LANGUAGE, path_in_language

# docs/exercises/: one page per exercise (and its twin in each language).
EXERCISES_FOLDER = "exercises"
# docs/assets/pictures/: every picture a page shows, by bare file name.
PICTURES_FOLDER = ("assets", "pictures")
PICTURES_URL = "/".join(PICTURES_FOLDER) + "/"
# MkDocs' Markdown file suffixes (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def page_name(src_uri: str) -> str:
    """A page's name in every language: "arch-bridge" for
    exercises/arch-bridge.md and exercises/arch-bridge.zh.md alike. The log
    and the progress chart know an exercise by it."""
    return PurePosixPath(path_in_language(src_uri, DEFAULT_LANGUAGE)).stem


def is_exercise(src_uri: str) -> bool:
    """Pages in docs/exercises/, except a section index if one is added."""
    path = PurePosixPath(src_uri)
    return path.parts[:1] == (EXERCISES_FOLDER,) and page_name(src_uri) not in ("index", "README")


def source_pages(docs_dir: Path) -> list[str]:
    """The pages MkDocs builds from docs_dir, as MkDocs finds them: every
    file with one of its Markdown suffixes, symlinked folders followed, and
    hidden files and folders and templates/ left out (its default
    exclude_docs). tests/checker/test_cli.py holds this to MkDocs' own list."""
    pages = []
    for folder, subfolders, names in os.walk(docs_dir, followlinks=True):
        relative = PurePosixPath(Path(folder).relative_to(docs_dir).as_posix())
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and not (relative == PurePosixPath(".") and name == "templates")
        )
        for name in names:
            if not name.startswith(".") and name.lower().endswith(MARKDOWN_SUFFIXES):
                pages.append(str(relative / name) if str(relative) != "." else name)
    return sorted(pages)


def print_page_source(config: Any) -> str | None:
    """The whole leaflet's print page as mkdocs-print-site-plugin makes it
    ("print.md", from its print_page_basename), or None without it."""
    print_site = config.plugins.get("print-site")
    return f"{print_site.config['print_page_basename']}.md" if print_site is not None else None


def print_page_url(config: Any) -> str:
    """The print page's address from the site's root ("print/"), where
    print-site writes it (the other languages' go under their root)."""
    source = print_page_source(config) or "print.md"
    return PurePosixPath(source).stem + "/"
