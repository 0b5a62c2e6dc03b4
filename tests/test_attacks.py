"""No front matter value can run as script or become markup: a test
generated from the page models (hooks/leaflet/front_matter/models.py).

Every value an editor can write (helpers/attacks.py walks the models) gets
markup payloads. A value the checker refuses must be refused on its own
line; every value it accepts goes into one copy of the site (a page per
field, the payloads packed into as few values as the field's limit
allows, in both languages), which is built for real. Then no built page,
print page, 404 page, search index entry, sitemap or schema.org block may
hold live markup from a payload, and Chromium, with the
Content-Security-Policy bypassed (so this tests the escaping, not the
second line of defence), opens every page and runs search for the payloads
without `pwn()` ever being called.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

from helpers.attacks import (
    FILLER,
    Leaf,
    PAYLOADS,
    TEMPLATE_RESULT,
    chunks,
    is_free_text,
    join_page,
    leaves,
    live_markup,
    split_page,
    with_value,
)
from helpers.project import copy_of_the_project
from local_site import build_site, serve
from leaflet.check import Site, check_source
from leaflet.languages import LANGUAGES, path_in_language
from leaflet.front_matter.models import EXERCISE_ONLY, ExercisePage, Page

TODAY = date.today()
# The pages the hostile ones are copied from: an exercise and a plain page.
SOURCES = {"exercise": "exercises/arch-bridge.md", "page": "about.md"}
NAV_ANCHOR = "      - exercises/walking-backwards.md\n"
MODELS = {"page": Page, "exercise": ExercisePage}


def attacked_fields() -> list[tuple[str, Leaf]]:
    """(kind of page, value) for every value of the models: Page's on both
    kinds of page, ExercisePage's own on exercise pages."""
    return [(kind, leaf) for kind, model in MODELS.items() for leaf in leaves(model)]


def lines_of(text: str, key) -> range:
    """The lines of a top-level key of a page's front matter, its value's
    lines included."""
    lines = text.split("\n")
    start = next(number for number, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))
    end = next(number for number in range(start + 1, len(lines) + 1)
               if not lines[number - 1].startswith((" ", "-")))
    return range(start, end)


def checked(docs: Path, src_uri: str, text: str) -> list:
    return check_source(src_uri, text.encode("utf-8"), Site.at(docs, "docs", TODAY))


class Attack:
    """The hostile copy of the site, and which values went into it."""

    def __init__(self, project: Path):
        self.project = project
        self.docs = project / "docs"
        self.built_fields: set[tuple] = set()
        self.refused: set[tuple] = set()
        self.pages: list[str] = []
        self.first_pages: list[str] = []  # the first page of each field

    def plant(self) -> None:
        for number, (kind, leaf) in enumerate(attacked_fields()):
            values = chunks(leaf.max_length) if is_free_text(leaf.annotation) else PAYLOADS
            for part, value in enumerate(values):
                self._plant_one(kind, leaf.loc, value, f"attack-{number}-{part}")

    def _plant_one(self, kind: str, loc: tuple, value: str, name: str) -> None:
        source = SOURCES[kind]
        folder = "exercises/" if kind == "exercise" else ""
        src_uri = f"{folder}{name}.md"
        texts = {}
        for code in LANGUAGES:
            original = (self.docs / path_in_language(source, code)).read_text(encoding="utf-8")
            front, body = split_page(original)
            # Words added if the value alone is too short for the field
            # (a description's 50 characters, alt text's 4 words).
            for padded in (value, f"{value} {FILLER}", f"{value} {FILLER} {FILLER}"):
                text = join_page(with_value(front, loc, padded), body)
                problems = checked(self.docs, path_in_language(src_uri, code), text)
                on_field = [p for p in problems if p.line in lines_of(text, loc[0])]
                if not problems:
                    break
            texts[code] = (text, problems, on_field)
        if all(not problems for _, problems, _ in texts.values()):
            for code, (text, _, _) in texts.items():
                target = self.docs / path_in_language(src_uri, code)
                target.write_text(text, encoding="utf-8")
            self.pages.append(src_uri)
            if (kind, loc) not in self.built_fields:
                self.first_pages.append(src_uri)
            assert (kind, loc) not in self.refused, f"{kind} {loc}: some payloads refused, others built"
            self.built_fields.add((kind, loc))
            return
        for code, (text, problems, on_field) in texts.items():
            # Refused: and refused on the field's own line, so the editor
            # is told where.
            assert on_field, f"{kind} {loc} = {value!r} ({code}): refused, but not on its line: {problems}"
        self.refused.add((kind, loc))

    def add_to_nav(self) -> None:
        config = self.project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert NAV_ANCHOR in text
        lines = "".join(f"      - {page}\n" for page in self.pages)
        config.write_text(text.replace(NAV_ANCHOR, NAV_ANCHOR + lines), encoding="utf-8")


@pytest.fixture(scope="module")
def attack(tmp_path_factory) -> Attack:
    attack = Attack(copy_of_the_project(tmp_path_factory.mktemp("attack") / "project"))
    attack.plant()
    attack.add_to_nav()
    return attack


@pytest.fixture(scope="module")
def attacked_site(attack, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("attacked-site")
    build_site(site, config=attack.project / "mkdocs.yml")
    return site


def test_every_value_is_either_built_or_refused_on_its_line(attack):
    every = {(kind, leaf.loc) for kind, leaf in attacked_fields()}
    assert every == attack.built_fields | set(attack.refused)
    # The test proves nothing if the checker refused everything: the fields
    # people write words in must reach the site.
    words = {("page", ("title",)), ("page", ("description",)), ("page", ("subtitle",)),
             ("page", ("tags", 0)), ("page", ("aliases", 0)), ("exercise", ("pictures", 0, "caption")),
             ("exercise", ("pictures", 0, "alt")),
             ("exercise", ("references", 0, "title")), ("exercise", ("body_areas", 0))}
    assert words <= attack.built_fields, sorted(words - attack.built_fields)
    assert ("exercise", ("references", 0, "url")) in attack.refused
    assert any(loc[0] in EXERCISE_ONLY for _, loc in attack.built_fields)


def test_no_payload_is_live_markup_in_any_built_file(attacked_site):
    files = sorted(attacked_site.rglob("*.html"))
    assert any("print" in path.parts for path in files) and (attacked_site / "404.html").is_file()
    found = {}
    for path in files:
        html = path.read_text(encoding="utf-8")
        problems = live_markup(html)
        if TEMPLATE_RESULT in html:
            problems.append("a payload ran as a template")
        if problems:
            found[str(path.relative_to(attacked_site))] = problems
    assert not found, found


def test_schema_org_data_holds_each_payload_as_plain_text(attacked_site):
    blocks = verbatim = 0
    for path in attacked_site.rglob("attack-*/index.html"):
        html = path.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            data = json.loads(block)  # so no payload ended the block early
            blocks += 1
            assert "</" not in block, path
            text = json.dumps(data, ensure_ascii=False)
            # Plain text: "&" stays "&", never "&amp;" (escaped for HTML).
            assert "&amp;" not in text, f"HTML-escaped in {path}"
            verbatim += any(payload in text for payload in PAYLOADS)
    assert blocks >= 10 and verbatim >= 5, (blocks, verbatim)


def test_the_search_indexes_and_sitemap_stay_data(attacked_site):
    for index in attacked_site.rglob("search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert any("attack-" in doc["location"] for doc in docs)
        for doc in docs:
            # Material shows titles, text and tags of results as HTML.
            shown = " ".join([doc.get("title", ""), doc.get("text", "")] + list(doc.get("tags") or []))
            assert not live_markup(shown), (doc["location"], live_markup(shown))
    for sitemap in attacked_site.rglob("sitemap.xml"):
        ElementTree.fromstring(sitemap.read_bytes())


SEARCHED = """() => /\\d|No matching/.test((document.querySelector(".md-search-result__meta") || {}).textContent || "")"""


def test_no_payload_runs_in_chromium_on_any_page_or_search(attack, attacked_site, browser):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.add_init_script("window.__pwned = []; window.pwn = () => window.__pwned.push(location.href);")
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran = []
    with serve(attacked_site) as url:
        # The print pages hold every page of their language, and every page's
        # navigation every title: one page of each field does for the rest.
        addresses = ["", "zh/", "print/", "zh/print/", "404.html"]
        addresses += [page_url for src in attack.first_pages for page_url in _addresses(src)]
        for address in addresses:
            page.goto(url + address)
            page.wait_for_load_state("load")
            ran += page.evaluate("window.__pwned")
            assert page.locator(".pwn, x-pwn").count() == 0, address
        for query in ("pwn", "script", "onerror"):
            page.goto(url + f"?q={query}")
            # Material has searched once it says how many pages match.
            page.wait_for_function(SEARCHED)
            page.wait_for_timeout(300)  # its results are drawn a moment later
            ran += page.evaluate("window.__pwned")
            assert page.locator(".pwn, x-pwn").count() == 0, query
    context.close()
    assert not ran and not dialogs, (ran, dialogs)


def _addresses(src_uri: str) -> list[str]:
    stem = src_uri.removesuffix(".md")
    return [f"{stem}/", f"zh/{stem}/"]
