"""A clinician's plan link that is hostile or broken (docs/javascripts/
plan-link.js) never breaks a page and never runs anything: markup in the
note, doses outside the limits, exercises this leaflet does not have,
links truncated, edited, from a newer version or not links at all. The
valid parts are shown, the rest is refused with a plain message, and plan
text is written as text only. Pages load the link's reader only when there
is a plan.

Links are written by the page's own LeafletPlan.pack (raw numbers, no
limits checked), from the plan page's data block: the exercises and their
keys, the limits (leaflet/plan_limits.py) and the words
(leaflet/languages.py) are never written here. Pages are opened with the
Content-Security-Policy bypassed, so that the escaping is tested, not the
second line of defence (tests/test_content_security_policy.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pytest
from playwright.sync_api import expect

from helpers.attacks import chunks
from helpers.html import soup
from helpers.plan import (
    HEAD_CHECK,
    PAGE,
    PLAN_WORDS,
    ROOTS,
    SESSION_WORDS,
    STORE,
    Item,
    Reader,
    level_words,
    pack,
    plan_data,
    problems_shown,
    raw_plan,
    rows_shown,
    say,
    store_name,
    title_in,
    unit_of,
    wait_for_box,
)
from leaflet.plan_limits import LIMITS, plan_key
from site_pages import built_pages

WORDS = PLAN_WORDS["en"]


@dataclass
class Hostile:
    """A link, and what every page must make of it: the plain messages of
    what it refused ((word, exercise id for its {title}) each), the
    exercises shown (as the link has them, in its order) and the note."""

    items: list[Item] = field(default_factory=list)
    note: str = ""
    note_units: list[int] | None = None
    # A fragment that is no plan a maker writes: given, or made from a
    # good link ("1.<digits>" of one valid exercise).
    text: str | Callable[[str], str] | None = None
    problems: list[tuple[str, str | None]] = field(default_factory=list)
    shown: list[Item] = field(default_factory=list)
    note_shown: str = ""


class Kit:
    """The exercises a case uses, from the data block: two counted in
    times, one done for minutes, and a key that names no exercise."""

    def __init__(self, data: dict):
        exercises = data["exercises"]
        times = [e for e in exercises if unit_of(e, 0) == "times"]
        self.a, self.b = times[0], times[1]
        self.minutes = next(e for e in exercises if unit_of(e, 0) == "minutes")
        keys = {e["key"] for e in exercises}
        self.unknown = next(key for key in range(1 << 16) if key not in keys)

    @staticmethod
    def good(exercise: dict, **values) -> Item:
        """Valid, at the very limits: the most a link may ask for."""
        minutes = unit_of(exercise, values.get("level", 0)) == "minutes"
        return Item(exercise, **{"amount": LIMITS.minutes if minutes else LIMITS.times,
                                 "hold": 0 if minutes else LIMITS.hold_seconds, "per_day": LIMITS.per_day, **values})


def note(text: str) -> Callable[[Kit], Hostile]:
    """A valid plan whose note is shown, as text."""
    return lambda k: Hostile(items=[k.good(k.a)], note=text, shown=[k.good(k.a)], note_shown=text)


def bad_note(text: str = "", units: list[int] | None = None) -> Callable[[Kit], Hostile]:
    """A valid plan whose note is refused; the exercises still shown."""
    return lambda k: Hostile(items=[k.good(k.a)], note=text, note_units=units, problems=[("plan_bad_note", None)],
                             shown=[k.good(k.a)])


def broken(text: str | Callable[[str], str], problem: str = "plan_broken") -> Callable[[Kit], Hostile]:
    return lambda k: Hostile(text=text, problems=[(problem, None)])


def changed_digit(link: str) -> str:
    middle = len(link) // 2
    return link[:middle] + str((int(link[middle]) + 1) % 10) + link[middle + 1:]


CASES: dict[str, Callable[[Kit], Hostile]] = {
    # Markup and script in the note (helpers/attacks.PAYLOADS, as many to
    # a note as its limit holds): shown as the text it is.
    **{f"note-markup-{n}": note(text) for n, text in enumerate(chunks(LIMITS.note_chars))},
    "note-alert": note('"><img src=x onerror="alert(document.domain)">'),
    "note-javascript-url": note("javascript:pwn()//</span></p><script>pwn()</script>"),
    # Characters that reorder or hide what is shown: the note is refused.
    "note-bidi-override": bad_note("Do 10\u202e05 semit"),
    "note-bidi-isolate": bad_note("Do \u2067this\u2069 first"),
    "note-arabic-letter-mark": bad_note("Do 10\u061c times"),
    "note-control": bad_note("Stop\u0000\u001b[2J here"),
    "note-lone-surrogate": bad_note(units=[0xD800, ord("a")]),
    "note-too-long": bad_note("a" * (LIMITS.note_chars + 1)),
    # Doses outside the limits: that exercise is left out, the rest shown.
    "times-above-limit": lambda k: Hostile(
        items=[k.good(k.a), k.good(k.b, amount=LIMITS.times + 1)],
        problems=[("plan_outside", k.b["id"])], shown=[k.good(k.a)]),
    "minutes-above-limit": lambda k: Hostile(
        items=[k.good(k.minutes, amount=LIMITS.minutes + 1), k.good(k.a)],
        problems=[("plan_outside", k.minutes["id"])], shown=[k.good(k.a)]),
    "amount-zero": lambda k: Hostile(
        items=[k.good(k.a, amount=0), k.good(k.b)], problems=[("plan_outside", k.a["id"])], shown=[k.good(k.b)]),
    "per-day-zero": lambda k: Hostile(
        items=[k.good(k.a), k.good(k.b, per_day=0)], problems=[("plan_outside", k.b["id"])], shown=[k.good(k.a)]),
    "hold-above-limit": lambda k: Hostile(
        items=[k.good(k.a, hold=LIMITS.hold_seconds + 1), k.good(k.b)],
        problems=[("plan_outside", k.a["id"])], shown=[k.good(k.b)]),
    "hold-on-minutes": lambda k: Hostile(
        items=[k.good(k.minutes, hold=1), k.good(k.a)],
        problems=[("plan_outside", k.minutes["id"])], shown=[k.good(k.a)]),
    "unknown-exercise": lambda k: Hostile(
        items=[k.good(k.a), Item(k.a, key=k.unknown)], problems=[("plan_unknown", None)], shown=[k.good(k.a)]),
    # The first is used, with its own amount.
    "same-exercise-twice": lambda k: Hostile(
        items=[k.good(k.a, amount=5), k.good(k.b), k.good(k.a, amount=7)],
        problems=[("plan_twice", k.a["id"])], shown=[k.good(k.a, amount=5), k.good(k.b)]),
    "only-exercise-refused": lambda k: Hostile(
        items=[k.good(k.a, amount=LIMITS.times + 1)], problems=[("plan_outside", k.a["id"]), ("plan_empty", None)]),
    "no-exercise": lambda k: Hostile(items=[], note="Hello", problems=[("plan_empty", None)]),
    "valid-and-refused-mixed": lambda k: Hostile(
        items=[k.good(k.minutes, level=1), Item(k.a, key=k.unknown), k.good(k.a, per_day=0), k.good(k.b, level=1),
               k.good(k.b)],
        note="<b class=pwn>Slowly</b>",
        problems=[("plan_unknown", None), ("plan_outside", k.a["id"]), ("plan_twice", k.b["id"])],
        shown=[k.good(k.minutes, level=1), k.good(k.b, level=1)], note_shown="<b class=pwn>Slowly</b>"),
    # Not a link a maker writes at all.
    "truncated": broken(lambda link: link[:-4]),
    "one-digit-changed": broken(changed_digit),
    "extra-digits": broken(lambda link: link + "0"),
    "newer-version": broken(lambda link: "2" + link[1:], "plan_newer"),
    "version-0": broken(lambda link: "0" + link[1:]),
    "no-version": broken(lambda link: link[2:]),
    "non-digits": broken(lambda link: link[:-3] + "x" + link[-2:]),
    "negative": broken(lambda link: "1.-" + link[2:]),
    "percent-encoded-junk": broken("%E0%A4%A"),
    "empty": broken(""),
    "thousands-of-digits": broken("1." + "9" * 5000),
    "markup-for-a-link": broken("<img src=x onerror=pwn() class=pwn>"),
    "markup-after-a-link": broken(lambda link: link + "<svg/onload=pwn() class=pwn>"),
}

# Opened on the session, the routine and the chart too: markup, a refused
# note, valid and refused parts, nothing usable, not a link at all.
ELSEWHERE = ["note-markup-0", "note-bidi-override", "valid-and-refused-mixed", "only-exercise-refused", "truncated",
             "newer-version", "percent-encoded-junk", "markup-after-a-link"]


@pytest.fixture(scope="module")
def data(site_dir) -> dict:
    return plan_data(site_dir)


@pytest.fixture(scope="module")
def hostile(browser, site_url, data) -> dict[str, tuple[str, Hostile]]:
    """Every case's fragment (what follows "#plan="), written in the plan
    page by its own LeafletPlan.pack."""
    kit = Kit(data)
    reader = Reader(browser, site_url)
    reader.open(PAGE)
    good = pack(reader.page, raw_plan([kit.good(kit.a)]))
    made = {}
    for name, case in CASES.items():
        spec = case(kit)
        if spec.text is None:
            link = pack(reader.page, raw_plan(spec.items, spec.note, note_units=spec.note_units))
        else:
            link = spec.text(good) if callable(spec.text) else spec.text
        made[name] = (link, spec)
    reader.close()
    return made


@pytest.fixture(scope="module")
def profile(browser, site_url):
    """One browser profile for the cases (its cache makes each page load
    three times faster), the Content-Security-Policy bypassed."""
    one = Reader(browser, site_url, {"bypass_csp": True})
    yield one
    one.close()


@pytest.fixture
def reader(profile):
    """The profile with nothing kept and nothing seen yet; after the test,
    it must have seen no page error and nothing run."""
    profile.errors.clear()
    profile.dialogs.clear()
    yield profile
    assert not profile.errors, f"the page threw: {profile.errors}"
    assert not profile.ran(), f"a link ran: {profile.ran()}"
    profile.page.evaluate("() => localStorage.clear()")


def messages(spec: Hostile, data: dict) -> list[str]:
    return [say(WORDS[word], title=title_in(data, exercise) if exercise else "") for word, exercise in spec.problems]


def listed(scope) -> list[tuple[str, str]]:
    """The plan's exercises as listed: (title, what to do) each."""
    return [tuple(line.strip() for line in text.split("\n", 1))
            for text in scope.locator(".leaflet-plan__list li").all_inner_texts()]


def expected_list(spec: Hostile) -> list[tuple[str, str]]:
    return [(item.exercise["title"], level_words("en", item)) for item in spec.shown]


def assert_note_is_text(scope, spec: Hostile) -> None:
    """The note, if any is kept, is one text node: its markup is text."""
    note = scope.locator(".leaflet-plan__note span")
    if not spec.note_shown:
        expect(scope.locator(".leaflet-plan__note")).to_have_count(0)
        return
    expect(note).to_have_count(1)
    assert note.evaluate("span => [span.childNodes.length, span.firstChild.nodeType, span.textContent]") == [
        1, 3, spec.note_shown]


def assert_nothing_from_the_link_is_markup(scope) -> None:
    assert scope.locator("img, svg, script, style, iframe, object, embed, x-pwn, .pwn, b").count() == 0


# --- The plan page ---------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_or_broken_link_gives_plain_messages_and_runs_nothing(reader, hostile, data, name):
    link, spec = hostile[name]
    reader.open(PAGE, link)
    root = reader.page.locator("#leaflet-your-plan")
    # Whatever the link, the way back is there.
    expect(root.get_by_role("button", name=WORDS["plan_standard"])).to_be_visible()
    assert problems_shown(root) == messages(spec, data)
    if spec.problems:
        expect(root.get_by_role("status")).to_be_visible()
    assert listed(root) == expected_list(spec)
    assert_note_is_text(root, spec)
    assert_nothing_from_the_link_is_markup(root)
    if spec.shown:
        expect(root.get_by_text(WORDS["plan_from_link"])).to_be_visible()
        expect(root.get_by_role("button", name=WORDS["plan_keep"])).to_be_visible()
    else:  # nothing to keep, start or follow
        expect(root.get_by_text(WORDS["plan_from_link"])).to_have_count(0)
        expect(root.get_by_role("button", name=WORDS["plan_keep"])).to_have_count(0)
        expect(root.get_by_role("link", name=WORDS["plan_start_session"])).to_have_count(0)
    assert reader.stored() is None  # opening a link keeps nothing
    assert not reader.ran() and not reader.errors, (reader.ran(), reader.errors)


def test_the_cases_cover_what_a_link_can_get_wrong(hostile):
    """Every way of being wrong has a case, and the markup cases hold every
    payload of helpers/attacks.py, a note at the limit among them."""
    said = {word for _, spec in hostile.values() for word, _ in spec.problems}
    assert said == {"plan_broken", "plan_newer", "plan_unknown", "plan_outside", "plan_twice", "plan_bad_note",
                    "plan_empty"}
    notes = " ".join(spec.note_shown for _, spec in hostile.values())
    for needle in ("<script>", "</script>", "onerror=", "onload=", "javascript:", "<style>", '">', "alert("):
        assert needle in notes, needle
    assert len(hostile) >= 20


def test_a_link_cannot_hold_more_times_a_day_than_the_limit(reader):
    """Times a day take 2 bits: 0 is the one value outside the limits
    (per-day-zero). Were the limit lowered, a link could ask for more, and
    a case for it would be needed here."""
    reader.open(PAGE)
    too_many = {"start": 0, "note": "", "exercises": [{"key": 1, "level": 0, "amount": 1, "hold": 0,
                                                       "perDay": LIMITS.per_day + 1}]}
    with pytest.raises(Exception, match="does not fit"):
        pack(reader.page, too_many)


def test_the_data_block_holds_the_limits_and_each_exercises_key(data):
    assert data["limits"] == {name: getattr(LIMITS, name) for name in data["limits"]}
    assert set(data["limits"]) >= {"times", "minutes", "hold_seconds", "per_day", "note_chars"}
    assert [e["key"] for e in data["exercises"]] == [plan_key(e["id"]) for e in data["exercises"]]


# --- The session, the routine and the chart --------------------------------------


@pytest.mark.parametrize("path", ["session/", "routine/", "progress-chart/"])
@pytest.mark.parametrize("name", ELSEWHERE)
def test_a_hostile_or_broken_link_never_breaks_the_pages_that_follow_a_plan(reader, hostile, data, site_dir, path,
                                                                             name):
    link, spec = hostile[name]
    reader.open(path, link)
    page = reader.page
    if path == "session/":
        scope = page.locator("#leaflet-session")
        heading = scope.get_by_role("heading", level=2)
        # A plan's first screen, or the standard one.
        expect(heading).to_have_text(WORDS["plan_title"] if spec.shown else SESSION_WORDS["en"]["which"])
    else:
        scope = wait_for_box(page)
        standard = list(dict.fromkeys(row["data-exercise"] for row in soup(site_dir, path).select("tr[data-exercise]")))
        shown = {item.id for item in spec.shown}
        assert rows_shown(page) == ([exercise for exercise in standard if exercise in shown] if shown else standard)
        expect(scope.get_by_role("button", name=WORDS["plan_standard"])).to_be_visible()
    assert problems_shown(scope) == messages(spec, data)
    assert listed(scope) == expected_list(spec)
    assert_note_is_text(scope, spec)
    assert_nothing_from_the_link_is_markup(scope)
    assert not reader.ran() and not reader.errors, (reader.ran(), reader.errors)


@pytest.mark.parametrize("kept, word", [("1.1234567", "plan_broken"), ("<img src=x onerror=pwn() class=pwn>", "plan_broken"),
                                        ("9.1234567", "plan_newer")])
def test_a_damaged_plan_kept_on_the_phone_never_breaks_a_page(reader, site_dir, kept, word):
    """What this browser keeps may have been edited by hand: read as a
    link is, refused, and the standard routine shown."""
    reader.open("about/")
    reader.page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, kept])
    broken_message = [WORDS[word]]
    reader.open(PAGE)
    assert problems_shown(reader.page.locator("#leaflet-your-plan")) == broken_message
    reader.open("session/")
    expect(reader.page.locator("#leaflet-session h2")).to_have_text(SESSION_WORDS["en"]["which"])
    assert problems_shown(reader.page.locator("#leaflet-session")) == broken_message
    for path in ("routine/", "progress-chart/"):
        reader.open(path)
        assert problems_shown(wait_for_box(reader.page)) == broken_message
        assert rows_shown(reader.page) == list(dict.fromkeys(
            row["data-exercise"] for row in soup(site_dir, path).select("tr[data-exercise]")))


# --- Loaded only when there is a plan ---------------------------------------------

PLAN_FILES = ("javascripts/plan-link.js", "javascripts/plan-follow.js", "stylesheets/plan.css")
# The pages that are about a plan: they load the reader themselves
# (overrides/interactive.html).
OWN_READERS = {"your-plan/", "make-a-plan/"}
# Their plan check (overrides/partials/plan-check.html) loads the reader
# when there is a plan, and plan-follow.js where the page lists the
# exercises.
CHECKING = ("routine/", "progress-chart/", "session/")
FOLLOWING = ("routine/", "progress-chart/")


def code_of(root: str) -> str:
    return next(code for code, prefix in ROOTS.items() if prefix == root)


def test_no_reading_page_names_the_plan_files_to_load(site_dir):
    """Only the pages about a plan load its reader; the routine, the chart
    and the session only name it in their plan check, in the head; no other
    page names it at all."""
    for page in built_pages(site_dir):
        html = soup(site_dir, page)
        bare = page.removeprefix("zh/")
        loaded = {tag.get("src") or tag.get("href") for tag in html.select("script[src], link[href]")}
        named = [name for name in PLAN_FILES for address in loaded if address.endswith(name)]
        if bare in OWN_READERS:
            assert "javascripts/plan-follow.js" not in named, page
        else:
            assert not named, f"{page} loads {named} for every reader"
        head_check = [script for script in html.head.select("script:not([src])") if STORE in script.get_text()]
        assert len(head_check) == (1 if bare in CHECKING else 0), page


@pytest.mark.parametrize("root", ["", "zh/"])
def test_the_routine_and_chart_load_the_plan_files_only_with_a_plan(browser, site_url, data, root):
    reader = Reader(browser, site_url)
    reader.open(PAGE)  # a page with the reader: to write the link
    kit = Kit(data)
    link = pack(reader.page, raw_plan([kit.good(kit.a)]))
    for path in ("", "about/", "exercises/", *CHECKING):
        reader.open(root + path)
        loaded = [name for name in PLAN_FILES if reader.requested(name)]
        assert not loaded and not reader.requested(PAGE), f"{root + path} without a plan loaded {loaded}"
        if path in CHECKING:
            expect(reader.page.locator(".leaflet-plan-box")).to_have_count(0)
            if path == "session/":
                expect(reader.page.locator("#leaflet-session h2")).to_have_text(SESSION_WORDS[code_of(root)]["which"])
    # A link, then the same plan kept on this phone with no link.
    for how in ("link", "kept"):
        if how == "kept":
            reader.page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, link])
        for path in CHECKING:
            reader.open(root + path, link if how == "link" else None)
            if path not in FOLLOWING:  # the session: its plan screen, no list to follow
                expect(reader.page.locator("#leaflet-session h2")).to_have_text(PLAN_WORDS[code_of(root)]["plan_title"])
                assert [name for name in PLAN_FILES if reader.requested(name)] == [
                    "javascripts/plan-link.js", "stylesheets/plan.css"], f"{root + path} ({how})"
                continue
            wait_for_box(reader.page)
            assert all(reader.requested(name) for name in PLAN_FILES), f"{root + path} ({how})"
            # The routine has no data block of its own: it reads the plan page's.
            assert bool(reader.requested(root + PAGE)) == (path == "routine/")
    assert not reader.errors, reader.errors
    reader.close()


def test_the_heads_check_looks_for_the_plan_under_the_readers_storage_key(browser, site_url):
    """The head's check (overrides/partials/plan-check.html) has its
    own copy of LeafletPlan.STORE (so that a reading page need not load the
    reader to know): the two must agree, or a kept plan would never be
    followed on the routine page."""
    assert store_name(HEAD_CHECK) == STORE
    reader = Reader(browser, site_url)
    reader.open(PAGE)
    assert reader.page.evaluate("() => LeafletPlan.STORE") == STORE
    # ...and of its fragment's prefix, for a plan only in the link.
    prefix = reader.page.evaluate("() => LeafletPlan.PREFIX")
    script = HEAD_CHECK.read_text(encoding="utf-8").split("<script>", 1)[1]
    assert f'"#{prefix}"' in script
    reader.close()
