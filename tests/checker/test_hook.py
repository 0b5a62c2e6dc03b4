"""hooks/page_checker.py in real MkDocs builds, in one process as under
`mkdocs serve`: a broken page stops the build with every problem listed and
nothing written; the next build starts clean; warnings count under --strict."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import pytest
from checker_support import HOOK_SITE_CONFIG, PLAIN_PAGE
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort



@pytest.fixture
def site(docs, template_text):
    """A small valid site, its review a year away (the hook's today is real)."""
    today = date.today()
    dates = {"reviewed": today, "due": today + timedelta(days=365)}
    (docs / "index.md").write_text(PLAIN_PAGE.format(title="Home", **dates), encoding="utf-8")
    (docs / "when-to-get-help.md").write_text(PLAIN_PAGE.format(title="When to get help", **dates), encoding="utf-8")
    exercise = re.sub(r"reviewed: .*", f"reviewed: {today}", template_text)
    exercise = re.sub(r"review_due: .*", f"review_due: {today + timedelta(days=365)}", exercise)
    (docs / "exercises" / "knee-hug.md").write_text(exercise, encoding="utf-8")
    (docs.parent / "mkdocs.yml").write_text(HOOK_SITE_CONFIG, encoding="utf-8")
    return docs


def build_site(docs, strict=False):
    build(load_config(str(docs.parent / "mkdocs.yml"), strict=strict))


def errors_logged(caplog):
    return [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]


def test_broken_pages_stop_the_build_with_every_problem_and_the_next_build_starts_clean(site, caplog):
    exercise = site / "exercises" / "knee-hug.md"
    valid = exercise.read_text(encoding="utf-8")
    broken = valid.replace("reviewed:", "reveiwed:").replace('!!! warning "Stop if"', '??? warning "Stop if"')
    stop_if_line = valid.split("\n").index('!!! warning "Stop if"') + 1  # where the template has it
    exercise.write_text(broken, encoding="utf-8")
    (site / "about.md").write_bytes(b"---\ntitle: About\n---\n\nCaf\xe9\n")

    with pytest.raises(Abort):
        build_site(site)
    assert errors_logged(caplog) == [
        "3 page problems (python scripts/check_pages.py finds them without building):\n"
        "docs/about.md:5: the file is not UTF-8 text: byte 0xe9 at offset 25 cannot be read; "
        "save the file with UTF-8 encoding\n"
        "docs/exercises/knee-hug.md:17: unknown field 'reveiwed': did you mean 'reviewed'?\n"
        f"docs/exercises/knee-hug.md:{stop_if_line}: the \"Stop if\" warning must not be collapsed: start it with '!!!', not '???'"
    ]
    assert not list((site.parent / "site").rglob("*.html"))

    caplog.clear()
    exercise.write_text(valid, encoding="utf-8")
    (site / "about.md").unlink()
    build_site(site)
    assert errors_logged(caplog) == []
    assert (site.parent / "site" / "exercises" / "knee-hug" / "index.html").exists()


def test_a_page_whose_html_breaks_stops_the_build_before_anything_is_written(site, caplog):
    exercise = site / "exercises" / "knee-hug.md"
    # Steps indented 8 spaces after a paragraph: right to the line rules,
    # a code block to Python-Markdown.
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(re.sub(r"^    (\d\. )", r"        \1", text, flags=re.M), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(site)
    assert errors_logged(caplog) == [
        "2 page problems (python scripts/check_pages.py finds them without building):\n"
        "docs/exercises/knee-hug.md: the \"Beginner\" tab shows no numbered steps: indent its \"1.\" lines "
        "by exactly 4 spaces (8 spaces makes them a code block)\n"
        "docs/exercises/knee-hug.md: the \"Progressed\" tab shows no numbered steps: indent its \"1.\" lines "
        "by exactly 4 spaces (8 spaces makes them a code block)"
    ]
    assert not list((site.parent / "site").rglob("*.html"))


def test_warnings_are_logged_under_mkdocs_so_strict_counts_them(site, caplog):
    exercise = site / "exercises" / "knee-hug.md"
    due = date.today() + timedelta(days=30)
    text = re.sub(r"review_due: .*", f"review_due: {due}", exercise.read_text(encoding="utf-8"))
    exercise.write_text(text, encoding="utf-8")

    build_site(site)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name.startswith("mkdocs.")]
    assert [r.getMessage() for r in warnings] == [
        f"docs/exercises/knee-hug.md:18: the review is due in 30 days ('review_due' is {due}): review the page, "
        "then set 'reviewed' to the date of that review and 'review_due' to the next one"
    ]
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode!"):
        build_site(site, strict=True)


def test_a_page_without_its_counterpart_in_the_other_language_stops_the_build(site, caplog):
    # A Chinese home page: now the site has two languages, and the other
    # English pages have no Chinese page.
    (site / "index.zh.md").write_text(
        PLAIN_PAGE.format(title="首页", reviewed=date.today(), due=date.today() + timedelta(days=365)).replace(
            "A short page.", "一个简短的页面。"
        ),
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        build_site(site)
    assert errors_logged(caplog) == [
        "2 page problems (python scripts/check_pages.py finds them without building):\n"
        "docs/exercises/knee-hug.md: no Chinese page docs/exercises/knee-hug.zh.md: add it, or remove this page\n"
        "docs/when-to-get-help.md: no Chinese page docs/when-to-get-help.zh.md: add it, or remove this page"
    ]
