"""Search finds an exercise by the words patients use, typed key by key
into the search box in Chromium, as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers.search import first_result
from helpers.sources import front_matter, page_path
from local_site import ROOT

CASES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))


# The English exercise pages (the Chinese *.zh.md ones: test_zh_search.py).
EXERCISE_SOURCES = [p for p in sorted((ROOT / "docs" / "exercises").glob("*.md")) if not p.name.endswith(".zh.md")]


# Every other name a page gives (an exercise's, the home page's "lumbago",
# When to get help's "sciatica") must find that page first.
ALIASES = [
    {"query": alias, "page": page_path(path)}
    for path in sorted((ROOT / "docs").rglob("*.md"))
    if not path.name.endswith(".zh.md")
    for alias in front_matter(path).get("aliases") or []
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


def test_the_search_index_holds_only_what_finds_a_page(site_dir):
    """Every page loads its language's index (tests/test_privacy_and_weight.py
    counts it): no References sections (paper titles pull "sciatica" onto
    every page citing NICE NG59) nor About's list of sources, keywords on a
    page's top entry only, no At a glance box (it repeats the keywords), no
    runs of spaces and no spare zero-width spaces in Chinese
    (hooks/leaflet/search_index.py)."""
    import json
    import re

    from leaflet.languages import LANGUAGES

    for code, words in LANGUAGES.items():
        index = json.loads((site_dir / words.root / "search" / "search_index.json").read_text(encoding="utf-8"))
        docs = index["docs"]
        titles = {doc["title"].replace("\u200b", "") for doc in docs}
        assert words.references not in titles, code
        assert not any("NG59" in doc["text"] for doc in docs if doc["location"].startswith("exercises/")), code
        assert all("tags" not in doc for doc in docs if "#" in doc["location"]), code
        bridge = next(doc for doc in docs if doc["location"] == "exercises/arch-bridge/")
        assert bridge["tags"], code
        assert words.glance not in bridge["text"].replace("\u200b", ""), code
        assert not any("  " in doc["text"] for doc in docs), code
        # About's list of sources is a References list in sentences.
        assert not any("CD007612" in doc["text"] for doc in docs), code
        # No zero-width space beside another word break (jieba's word
        # breaks in Chinese text stay where they split words).
        text = "".join(doc["title"] + doc["text"] for doc in docs)
        assert not re.search("\u200b[\\s，。、<]|[\\s，。、>]\u200b", text), code
    chinese = json.loads((site_dir / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "锻炼\u200b动作" in "".join(doc["text"] for doc in chinese["docs"])
