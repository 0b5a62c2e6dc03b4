"""Search finds an exercise by the words patients use, typed key by key
into the search box in Chromium, as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers.search import first_result
from helpers.sources import front_matter
from local_site import ROOT

CASES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))


# The English exercise pages (the Chinese *.zh.md ones: test_zh_search.py).
EXERCISE_SOURCES = [p for p in sorted((ROOT / "docs" / "exercises").glob("*.md")) if not p.name.endswith(".zh.md")]

# Every other name an exercise page gives must find that page first.
ALIASES = [
    {"query": alias, "page": f"exercises/{path.stem}/"}
    for path in EXERCISE_SOURCES
    for alias in front_matter(path)["aliases"]
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


@pytest.mark.parametrize("case", CASES + ALIASES, ids=lambda case: case["query"])
def test_query_finds_its_page_first(search_page, site_url, case):
    assert first_result(search_page, site_url, case["query"]) == case["page"]


def test_the_data_file_covers_every_exercise_and_the_help_page():
    pages = {case["page"] for case in CASES}
    exercises = {f"exercises/{p.stem}/" for p in EXERCISE_SOURCES}
    assert exercises | {"when-to-get-help/"} <= pages
    assert len(CASES) >= 25
