"""hooks/check_pages.py: exit codes, --strict, and the Markdown it renders
being the site's. (test_broken_pages.py runs it as a script.)"""

from __future__ import annotations

import check_pages
import yaml
from checker_support import PROJECT

from leaflet.markdown_html import EXTENSIONS


def test_warnings_fail_only_with_strict(docs, template_text, monkeypatch, capsys):
    (docs / "exercises" / "knee-hug.md").write_text(template_text, encoding="utf-8")
    monkeypatch.chdir(docs.parent)
    # 55 days before the template's review is due: a warning.
    assert check_pages.main(["docs", "--today", "2027-10-01"]) == 0
    relaxed = capsys.readouterr().out
    assert check_pages.main(["docs", "--today", "2027-10-01", "--strict"]) == 1
    assert relaxed == capsys.readouterr().out == (
        "docs/exercises/knee-hug.md:17: warning: the review is due in 55 days ('review_due' is 2027-11-25): "
        "review the page, then set 'reviewed' to the date of that review and 'review_due' to the next one\n"
        "1 page checked: 0 errors, 1 warning\n"
    )


def test_a_missing_docs_folder_is_a_usage_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert check_pages.main(["nowhere"]) == 2
    assert capsys.readouterr() == ("", "nowhere: no such folder (give the docs folder, e.g. docs)\n")


def test_the_command_line_renders_with_extensions_the_site_uses():
    class Tolerant(yaml.SafeLoader):
        """mkdocs.yml has !!python/name and !ENV tags; their values do not matter here."""

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Tolerant)
    site_extensions = {next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]}
    assert set(EXTENSIONS) <= site_extensions
    tabbed = next(item for item in config["markdown_extensions"] if isinstance(item, dict) and "pymdownx.tabbed" in item)
    assert tabbed["pymdownx.tabbed"]["alternate_style"] is True
