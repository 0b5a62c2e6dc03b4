"""MkDocs hook: the one door from front matter to HTML (leaflet/escaping.py),
and each page's schema.org data (leaflet/structured_data.py)."""

from __future__ import annotations

from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from leaflet.site_layout import is_exercise
from leaflet.escaping import escape_front_matter, escape_title, plain_front_matter
from leaflet.structured_data import medical_web_page


# First of all on_page_markdown handlers: every hook and plugin after this
# (exercise blocks, Material's tags, search, print-site) and every template
# reads the front matter already escaped.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_front_matter(page)
    return markdown


# Last of all on_page_content handlers, and before any page is rendered,
# since each page's navigation shows every other page's title (which may
# come from the first heading, known only once the page is rendered).
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = plain_front_matter(page)
    # overrides/partials/leaflet-meta.html prints it with `tojson`.
    page.structured_data = medical_web_page(
        meta,
        # The title as in <title>: the front matter's, else the page's.
        title=meta.get("title") or page.title or config.site_name,
        url=page.canonical_url,
        site_name=config.site_name,
        site_url=config.site_url,
        language=config.theme["language"],
        exercise=is_exercise(page.file.src_uri),
    )
    # The review dates as the templates print them (overrides/main.html,
    # partials/print-footer.html), in the language being built: formatted
    # here because MiniJinja, the template engine of Material's successor,
    # has no .strftime (README, "Maintenance").
    long_date = config.extra["leaflet_text"]["long_date"]
    page.review_dates = {
        name: meta[name].strftime(long_date) if isinstance(meta[name], date) else str(meta[name])
        for name in ("reviewed", "review_due") if meta.get(name)
    }
    escape_title(page)
    return html
