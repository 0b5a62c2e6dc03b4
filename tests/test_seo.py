"""Findable and shareable: each page's description, link-preview tags,
canonical address, language and schema.org data come from its front
matter; the sitemap, robots.txt and a helpful 404 page exist; and front
matter values are always printed as text, never as markup."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from helpers.html import soup as soup_of, text_of
from helpers.sources import front_matter, source_of
from leaflet.escaping import as_html
from leaflet.minify import minify_css
from leaflet.robots import robots_txt
from leaflet.structured_data import medical_web_page
from local_site import ROOT, build_site, serve
from site_pages import built_pages, exercise_pages



def markdown_pages(site_dir) -> list[str]:
    """Built pages that come from docs/*.md (not the 404 or plugin pages)."""
    pages = []
    for page in built_pages(site_dir, include_404=False):
        if source_of(page).is_file():
            pages.append(page)
    return pages


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def json_ld(soup: BeautifulSoup) -> dict:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, f"expected one JSON-LD block, found {len(scripts)}"
    return json.loads(scripts[0].string)


@pytest.fixture(scope="module")
def site_base(site_dir) -> str:
    """site_url as built (SITE_URL may change it): the home page's canonical."""
    canonical = soup_of(site_dir, "").find("link", rel="canonical")["href"]
    assert urlsplit(canonical).scheme in ("http", "https") and canonical.endswith("/")
    return canonical


# --- Every page -------------------------------------------------------------


def test_every_page_has_language_description_canonical_and_share_tags(site_dir, site_base):
    problems = []
    for page in markdown_pages(site_dir):
        soup, data = soup_of(site_dir, page), front_matter(source_of(page))
        title = data["title"]
        expected = {
            "description": " ".join(data["description"].split()),
            "og:description": " ".join(data["description"].split()),
            "twitter:description": " ".join(data["description"].split()),
            "og:title": title,
            "twitter:title": title,
            "og:url": site_base + page,
            "og:type": "website",
            "twitter:card": "summary",
        }
        for key, value in expected.items():
            if meta(soup, key) != value:
                problems.append(f"/{page}: {key} is {meta(soup, key)!r}, expected {value!r}")
        if soup.html.get("lang") != "en":
            problems.append(f"/{page}: <html lang> is {soup.html.get('lang')!r}")
        canonical = soup.find("link", rel="canonical")
        if not canonical or canonical["href"] != site_base + page:
            problems.append(f"/{page}: canonical is {canonical and canonical['href']!r}")
        if not meta(soup, "og:site_name"):
            problems.append(f"/{page}: no og:site_name")
    assert not problems, "\n".join(problems)


def test_every_page_is_a_medical_web_page_with_its_review_date(site_dir, site_base):
    for page in markdown_pages(site_dir):
        data, ld = front_matter(source_of(page)), json_ld(soup_of(site_dir, page))
        assert ld["@context"] == "https://schema.org"
        assert ld["@type"] == "MedicalWebPage", page
        assert ld["lastReviewed"] == data["reviewed"].isoformat(), page
        assert ld["url"] == site_base + page
        assert ld["description"] == " ".join(data["description"].split())
        # The site editors look after the page; they are not a clinical
        # review, and nothing claims one unless the publisher names it.
        assert ld["maintainer"] == {"@type": "Organization", "name": data["responsible"]}
        assert "reviewedBy" not in ld, page
        assert ld["inLanguage"] == "en"
        assert ld["about"]["@type"] == "MedicalCondition"
        assert ("mainEntity" in ld) == page.startswith("exercises/"), page


def test_exercise_pages_describe_the_exercise_as_an_exercise_plan(site_dir, site_base):
    pages = exercise_pages(site_dir)
    assert len(pages) >= 5
    for page in pages:
        data = front_matter(source_of(page))
        plan = json_ld(soup_of(site_dir, page))["mainEntity"]
        assert plan["@type"] == "ExercisePlan"
        assert plan["name"] == data["title"]
        assert plan["alternateName"] == data["aliases"]
        assert plan["exerciseType"] == data["position"]
        # The numbers the Beginner version builds up to, and the same words
        # as the page's At a glance box.
        level = data["dose"]["beginner"]
        aim = level.get("target", level["start"])
        low, high = aim if isinstance(aim, list) else (aim, aim)
        repetitions = plan["repetitions"]
        assert (repetitions["@type"], repetitions["minValue"], repetitions["maxValue"]) == (
            "QuantitativeValue", low, high)
        glance = text_of(soup_of(site_dir, page).select_one("div.admonition.glance"))
        assert f"How many: {repetitions['description']}" in glance
        assert f"How often: {plan['activityFrequency']}" in glance
        assert [area["name"] for area in plan["associatedAnatomy"]] == data["body_areas"]
        assert [image["contentUrl"] for image in plan["image"]] == [
            f"{site_base}assets/pictures/{picture['src']}" for picture in data["pictures"]
        ]
        assert [image["description"] for image in plan["image"]] == [p["alt"] for p in data["pictures"]]


def test_sitemap_lists_every_page(site_dir, site_base):
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    listed = {element.text for element in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {site_base + page for page in markdown_pages(site_dir)}
    assert expected <= listed, f"missing from the sitemap: {sorted(expected - listed)}"
    assert all(url.startswith(site_base) for url in listed)


def test_robots_txt_allows_crawling_and_points_to_the_sitemap(site_dir, site_base):
    text = (site_dir / "robots.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: {site_base}sitemap.xml" in lines


def test_404_page_helps_the_reader_on(site_dir, site_base):
    soup = soup_of(site_dir, "404.html")
    assert soup.title.string.strip().startswith("Page not found")
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert meta(soup, "robots") == "noindex"
    # Material writes the 404 page's links from site_url's path ("/" or
    # "/REPO/"), as it is served at any depth of a missing address.
    prefix = urlsplit(site_base).path
    hrefs = [a["href"] for a in soup.find("article").find_all("a")]
    targets = {href.removeprefix(prefix).removesuffix(".") for href in hrefs if href.startswith(prefix)}
    assert len(targets) == len(set(hrefs)), f"links not under {prefix}: {hrefs}"
    for page in ["", *exercise_pages(site_dir), "when-to-get-help/"]:
        assert page in targets, f"no link to /{page} on the 404 page: {hrefs}"
    for target in targets:
        assert (site_dir / target / "index.html").is_file(), f"the 404 page links to a missing page: {target}"


def test_a_named_clinical_reviewer_is_published_only_when_configured(tmp_path):
    """extra.clinical_reviewer (here from CLINICAL_REVIEWER) names who
    reviewed the pages: each page then says so, as text, and its JSON-LD
    gives it as reviewedBy. Without it (the default, the other tests), every
    page says no clinician has reviewed it."""
    reviewer = 'Physiotherapy <Team> & "Partners"'
    build_site(tmp_path, env={"CLINICAL_REVIEWER": reviewer})
    for page in ("", "exercises/arch-bridge/", "zh/when-to-get-help/"):
        soup = soup_of(tmp_path, page)
        ld = json_ld(soup)
        assert ld["reviewedBy"] == {"@type": "Organization", "name": reviewer}
        assert ld["maintainer"] == {"@type": "Organization", "name": "Site editors"}
        review = " ".join(soup.select_one(".leaflet-review").get_text(" ").split())
        assert reviewer in review
        assert "Clinical review:" in review or "临床审核：" in review
        assert "No doctor or physiotherapist" not in review and "没有经过医生" not in review


# --- Escaping -----------------------------------------------------------------

PAYLOAD = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    """The site built from a copy whose Arch bridge page has PAYLOAD as its
    title, at the start of its description and as its first alias."""
    project = tmp_path_factory.mktemp("injected")
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # The page checker refuses markup in front matter, rightly; this test is
    # about what the templates do with a value that gets past it.
    config = re.sub(r"(?m)^\s*-\s*hooks/page_checker\.py\s*\n", "", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    page = project / "docs" / "exercises" / "arch-bridge.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: '{PAYLOAD}'", text, count=1)
    text = re.sub(r"(?m)^description: >-\n  ", f"description: >-\n  {PAYLOAD} ", text, count=1)
    text = re.sub(r"(?m)^aliases:\n  - .*$", f"aliases:\n  - '{PAYLOAD}'", text, count=1)
    assert text.count(PAYLOAD) == 3
    page.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("injected-site")
    build_site(site, config=project / "mkdocs.yml")
    return site


def test_front_matter_markup_never_reaches_a_page_as_markup(injected_site):
    raw = [
        str(path.relative_to(injected_site))
        for path in injected_site.rglob("*")
        if path.suffix in (".html", ".json", ".xml", ".js", ".txt") and PAYLOAD in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not raw, f"{PAYLOAD} appears unescaped in: {raw}"


def test_front_matter_markup_comes_out_as_text(injected_site):
    html = (injected_site / "exercises" / "arch-bridge" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    # Read back as text, each value is exactly what the editor wrote.
    assert soup.title.string.strip().startswith(PAYLOAD)
    for key in ("og:title", "twitter:title"):
        assert meta(soup, key) == PAYLOAD
    for key in ("description", "og:description", "twitter:description"):
        assert meta(soup, key).startswith(PAYLOAD + " Lie on your back")
    ld = json_ld(soup)
    assert ld["name"] == PAYLOAD and ld["mainEntity"]["name"] == PAYLOAD
    assert ld["mainEntity"]["alternateName"][0] == PAYLOAD
    assert ld["description"].startswith(PAYLOAD)
    glance = soup.find(class_="glance")
    assert PAYLOAD in glance.get_text(), "the At a glance box should show the alias as text"
    # And in the source, only in escaped forms.
    assert escape(PAYLOAD) in html  # &lt;script&gt; in title, meta tags, glance
    assert "\\u003cscript\\u003e" in html  # JSON-LD: tojson escapes < and >
    # Search shows a result's tags (the aliases) as HTML: escaped there.
    index = json.loads((injected_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    page_entries = [doc for doc in index["docs"] if doc["location"] == "exercises/arch-bridge/"]
    assert escape(PAYLOAD) in page_entries[0]["tags"]


def test_front_matter_markup_does_not_run_in_the_browser(injected_site, browser):
    dialogs = []
    with serve(injected_site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url + "exercises/arch-bridge/")
        assert page.title().startswith(PAYLOAD)
        assert page.locator(".md-nav__link--active").first.inner_text().strip() == PAYLOAD
        page.get_by_role("textbox", name="Search").click()
        page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for()
        page.get_by_role("textbox", name="Search").press_sequentially("glute")
        page.locator(".md-search-result__item").first.wait_for()
        result_text = page.locator(".md-search-result__item").first.inner_text()
        context.close()
    assert PAYLOAD in result_text, "the search result should show the alias as text"
    assert not dialogs, f"script from front matter ran: {dialogs}"


# --- The plain functions behind the hooks ---------------------------------------


def test_robots_txt_needs_an_absolute_site_url():
    assert robots_txt("https://example.org/leaflet/").endswith("Sitemap: https://example.org/leaflet/sitemap.xml\n")
    assert "Sitemap: https://example.org/sitemap.xml" in robots_txt("https://example.org")
    with pytest.raises(ValueError):
        robots_txt("/leaflet/")


def test_front_matter_is_escaped_once_at_any_depth_and_only_text():
    assert as_html('<b>"Hips" & knees</b>') == "&lt;b&gt;&#34;Hips&#34; &amp; knees&lt;/b&gt;"
    assert as_html({"a": ["a<b", {"c": "&"}]}) == {"a": ["a&lt;b", {"c": "&amp;"}]}
    assert as_html(as_html("a & b")) == "a &amp; b"
    assert as_html(date(2026, 1, 2)) == date(2026, 1, 2) and as_html(2.5) == 2.5


def test_structured_data_leaves_out_what_is_missing():
    data = medical_web_page(
        {"description": "  Two\n lines ", "reviewed": date(2026, 1, 2)},
        title="T", url="https://e.org/t/", site_name="S", site_url="https://e.org/", language="en",
    )
    assert data["description"] == "Two lines"
    assert data["lastReviewed"] == "2026-01-02"
    assert "reviewedBy" not in data and "mainEntity" not in data
    plan = medical_web_page({}, title="T", url=None, site_name="S", site_url="https://e.org/", language="en", exercise=True)
    assert plan["mainEntity"] == {"@type": "ExercisePlan", "name": "T"}


@pytest.mark.parametrize(
    "css, expected",
    [
        ("a  >  b { color : red ; }", "a>b{color : red}"),
        (".md-typeset :is(h1, h2) { margin: 0 }", ".md-typeset :is(h1,h2){margin: 0}"),
        ('/* note */ a::before { content: "  /* kept */  " / ""; }', 'a::before{content: "  /* kept */  " / ""}'),
        ("a { background: url( 'x y.svg' ) }", "a{background: url( 'x y.svg' )}"),
        ("@media screen and (max-width: 10em) {\n  a { b: c }\n}", "@media screen and (max-width: 10em){a{b: c}}"),
    ],
)
def test_minify_css_keeps_the_meaning(css, expected):
    assert minify_css(css) == expected + "\n"
