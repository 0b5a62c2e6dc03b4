"""QR codes from paper back to the web: each printed exercise sheet, and
the printed leaflet's cover, carry a QR code of their page's address, so
someone holding the fridge copy opens the page (and from it the guided
session) in two seconds.

Each code is an SVG file made at build time by segno from the page's
address under site_url, shown by an <img> that only print shows: a lazy
picture inside something hidden on screen is never fetched there, and a
browser printing the page fetches it for the sheet (leaflet.css,
print.css). So the code adds nothing to the page's first load.

On paper the code stands beside the row of pictures, where it takes no
height of its own: an exercise sheet is full, and must stay one sheet.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import segno
from markupsafe import Markup

from .escaping import html_text

FOLDER = "assets/qr"
# The row of pictures that exercise_html.pictures_html writes.
PICTURES_ROW = '<div class="leaflet-pictures">'

# Error correction M: a code still reads with a crease or a smudge.
ERROR_CORRECTION = "m"
# Each module (the code's square) is at least 0.4 mm on paper, which phone
# cameras read from a photocopy: 1.6 CSS pixels at 96 pixels to the inch
# is 0.42 mm. The <img> states that size; the SVG scales to it (viewBox).
PIXELS_PER_MODULE = 1.6
# The quiet zone that readers need around the code, in modules.
BORDER = 4


def file_name(page_url: str) -> str:
    """The code's file, from the page's address in the site:
    "exercises/arch-bridge/" is "exercises-arch-bridge.svg", the home page
    "home.svg", the Chinese home page "zh.svg"."""
    return (page_url.strip("/").replace("/", "-") or "home") + ".svg"


def qr_svg(address: str) -> tuple[str, int]:
    """The QR code of address as SVG text (the same bytes on every build),
    and the width and height to show it at, in CSS pixels."""
    code = segno.make(address, error=ERROR_CORRECTION, micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", border=BORDER, xmldecl=False, svgclass=None, lineclass=None, omitsize=True)
    return out.getvalue().decode("ascii"), round(code.symbol_size(scale=1, border=BORDER)[0] * PIXELS_PER_MODULE)


def write_qr(site_dir: Path, page_url: str, address: str) -> int:
    """Write the code of address for the page at page_url into the site;
    its size in pixels."""
    svg, size = qr_svg(address)
    path = site_dir / FOLDER / file_name(page_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="ascii")
    return size


def qr_figure_html(src: str, address: str, size: int, alt: str, caption: str) -> Markup:
    """The printed code with the address under it, for readers who type.
    src: the code's file, relative to the page."""
    return Markup(
        # Not for search: the address would match every exercise page.
        '<figure class="leaflet-qr" data-search-exclude>\n'
        f'<img alt="{html_text(alt)}" height="{size}" loading="lazy" src="{html_text(src)}" width="{size}" />\n'
        f'<figcaption>{html_text(caption)}<br />{html_text(address)}</figcaption>\n'
        "</figure>\n"
    )


def with_qr_figure(html: str, figure: str) -> str:
    """The page's HTML with figure just before its row of pictures (print.css
    floats it beside them), or, on a page without pictures, after its title."""
    row = html.find(PICTURES_ROW)
    if row != -1:
        return html[:row] + figure + html[row:]
    head, title_end, rest = html.partition("</h1>")
    return head + title_end + "\n" + figure + rest if title_end else figure + html


# mkdocs-print-site-plugin takes `loading="lazy"` off every picture of the
# whole-leaflet page, so that all of them print; the codes are hidden on
# screen, and lazy they are fetched only for printing, as on their own pages.
_EAGER_QR = re.compile(r'(<figure class="leaflet-qr"[^>]*>\s*<img)(?![^>]*\bloading=)')


def lazy_qr_codes(html: str) -> str:
    return _EAGER_QR.sub(r'\1 loading="lazy"', html)
