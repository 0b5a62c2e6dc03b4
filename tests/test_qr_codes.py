"""From paper back to the web (hooks/qr_codes.py): every printed exercise
sheet, in the browser's print and in the whole leaflet's PDF, and the
PDF's cover carry a QR code that a phone reads as that page's address;
on screen the codes are neither shown nor fetched."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from build_pdf import PDF_NAME
from helpers.html import soup
from helpers.pdf_text import in_pdf
from helpers.qr import codes_per_sheet
from site_pages import exercise_pages


def address_of(site_dir, path: str) -> str:
    """The page's address under site_url, as the page itself states it."""
    return soup(site_dir, path).find("link", rel="canonical")["href"]


def exercises(site_dir, root: str) -> list[str]:
    """The exercise pages of the language whose pages start at root."""
    found = [root + path for path in exercise_pages(site_dir) if (site_dir / root / path).is_dir()]
    assert found, f"no exercise pages under {root or '/'}"
    return found


@pytest.mark.parametrize("root", ["", "zh/"], ids=["en", "zh"])
def test_each_printed_exercise_sheet_leads_back_to_its_page(printed, site_dir, root):
    for path in exercises(site_dir, root):
        pdf = printed(path).stream.getvalue()
        assert codes_per_sheet(pdf)[0] == [address_of(site_dir, path)], path


@pytest.mark.parametrize("root", ["", "zh/"], ids=["en", "zh"])
def test_the_pdf_cover_and_each_exercise_sheet_lead_back_to_their_pages(site_dir, root):
    pdf = (site_dir / root / PDF_NAME).read_bytes()
    sheets = codes_per_sheet(pdf)
    texts = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages]
    assert sheets[0] == [address_of(site_dir, root)], "the cover"
    for path in exercises(site_dir, root):
        [number] = [number for number, codes in enumerate(sheets) if address_of(site_dir, path) in codes]
        title = soup(site_dir, path).find("h1").get_text()
        assert in_pdf(title, texts[number]), f"{path}: its code is on sheet {number + 1}, not beside its title"
    # No other sheet carries a code.
    assert sum(len(codes) for codes in sheets) == 1 + len(exercises(site_dir, root))


@pytest.mark.parametrize("width", [390, 1280])
def test_on_screen_the_codes_are_neither_shown_nor_fetched(browser, site_url, site_dir, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    for path in exercises(site_dir, "") + exercises(site_dir, "zh/"):
        page.goto(site_url + path)
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_load_state("networkidle")
        assert page.locator(".leaflet-qr").count() == 1, path
        assert not page.locator(".leaflet-qr").is_visible(), path
    assert not [url for url in fetched if "/assets/qr/" in url]
    context.close()


def test_each_code_is_big_enough_for_a_phone_and_kept_out_of_search(site_dir):
    """At least 0.4 mm a square on paper (CSS pixels are 1/96 inch), and
    the caption's address is not in the search index."""
    for root in ("", "zh/"):
        index = (site_dir / root / "search" / "search_index.json").read_text(encoding="utf-8")
        for path in exercises(site_dir, root):
            img = soup(site_dir, path).select_one(".leaflet-qr img")
            svg = (site_dir / path / img["src"]).resolve().read_text(encoding="ascii")
            modules = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
            assert int(img["width"]) / modules * 25.4 / 96 >= 0.4, path
            assert address_of(site_dir, path) not in index, path
