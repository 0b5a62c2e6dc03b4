"""A clinician's plan link (docs/javascripts/plan-link.js) as tests use it:
the plan page's data block (the exercises with their keys, the limits of
leaflet/plan_limits.py, the words of leaflet/languages.py), links written
by the page's own LeafletPlan.pack, what a plan should read as, and a new
browser profile that records every request, dialog and page error, and
anything a hostile link made run."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from helpers.html import soup
from leaflet import doses
from leaflet.languages import CHINESE, ENGLISH, LANGUAGES
from local_site import ROOT

PAGE = "your-plan/"
ROOTS = {"en": "", "zh": "zh/"}
PLAN_WORDS = {"en": ENGLISH.text["plan"], "zh": CHINESE.text["plan"]}
SESSION_WORDS = {"en": ENGLISH.text["session"], "zh": CHINESE.text["session"]}
LEVELS = doses.LEVELS
SCRIPTS = ROOT / "docs" / "javascripts"


def store_name(path: Path) -> str:
    """The storage key a script keeps the plan under (its `var STORE`)."""
    found = re.findall(r'var STORE = "([^"]+)"', path.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{path}: {found}"
    return found[0]


STORE = store_name(SCRIPTS / "plan-link.js")
# The head's check for a plan (inline, before the page is drawn).
HEAD_CHECK = ROOT / "overrides" / "partials" / "plan-check.html"

# Set before any script of the page runs: markup from a link that ever ran
# would call pwn() (helpers/attacks.PAYLOADS do) or alert() (a dialog).
SENTINEL = "window.__pwned = []; window.pwn = () => window.__pwned.push(location.href);"

# LeafletPlan.pack with a note given as UTF-16 units (noteUnits), for notes
# no JSON string can carry to the page (a lone surrogate).
_PACK = """raw => LeafletPlan.pack(raw.noteUnits ? Object.assign({}, raw, { note: String.fromCharCode(...raw.noteUnits) }) : raw)"""


def plan_data(site_dir, code: str = "en") -> dict:
    """The plan page's data block in a language: exercises (with their
    plan keys), limits and words, as the page's scripts read them."""
    return json.loads(soup(site_dir, ROOTS[code] + PAGE).select_one("script#leaflet-routine").string)


def say(template: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda found: str(values.get(found.group(1), found.group(0))), template)


def unit_of(exercise: dict, level: int) -> str:
    return "minutes" if exercise["levels"][LEVELS[level]].get("unit") == "minutes" else "times"


@dataclass(frozen=True)
class Item:
    """One exercise of a plan, as a link holds it (raw numbers)."""

    exercise: dict  # from the data block
    level: int = 0  # 0 Beginner, 1 Progressed
    amount: int = 10
    hold: int = 0
    per_day: int = 1
    key: int | None = None  # another key than the exercise's (an unknown one)

    @property
    def id(self) -> str:
        return self.exercise["id"]

    @property
    def unit(self) -> str:
        return unit_of(self.exercise, self.level)

    def raw(self) -> dict:
        return {"key": self.exercise["key"] if self.key is None else self.key, "level": self.level,
                "amount": self.amount, "hold": self.hold, "perDay": self.per_day}


def raw_plan(items: list[Item], note: str = "", start: int = 0, note_units: list[int] | None = None) -> dict:
    raw = {"start": start, "note": note, "exercises": [item.raw() for item in items]}
    if note_units is not None:
        raw["noteUnits"] = note_units
    return raw


def pack(page, raw: dict) -> str:
    """"1.<digits>" for raw numbers, written by the page's LeafletPlan.pack
    (no limits checked: links a maker never would write)."""
    return page.evaluate(_PACK, raw)


def amount_words(code: str, exercise: dict, level: str, unit: str, amount: int, hold: int) -> str:
    """"4 times each way, hold each for 2 seconds": a plan's amount in the
    exercise's unit and way of counting (the pages' dose words), its hold."""
    words, said = PLAN_WORDS[code], doses.words(LANGUAGES[code])
    counted = exercise["levels"][level].get("counted", "once")
    unit_words = (said.unit_one if amount == 1 else said.unit)[unit]
    text = say(said.counted[counted], amount=say(unit_words, n=amount))
    if hold:
        text += words["plan_gap"] + say(words["plan_hold_one" if hold == 1 else "plan_hold"], n=hold)
    return text


def dose_words(code: str, item: Item) -> str:
    """"12 times, hold each for 5 seconds, twice a day", in a language."""
    words = PLAN_WORDS[code]
    amount = amount_words(code, item.exercise, ("beginner", "progressed")[item.level], item.unit, item.amount, item.hold)
    return amount + words["plan_gap"] + words["plan_per_day"][item.per_day - 1]


def level_words(code: str, item: Item) -> str:
    """"Progressed: 12 times, ...": a plan's exercise as every page says it."""
    language = ENGLISH if code == "en" else CHINESE
    return say(PLAN_WORDS[code]["plan_level"], level=language.tabs[item.level], dose=dose_words(code, item))


def title_in(data: dict, exercise_id: str) -> str:
    return next(exercise["title"] for exercise in data["exercises"] if exercise["id"] == exercise_id)


@dataclass
class Reader:
    """A new browser profile (nothing kept, no service worker) that records
    every request, page error and dialog (each dismissed), with the
    sentinel set on every page."""

    browser: object
    site_url: str
    options: dict = field(default_factory=dict)

    def __post_init__(self):
        options = {"viewport": {"width": 390, "height": 844}, **self.options}
        self.context = self.browser.new_context(**options)
        self.context.add_init_script(SENTINEL)
        here = urlsplit(self.site_url).netloc
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route(lambda url: urlsplit(url).netloc != here, lambda route: route.abort())
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(f"{error}"))
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, path: str, link: str | None = None) -> None:
        """Open a page of the site afresh (never a jump within the page it
        is on), with "#plan=" + link if given. requests start again: the
        files this page asked for by its load event (any plan file its
        plan check adds is among them: a script added before the load
        event holds it back)."""
        self.requests.clear()
        self.page.goto("about:blank")
        self.page.goto(self.site_url + path + ("" if link is None else "#plan=" + link))

    def stored(self):
        return self.page.evaluate("key => localStorage.getItem(key)", STORE)

    def ran(self) -> list[str]:
        """What a link made run or become markup: calls of pwn(), elements
        marked pwn, event handlers in attributes, and any dialog."""
        found = self.page.evaluate("""() => [...window.__pwned,
          ...[...document.querySelectorAll(".pwn, x-pwn, [onerror], [onload], [onclick]")].map(e => e.outerHTML.slice(0, 80))]""")
        return found + [f"dialog: {message}" for message in self.dialogs]

    def requested(self, name: str) -> list[str]:
        return [url for url in self.requests if urlsplit(url).path.endswith(name)]

    def close(self) -> None:
        self.context.close()


def problems_shown(scope) -> list[str]:
    """The plain messages of what a link had refused, in order."""
    return [text.strip() for text in scope.locator(".leaflet-plan__problems li").all_inner_texts()]


def wait_for_box(page):
    """The routine's or chart's plan box, once plan-follow.js has drawn it."""
    box = page.locator(".leaflet-plan-box")
    expect(box).to_be_visible()
    return box


def rows_shown(page, selector: str = "table.leaflet-routine, table.leaflet-chart") -> list[str]:
    """The exercises of the routine's (or the chart's) rows a reader sees,
    in page order, each once."""
    ids = page.evaluate("""selector => [...document.querySelectorAll(selector)]
      .flatMap(table => [...table.querySelectorAll("tr[data-exercise]")])
      .filter(row => row.checkVisibility()).map(row => row.dataset.exercise)""", selector)
    return list(dict.fromkeys(ids))
