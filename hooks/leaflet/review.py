"""When each page's review falls due: the editors' view of the dates the
page checker warns about, for `make review` (scripts/review_pages.py).

It reads the pages the checker reads (check.source_pages), their front
matter as the checker does, and judges each date with the checker's own
review_state, so a page is "due soon" here exactly when the strict build
starts failing on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import front_matter
# decode_page: the checker's reading of a file's bytes, so both see the same text.
from .check import Site, decode_page, unreadable
from .site_layout import source_pages
from .languages import language_of_path
from .front_matter.rules import NOT_DUE, review_day, review_state
from .problems import ERROR, PageReport, Problem


@dataclass(frozen=True)
class Review:
    page: str  # as the editor sees it: docs/exercises/arch-bridge.md
    language: str  # code, as in the file name: en, zh
    reviewed: Optional[date]  # None if missing: the checker reports that
    review_due: date
    days_left: int  # negative when overdue
    responsible: Optional[str]
    state: str  # page_rules: OVERDUE, DUE or NOT_DUE

    @property
    def needs_review(self) -> bool:
        return self.state != NOT_DUE


def reviews(site: Site) -> tuple[list[Review], list[Problem]]:
    """Every page's review, soonest first, and a problem for each page
    whose review date cannot be read (the checker says more about it)."""
    found: list[Review] = []
    problems: list[Problem] = []
    for src_uri in source_pages(site.docs_dir):
        try:
            review = _review(src_uri, site)
        except Exception as error:  # noqa: BLE001 - as in the checker: a bug is one line, not a traceback
            what = f"{type(error).__name__}: {error}"
            review = Problem(site.shown(src_uri), None, ERROR, f"internal error reading the review dates ({what})")
        if isinstance(review, Review):
            found.append(review)
        else:
            problems.append(review)
    found.sort(key=lambda review: (review.review_due, review.page))
    return found, problems


def _review(src_uri: str, site: Site) -> Review | Problem:
    """The page's review, or the one line saying why it has none."""
    try:
        data = (site.docs_dir / src_uri).read_bytes()
    except OSError as error:
        return unreadable(src_uri, error, site)
    report = PageReport(site.shown(src_uri))
    text = decode_page(data, report)
    # The reader reports all it finds (a repeated key, say); that matters
    # here only when it leaves no dates, and then its first line says why.
    fields = front_matter.read(text, report).data if text is not None else None
    if fields is None:
        return report.problems[0]
    due = review_day(fields.get("review_due"))
    if due is None:
        return Problem(report.path, None, ERROR, "no 'review_due' date: `make check` says what to fix")
    responsible = fields.get("responsible")
    return Review(
        page=report.path,
        language=language_of_path(src_uri),
        reviewed=review_day(fields.get("reviewed")),
        review_due=due,
        days_left=(due - site.today).days,
        responsible=responsible if isinstance(responsible, str) else None,
        state=review_state(due, site.today),
    )
