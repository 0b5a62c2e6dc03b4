"""MkDocs hook: each page's schema.org data, and its title and description
escaped for Material's templates (see seo/structured_data.py and
seo/escaping.py for why)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from seo.escaping import escape_page_text
from seo.structured_data import medical_web_page

EXERCISES_DIR = "exercises/"


# Last of all on_page_content handlers, so every other hook and plugin reads
# the front matter as written; and before any page is rendered, since each
# page's navigation shows every other page's title.
@event_priority(-100)
def on_page_content(html, page, config, files):
    # overrides/partials/leaflet-meta.html prints it with `tojson`.
    page.structured_data = medical_web_page(
        page.meta,
        # The title as in <title>: the front matter's, else the page's.
        title=page.meta.get("title") or page.title or config.site_name,
        url=page.canonical_url,
        site_name=config.site_name,
        site_url=config.site_url,
        language=config.theme["language"],
        exercise=page.file.src_uri.startswith(EXERCISES_DIR) and page.file.name != "index",
    )
    escape_page_text(page)
    return html
