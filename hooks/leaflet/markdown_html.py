"""Render a page body to HTML without MkDocs, for the command line's HTML
checks. Only the extensions that shape boxes, tabs, lists and pictures
are needed; tests/checker/test_cli.py keeps them a subset of mkdocs.yml's.
"""

from __future__ import annotations

import markdown

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
EXTENSION_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}


def render(body: str) -> str:
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
