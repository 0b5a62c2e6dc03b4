"""Over-long pages, lines and blocks, and control characters, are refused
before the page is read as YAML or rendered as Markdown (Python-Markdown
takes minutes over some of them; benchmarks/checker_input_size.py prints
the times)."""

from __future__ import annotations

import pytest
from checker_support import TODAY

from leaflet import check, front_matter
from leaflet.check import Site, check_page
from leaflet.limits import BLOCK_MAX_BYTES, LINE_MAX_CHARACTERS, PAGE_MAX_BYTES
from leaflet.markdown_rules import parse_box

HEAD = "---\ntitle: T\n---\n\n# T\n\n"


@pytest.fixture
def no_parsing(monkeypatch):
    """Reading the front matter or rendering the page fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the page was parsed or rendered although it is over a limit")

    monkeypatch.setattr(check.markdown_html, "render", refuse)
    monkeypatch.setattr(front_matter, "read", refuse)


def problems(page: str, docs) -> list[str]:
    return [str(p) for p in check_page("exercises/x.md", page.encode("utf-8"), Site.at(docs, "docs", TODAY))]


def test_a_line_of_brackets_is_refused_before_rendering(no_parsing, docs):
    found = problems(HEAD + "[" * 150_000 + "\n", docs)
    assert found == [
        f"docs/exercises/x.md:7: the line is 150,000 characters long, over the limit of {LINE_MAX_CHARACTERS:,}: "
        "break it into shorter lines",
        "docs/exercises/x.md:7: the paragraph or block starting on this line is 150,001 bytes, over the limit of "
        f"{BLOCK_MAX_BYTES:,}: split it with blank lines",
    ]


def test_a_block_of_short_lines_is_refused_when_it_is_too_big(no_parsing, docs):
    block = "\n".join(["[" * 100] * 90)  # 9,090 bytes, no line over the limit
    assert problems(HEAD + "Text.\n\n" + block + "\n", docs) == [
        "docs/exercises/x.md:9: the paragraph or block starting on this line is 9,090 bytes, over the limit of "
        f"{BLOCK_MAX_BYTES:,}: split it with blank lines"
    ]


def test_a_page_over_the_size_limit_is_refused_whole(no_parsing, docs):
    page = HEAD + ("Words and more words.\n\n" * 10_000)
    assert problems(page, docs) == [
        f"docs/exercises/x.md:1: the page is {len(page.encode()):,} bytes, over the limit of {PAGE_MAX_BYTES:,}: "
        "split it into smaller pages"
    ]


def test_a_control_character_is_reported_on_its_own_line(no_parsing, docs):
    assert problems(HEAD + "One.\n\nTwo\x00.\n", docs) == [
        "docs/exercises/x.md:9: the line holds the control character U+0000, which no page should: delete it "
        "(an editor's 'show invisible characters' setting shows where)"
    ]


def test_pages_within_the_limits_are_read_as_before(docs):
    # Just under every limit: read and checked as usual.
    line = "Short words. " * (LINE_MAX_CHARACTERS // 13)
    found = problems(HEAD + line + "\n", docs)
    assert found and not any("limit" in problem for problem in found)


def test_box_lines_are_read_in_one_pass_however_long():
    assert parse_box("!!! " + "a " * 50_000) is not None
    assert parse_box('!!! warning "' + " " * 100_000) is None
