"""The command-line checker and the build give the same verdict on every
page of the broken-page corpora.

A build stops at the first stage that finds errors: the pages' sources
(on_files), then their rendered HTML (on_env), which it only reaches for
pages whose source passed. So each corpus is built twice: as it is (every
source problem), then without the pages whose source failed (every HTML
problem). Together they must be exactly what the command line prints.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checker_support import CHECK_PAGES, HOOK_SITE_CONFIG
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

HERE = Path(__file__).parent


def command_line(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, str(CHECK_PAGES), "docs"], cwd=project, capture_output=True, text=True)
    assert result.stderr == ""
    return [line.replace(": warning: ", ": ", 1) for line in result.stdout.splitlines()[:-1]]


def build_problems(project: Path, caplog) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        try:
            build(load_config(str(project / "mkdocs.yml")))
        except Abort:
            pass
    lines = []
    for record in caplog.records:
        if record.name.startswith("mkdocs"):
            lines += [line for line in record.getMessage().splitlines() if line.startswith("docs/")]
    return lines


def page(line: str) -> str:
    return line.split(":", 1)[0]


@pytest.mark.parametrize("corpus", ["broken_pages", "broken_pages_zh"])
def test_the_command_line_and_the_build_agree_page_by_page(corpus, tmp_path, caplog):
    project = tmp_path / "project"
    shutil.copytree(HERE / corpus, project / "docs")
    (project / "mkdocs.yml").write_text(HOOK_SITE_CONFIG, encoding="utf-8")
    expected = command_line(project)

    sources = build_problems(project, caplog)
    failed = {page(line) for line in sources}
    for path in failed:
        (project / path).unlink()
    rendered = build_problems(project, caplog)

    by_page: dict[str, list[str]] = {}
    for line in sources + rendered:
        by_page.setdefault(page(line), []).append(line)
    expected_by_page: dict[str, list[str]] = {}
    for line in expected:
        expected_by_page.setdefault(page(line), []).append(line)
    # Pages the command line faults whose source passed the first build:
    # the second build must find their problems.
    assert bool(rendered) == bool({page(line) for line in expected} - failed)
    assert len(expected_by_page) >= 5
    assert sorted(by_page) == sorted(expected_by_page)
    for name, lines in expected_by_page.items():
        assert sorted(by_page[name]) == sorted(lines), name
