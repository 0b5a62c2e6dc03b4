"""The corpora: every page in broken_pages/ must get exactly the problems
listed for it in broken_pages.expected, all of them at once; likewise the
Chinese edition's pages in broken_pages_zh/ (broken_pages_zh.expected),
where the English pages without problems are the Chinese pages' valid
counterparts (a page without its counterpart is a problem too)."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from checker_support import CHECK_PAGES, TODAY

from leaflet.check import Site, check_page, check_translations, source_pages
from leaflet.problems import in_order

HERE = Path(__file__).parent
CORPORA = ("broken_pages", "broken_pages_zh")


def pages_of(corpus: str) -> list[str]:
    """The corpus's pages as a build finds them (.markdown files too)."""
    return source_pages(HERE / corpus)


def expected_by_page(corpus: str) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for line in (HERE / f"{corpus}.expected").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            blocks[line.split(":", 1)[0]].append(line)
    return blocks


def test_the_corpus_is_big_enough_and_every_page_has_its_expected_problems():
    assert len(pages_of("broken_pages")) >= 30
    assert sorted(expected_by_page("broken_pages")) == [f"docs/{page}" for page in pages_of("broken_pages")]


def test_every_chinese_page_of_its_corpus_is_broken_and_every_english_counterpart_passes():
    pages = pages_of("broken_pages_zh")
    broken = sorted(expected_by_page("broken_pages_zh"))
    assert len(pages) >= 10 and set(broken) <= {f"docs/{page}" for page in pages}
    assert {f"docs/{page}" for page in pages if page.endswith(".zh.md")} <= set(broken)
    assert len(broken) >= 7


@pytest.mark.parametrize("corpus, page", [(corpus, page) for corpus in CORPORA for page in pages_of(corpus)])
def test_page_gets_exactly_its_problems(corpus, page):
    site = Site.at(HERE / corpus, "docs", TODAY)
    own_translations = [p for p in check_translations(pages_of(corpus), site) if p.path == f"docs/{page}"]
    problems = in_order(own_translations + check_page(page, (HERE / corpus / page).read_bytes(), site))
    assert [problem.report_line() for problem in problems] == expected_by_page(corpus).get(f"docs/{page}", [])


@pytest.mark.parametrize("corpus", CORPORA)
def test_the_command_line_prints_the_same_for_the_whole_folder(corpus, tmp_path):
    # Checked as "docs", the name messages carry, from a copy of the corpus.
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(HERE / corpus), str(docs)], check=True)
    result = subprocess.run(
        [sys.executable, str(CHECK_PAGES), "docs", "--today", TODAY.isoformat()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    expected = [line for lines in expected_by_page(corpus).values() for line in lines]
    *printed, summary = result.stdout.splitlines()
    assert (result.returncode, result.stderr) == (1, "")
    assert printed == expected
    assert summary.startswith(f"{len(pages_of(corpus))} pages checked: ")
