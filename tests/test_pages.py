"""The built site has every page of the leaflet, with the structure and
the article's content a reader relies on. Expectations come from the
source article and the content brief, not from the pages themselves."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from helpers.html import soup, text_of
from helpers.sources import front_matter
from leaflet.languages import path_in_language
from leaflet.nav_rules import nav_pages, read_nav
from leaflet.site_layout import is_exercise
from local_site import ROOT, build_site

# Page path in the built site -> the article's dose, as the reader sees it.
EXERCISES = {
    "exercises/waist-flexion-and-extension": [r"4 times each way"],
    # The article's "1 each way, then 8": the 8 at a glance, the first two
    # circles in the steps (test_rotation_circles_once_each_way_first).
    "exercises/waist-rotation": [r"8 times, changing direction each time"],
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
                     r"Responsible: Site editors\. No doctor or physiotherapist has reviewed this page\.",
                     text_of(info))
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


def tab_panels(content) -> dict[str, str]:
    """Each content tab's text, by its label."""
    tabs = content.select_one("div.tabbed-set")
    labels = [text_of(label) for label in tabs.select(".tabbed-labels > label")]
    return dict(zip(labels, (text_of(panel) for panel in tabs.select(".tabbed-content > .tabbed-block"))))


def test_arch_bridge_keeps_the_articles_names_but_is_neck_safe(site_dir):
    """Both bridges keep the article's five and three points, but the head
    only rests and the shoulders and upper back stay on the bed (the brief:
    the traditional versions load the neck)."""
    content = soup(site_dir, "exercises/arch-bridge").select_one("article")
    text = text_of(content)
    assert "both feet, both elbows and the back of your head" in text
    assert "both feet and the back of your head" in text
    for label, panel in tab_panels(content).items():
        assert "Keep your shoulders and upper back on the bed" in panel, label
    panels = tab_panels(content)
    assert "just rests" in panels["Beginner"]
    assert "never push down through it" in panels["Progressed"]
    # Who stays with five-point.
    assert re.search(r"If you have neck problems, weak bones \(osteoporosis\) or get dizzy, "
                     r"stay with five-point instead", panels["Progressed"])
    # Five-point rests on the head too: never offer it as a way off the head.
    assert "takes the weight off your head" not in text
    assert "push" not in panels["Beginner"]


@pytest.mark.parametrize("path", ["exercises/arch-bridge", "exercises/flying-swallow"])
def test_a_harder_version_starts_again_low(site_dir, path):
    """Moving to the Progressed version restarts at about 5 and builds up
    again: never straight to 20 to 40."""
    progressed = tab_panels(soup(site_dir, path).select_one("article"))["Progressed"]
    assert re.search(r"When you start this version, go back to about 5 \w+", progressed)
    assert re.search(r"up to 20 to 40 times", progressed)
    assert not re.search(r"Repeat 20 to 40", progressed)


def test_routine_build_up_restarts_low_for_a_progressed_version(site_dir):
    tables = soup(site_dir, "routine").select("article table")
    rows = [text_of(row) for row in tables[-1].select("tbody tr")]
    progressed = [row for row in rows if "Progressed" in row]
    # Low, as each exercise's page says (test_a_harder_version_starts_again_low).
    assert progressed and all(re.search(r"Start again low, at the amount its page gives", row) for row in progressed)


def test_routine_credits_the_csp_for_six_to_eight_weeks(site_dir):
    text = text_of(soup(site_dir, "routine").select_one("article"))
    sentence = re.search(r"[^.]*at least 6 to 8 weeks[^.]*", text).group(0)
    assert "Chartered Society of Physiotherapy" in sentence
    assert "as physiotherapists advise" not in text


def test_waist_rotation_gives_both_readings_of_the_count(site_dir):
    text = text_of(soup(site_dir, "exercises/waist-rotation").select_one("article"))
    assert "顺、逆交替回旋各八次" in text and "8 each way" in text and "8 in all" in text
    assert "The steps below follow the English copy" in text


@pytest.mark.parametrize("tab", ["Beginner", "Progressed"])
def test_rotation_circles_once_each_way_first(site_dir, tab):
    steps = tab_panels(soup(site_dir, "exercises/waist-rotation").select_one("article"))[tab]
    assert re.search(r"clockwise.*anticlockwise.*Then keep circling.*8 times, changing direction each time", steps)


def test_walking_backwards_keeps_its_distance_and_names_its_dose(site_dir):
    content = soup(site_dir, "exercises/walking-backwards").select_one("article")
    heading = next(h2 for h2 in content.find_all("h2") if text_of(h2) == "Why people try it")
    why = text_of(heading.find_next("p"))
    for claim in ("eases tension", "blood flow", "bone strength"):
        sentence = re.search(rf"[^.]*{claim}[^.]*", why).group(0)
        assert re.search(r"article|It also says", sentence), sentence
    glance = text_of(content.select_one("div.admonition.glance"))
    assert "not from research" in glance
    # The 15 minutes, 3 times a week comes with a source a reader can check.
    assert "not a figure from research" in text_of(content.select_one("div.admonition.info"))
    links = [a["href"] for a in content.select(".leaflet-references a")]
    assert any("physioquart" in link for link in links)


def test_home_describes_both_kinds_of_strain_and_what_to_expect(site_dir):
    text = text_of(soup(site_dir, "").select_one("article"))
    sudden = re.search(r"A sudden strain\.(.*?)A long-standing strain\.", text).group(1)
    assert "4 to 6 weeks" in sudden
    lasting = re.search(r"A long-standing strain\.(.*?)With either kind", text).group(1)
    for cause in ("sitting or standing", "bending", "old strain"):
        assert cause in lasting
    assert "months" in lasting and "does not clear up in a few weeks" in lasting


def test_about_cites_the_article_and_says_no_clinician_reviewed_the_pages(site_dir):
    text = text_of(soup(site_dir, "about").select_one("article"))
    assert '"What Are the Best Exercises for Lumbar Muscle Strain?"' in text
    assert "The site editors are not doctors or physiotherapists" in text
    assert "None of them has checked this leaflet" in text


def test_home_links_a_card_to_each_exercise(site_dir):
    cards = soup(site_dir, "").select(".grid.cards > ul > li")
    linked = {a["href"].strip("./").removesuffix("/") for card in cards for a in card.select("a")}
    assert linked == set(EXERCISES)


@pytest.mark.parametrize("home, code", [("", "en"), ("zh/", "zh")])
def test_home_cards_come_from_the_exercise_pages_in_nav_order(site_dir, home, code):
    """Each card is its exercise page's title, its `card` picture and
    summary, in the order of `nav:`: a new exercise needs no card by hand."""
    nav = [page for page in nav_pages(read_nav(ROOT / "mkdocs.yml")) if is_exercise(page)]
    cards = soup(site_dir, home).select(".grid.cards > ul > li")
    assert len(cards) == len(nav)
    for card, source in zip(cards, nav):
        data = front_matter(path_in_language(source, code))
        assert text_of(card.select_one("a")) == data["title"]
        assert card.select_one("a")["href"] == source.removesuffix(".md") + "/"
        assert card.select_one("img")["src"].endswith("assets/pictures/" + data["card"]["picture"])
        assert text_of(card) == f"{data['title']} {data['card']['summary']}"


def test_published_pages_link_readers_to_report_a_mistake(tmp_path):
    """The publishing workflow sets REPO_URL; every page then says where to
    report a mistake, without asking GitHub's API for anything."""
    build_site(tmp_path, env={"REPO_URL": "https://github.com/clinic/leaflet"})
    for path in TITLES:
        page = soup(tmp_path, path)
        link = page.select_one(".leaflet-report a")
        assert link["href"] == "https://github.com/clinic/leaflet/issues"
        assert not page.select(".md-source")
