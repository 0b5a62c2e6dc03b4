"""The lists other pages make from every exercise page, as raw HTML: the
home page's cards, the routine's tables and the progress chart's rows.

Each is written where a page says its mark on a line of its own
([exercise cards], [routine], [progress chart]), in the order of the
exercises (leaflet/exercise_list.py), in the page's language, from each
exercise page's front matter. A new exercise page appears in all three
with no other edit. Every value goes through `html_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from . import doses
from .escaping import html_text
from .languages import Language
from .front_matter.models import WHENS

CARDS_MARK = "[exercise cards]"
ROUTINE_MARK = "[routine]"
CHART_MARK = "[progress chart]"
MARKS = (CARDS_MARK, ROUTINE_MARK, CHART_MARK)

# The progress chart covers the weeks the routine's build-up plan does.
CHART_WEEKS = 6
# The times of day a row of the chart stands for, by `dose.when`, as the
# log records a session's time (docs/javascripts/log.js).
CHART_TIME_KEYS = {
    "morning and evening": ("morning", "evening"),
    "once a day": ("any",),
    "a few times a week": ("any",),
}


@dataclass(frozen=True)
class Exercise:
    """An exercise page as another page links to it: its title, its
    address relative to that page, and its front matter (plain values)."""

    title: str
    url: str
    meta: Mapping[str, Any]
    # The page's name without its language ("arch-bridge"): what the log
    # records an exercise by, in every language.
    id: str = ""

    @property
    def dose(self) -> Mapping[str, Any]:
        dose = self.meta.get("dose")
        return dose if isinstance(dose, Mapping) else {}


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    picture: str
    width: int
    height: int
    summary: str


def exercise_cards_html(cards: list[Card]) -> str:
    """One card each (title linking to the page, its picture, one line on
    what it does), as Material's grid cards."""
    items = [
        "<li>\n"
        f'<p><img alt="" class="leaflet-card-picture" height="{card.height}" src="{html_text(card.picture)}" '
        f'width="{card.width}" /></p>\n'
        f'<p><strong><a href="{html_text(card.url)}">{html_text(card.title)}</a></strong></p>\n'
        f"<p>{html_text(card.summary)}</p>\n"
        "</li>"
        for card in cards
    ]
    return '<div class="grid cards">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</div>\n"


def card_of(meta: Mapping[str, Any]) -> tuple[str, str]:
    """(picture file, summary) of an exercise's card: its `card`, else its
    second picture and its description."""
    card = meta.get("card") if isinstance(meta.get("card"), Mapping) else {}
    pictures = [p.get("src") for p in meta.get("pictures") or [] if isinstance(p, Mapping) and p.get("src")]
    picture = card.get("picture") or (pictures[1] if len(pictures) > 1 else pictures[0] if pictures else "")
    return str(picture), " ".join(str(card.get("summary") or meta.get("description") or "").split())


def _link(exercise: Exercise) -> str:
    return f'<a href="{html_text(exercise.url)}">{html_text(exercise.title)}</a>'


def groups(exercises: list[Exercise]) -> list[tuple[str, list[Exercise]]]:
    """The exercises by how often they are done (`dose.when`), in the
    order of models.WHENS, keeping their order within each."""
    return [
        (when, [e for e in exercises if e.dose.get("when") == when])
        for when in WHENS
        if any(e.dose.get("when") == when for e in exercises)
    ]


def routine_markdown(exercises: list[Exercise], language: Language) -> str:
    """A section for each group: its heading, then a table of order,
    exercise and how many (the Beginner dose; the build-up plan says when
    to move on)."""
    said = language.text
    sections = []
    for when, group in groups(exercises):
        rows = "\n".join(
            # Which exercise the row is, for a clinician's plan that
            # replaces the routine (docs/javascripts/plan-follow.js).
            f'<tr data-exercise="{html_text(exercise.id)}"><td>{number}</td><td>{_link(exercise)}</td>'
            f"<td>{html_text(doses.how_many(exercise.dose, language))}</td></tr>"
            for number, exercise in enumerate(group, start=1)
        )
        sections.append(
            f"## {said['routine_groups'][when]}\n\n"
            '<table class="leaflet-routine">\n'
            f'<thead><tr><th scope="col">{html_text(said["routine_order"])}</th>'
            f'<th scope="col">{html_text(said["routine_exercise"])}</th>'
            f'<th scope="col">{html_text(said["routine_how_many"])}</th></tr></thead>\n'
            f"<tbody>\n{rows}\n</tbody>\n</table>\n"
        )
    return "\n".join(sections)


def _ticks(count: int) -> str:
    return '<td><span class="leaflet-ticks"></span></td>' * count


def progress_chart_html(exercises: list[Exercise], language: Language) -> str:
    """A row of tick boxes a week for each exercise and each time of day it
    is done, then a row for the week's pain score."""
    said = language.text
    weeks = "".join(
        f'<th scope="col">{html_text(said["chart_week"].format(n=week))}</th>' for week in range(1, CHART_WEEKS + 1)
    )
    rows = []
    for when, group in groups(exercises):
        times = said["chart_times"][when]
        rowspan = f' rowspan="{len(times)}"' if len(times) > 1 else ""
        for exercise in group:
            name = (
                f'<th scope="row"{rowspan}>{html_text(exercise.title)}<br>'
                f"<small>{html_text(doses.aim(exercise.dose, language))}</small></th>"
            )
            for index, time in enumerate(times):
                # Which exercise and time of day the row is, for the log
                # that fills in a copy of the chart (docs/javascripts/log.js).
                rows.append(
                    f'<tr data-exercise="{html_text(exercise.id)}" data-time="{CHART_TIME_KEYS[when][index]}">'
                    f"{name if index == 0 else ''}<td>{html_text(time)}</td>{_ticks(CHART_WEEKS)}</tr>"
                )
    rows.append(
        f'<tr><th scope="row">{html_text(said["chart_pain"])}<br><small>{html_text(said["chart_pain_scale"])}</small></th>'
        f"<td>{html_text(said['chart_pain_when'])}</td>{'<td></td>' * CHART_WEEKS}</tr>"
    )
    return (
        f'<div class="leaflet-chart-scroll" role="region" aria-label="{html_text(said["chart_label"])}" tabindex="0">\n'
        '<table class="leaflet-chart">\n'
        f"<caption>{html_text(said['chart_caption'])}</caption>\n"
        f'<thead><tr><th scope="col">{html_text(said["chart_exercise"])}</th>'
        f'<th scope="col">{html_text(said["chart_when"])}</th>{weeks}</tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n</div>\n"
    )
