"""`make new-exercise NAME=...` (scripts/new_exercise.py): a page in every
language that the checker refuses until every placeholder is written."""

from __future__ import annotations

from datetime import date

import new_exercise
from checker_support import SVG

from leaflet.check import Site, check_docs
from leaflet.languages import LANGUAGES
from leaflet.placeholders import fill_in


def test_a_new_exercise_is_refused_until_it_is_written_then_passes(docs, capsys):
    assert new_exercise.main(["Knee rolls", "--docs", str(docs)]) == 0
    pages = sorted(path.name for path in (docs / "exercises").iterdir())
    assert pages == sorted(f"knee-rolls{'' if code == 'en' else '.' + code}.md" for code in LANGUAGES)
    english = (docs / "exercises" / "knee-rolls.md").read_text(encoding="utf-8")
    assert 'title: "Knee rolls"' in english and "\n# Knee rolls\n" in english
    assert f"reviewed: {date.today().isoformat()}" in english
    printed = capsys.readouterr().out
    assert "      - exercises/knee-rolls.md" in printed  # the nav line to add

    _, problems = check_docs(Site.at(docs, "docs", date.today()))
    placeholders = [p for p in problems if "placeholder" in p.message]
    # Every page, in every language, is refused, and told where.
    assert {p.path for p in placeholders} == {f"docs/exercises/{name}" for name in pages}
    assert all(p.line for p in placeholders[:10])
    assert any("knee-rolls-start.svg" in p.message for p in problems)

    for name in pages:
        path = docs / "exercises" / name
        path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    for picture in ("knee-rolls-start.svg", "knee-rolls-move.svg"):
        (docs / "assets" / "pictures" / picture).write_text(SVG, encoding="utf-8")
    assert check_docs(Site.at(docs, "docs", date.today())) == (len(pages), [])


def test_an_existing_page_is_never_overwritten(docs, capsys):
    (docs / "exercises" / "knee-rolls.md").write_text("mine", encoding="utf-8")
    assert new_exercise.main(["Knee rolls", "--docs", str(docs)]) == 1
    assert (docs / "exercises" / "knee-rolls.md").read_text(encoding="utf-8") == "mine"
    assert "already exists" in capsys.readouterr().err


def test_a_name_with_no_latin_letters_asks_for_the_english_name(docs, capsys):
    assert new_exercise.main(["抱膝", "--docs", str(docs)]) == 2
    assert "English name" in capsys.readouterr().err
