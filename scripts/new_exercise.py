"""Start a new exercise page, in every language of the leaflet.

    make new-exercise NAME="Knee rolls"
    python scripts/new_exercise.py "Knee rolls" [--docs docs]

Writes docs/exercises/knee-rolls.md and its twin in each other language
(knee-rolls.zh.md) from templates/new-exercise*.md, with today's review
dates, the picture names the page will use, and the English title filled
in. Everything else is a [[FILL IN: ...]] placeholder, which the page
checker refuses until it is replaced. Prints what to do next. Never
overwrites a page.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from leaflet.languages import DEFAULT, LANGUAGES, path_in_language  # noqa: E402
from leaflet.placeholders import END, MARK  # noqa: E402
from leaflet.site_layout import EXERCISES_FOLDER, PICTURES_FOLDER  # noqa: E402

TEMPLATES = PROJECT / "templates"
TEMPLATE = "new-exercise.md"
TITLE = f"{MARK} the exercise's name{END}"
TEMPLATE_PICTURE = "exercise-name"


def slug(name: str) -> str:
    """"Knee rolls" -> "knee-rolls": the file name and the page's address."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def page_text(template: str, name: str, file_slug: str, code: str, today: date) -> str:
    text = template.replace(TEMPLATE_PICTURE, file_slug)
    text = re.sub(r"(?m)^reviewed: .*$", f"reviewed: {today.isoformat()}", text, count=1)
    text = re.sub(r"(?m)^review_due: .*$", f"review_due: {(today + timedelta(days=365)).isoformat()}", text, count=1)
    if code == DEFAULT:
        quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text = text.replace(f'title: "{TITLE}"', f"title: {quoted}", 1).replace(f"# {TITLE}", f"# {name}", 1)
    return text


def template_for(code: str) -> Path:
    own = TEMPLATES / path_in_language(TEMPLATE, code)
    return own if own.is_file() else TEMPLATES / TEMPLATE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start a new exercise page in every language.")
    parser.add_argument("name", help='the exercise\'s English name, e.g. "Knee rolls"')
    parser.add_argument("--docs", default=str(PROJECT / "docs"), help="the docs folder (default: docs)")
    args = parser.parse_args(argv)

    name = " ".join(args.name.split())
    file_slug = slug(name)
    if not file_slug:
        print(f'"{args.name}" gives no file name: use the exercise\'s English name, e.g. NAME="Knee rolls"', file=sys.stderr)
        return 2
    docs = Path(args.docs)
    source = f"{EXERCISES_FOLDER}/{file_slug}.md"
    targets = {code: docs / path_in_language(source, code) for code in LANGUAGES}
    existing = [str(path) for path in targets.values() if path.exists()]
    if existing:
        print(f"{', '.join(existing)} already exists: pick another name, or edit that page", file=sys.stderr)
        return 1
    today = date.today()
    for code, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page_text(template_for(code).read_text(encoding="utf-8"), name, file_slug, code, today)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")

    pictures = "/".join(PICTURES_FOLDER)
    print(
        "\nNext:\n"
        f"1. Replace every {MARK} ...{END} in "
        + " and ".join(str(path) for path in targets.values())
        + " with the exercise's own words (`make check` lists them, by line).\n"
        f"2. Add its pictures as docs/{pictures}/{file_slug}-start.svg and docs/{pictures}/{file_slug}-move.svg "
        "(SVG, PNG, JPEG or WebP), or change the names in the front matter.\n"
        f"3. Add this line to `nav:` in mkdocs.yml, under `Exercises:`, where it belongs in the routine:\n"
        f"      - {source}\n"
        "4. Run `make serve` and look at both languages on a phone-sized window, then `make test`."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
