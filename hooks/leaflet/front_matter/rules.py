"""Front matter rules a schema cannot state: those that need today's date,
the picture files on disk, two fields together, or the page's folder.

They read the raw front matter and skip values of the wrong type (the
schema already reports those), so every problem is found in one run.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Mapping

from .models import EXERCISE_ONLY, FIRST_DAY, LAST_DAY, PICTURE_FILE, as_date
from ..pictures import BUDGET_BYTES, PHOTO, kind
from ..problems import PageReport
from ..suggest import closest
from ..wording import Loc

DUE_SOON = timedelta(days=60)
MAX_REVIEW_YEARS = 3

# What a page's review date means today; the checker and `make review`
# (leaflet/review.py) both ask review_state, so they fail at the same days.
OVERDUE = "overdue"  # an error
DUE = "due soon"  # a warning, so --strict builds fail DUE_SOON ahead
NOT_DUE = "not due"


def report_exercise_only_fields(data: Mapping[str, Any], lines: Mapping[Loc, int], report: PageReport) -> None:
    for name in EXERCISE_ONLY:
        if name in data:
            report.error(
                lines.get((name,), 1),
                f"'{name}' belongs on exercise pages only (docs/exercises/): remove it from this page",
            )


def report_dates(data: Mapping[str, Any], lines: Mapping[Loc, int], today: date, report: PageReport) -> None:
    reviewed = review_day(data.get("reviewed"))
    due = review_day(data.get("review_due"))
    due_line = lines.get(("review_due",), 1)
    if reviewed and reviewed > today:
        report.error(
            lines.get(("reviewed",), 1),
            f"'reviewed' is in the future ({reviewed}): use the date of the last review, "
            f"today ({today}) at the latest",
        )
    if due is None:
        return
    if reviewed and due <= reviewed:
        report.error(due_line, f"'review_due' ({due}) must be after 'reviewed' ({reviewed})")
    elif reviewed and due > _years_after(reviewed, MAX_REVIEW_YEARS):
        report.error(
            due_line,
            f"'review_due' ({due}) is more than {MAX_REVIEW_YEARS} years after 'reviewed' ({reviewed}): "
            f"set it to {_years_after(reviewed, MAX_REVIEW_YEARS)} or earlier",
        )
    state = review_state(due, today)
    if state == OVERDUE:
        report.error(
            due_line,
            f"the review is overdue ('review_due' was {due}): review the page, then set 'reviewed' "
            "to the date of that review and 'review_due' to the next one",
        )
    elif state == DUE:
        report.warning(
            due_line,
            f"the review is due {_when(due, today)} ('review_due' is {due}): review the page, then set "
            "'reviewed' to the date of that review and 'review_due' to the next one",
        )


def report_card_picture(data: Mapping[str, Any], lines: Mapping[Loc, int], report: PageReport) -> None:
    """The home page's card shows one of the page's own pictures."""
    card, pictures = data.get("card"), data.get("pictures")
    if not isinstance(card, dict) or not isinstance(card.get("picture"), str) or not isinstance(pictures, list):
        return
    names = [picture.get("src") for picture in pictures if isinstance(picture, dict)]
    if card["picture"] not in names:
        guess = closest(card["picture"], [name for name in names if isinstance(name, str)])
        report.error(
            lines.get(("card", "picture"), lines.get(("card",), 1)),
            "in 'card', 'picture' must be one of the page's pictures"
            + (f": did you mean '{guess}'?" if guess else f" ({', '.join(map(str, names))})"),
        )


def report_missing_pictures(
    data: Mapping[str, Any],
    lines: Mapping[Loc, int],
    picture_bytes: Mapping[str, int],
    pictures_folder: str,
    report: PageReport,
) -> None:
    """Each picture must be a file in the pictures folder, within its kind's
    size budget (leaflet/pictures.py)."""
    pictures = data.get("pictures")
    if not isinstance(pictures, list):
        return
    for index, picture in enumerate(pictures):
        src = picture.get("src") if isinstance(picture, dict) else None
        # Names the schema rejects are reported by the schema.
        if not isinstance(src, str) or not PICTURE_FILE.fullmatch(src):
            continue
        line = lines.get(("pictures", index, "src"), 1)
        if src in picture_bytes:
            size, what = picture_bytes[src], kind(src)
            if size > BUDGET_BYTES[what]:
                report.error(line, (
                    f"in 'pictures' item {index + 1}, {src} is {size:,} bytes, over the {BUDGET_BYTES[what]:,} "
                    f"allowed for a {what}: save it smaller"
                    + (" (about 1200 pixels wide, JPEG or WebP quality 75)" if what == PHOTO else "")
                ))
            continue
        guess = closest(src, picture_bytes)
        fix = f"did you mean '{guess}'?" if guess else "add the picture there or correct the name"
        report.error(line, f"in 'pictures' item {index + 1}, there is no file {src} in {pictures_folder}: {fix}")


def review_state(due: date, today: date) -> str:
    if due < today:
        return OVERDUE
    return DUE if due - today <= DUE_SOON else NOT_DUE


def review_day(value: Any) -> date | None:
    """A 'reviewed' or 'review_due' value as a date, or None when it is not
    one the schema accepts."""
    value = as_date(value)
    # A datetime is a date in Python but not a valid 'reviewed' value; a
    # date outside the years an editor can mean is reported by the schema.
    if isinstance(value, date) and not isinstance(value, datetime) and FIRST_DAY <= value <= LAST_DAY:
        return value
    return None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=day.year + years, day=28)


def _when(due: date, today: date) -> str:
    days = (due - today).days
    if days == 0:
        return "today"
    return "in 1 day" if days == 1 else f"in {days} days"
