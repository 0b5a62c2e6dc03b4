"""Every exercise shows its start and end positions: at least two drawings,
described in words for a blind reader, small, visible on a phone in both
colour schemes, and opening full size on a tap (but not links on paper)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers.site import ROOT
from test_pages import EXERCISES

PICTURES = ROOT / "docs" / "assets" / "pictures"
PICTURE_BUDGET_BYTES = 15_000


def pictures_on(site_dir: Path, path: str):
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select("article .leaflet-pictures img")


@pytest.mark.parametrize("path", EXERCISES)
def test_exercise_shows_two_or_more_described_pictures(site_dir, path):
    pictures = pictures_on(site_dir, path)
    assert len(pictures) >= 2
    for picture in pictures:
        assert len(picture["alt"].split()) >= 4, picture["alt"]
        assert picture["width"] and picture["height"]  # no jump while loading
        assert picture.find_parent("a")["href"] == picture["src"]  # tap: full size
        assert picture.find_parent("figure").find("figcaption").get_text(strip=True)


def test_every_picture_file_is_used_exists_and_is_small(site_dir):
    used = {Path(img["src"]).name for path in EXERCISES for img in pictures_on(site_dir, path)}
    drawn = {picture.name for picture in PICTURES.glob("*.svg")}
    assert used <= drawn
    assert drawn <= used, f"drawings no page shows: {drawn - used}"
    for name in drawn:
        assert (PICTURES / name).stat().st_size <= PICTURE_BUDGET_BYTES, name


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_are_visible_on_a_phone(browser, site_url, tmp_path, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    for path in EXERCISES:
        page.goto(site_url + path + "/")
        pictures = page.locator(".leaflet-pictures img")
        assert pictures.count() >= 2
        for index in range(pictures.count()):
            picture = pictures.nth(index)
            picture.scroll_into_view_if_needed()
            box = picture.bounding_box()
            assert box["width"] > 100 and box["height"] > 60, (path, index, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (path, index, box)
            assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
        # Kept for a person to look at when a run fails.
        page.screenshot(path=tmp_path / f"{path.replace('/', '-')}-{scheme}.png", full_page=True)
    context.close()


def test_the_printed_leaflet_has_pictures_but_no_links_to_them(site_dir):
    for print_page in (site_dir / "print" / "index.html", site_dir / "zh" / "print" / "index.html"):
        html = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
        pictures = html.select(".leaflet-pictures img")
        assert len(pictures) >= 10
        assert not [img for img in pictures if img.find_parent("a")]
