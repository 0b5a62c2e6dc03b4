"""MkDocs hook: exercise pages get their "At a glance" box, pictures and
references from front matter (see leaflet/render.py for why)."""

from __future__ import annotations

import posixpath

from leaflet.render import exercise_markdown

EXERCISES_DIR = "exercises/"
PICTURES_DIR = "assets/pictures/"


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.startswith(EXERCISES_DIR) or page.file.name == "index":
        return markdown
    # Markdown image paths are relative to the page's source file.
    here = posixpath.dirname(page.file.src_uri)
    pictures_url = posixpath.relpath(PICTURES_DIR, here) + "/"
    return exercise_markdown(markdown, page.meta, pictures_url)
