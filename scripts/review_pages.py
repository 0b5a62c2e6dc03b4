"""Every page's review dates, soonest first: the editors' review view.

    python scripts/review_pages.py [DOCS] [--today YYYY-MM-DD] [--json]

Prints a table (page, language, reviewed, review due, days left,
responsible) and a summary, or with --json the same as one JSON object.
Exits 1 when a review is due within the checker's warning window (the
strict build already fails then) or overdue, or a page's review date
cannot be read; 0 otherwise; 2 when it cannot run (no docs folder).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

# The checker is the leaflet package beside the hooks that run it in a build.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from leaflet.check import Site  # noqa: E402
from leaflet.front_matter.rules import DUE, DUE_SOON, OVERDUE  # noqa: E402
from leaflet.problems import Problem  # noqa: E402
from leaflet.review import Review, reviews  # noqa: E402

COLUMNS = ("page", "language", "reviewed", "review due", "days left", "responsible")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List every page's review dates, soonest first.")
    parser.add_argument("docs", nargs="?", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--today", type=date.fromisoformat, help="count the days as if today were this date")
    parser.add_argument("--json", action="store_true", help="print one JSON object, for scripts")
    args = parser.parse_args(argv)

    docs = Path(args.docs)
    if not docs.is_dir():
        print(f"{args.docs}: no such folder (give the docs folder, e.g. docs)", file=sys.stderr)
        return 2
    site = Site.at(docs, args.docs, args.today)
    found, problems = reviews(site)
    if args.json:
        print(json.dumps(as_json(found, problems, site.today), indent=2, ensure_ascii=False))
    else:
        print(table(found))
        for problem in problems:
            print(problem.report_line())
        print(summary(found, problems))
    return 1 if problems or any(review.needs_review for review in found) else 0


def table(found: list[Review]) -> str:
    rows = [COLUMNS] + [
        (
            review.page,
            review.language,
            _day(review.reviewed),
            _day(review.review_due),
            _days_left(review),
            review.responsible or "-",
        )
        for review in found
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def summary(found: list[Review], problems: list[Problem]) -> str:
    overdue = sum(review.state == OVERDUE for review in found)
    due = sum(review.state == DUE for review in found)
    parts = [f"{overdue} overdue", f"{due} due within {DUE_SOON.days} days", f"{len(found) - overdue - due} not due"]
    if problems:
        parts.append(f"{_count(len(problems), 'page')} without a readable review date")
    return f"{_count(len(found) + len(problems), 'page')}: " + ", ".join(parts)


def as_json(found: list[Review], problems: list[Problem], today: date) -> dict:
    return {
        "today": today.isoformat(),
        "due_soon_days": DUE_SOON.days,
        "pages": [
            {
                "page": review.page,
                "language": review.language,
                "reviewed": review.reviewed and review.reviewed.isoformat(),
                "review_due": review.review_due.isoformat(),
                "days_left": review.days_left,
                "responsible": review.responsible,
                "state": review.state,
            }
            for review in found
        ],
        "problems": [{"page": problem.path, "line": problem.line, "message": problem.message} for problem in problems],
    }


def _day(day: date | None) -> str:
    return day.isoformat() if day else "-"


def _days_left(review: Review) -> str:
    # The state beside the number, so the rows that fail the run stand out.
    return f"{review.days_left} ({review.state})" if review.needs_review else str(review.days_left)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


if __name__ == "__main__":
    sys.exit(main())
