"""What the guided session, the progress chart's log and the plan pages
read: every exercise of the routine, in order, with its doses, pictures,
steps and Stop if points, the versions' names, a plan link's limits, and
the words of the page's language, as one JSON block in the page
(docs/javascripts/session.js, log.js and the plan scripts read it).

Every exercise's part comes from the exercise pages as they are built:
the doses from their front matter (the same numbers leaflet/doses.py
words), the steps and the Stop if box from their own rendered HTML.
Nothing about an exercise is written into the scripts, so a new exercise
page is in the session with no other edit. A page that prints a plan
also gets the pain rule and When to get help's red flags.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from typing import Any, Mapping

from .doses import LEVELS, steps_words
from .html_parts import inner_html
from .languages import Language
from .pain_rule import PainRule
from .plan_limits import limits_data, plan_keys

# The element the page's [guided session] mark becomes, and the data's id.
DATA_ID = "leaflet-routine"
SESSION_MARK = "[guided session]"
SESSION_ROOT = '<div class="leaflet-session" id="leaflet-session"></div>'
# The pages a page's script fills in, where it says their mark on a line of
# its own: the session, the clinician's plan maker and the patient's plan
# (overrides/interactive.html loads each one's script where it is).
PLAN_MAKER_MARK = "[plan maker]"
PLAN_PAGE_MARK = "[your plan]"
MARKS = {
    SESSION_MARK: SESSION_ROOT,
    PLAN_MAKER_MARK: '<div class="leaflet-plan-maker" id="leaflet-plan-maker"></div>',
    PLAN_PAGE_MARK: '<div class="leaflet-your-plan" id="leaflet-your-plan"></div>',
}


@dataclass(frozen=True)
class SessionExercise:
    """An exercise as the session shows it: addresses relative to the
    session page, values as plain text (the scripts set them as text)."""

    id: str
    title: str
    url: str
    dose: Mapping[str, Any]
    pictures: list[Mapping[str, Any]] = field(default_factory=list)
    # The rendered exercise page's HTML (the site's own, checked by the
    # page checker's allow-list), from which its steps and Stop if come,
    # with its addresses already made relative to the session page.
    html: str = ""
    # Its moving pictures (leaflet/moving_pictures.session_data), which
    # session.js shows for the version being done.
    moving: list[Mapping[str, Any]] = field(default_factory=list)


_ADDRESS = re.compile(r'\b(href|src)="([^"]*)"')


def rebased(html: str, from_url: str, to_url: str) -> str:
    """HTML of the page at from_url ("exercises/arch-bridge/"), with its
    relative addresses made to work from the page at to_url ("session/")."""

    def move(found: re.Match) -> str:
        address = found.group(2)
        if not address or address.startswith(("#", "/")) or urlsplit(address).scheme:
            return found.group(0)
        target = urljoin("/" + from_url, address)
        relative = posixpath.relpath(target, "/" + (to_url if to_url.endswith("/") else posixpath.dirname(to_url)))
        return f'{found.group(1)}="{relative + "/" if target.endswith("/") and relative != "." else relative}"'

    return _ADDRESS.sub(move, html)


def steps_by_level(html: str) -> dict[str, str]:
    """Each content tab's HTML, Beginner first (the checker holds every
    exercise page to those two tabs, in that order)."""
    return dict(zip(LEVELS, inner_html(html, "tabbed-block")))


def stop_if(html: str, language: Language) -> str:
    """The Stop if box's list (and the pain rule closing it), without its
    title: the one warning box titled in the page's language."""
    for box in inner_html(html, "warning"):
        title = inner_html(box, "admonition-title")
        if title and title[0].strip() == language.stop_if:
            return box[box.index(title[0]) + len(title[0]) :].split("</p>", 1)[-1].strip()
    return ""


def routine_data(
    exercises: list[SessionExercise], language: Language, links: Mapping[str, Any], *,
    pain_rule: PainRule | None = None, help_html: str | None = None,
) -> dict[str, Any]:
    """`links`: the other pages the scripts link to, relative to this one
    ("help", "chart", "routine", "session", and "plan": the patient's plan
    page in each language, by language code). For a printed plan, where
    given: `pain_rule` (leaflet/pain_rule.yml), and `help_html`, When to
    get help's opening with its red flags (leaflet/help_sheet.py), its
    addresses already relative to this page."""
    keys = plan_keys([exercise.id for exercise in exercises])
    safety: dict[str, Any] = {}
    if pain_rule is not None:
        safety["pain_rule"] = {"title": pain_rule.title[language.code], "words": pain_rule.words[language.code]}
    if help_html is not None:
        safety["help_html"] = help_html
    return {
        **safety,
        "language": language.code,
        # The versions, in the order of the pages' tabs and of words.levels
        # (a plan link holds a version as its index in this list).
        "levels": list(LEVELS),
        **links,
        # What a plan link may ask for (leaflet/plan_limits.py).
        "limits": limits_data(),
        "words": {
            **language.text.get("session", {}),
            **language.text.get("log", {}),
            **language.text.get("plan", {}),
            **steps_words(language),
            "levels": list(language.tabs),
            "stop_if": language.stop_if,
            "help": language.text["help_page"],
            "chart": language.text["chart_label"],
            "separator": language.list_separator,
            "gap": language.text["gap"],
        },
        "exercises": [
            {
                "id": exercise.id,
                "key": keys[exercise.id],
                "title": exercise.title,
                "url": exercise.url,
                "when": exercise.dose.get("when"),
                "levels": {level: dict(exercise.dose.get(level) or {}) for level in LEVELS},
                "pictures": list(exercise.pictures),
                "moving": list(exercise.moving),
                "steps": steps_by_level(exercise.html),
                "stop_if": stop_if(exercise.html, language),
            }
            for exercise in exercises
        ],
    }


def data_block(data: Mapping[str, Any]) -> str:
    """The data as a JSON block the browser never runs. `<`, `>` and `&`
    are written as JSON escapes, so no value can close the element or open
    another, whatever it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'
