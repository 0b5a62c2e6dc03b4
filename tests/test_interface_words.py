"""The words the leaflet's own code and templates write, around the pages'
Markdown, are in the reader's language: the one 404 page speaks English and
Chinese, each heading's link is titled in the page's language, and the
phone menu button is named in it (docs/javascripts/keyboard.js)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import expect

from leaflet.languages import CHINESE, ENGLISH

HAN = re.compile(r"[\u4e00-\u9fff]")


def soup_of(site_dir, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")


def site_path(site_dir) -> str:
    """The path the site is built for ("/" or "/REPO/"), from its home link."""
    home = soup_of(site_dir, "index.html").select_one("link[rel=canonical]")["href"]
    return urlsplit(home).path


def test_the_404_page_speaks_english_and_chinese(site_dir):
    page = soup_of(site_dir, "404.html")
    assert page.title.string.strip().startswith(ENGLISH.text["not_found_title"])
    assert CHINESE.text["not_found_title"] in page.title.string
    article = page.select_one("article")
    chinese = article.select_one('section[lang="zh"]')
    assert chinese is not None, "no section in Chinese (lang=zh) on the 404 page"
    assert chinese.h2.get_text(strip=True) == CHINESE.text["not_found_title"]
    # Every sentence of the Chinese section is in Chinese...
    for block in chinese.find_all(["h2", "h3", "p", "li"]):
        text = block.get_text(strip=True)
        assert HAN.search(text), f"not Chinese on the 404 page: {text!r}"
        assert not re.search(r"[A-Za-z]{3,}", text), f"English words in the Chinese section: {text!r}"
    # ...and leads to Chinese pages that exist, When to get help first.
    prefix = site_path(site_dir)
    targets = [a["href"].removeprefix(prefix) for a in chinese.select("a[href]")]
    assert targets[0] == "zh/when-to-get-help/", targets
    assert {"zh/", "zh/when-to-get-help/"} <= set(targets)
    for target in targets:
        assert target.startswith("zh/"), f"the Chinese section links to an English page: {target}"
        assert (site_dir / target / "index.html").is_file(), f"the 404 page links to a missing page: {target}"
    # The English part stays as it was, outside the Chinese section.
    assert article.h1.get_text(strip=True) == ENGLISH.text["not_found_title"]
    assert article.h1.find_parent("section") is None


def test_heading_links_are_titled_in_the_pages_language(site_dir):
    checked = 0
    for code, words in (("en", ENGLISH), ("zh", CHINESE)):
        root = site_dir / words.root
        for html in sorted(root.glob("*/index.html")) + sorted(root.glob("exercises/*/index.html")):
            if code == "en" and html.is_relative_to(site_dir / CHINESE.root):
                continue
            links = soup_of(site_dir, html.relative_to(site_dir).as_posix()).select("article a.headerlink")
            links += soup_of(site_dir, html.relative_to(site_dir).as_posix()).select(".print-page a.headerlink")
            titles = {link.get("title") for link in links}
            assert titles <= {words.text["permalink_title"]}, f"{html.relative_to(site_dir)}: {titles}"
            checked += len(links)
    assert checked > 50


def test_the_menu_button_is_named_in_the_pages_language(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for root, name in (("", "Menu"), ("zh/", "菜单")):
            page.goto(site_url + root + "routine/")
            button = page.get_by_role("button", name=name, exact=True)
            expect(button).to_be_visible()
            button.click()
            expect(button).to_have_attribute("aria-expanded", "true")
    finally:
        context.close()


def test_chinese_labels_and_words_read_naturally(site_dir):
    """The At a glance box says 姿势 (posture) for position, the body areas
    say upper back and waist and hips, and the pages use everyday words."""
    assert CHINESE.glance_labels["position"] == "姿势"
    assert CHINESE.body_areas["upper back"] == "上背部"
    assert CHINESE.body_areas["waist and hips"] == "腰和髋部"
    bridge = soup_of(site_dir, "zh/exercises/arch-bridge/index.html").select_one("article .glance").get_text()
    assert "姿势：仰卧" in bridge and "位置" not in bridge
    unnatural = ["马路牙子", "结实的地面", "非工作时间服务"]
    for html in sorted((site_dir / "zh").rglob("index.html")):
        text = soup_of(site_dir, html.relative_to(site_dir).as_posix()).select_one("article").get_text()
        for words in unnatural:
            assert words not in text, f"{html.relative_to(site_dir)}: {words}"
