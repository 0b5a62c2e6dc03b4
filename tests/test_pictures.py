"""Every exercise shows its start and end positions: at least two drawings,
described in words for a blind reader, small, visible on a phone in both
colour schemes, and opening full size on a tap (but not links on paper)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers.sources import exercise_paths
from leaflet.front_matter.models import PICTURE_FILE
from leaflet.pictures import BUDGET_BYTES, kind
from local_site import ROOT

# Every exercise page, as the checker finds them (docs/exercises/).
EXERCISES = exercise_paths()

PICTURES = ROOT / "docs" / "assets" / "pictures"


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
    # Drawings and an editor's own photos alike (PNG, JPEG, WebP).
    drawn = {picture.name for picture in PICTURES.iterdir() if PICTURE_FILE.match(picture.name)}
    assert used <= drawn
    assert drawn <= used, f"pictures no page shows: {drawn - used}"
    for name in drawn:
        assert (PICTURES / name).stat().st_size <= BUDGET_BYTES[kind(name)], name


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


# --- What the drawings show ---------------------------------------------------
# The pose in each lying picture must match its words. scripts/draw_pictures.py
# gives the parts it draws ids (the figure's torso, head and near limbs, the
# mat and any pillow); these tests measure them in the built site's files.
# "On the bed" means within TOUCH px of the mat's top edge, counting half
# the line's width.

TOUCH = 2.5


def drawing(site_dir: Path, name: str) -> dict:
    """The measured parts of a built picture: each part's points with the
    half-width of its line, and the mat's top edge."""
    svg = BeautifulSoup((site_dir / "assets" / "pictures" / name).read_text(encoding="utf-8"), "html.parser")

    def points(part_id):
        element = svg.find(id=part_id)
        if element is None:
            return None
        half = float(element.get("stroke-width", 0)) / 2
        if element.name == "circle":
            x, y, r = (float(element[key]) for key in ("cx", "cy", "r"))
            return [(x, y + r)], half
        pairs = [pair.split(",") for pair in element["points"].split()]
        return [(float(x), float(y)) for x, y in pairs], half

    parts = {part: points(part) for part in ("torso", "head", "near-leg-upper", "near-leg-lower",
                                             "near-arm-upper", "near-arm-lower")}
    mat = svg.find(id="mat")
    pillow = svg.find(id="pillow")
    return {"parts": parts, "mat": float(mat["y"]),
            "pillow": (float(pillow["x"]), float(pillow["x"]) + float(pillow["width"])) if pillow else None}


def lowest(points_and_half) -> float:
    """The y of a part's lowest edge (SVG y grows downwards)."""
    points, half = points_and_half
    return max(y for _, y in points) + half


def gap_above_mat(picture: dict, part: str, select=None) -> float:
    """How far above the mat a part's lowest edge is (0 or less: touching)."""
    points, half = picture["parts"][part]
    if select:
        points = [p for p in points if select(p)]
    return picture["mat"] - lowest((points, half))


@pytest.mark.parametrize("name", ["arch-bridge-five-point.svg", "arch-bridge-three-point.svg"])
def test_bridge_keeps_head_shoulders_and_upper_back_on_the_bed(site_dir, name):
    picture = drawing(site_dir, name)
    torso, _ = picture["parts"]["torso"]
    xs = [x for x, _ in torso]
    head_x = picture["parts"]["head"][0][0][0]
    left, right = min(xs), max(xs)
    # The head lies to one side. The shoulder blades are 15% to 35% of the
    # torso's length from that end, the hips the quarter farthest from it.
    length = right - left
    near_head = (lambda p: left + 0.15 * length <= p[0] <= left + 0.35 * length) if head_x < left else \
        (lambda p: right - 0.35 * length <= p[0] <= right - 0.15 * length)
    hips = (lambda p: p[0] >= right - (right - left) / 4) if head_x < left else \
        (lambda p: p[0] <= left + (right - left) / 4)
    assert gap_above_mat(picture, "head") <= TOUCH, "the head must rest on the bed"
    assert gap_above_mat(picture, "torso", near_head) <= TOUCH, "the shoulders and upper back must stay on the bed"
    assert gap_above_mat(picture, "torso", hips) >= 25, "the hips must be lifted"


def test_full_flying_swallow_rests_on_belly_and_hips(site_dir):
    picture = drawing(site_dir, "flying-swallow-full.svg")
    assert gap_above_mat(picture, "torso") <= TOUCH, "the belly and hips must touch the mat"
    assert gap_above_mat(picture, "head") >= 10, "the head lifts"
    foot = max(picture["parts"]["near-leg-lower"][0], key=lambda p: abs(p[0] - 240))
    assert picture["mat"] - foot[1] >= 12, "the legs lift"
    hand = picture["parts"]["near-arm-lower"][0][-1]
    assert picture["mat"] - hand[1] >= 8, "the arms lift"


def test_beginner_flying_swallow_keeps_the_legs_down_on_a_pillow(site_dir):
    picture = drawing(site_dir, "flying-swallow-beginner.svg")
    assert picture["pillow"], "the Beginner version lies over a pillow"
    assert gap_above_mat(picture, "near-leg-lower") <= TOUCH, "the shins and feet rest on the bed"
    shin, _ = picture["parts"]["near-leg-lower"]
    knee, ankle = shin[0], shin[1]
    assert abs(knee[1] - ankle[1]) <= 4, "the lower leg lies flat along the bed"
    assert gap_above_mat(picture, "head") >= 10, "the head and chest lift a little"
    torso, _ = picture["parts"]["torso"]
    belly = [p for p in torso if picture["pillow"][0] <= p[0] <= picture["pillow"][1]]
    assert belly, "the pillow is under the belly"
