"""Chinese search on the Chinese site (/zh/): the words Chinese readers use
find the right page first, typed into the search box in Chromium.

Material's search cuts Chinese text into words with jieba when the site is
built (the Chinese pages' exercise titles and aliases, hooks/search_words.py,
and search/jieba-user-dict.txt's words are kept whole) and cuts the query in
the browser with the words of the index, so these tests go through the real
index and the real browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers.search import CHINESE, first_result
from helpers.sources import front_matter, page_path
from local_site import ROOT

CASES = yaml.safe_load((Path(__file__).parent / "search_queries_zh.yaml").read_text(encoding="utf-8"))

# Every other name a Chinese exercise or help page gives must find that page first.
ALIASES = [
    {"query": alias, "page": "zh/" + page_path(path, ".zh.md")}
    for path in sorted((ROOT / "docs").rglob("*.zh.md"))
    for alias in front_matter(path).get("aliases") or []
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("case", CASES + ALIASES, ids=lambda case: case["query"])
def test_chinese_query_finds_its_page_first(search_page, site_url, case):
    assert first_result(search_page, site_url, case["query"], **CHINESE) == case["page"]


def test_the_data_file_covers_every_exercise_and_the_help_page():
    pages = {case["page"] for case in CASES}
    exercises = {f"zh/exercises/{p.name.removesuffix('.zh.md')}/" for p in (ROOT / "docs" / "exercises").glob("*.zh.md")}
    assert exercises | {"zh/when-to-get-help/"} <= pages
    assert len(CASES) >= 15
    assert len(ALIASES) >= 25


def test_each_language_has_its_own_search_index(site_dir):
    """Chinese pages search zh/search/search_index.json (their Material
    `base` is /zh/), English pages search/search_index.json: each finds its
    own language's pages only, and no page loads the other's index."""
    import json

    def index(path):
        return json.loads((site_dir / path / "search" / "search_index.json").read_text(encoding="utf-8"))

    english, chinese = index(""), index("zh")
    assert english["config"]["lang"] == ["en"] and chinese["config"]["lang"] == ["zh"]
    assert "\\u200b" in chinese["config"]["separator"]
    en_pages = {doc["location"].split("#")[0] for doc in english["docs"]}
    zh_pages = {doc["location"].split("#")[0] for doc in chinese["docs"]}
    assert "exercises/arch-bridge/" in en_pages and "exercises/arch-bridge/" in zh_pages
    assert not any(page.startswith("zh/") for page in en_pages | zh_pages)
    assert not any("\u4e00" <= char <= "\u9fff" for doc in english["docs"] for char in doc["title"])
    bridge = next(doc for doc in chinese["docs"] if doc["location"] == "exercises/arch-bridge/")
    assert "五点支撑" in bridge["tags"]
