"""The site's own pages, in every language, pass the checker with no
warning (what `python scripts/check_pages.py docs --strict` does, in this
process)."""

from __future__ import annotations

import check_pages
from checker_support import PROJECT, TODAY

from leaflet.check import Site, check_page


def test_the_real_docs_have_no_problems(monkeypatch, capsys):
    monkeypatch.chdir(PROJECT)
    exit_code = check_pages.main(["docs", "--strict"])
    output = capsys.readouterr().out
    assert exit_code == 0, output
    assert output.endswith("checked: 0 errors, 0 warnings\n")
    # Both languages were checked: every English page and its Chinese page.
    pages = [p for p in (PROJECT / "docs").rglob("*.md")]
    chinese = [p for p in pages if p.name.endswith(".zh.md")]
    assert chinese and len(pages) == 2 * len(chinese)
    assert output.endswith(f"{len(pages)} pages checked: 0 errors, 0 warnings\n")


def test_the_real_chinese_pages_are_checked_by_the_chinese_rules():
    site = Site.at(PROJECT / "docs", "docs", TODAY)
    source = (PROJECT / "docs" / "exercises" / "arch-bridge.zh.md").read_bytes()
    lines = source.decode("utf-8").count("\n")
    broken = source.decode("utf-8").replace('=== "初级"', '=== "初极"') + "\n" + "从头到尾" * 11 + "。\n"
    problems = check_page("exercises/arch-bridge.zh.md", broken.encode("utf-8"), site)
    assert problems[0].message.startswith('tab label "初极": did you mean "初级"?')
    assert [(p.line, p.message[:41]) for p in problems[1:]] == [
        (lines + 2, "a sentence of 44 characters, more than 40")
    ]
