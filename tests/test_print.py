"""Printing: each exercise on one A4 sheet (two for the longest), with
both versions' steps and the Stop if box; the whole leaflet as a PDF."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers.pdf_text import squash, text_of_pdf
from helpers.sources import exercise_paths, front_matter, printed_titles
from leaflet.exercise_list import exercises_in_order
from leaflet.languages import language, path_in_language
from leaflet.nav_rules import read_nav
from local_site import ROOT

# Every exercise page, as the checker finds them (docs/exercises/).
EXERCISES = exercise_paths()

# Sheets each printed page may take. Walking backwards has the most to
# say (why people try it, what the research says).
SHEET_BUDGET = {path: 1 for path in EXERCISES} | {
    "exercises/walking-backwards": 2,
    "progress-chart": 1,
    "when-to-get-help": 1,
}
LEAFLET_PDF = "exercises-for-lumbar-muscle-strain.pdf"
# The sections, in order: every page of `nav:` that print-site prints.
LEAFLET_ORDER = printed_titles()
# At most: the cover, a sheet each for the home page and the routine, and
# each other section's budget; each section starts on a sheet of its own.
LEAFLET_SHEETS = 1 + 2 + sum(SHEET_BUDGET.values())


@pytest.mark.parametrize("path, budget", SHEET_BUDGET.items())
def test_page_prints_within_its_sheet_budget_with_no_blank_sheet(printed, path, budget):
    sheets = printed(path + "/").pages
    assert 1 <= len(sheets) <= budget
    # Every sheet carries more than its margins (disclaimer, address).
    for sheet in sheets:
        body = sheet.extract_text().replace("General information, not medical advice.", "")
        assert len(squash(body)) > 200


@pytest.mark.parametrize("path", EXERCISES)
def test_printed_exercise_has_both_versions_stop_if_and_footer(printed, site_dir, path):
    pdf_text = squash(text_of_pdf(printed(path + "/")))
    html = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = html.select_one("article")
    for label in ("Beginner", "Progressed"):
        assert label in pdf_text
    for step in content.select(".tabbed-block ol > li"):
        assert squash(step.get_text()) in pdf_text
    stop_if = content.select_one("div.admonition.warning")
    for line in stop_if.select("li"):
        assert squash(line.get_text()) in pdf_text
    assert squash("Reviewed 25 November 2026") in pdf_text
    assert squash(f"{path}/") in pdf_text  # the page's address


def test_whole_leaflet_pdf_has_every_section_in_order(site_dir):
    reader = PdfReader(site_dir / LEAFLET_PDF)
    assert len(LEAFLET_ORDER) + 1 <= len(reader.pages) <= LEAFLET_SHEETS
    # The PDF's bookmarks are its page titles (h1), on the sheets they start.
    sections = [(item.title, reader.get_destination_page_number(item))
                for item in reader.outline if not isinstance(item, list)]
    titles = [title for title, _ in sections]
    assert titles[0] == titles[1] == LEAFLET_ORDER[0]  # the cover, then the home page
    assert titles[1:] == LEAFLET_ORDER
    sheets = [sheet for _, sheet in sections]
    assert sheets == sorted(set(sheets)), "each section starts on a sheet of its own"
    text = squash(text_of_pdf(reader))
    # The chart's tick boxes and the emergency list made it to paper.
    assert squash("Week 6") in text and "999" in text


def test_every_page_links_to_the_print_page_and_the_pdf(site_dir):
    for page in site_dir.glob("**/index.html"):
        if page.parent.name in ("print", "search"):
            continue
        links = {a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
                 .select(".leaflet-print-links a")}
        assert any(link.endswith(LEAFLET_PDF) for link in links), page
        assert any(link.rstrip("/").endswith("print") for link in links), page


@pytest.mark.parametrize("print_page, code", [("print/", "en"), ("zh/print/", "zh")])
def test_the_cover_lists_every_exercise_by_its_title_in_nav_order(site_dir, print_page, code):
    cover = " ".join(
        BeautifulSoup((site_dir / print_page / "index.html").read_text(encoding="utf-8"), "html.parser")
        .select_one(".leaflet-cover").get_text(" ").split()
    )
    titles = [front_matter(path_in_language(source, code))["title"]
              for source in exercises_in_order(read_nav(ROOT / "mkdocs.yml"), [])]
    assert len(titles) == len(EXERCISES)
    assert language(code).list_separator.join(titles) in cover
