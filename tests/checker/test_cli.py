"""scripts/check_pages.py: exit codes, --strict, and the Markdown it renders
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
        "docs/exercises/knee-hug.md:18: warning: the review is due in 55 days ('review_due' is 2027-11-25): "
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


def test_the_command_line_checks_exactly_the_pages_mkdocs_builds(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from leaflet.site_layout import source_pages

    docs = tmp_path / "docs"
    shared = tmp_path / "shared"
    for path in ("index.md", "notes.markdown", "a/b.mdown", "a/c.mkd", "a/d.mkdn", ".hidden.md",
                 ".drafts/x.md", "templates/t.md", "a/templates/kept.md", "readme.txt"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("# x\n", encoding="utf-8")
    (shared / "linked.md").parent.mkdir()
    (shared / "linked.md").write_text("# x\n", encoding="utf-8")
    (docs / "from-elsewhere").symlink_to(shared, target_is_directory=True)
    (docs / "alias.md").symlink_to(docs / "index.md")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")

    config = load_config(str(tmp_path / "mkdocs.yml"))
    built = sorted(
        file.src_uri for file in get_files(config) if file.is_documentation_page() and file.inclusion.is_included()
    )
    assert source_pages(docs) == built
    assert "from-elsewhere/linked.md" in built and "notes.markdown" in built
