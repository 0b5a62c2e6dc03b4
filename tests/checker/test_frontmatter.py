"""The checker finds front matter exactly where MkDocs does, and every way
MkDocs would silently drop it is an error with a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from checker_support import TODAY
from mkdocs.utils.meta import get_data

from leaflet import front_matter
from leaflet.check import Site, check_page
from leaflet.problems import PageReport

FIELDS = "title: Home\nreviewed: 2026-11-25\n"


@pytest.mark.parametrize(
    ("text", "mkdocs_reads_it"),
    [
        (f"---\n{FIELDS}---\n\n# Home\n", True),
        (f"---\n{FIELDS}...\n\n# Home\n", True),  # YAML's document end closes too
        (f"---  \n{FIELDS}---\t\n# Home\n", True),  # trailing blanks on the --- lines
        (f"---\n{FIELDS}---", False),  # closing line without a line break after it
        (f"---\n{FIELDS}\n# Home\n", False),  # never closed
        (f"\n---\n{FIELDS}---\n", False),  # not on the first line
        ("---\ntitle: [Home\n---\n", False),  # not YAML
        ("---\n- title\n---\n", False),  # YAML, but not a mapping
        ("---\ntitle: Home\ntitle: Again\n---\n", True),  # YAML keeps the last; the checker objects
    ],
)
def test_front_matter_is_found_where_mkdocs_finds_it(text, mkdocs_reads_it):
    _, mkdocs_meta = get_data(text)
    report = PageReport("docs/index.md")
    found = front_matter.read(text, report)
    assert bool(mkdocs_meta) == mkdocs_reads_it
    if mkdocs_reads_it:
        assert found.data == mkdocs_meta
    else:
        assert found.data is None and report.has_errors


def test_line_numbers_count_the_front_matter_and_windows_line_endings_are_read_as_mkdocs_does():
    page = b"---\r\ntitle: Home\r\ndescription: Too short.\r\n---\r\n"
    problems = check_page("index.md", page, Site.at(Path("nowhere"), "docs", TODAY))
    assert str(next(p for p in problems if "'description'" in p.message)) == (
        "docs/index.md:3: 'description' is too short: 10 characters, at least 50 needed "
        "(a summary for search results, 50 to 160 characters)"
    )


def test_a_quoted_iso_date_counts_as_a_date():
    report = PageReport("docs/index.md")
    found = front_matter.read('---\nreviewed: "2026-11-25"\n---\n', report)
    assert found.data == {"reviewed": "2026-11-25"} and not report.problems
