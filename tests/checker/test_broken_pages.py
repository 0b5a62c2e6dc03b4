"""The corpus: every page in broken_pages/ must get exactly the problems
listed for it in broken_pages.expected, all of them at once."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from checker_support import CHECK_PAGES, TODAY

from leaflet.check import Site, check_page

CORPUS = Path(__file__).parent / "broken_pages"
EXPECTED = Path(__file__).parent / "broken_pages.expected"
PAGES = sorted(path.relative_to(CORPUS).as_posix() for path in CORPUS.rglob("*.md"))


def expected_by_page() -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            blocks[line.split(":", 1)[0]].append(line)
    return blocks


def test_the_corpus_is_big_enough_and_every_page_has_its_expected_problems():
    assert len(PAGES) >= 30
    assert sorted(expected_by_page()) == [f"docs/{page}" for page in PAGES]


@pytest.mark.parametrize("page", PAGES)
def test_page_gets_exactly_its_problems(page):
    site = Site.at(CORPUS, "docs", TODAY)
    found = [problem.report_line() for problem in check_page(page, (CORPUS / page).read_bytes(), site)]
    assert found == expected_by_page()[f"docs/{page}"]


def test_the_command_line_prints_the_same_for_the_whole_folder(tmp_path):
    # Checked as "docs", the name messages carry, from a copy of the corpus.
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(CORPUS), str(docs)], check=True)
    result = subprocess.run(
        [sys.executable, str(CHECK_PAGES), "docs", "--today", TODAY.isoformat()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    expected = [line for lines in expected_by_page().values() for line in lines]
    *printed, summary = result.stdout.splitlines()
    assert (result.returncode, result.stderr) == (1, "")
    assert printed == expected
    assert summary.startswith(f"{len(PAGES)} pages checked: ")
