"""MkDocs hook: write robots.txt, pointing crawlers at the sitemap under
site_url (see leaflet/robots.py for why it is not a file in docs/)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from leaflet.robots import robots_txt


def on_post_build(*, config: MkDocsConfig) -> None:
    Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
