"""When to get help holds every item of the content brief's lists, each in
the right box. Each item is a set of words that must all appear in one list
item, so the wording can change but the meaning cannot be dropped."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

EMERGENCY = [
    ("numbness", "tingling", "weakness", "both legs"),
    ("pain going down both legs",),
    ("weakness in one leg", "getting worse", "foot slaps", "catches"),
    # The saddle area, in words that cover everyone.
    ("numbness", "genitals", "back passage", "buttocks", "inner thighs", "saddle"),
    ("wipe yourself", "toilet"),
    ("starting or stopping peeing", "bladder", "leaking", "bowels"),
    ("sex", "erection", "ejaculating", "less feeling"),
    ("chest pain",),
    ("serious fall", "accident"),
]
URGENT = [
    ("fever", "hot and shivery"),
    ("unwell in yourself",),
    ("infection lately",),
    ("losing weight",),
    ("lump", "swelling", "changed shape"),
    ("does not ease", "rest", "worse at night"),
    ("sneeze", "cough", "toilet"),
    ("between your shoulder blades",),
    ("had cancer",),
    ("weak immune system", "chemotherapy", "long-term steroid tablets", "HIV"),
    ("inject drugs",),
    ("weak bones", "osteoporosis"),
    ("under 20", "over 50", "new"),
]
SOON = [
    ("no better after 2 weeks",),
    ("below your knee",),
    ("sleeping", "working"),
]
BOXES = {"danger": EMERGENCY, "warning": URGENT, "note": SOON}


@pytest.fixture(scope="module")
def help_page(site_dir):
    html = (site_dir / "when-to-get-help" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


@pytest.mark.parametrize("kind", BOXES)
def test_each_list_item_is_in_its_box(help_page, kind):
    box = help_page.select_one(f"div.admonition.{kind}")
    items = [" ".join(li.get_text(" ").split()) for li in box.select("li")]
    for words in BOXES[kind]:
        assert any(all(word in item for word in words) for item in items), \
            f"no item in the {kind} box says all of {words}"


def test_emergency_and_urgent_numbers_are_explained(help_page):
    emergency = help_page.select_one("div.admonition.danger").get_text(" ")
    for number in ("999", "112", "911", "120"):
        assert number in emergency
    assert "NHS 111" in help_page.select_one("div.admonition.warning").get_text(" ")


def test_the_emergency_box_comes_first(help_page):
    first = help_page.select_one("div.admonition")
    assert "danger" in first["class"]


def test_only_emergency_and_urgent_signs_stop_the_exercises(help_page):
    """NICE NG59 and the CSP advise keeping active: the Soon box must not
    tell anyone to stop moving; the two urgent boxes must stop the
    exercises."""
    intro = " ".join(p.get_text(" ") for p in help_page.select(":scope > p"))
    stop = re.search(r"[^.]*do not start or carry on with the exercises[^.]*", " ".join(intro.split()))
    assert stop, "the page no longer says when not to exercise"
    assert "Emergency" in stop.group(0) and "Urgent" in stop.group(0)
    assert "Soon" not in stop.group(0)
    soon = " ".join(help_page.select_one("div.admonition.note").get_text(" ").split())
    assert "Keep active" in soon
    assert not re.search(r"do not (start|carry on)|stop (the )?exercis", soon, re.I)


def test_steroids_are_long_term_tablets_not_all_steroid_medicines(help_page):
    text = " ".join(help_page.get_text(" ").split())
    assert "steroid medicines" not in text
    assert all("long-term steroid tablets" in sentence
               for sentence in re.findall(r"[^.\n]*steroid[^.\n]*", text))


def test_the_signs_cite_nhs_and_nice_guidance(help_page):
    references = [h2 for h2 in help_page.find_all("h2") if h2.get_text(strip=True).startswith("References")]
    assert references, "When to get help lists no references"
    links = [a["href"] for a in references[0].find_next("ol").select("a[href]")]
    assert any(href.startswith("https://www.nice.org.uk/guidance/ng59") for href in links)
    assert any(".nhs.uk/" in href or "nhsinform.scot" in href for href in links)
    assert len(links) >= 3
