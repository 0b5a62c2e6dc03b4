"""Private and light: reading any page contacts no other host and sets no
cookie, and each page's first load, pictures included, stays within the
budget for a cheap phone on a slow connection."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers.axe import LAYOUT_SHIFT_OBSERVER, LAYOUT_SHIFT_TOLERANCE
from gzip_server import wire_size
from site_pages import built_pages

# A page's first load, gzip-compressed as a web host sends it: HTML, CSS,
# JavaScript, fonts (none), pictures and the search index, and each page's
# Content-Security-Policy (hooks/leaflet/csp.py). The project's budgets
# (README, "Accessible, fast and private"): 110 KB for a reading page;
# Chinese pages carry more bytes for the same words (three per character
# in UTF-8) and a larger search index (jieba's word breaks), so 115 KB.
# What loads after the page has loaded (the offline copy,
# tests/test_offline.py) is not first load.
PAGE_BUDGET_BYTES = 110_000
CHINESE_BUDGET_BYTES = 115_000
# The print page (print-site plugin) is the whole leaflet at once, with all
# of its pictures, made to be printed rather than read on a phone; the
# guided session carries the routine's data and its scripts: 125 KB each,
# set before pages had a Content-Security-Policy, which comes on top
# (about 340 bytes gzipped, mostly hashes, which do not compress). The
# clinician's plan maker carries the same data with its form, its QR
# encoder and the plan link's reader, and the patient's plan page the same
# data and reader (and what a plan printed in its language gives: the pain
# rule, When to get help's red flags): plan pages, the session's budget.
# The progress chart, with the log's script, is a reading page.
POLICY_BYTES = 1_000
OWN_BUDGETS = {path: 125_000 + POLICY_BYTES for path in (
    "print/", "zh/print/", "session/", "zh/session/", "make-a-plan/", "zh/make-a-plan/",
    "your-plan/", "zh/your-plan/")}


def budget(path: str) -> int:
    if path in OWN_BUDGETS:
        return OWN_BUDGETS[path]
    return CHINESE_BUDGET_BYTES if path.startswith("zh/") else PAGE_BUDGET_BYTES


@dataclass
class FirstLoad:
    page: str
    urls: list[str] = field(default_factory=list)  # every request, in order
    weights: dict[str, int] = field(default_factory=dict)  # URL -> bytes on the wire
    cookies: list = field(default_factory=list)
    document_cookie: str = ""
    layout_shift: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.weights.values())


def _other_hosts(urls: list[str], site_url: str) -> list[str]:
    here = urlsplit(site_url).netloc
    return sorted(
        {url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != here}
    )


def _open(browser, site_url, width=390):
    """A new reader: a fresh context that records every request and lets
    none leave this machine."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    here = urlsplit(site_url).netloc
    context.route(lambda url: urlsplit(url).netloc != here, lambda route: route.abort())
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    return context, urls


@pytest.fixture(scope="module")
def first_loads(browser, site_url, site_dir) -> dict[str, FirstLoad]:
    """Every page opened once at phone width by a new reader, scrolled to
    the end (so lazy pictures load) until the network is quiet."""
    loads = {}
    for path in built_pages(site_dir):
        context, urls = _open(browser, site_url)
        context.add_init_script(script=LAYOUT_SHIFT_OBSERVER)
        load = FirstLoad(path, urls)
        responses = []
        context.on("response", lambda response: responses.append(response))
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_load_state("networkidle")
        for response in responses:
            if response.request.method == "GET" and 200 <= response.status < 300:
                load.weights[response.url] = wire_size(response.body(), response.headers.get("content-type", ""))
        load.cookies = context.cookies()
        load.document_cookie = page.evaluate("() => document.cookie")
        load.layout_shift = page.evaluate("() => window.__layoutShift")
        loads[path] = load
        context.close()
    return loads


# --- Privacy --------------------------------------------------------------


def test_no_page_contacts_another_host(first_loads, site_url):
    contacted = {path: _other_hosts(load.urls, site_url) for path, load in first_loads.items()}
    contacted = {path: hosts for path, hosts in contacted.items() if hosts}
    assert not contacted, f"pages that asked another host for something: {contacted}"


def test_search_index_is_counted(first_loads, site_url):
    """The recorder sees what Material's search worker fetches too, so the
    host and weight checks cover it."""
    home = first_loads[""]
    assert any(url.endswith("search/search_index.json") for url in home.urls), home.urls


def test_no_cookies(first_loads):
    with_cookies = {
        path: (load.cookies, load.document_cookie)
        for path, load in first_loads.items()
        if load.cookies or load.document_cookie
    }
    assert not with_cookies, f"cookies set: {with_cookies}"


def test_a_readers_visit_stays_on_this_site(browser, site_url):
    """Search, open a result, switch tabs and colour scheme: nothing is
    fetched from elsewhere and nothing is stored in a cookie."""
    context, urls = _open(browser, site_url)
    page = context.new_page()
    page.goto(site_url)
    page.locator("label.md-header__button[for=__search]").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    page.get_by_role("textbox", name="Search").press_sequentially("bridge")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    page.locator(".tabbed-labels label").nth(1).click()
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.reload()
    page.wait_for_load_state("networkidle")
    cookies, document_cookie = context.cookies(), page.evaluate("() => document.cookie")
    context.close()
    assert not _other_hosts(urls, site_url), _other_hosts(urls, site_url)
    assert not cookies and not document_cookie


# Elements that make the browser fetch something as the page loads.
_FETCHING = [
    ("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
    ("source", "srcset"), ("iframe", "src"), ("embed", "src"), ("object", "data"),
    ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"),
]
# <link> relations that are only links, not fetches.
_LINK_ONLY = {"canonical", "prev", "next", "alternate", "author", "license", "help", "search"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def _elsewhere(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or bool(re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I))


def test_built_files_fetch_nothing_from_elsewhere(site_dir: Path):
    """Belt and braces for pages the browser tests might not exercise fully:
    no web fonts, CDNs, analytics or embeds anywhere in the built site."""
    found = []
    for html in site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in _FETCHING:
            for element in soup.find_all(tag):
                if tag == "link" and _LINK_ONLY.intersection(element.get("rel") or []):
                    continue
                value = element.get(attribute) or ""
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in attribute else [value]
                found += [f"{html.relative_to(site_dir)}: <{tag} {attribute}={url}>" for url in urls if _elsewhere(url)]
        for style in soup.find_all("style"):
            found += [f"{html.relative_to(site_dir)}: <style> {m}" for m in _CSS_URL.findall(style.get_text()) if any(map(_elsewhere, m))]
    for css in site_dir.rglob("*.css"):
        for match in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            found += [f"{css.relative_to(site_dir)}: {url}" for url in match if url and _elsewhere(url)]
    assert not found, "\n".join(found)


# --- Weight and stability ---------------------------------------------------


def test_every_first_load_is_within_the_budget(first_loads):
    over = {
        path or "/": f"{load.total:,} bytes, budget {budget(path):,}: " + ", ".join(
            f"{urlsplit(url).path} {size:,}" for url, size in sorted(load.weights.items(), key=lambda item: -item[1])[:6]
        )
        for path, load in first_loads.items()
        if load.total > budget(path)
    }
    assert not over, "over budget (gzip):\n" + "\n".join(f"{p}: {d}" for p, d in over.items())


def test_pictures_are_counted(first_loads, site_dir):
    """An exercise page's pictures load (lazily, once scrolled to) and count."""
    exercise = next(path for path in first_loads if path.startswith("exercises/"))
    pictures = [url for url in first_loads[exercise].weights if "/assets/pictures/" in url]
    assert len(pictures) >= 2, first_loads[exercise].weights


def test_nothing_shifts_while_loading_and_scrolling(first_loads):
    shifted = {path or "/": load.layout_shift for path, load in first_loads.items()
               if load.layout_shift > LAYOUT_SHIFT_TOLERANCE}
    assert not shifted, f"layout shift (CLS) on: {shifted}"
