"""MkDocs hook: a QR code of its own address on every printed exercise
sheet, and of its language's home page on the printed leaflet's cover
(leaflet/qr_codes.py; overrides/print-cover.tpl prints `leaflet_qr`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from leaflet.languages import being_built, of_page
from leaflet.qr_codes import FOLDER, file_name, lazy_qr_codes, qr_figure_html, with_qr_figure, write_qr
from leaflet.site_layout import is_exercise, print_page_url


# Before the print-site plugin (0) keeps each page's HTML for the printed
# leaflet, so its sheets carry their codes too.
@event_priority(50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_exercise(page.file.src_uri) or not page.canonical_url:
        return html
    words = of_page(page, being_built(config).code).text
    # canonical_url: MkDocs joins site_url and the page's address.
    size = write_qr(Path(config.site_dir), page.url, page.canonical_url)
    src = get_relative_url(f"{FOLDER}/{file_name(page.url)}", page.url)
    figure = qr_figure_html(src, page.canonical_url, size, words["qr_alt"], words["qr_caption"])
    return with_qr_figure(html, str(figure))


# Before print-site (0) renders the cover, in each language's build.
@event_priority(10)
def _cover_code(config: MkDocsConfig) -> None:
    """The cover's code: the home page of the language being built."""
    words = being_built(config)
    config.extra["leaflet_qr"] = None
    if not config.site_url:
        return
    address = urljoin(config.site_url, words.root)
    size = write_qr(Path(config.site_dir), words.root, address)
    # print-site writes its page's addresses as if it were at the site's
    # root (hooks/site_languages.py moves the Chinese page's down a level).
    src = get_relative_url(f"{FOLDER}/{file_name(words.root)}", print_page_url(config))
    config.extra["leaflet_qr"] = qr_figure_html(
        src, address, size, words.text["qr_cover_alt"], words.text["cover_online"])


# After print-site (0) has written the whole-leaflet page, and
# hooks/site_languages.py (-50) has rewritten it.
@event_priority(-60)
def _lazy_codes_in_print_page(config: MkDocsConfig) -> None:
    page = Path(config.site_dir, being_built(config).root, print_page_url(config), "index.html")
    if page.is_file():
        page.write_text(lazy_qr_codes(page.read_text(encoding="utf-8")), encoding="utf-8")


on_post_build = CombinedEvent(_cover_code, _lazy_codes_in_print_page)
