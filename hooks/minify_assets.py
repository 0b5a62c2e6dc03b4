"""MkDocs hook: the built site's stylesheets without comments and spare
whitespace, so every page loads less (see leaflet/minify.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from leaflet.minify import minify_site_css


# After the plugins (print-site copies its stylesheets in on_post_build).
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    minify_site_css(config.site_dir)
