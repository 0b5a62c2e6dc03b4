"""A page missing from `nav:` (or a nav entry without a page) is an error
that says which line to add or remove, the same from the command line and
from a build."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from checker_support import HOOK_SITE_CONFIG, PLAIN_PAGE
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from leaflet.check import Site, check_docs

@pytest.fixture
def project(docs, template_text):
    today = date.today()
    dated = template_text.replace("reviewed: 2026-11-25", f"reviewed: {today}").replace(
        "review_due: 2027-11-25", f"review_due: {today + timedelta(days=365)}")
    (docs / "exercises" / "knee-hug.md").write_text(dated, encoding="utf-8")
    (docs / "index.md").write_text(
        PLAIN_PAGE.format(title="Home", reviewed=today, due=today + timedelta(days=365)), encoding="utf-8"
    )
    return docs.parent


def configure(project, nav: str) -> None:
    (project / "mkdocs.yml").write_text(HOOK_SITE_CONFIG + nav, encoding="utf-8")


def both(project, caplog) -> tuple[list[str], list[str]]:
    """(the command line's problems, the build's)."""
    _, problems = check_docs(Site.at(project / "docs", "docs"), project / "mkdocs.yml")
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml")))
    built = [line for record in caplog.records for line in record.getMessage().splitlines()[1:]]
    return [str(problem) for problem in problems], built


def test_a_page_missing_from_the_nav_gets_the_line_to_add(project, caplog):
    configure(project, "nav:\n  - Home: index.md\n")
    expected = [
        "docs/exercises/knee-hug.md: the page is not in `nav:` in mkdocs.yml, so no reader can reach it "
        "from the menu: add the line '- exercises/knee-hug.md' under 'Exercises:'"
    ]
    assert both(project, caplog) == (expected, expected)


def test_a_nav_entry_without_a_page_names_its_line(project, caplog):
    configure(project, "nav:\n  - Home: index.md\n  - Exercises:\n      - exercises/knee-hug.md\n      - exercises/gone.md\n")
    line = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\n").index("      - exercises/gone.md") + 1
    expected = [f"mkdocs.yml:{line}: `nav:` lists exercises/gone.md, which is not a page in docs/: remove the line, or add the page"]
    assert both(project, caplog) == (expected, expected)


def test_without_a_nav_every_page_is_listed_by_mkdocs_and_nothing_is_reported(project):
    configure(project, "")
    assert check_docs(Site.at(project / "docs", "docs"), project / "mkdocs.yml") == (2, [])


def test_a_page_in_not_in_nav_is_reached_by_a_link_and_not_reported(project, caplog):
    """mkdocs.yml's `not_in_nav:` (as the plan pages are): MkDocs and the
    checker both leave the page out of the menu without a word; a page it
    does not name is still reported."""
    today = date.today()
    for name in ("linked-only", "forgotten"):
        (project / "docs" / f"{name}.md").write_text(
            PLAIN_PAGE.format(title=name, reviewed=today, due=today + timedelta(days=365)), encoding="utf-8"
        )
    configure(project, "nav:\n  - Home: index.md\n  - exercises/knee-hug.md\nnot_in_nav: |\n  /linked-only.md\n")
    expected = [
        "docs/forgotten.md: the page is not in `nav:` in mkdocs.yml, so no reader can reach it "
        "from the menu: add the line '- forgotten.md' where it belongs"
    ]
    assert both(project, caplog) == (expected, expected)
