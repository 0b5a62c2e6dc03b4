"""The built site has every page of the leaflet, with the structure and
the article's content a reader relies on. Expectations come from the
source article and the content brief, not from the pages themselves."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from helpers.site import build_site

# Page path in the built site -> the article's dose, as the reader sees it.
EXERCISES = {
    "exercises/waist-flexion-and-extension": [r"4 times each way"],
    "exercises/waist-rotation": [r"1 circle each way", r"then 8 circles"],
    "exercises/arch-bridge": [r"20 to 40 times"],
    "exercises/flying-swallow": [r"20 to 40 times"],
    "exercises/walking-backwards": [r"[Nn]ot given in the article"],
}
TWICE_A_DAY = ["waist-flexion-and-extension", "waist-rotation", "arch-bridge", "flying-swallow"]
OTHER_PAGES = {
    "": "Exercises for lumbar muscle strain",
    "routine": "Your daily routine",
    "when-to-get-help": "When to get help",
    "about": "About this leaflet",
}
TITLES = {
    "exercises/waist-flexion-and-extension": "Waist flexion and extension",
    "exercises/waist-rotation": "Waist rotation",
    "exercises/arch-bridge": "Arch bridge",
    "exercises/flying-swallow": "Flying swallow",
    "exercises/walking-backwards": "Walking backwards",
    **OTHER_PAGES,
}


def soup(site_dir, path: str) -> BeautifulSoup:
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def text_of(element) -> str:
    """Visible text, without the permalink marks MkDocs adds to headings."""
    text = " ".join(element.get_text(" ").split())
    return text.replace(" ¶", "").replace("¶", "").strip()


@pytest.mark.parametrize("path, title", TITLES.items())
def test_every_page_exists_with_its_title(site_dir, path, title):
    assert text_of(soup(site_dir, path).find("h1")) == title


@pytest.mark.parametrize("path", TITLES)
def test_every_page_says_general_information_and_links_to_help(site_dir, path):
    page = soup(site_dir, path)
    content = page.select_one("article.md-content__inner")
    info = content.select_one(".leaflet-page-info")
    assert "general information, not a diagnosis" in text_of(info)
    link = info.find("a", string=re.compile("When to get help"))["href"]
    page_url = f"/{path}/" if path else "/"
    assert urljoin(page_url, link) == "/when-to-get-help/"
    assert re.search(r"Last reviewed: \d{1,2} \w+ \d{4} ?\. Next review due: \d{1,2} \w+ \d{4} ?\. "
                     r"Responsible: Site editors\.", text_of(info))
    banner = page.select_one(".md-banner")
    assert "General information, not medical advice" in text_of(banner)


@pytest.mark.parametrize("path", EXERCISES)
def test_exercise_page_has_stop_if_box_and_both_tabs_with_steps(site_dir, path):
    content = soup(site_dir, path).select_one("article.md-content__inner")
    stop_if = [box for box in content.select("div.admonition.warning")
               if text_of(box.select_one(".admonition-title")) == "Stop if"]
    assert len(stop_if) == 1 and stop_if[0].find("li")

    tabs = content.select_one("div.tabbed-set.tabbed-alternate")
    labels = [text_of(label) for label in tabs.select(".tabbed-labels > label")]
    assert labels == ["Beginner", "Progressed"]
    panels = tabs.select(".tabbed-content > .tabbed-block")
    assert len(panels) == 2
    for panel in panels:
        assert len(panel.select("ol > li")) >= 3


@pytest.mark.parametrize("path, doses", EXERCISES.items())
def test_exercise_page_shows_the_article_dose_at_a_glance(site_dir, path, doses):
    content = soup(site_dir, path).select_one("article.md-content__inner")
    glance = text_of(content.select_one("div.admonition.glance"))
    for label in ("Position:", "How many:", "How often:", "Also called:"):
        assert label in glance
    for dose in doses:
        assert re.search(dose, glance), f"{dose!r} not in the At a glance box of {path}"
    references = [h2 for h2 in content.find_all("h2") if text_of(h2) == "References"]
    assert references[0].find_next("ol").find("a", href=re.compile("^https://"))


@pytest.mark.parametrize("name", TWICE_A_DAY)
def test_routine_is_morning_and_evening(site_dir, name):
    glance = text_of(soup(site_dir, f"exercises/{name}").select_one("div.admonition.glance"))
    assert "Once in the morning and once before bed" in glance
    routine = soup(site_dir, "routine")
    first_table = routine.select_one("article table")
    assert first_table.find("a", href=re.compile(name))


def test_arch_bridge_keeps_five_and_three_point_support(site_dir):
    text = text_of(soup(site_dir, "exercises/arch-bridge").select_one("article"))
    assert "both feet, both elbows and the back of your head" in text
    assert "both feet and the back of your head" in text
    assert re.search(r"do not press hard through your head", text)


def test_home_links_a_card_to_each_exercise(site_dir):
    cards = soup(site_dir, "").select(".grid.cards > ul > li")
    linked = {a["href"].strip("./").removesuffix("/") for card in cards for a in card.select("a")}
    assert linked == set(EXERCISES)


def test_published_pages_link_readers_to_report_a_mistake(tmp_path):
    """The publishing workflow sets REPO_URL; every page then says where to
    report a mistake, without asking GitHub's API for anything."""
    build_site(tmp_path, env={"REPO_URL": "https://github.com/clinic/leaflet"})
    for path in TITLES:
        page = soup(tmp_path, path)
        link = page.select_one(".leaflet-report a")
        assert link["href"] == "https://github.com/clinic/leaflet/issues"
        assert not page.select(".md-source")
