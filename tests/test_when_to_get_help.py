"""When to get help holds every item of the content brief's lists, each in
the right box. Each item is a set of words that must all appear in one list
item, so the wording can change but the meaning cannot be dropped."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

EMERGENCY = [
    ("numbness", "tingling", "weakness", "both legs"),
    ("numbness", "genitals", "buttocks", "inner thighs"),
    ("peeing", "bladder", "bowels"),
    ("chest pain",),
    ("serious fall", "accident"),
]
URGENT = [
    ("fever", "hot and shivery"),
    ("losing weight",),
    ("lump", "swelling", "changed shape"),
    ("does not ease", "rest", "worse at night"),
    ("sneeze", "cough", "toilet"),
    ("between your shoulder blades",),
    ("cancer", "osteoporosis", "steroid"),
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
