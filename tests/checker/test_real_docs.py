"""The site's own pages pass the checker with no warning (what
`python hooks/check_pages.py docs --strict` does, in this process)."""

from __future__ import annotations

import check_pages
from checker_support import PROJECT


def test_the_real_docs_have_no_problems(monkeypatch, capsys):
    monkeypatch.chdir(PROJECT)
    exit_code = check_pages.main(["docs", "--strict"])
    output = capsys.readouterr().out
    assert exit_code == 0, output
    assert output.endswith("checked: 0 errors, 0 warnings\n")

