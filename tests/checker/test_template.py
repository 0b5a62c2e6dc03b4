"""templates/new-exercise.md: refused as it is, line by line, for its
[[FILL IN: ...]] placeholders; once they are written (the `template_text`
fixture writes each one's own hint), a page that passes."""

from __future__ import annotations

from checker_support import TEMPLATE, TODAY

from leaflet.check import Site, check_docs
from leaflet.placeholders import MARK


def test_a_copy_of_the_template_in_exercises_passes_without_warnings(docs, template_text):
    (docs / "exercises" / "knee-hug.md").write_text(template_text, encoding="utf-8")
    assert check_docs(Site.at(docs, "docs", TODAY)) == (1, [])


def test_the_template_is_checked_as_an_exercise_page(docs, template_text):
    # Proof that the test above ran the exercise rules: drop the tabs.
    broken = template_text.replace('=== "Beginner"', "").replace('=== "Progressed"', "")
    (docs / "exercises" / "knee-hug.md").write_text(broken, encoding="utf-8")
    _, problems = check_docs(Site.at(docs, "docs", TODAY))
    assert [p.message for p in problems][-2:] == [
        'there is no "Beginner" tab: add one, starting with the line === "Beginner", with numbered steps indented under it',
        'there is no "Progressed" tab: add one, starting with the line === "Progressed", with numbered steps indented under it',
    ]


def test_the_template_as_it_is_is_refused_line_by_line(docs):
    raw = TEMPLATE.read_text(encoding="utf-8")
    (docs / "exercises" / "knee-hug.md").write_text(raw, encoding="utf-8")
    _, problems = check_docs(Site.at(docs, "docs", TODAY))
    marked = [number for number, line in enumerate(raw.split("\n"), start=1) if MARK in line]
    assert len(marked) > 10
    assert [p.line for p in problems] == marked[:10] + [None]
    assert all("placeholder" in p.message for p in problems)
