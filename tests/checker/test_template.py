"""templates/new-exercise.md is a page that passes, so a copy only needs
its values changed."""

from __future__ import annotations

from checker_support import TODAY

from leaflet.check import Site, check_docs


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
