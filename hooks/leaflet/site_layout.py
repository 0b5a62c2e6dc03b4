"""Where the leaflet's pages and pictures live, and which pages are
exercises: said once, here. The checker, the hooks, the schema.org data and
the picture generator all read it from this module.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .languages import DEFAULT as DEFAULT_LANGUAGE, path_in_language

# docs/exercises/: one page per exercise (and its twin in each language).
EXERCISES_FOLDER = "exercises"
# docs/assets/pictures/: every picture a page shows, by bare file name.
PICTURES_FOLDER = ("assets", "pictures")
PICTURES_URL = "/".join(PICTURES_FOLDER) + "/"
# MkDocs' Markdown file suffixes (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def is_exercise(src_uri: str) -> bool:
    """Pages in docs/exercises/, except a section index if one is added."""
    path = PurePosixPath(src_uri)
    stem = PurePosixPath(path_in_language(src_uri, DEFAULT_LANGUAGE)).stem  # index.zh.md too
    return path.parts[:1] == (EXERCISES_FOLDER,) and stem not in ("index", "README")
