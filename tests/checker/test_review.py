"""scripts/review_pages.py (`make review`): every page's review dates,
soonest first, failing where the checker's strict build does."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import review_pages

from leaflet.check import Site, check_docs, source_pages
from leaflet.front_matter.rules import DUE_SOON

TODAY = date(2027, 1, 10)


def page(reviewed: str, due: str, responsible: str = "Site editors") -> str:
    return (
        f"---\ntitle: A page\ndescription: Anything.\nreviewed: {reviewed}\nreview_due: {due}\n"
        f"responsible: {responsible}\n---\n\n# A page\n"
    )


def write(docs, src_uri: str, text: str) -> None:
    (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
    (docs / src_uri).write_text(text, encoding="utf-8")


def review(docs, monkeypatch, *options: str, today: date = TODAY) -> int:
    monkeypatch.chdir(docs.parent)
    return review_pages.main(["docs", "--today", today.isoformat(), *options])


def test_the_table_lists_pages_soonest_first_with_the_days_left(docs, monkeypatch, capsys):
    write(docs, "index.md", page("2026-06-01", "2027-06-01"))
    write(docs, "index.zh.md", page("2026-01-01", "2027-01-04"))
    write(docs, "exercises/knee-hug.md", page("2026-03-01", "2027-03-01", "Clinical lead"))
    write(docs, "exercises/knee-hug.zh.md", page("2026-02-01", "2027-02-01"))

    assert review(docs, monkeypatch) == 1
    assert capsys.readouterr().out == (
        "page                           language  reviewed    review due  days left      responsible\n"
        "docs/index.zh.md               zh        2026-01-01  2027-01-04  -6 (overdue)   Site editors\n"
        "docs/exercises/knee-hug.zh.md  zh        2026-02-01  2027-02-01  22 (due soon)  Site editors\n"
        "docs/exercises/knee-hug.md     en        2026-03-01  2027-03-01  50 (due soon)  Clinical lead\n"
        "docs/index.md                  en        2026-06-01  2027-06-01  142            Site editors\n"
        "4 pages: 1 overdue, 2 due within 60 days, 1 not due\n"
    )


@pytest.mark.parametrize(
    ("days_left", "exit_code", "state"),
    [
        (DUE_SOON.days + 1, 0, "not due"),
        (DUE_SOON.days, 1, "due soon"),  # the day the strict build starts to warn
        (0, 1, "due soon"),
        (-1, 1, "overdue"),
    ],
)
def test_it_fails_when_the_checker_warns_or_errs(docs, monkeypatch, capsys, days_left, exit_code, state):
    due = TODAY + timedelta(days=days_left)
    write(docs, "index.md", page("2026-01-01", due.isoformat()))

    assert review(docs, monkeypatch, "--json") == exit_code
    [row] = json.loads(capsys.readouterr().out)["pages"]
    assert (row["days_left"], row["state"]) == (days_left, state)
    # The same day, the strict checker fails exactly when the review does.
    problems = check_docs(Site.at(docs, "docs", TODAY))[1]
    assert any("review" in problem.message for problem in problems) == bool(exit_code)


def test_json_gives_every_field_for_scripts(docs, monkeypatch, capsys):
    write(docs, "index.md", page("2026-01-01", "2027-01-05", "Site editors"))
    write(docs, "about.md", "---\ntitle: [unclosed\n---\n\n# About\n")

    assert review(docs, monkeypatch, "--json") == 1
    output = json.loads(capsys.readouterr().out)
    # The page's first problem, as the checker reports it.
    [problem] = output.pop("problems")
    first = check_docs(Site.at(docs, "docs", TODAY))[1][0]
    assert problem == {"page": "docs/about.md", "line": first.line, "message": first.message}
    assert first.path == "docs/about.md" and "not valid YAML" in first.message
    assert output == {
        "today": "2027-01-10",
        "due_soon_days": DUE_SOON.days,
        "pages": [
            {
                "page": "docs/index.md",
                "language": "en",
                "reviewed": "2026-01-01",
                "review_due": "2027-01-05",
                "days_left": -5,
                "responsible": "Site editors",
                "state": "overdue",
            }
        ],
    }


def test_a_page_without_readable_dates_is_one_line_naming_the_file(docs, monkeypatch, capsys):
    write(docs, "index.md", page("2026-01-01", "2027-12-01"))
    write(docs, "about.md", "---\ntitle: About\nreviewed: 2026-01-01\nreview_due: 2027-02-31\n---\n\n# About\n")
    write(docs, "routine.md", "---\ntitle: Routine\nreviewed: 2026-01-01\n---\n\n# Routine\n")
    (docs / "broken.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")

    assert review(docs, monkeypatch) == 1
    output = capsys.readouterr().out
    *_, about, broken, routine, total = output.splitlines()
    # One line each, naming the file and, where there is one, the line: the
    # front matter reader's and the checker's own words, then the review's.
    assert about.startswith("docs/about.md:4: 2027-02-31 is not a real date")
    assert broken.startswith("docs/broken.md:2: the file is not UTF-8 text")
    assert routine == "docs/routine.md: no 'review_due' date: `make check` says what to fix"
    assert total == "4 pages: 0 overdue, 0 due within 60 days, 1 not due, 3 pages without a readable review date"
    assert output.count("docs/index.md") == 1
    assert "Traceback" not in output


def test_it_lists_exactly_the_pages_the_checker_checks_in_both_languages(docs, monkeypatch, capsys):
    for src_uri in ("index.md", "index.zh.md", "exercises/knee-hug.md", "exercises/knee-hug.zh.md",
                    "notes.markdown", "notes.zh.markdown",
                    # Not built, so not checked, so not listed:
                    ".drafts/draft.md", "templates/new.md", "picture.txt"):
        write(docs, src_uri, page("2026-06-01", "2027-06-01"))

    assert review(docs, monkeypatch, "--json") == 0
    listed = json.loads(capsys.readouterr().out)["pages"]
    checked = source_pages(docs)
    assert [row["page"] for row in listed] == sorted(f"docs/{src_uri}" for src_uri in checked)
    assert len(listed) == check_docs(Site.at(docs, "docs", TODAY))[0] == 6
    assert {row["language"] for row in listed} == {"en", "zh"}


def test_a_missing_docs_folder_is_a_usage_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert review_pages.main(["nowhere"]) == 2
    assert capsys.readouterr() == ("", "nowhere: no such folder (give the docs folder, e.g. docs)\n")
