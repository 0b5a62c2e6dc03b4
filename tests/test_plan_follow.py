"""A clinician's plan, as the patient follows it in Chromium: a plan link
opened in a new browser profile shows "Your plan" as coming from the link
and drives the guided session, the progress chart and the routine page
(only the plan's exercises, in its order, each at its version and amount,
as many sessions a day as it says), in both languages; kept on this phone
it survives a reload and applies with no link, removed it is gone;
"Back to the standard routine" is one tap away on every page; no axe
violations, light and dark, phone and desktop.

The plan is made of the data block's exercises (the exercise pages), its
amounts from the limits (leaflet/plan_limits.py), its words from
leaflet/languages.py; time is Playwright's clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from guided_session import PLAN_FOLLOWERS
from helpers.axe import Visit, describe, run_axe
from helpers.html import soup
from helpers.plan import (
    PAGE,
    PLAN_WORDS,
    ROOTS,
    SESSION_WORDS,
    STORE,
    Item,
    Reader,
    dose_words,
    level_words,
    pack,
    plan_data,
    problems_shown,
    raw_plan,
    rows_shown,
    say,
    unit_of,
    wait_for_box,
)
from leaflet.plan_limits import LIMITS
from local_site import ROOT

MORNING = datetime(2026, 12, 1, 8, 0)
START = "2026-12-01"
# The start as each language writes a date in full (what a reader sees).
START_SHOWN = {"en": "1 December 2026", "zh": "2026年12月1日"}
NOTE = {"en": "Slowly & gently, on a firm bed. See me again in 2 weeks.",
        "zh": "慢慢做，床要硬一点。两周后来复诊。"}


def journey(data: dict) -> list[Item]:
    """Three exercises, last of the routine first (not its order), each
    version, one done for minutes; amounts unlike the routine's; once,
    twice and three times a day."""
    items = []
    for n, exercise in enumerate(list(reversed(data["exercises"]))[:3]):
        level = (n + 1) % 2
        minutes = unit_of(exercise, level) == "minutes"
        items.append(Item(exercise, level=level,
                          amount=LIMITS.minutes // 3 + n if minutes else LIMITS.times // 5 + n,
                          hold=0 if minutes else min(LIMITS.hold_seconds, 3 + n),
                          per_day=min(LIMITS.per_day, 1 + n)))
    return items


@dataclass(frozen=True)
class Journey:
    link: str  # what follows "#plan="
    items: list[Item]
    data: dict  # the plan page's data block
    refused_too: str  # the same plan, with an unknown exercise and one twice


@pytest.fixture(scope="module")
def plans(browser, site_url, site_dir) -> dict[str, Journey]:
    """For each language, the journey's links, written on the plan page by
    LeafletPlan.pack in a browser profile of its own."""
    made = {}
    reader = Reader(browser, site_url)
    for code, root in ROOTS.items():
        data = plan_data(site_dir, code)
        items = journey(data)
        assert any(item.unit == "minutes" for item in items) and any(item.hold for item in items)
        assert [item.id for item in items] != [e["id"] for e in data["exercises"] if e["id"] in {i.id for i in items}]
        reader.open(root + PAGE)
        start = reader.page.evaluate("iso => LeafletPlan.daysOf(iso)", START)
        unknown = next(key for key in range(1 << 16) if key not in {e["key"] for e in data["exercises"]})
        made[code] = Journey(pack(reader.page, raw_plan(items, NOTE[code], start)), items, data,
                             pack(reader.page, raw_plan(items + [Item(items[0].exercise, key=unknown), items[1]],
                                                        NOTE[code], start)))
    reader.close()
    return made


@pytest.fixture
def reader(browser, site_url):
    readers = []

    def new(**options) -> Reader:
        readers.append(Reader(browser, site_url, options))
        readers[-1].page.clock.install(time=MORNING)
        return readers[-1]

    yield new
    for one in readers:
        assert not one.errors, f"the page threw: {one.errors}"
        assert not one.ran()
        one.close()


def listed(scope) -> list[tuple[str, str]]:
    return [tuple(line.strip() for line in text.split("\n", 1))
            for text in scope.locator(".leaflet-plan__list li").all_inner_texts()]


def expected_list(code: str, items: list[Item]) -> list[tuple[str, str]]:
    return [(item.exercise["title"], level_words(code, item)) for item in items]


LISTS = {"routine/": "table.leaflet-routine", "progress-chart/": "table.leaflet-chart"}


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# The steps' text without their dose and hold sentences (leaflet/doses.py
# marks them), in the page and from the data block.
DOSE_MARKS = ".leaflet-dose, .leaflet-hold"
WITHOUT_DOSES = f"""box => {{
  const copy = box.cloneNode(true);
  copy.querySelectorAll("{DOSE_MARKS}").forEach(mark => mark.remove());
  return copy.textContent;
}}"""


def steps_text(html: str) -> str:
    steps = BeautifulSoup(html, "html.parser")
    for mark in steps.select(DOSE_MARKS):
        mark.decompose()
    return squashed(steps.get_text())


def standard_rows(site_dir, path: str) -> list[str]:
    return list(dict.fromkeys(row["data-exercise"] for row in soup(site_dir, path).select("tr[data-exercise]")))


def routine_cells(page, path: str = "routine/") -> list[list[str]]:
    """Every row of the routine's lists (or the chart's) as shown: its
    cells' text."""
    return page.evaluate("""selector => [...document.querySelectorAll(selector)]
      .filter(row => row.checkVisibility()).map(row => [...row.cells].map(cell => cell.textContent.trim()))""",
                         f"{LISTS[path]} tr[data-exercise]")


def built_routine_cells(site_dir, path: str = "routine/") -> list[list[str]]:
    return [[cell.get_text().strip() for cell in row.find_all(["th", "td"])]
            for row in soup(site_dir, path).select(f"{LISTS[path]} tr[data-exercise]")]


def assert_plan_shown(scope, code: str, items: list[Item], note: str | None = None) -> None:
    """The plan as coming from its link: exercises, amounts, start, note."""
    words = PLAN_WORDS[code]
    expect(scope.get_by_text(words["plan_from_link"])).to_be_visible()
    assert listed(scope) == expected_list(code, items)
    expect(scope.locator(".leaflet-plan__note span")).to_have_text(NOTE[code] if note is None else note)
    expect(scope.get_by_text(say(words["plan_start"], date=START_SHOWN[code]))).to_be_visible()
    assert problems_shown(scope) == []


def assert_follows_on_the_routine(page, site_dir, code: str, items: list[Item]) -> None:
    """The plan's exercises only, in the routine's order, each with the
    plan's version and amount, numbered again over the rows shown."""
    path = ROOTS[code] + "routine/"
    box = wait_for_box(page)
    expect(box.locator(".admonition-title")).to_have_text(PLAN_WORDS[code]["plan_title"])
    assert_plan_shown(box, code, items)
    chosen = {item.id: item for item in items}
    assert rows_shown(page) == [exercise for exercise in standard_rows(site_dir, path) if exercise in chosen]
    numbers = []
    for table in page.locator("table.leaflet-routine").all():
        if table.is_visible():
            rows = table.locator("tr[data-exercise]:visible")
            numbers.append(rows.locator("td:first-child").all_inner_texts())
            for row in rows.all():
                item = chosen[row.get_attribute("data-exercise")]
                expect(row.locator("td").last).to_have_text(level_words(code, item))
    assert numbers and all(shown == [str(n) for n in range(1, len(shown) + 1)] for shown in numbers), numbers


def assert_follows_on_the_chart(page, site_dir, code: str, items: list[Item]) -> None:
    path = ROOTS[code] + "progress-chart/"
    assert_plan_shown(wait_for_box(page), code, items)
    chosen = {item.id: item for item in items}
    assert rows_shown(page, "table.leaflet-chart") == [e for e in standard_rows(site_dir, path) if e in chosen]
    doses = page.evaluate("""() => [...document.querySelectorAll("table.leaflet-chart tr[data-exercise]")]
      .filter(row => row.checkVisibility() && row.querySelector("small"))
      .map(row => [row.dataset.exercise, row.querySelector("small").textContent])""")
    assert doses and all(text == level_words(code, chosen[exercise]) for exercise, text in doses), doses


def do_a_session(page, code: str, items: list[Item], data: dict, *, whole: bool) -> list[dict]:
    """Start the plan's session and do each exercise shown: all of the
    plan's amount (whole), or one; return what the log kept of it."""
    words = SESSION_WORDS[code]
    page.get_by_role("button", name=words["start"], exact=True).click()
    steps = {e["id"]: e["steps"] for e in data["exercises"]}
    levels = ("beginner", "progressed")
    for number, item in enumerate(items, start=1):
        heading = page.locator("#leaflet-session h2")
        expect(heading).to_have_text(item.exercise["title"])
        expect(page.get_by_text(say(words["exercise_of"], i=number, total=len(items)), exact=True)).to_be_visible()
        expect(page.locator(".leaflet-session__target")).to_have_text(
            say(PLAN_WORDS[code]["plan_target"], dose=dose_words(code, item)))
        # The steps of the plan's version, not the other's (their dose and
        # hold sentences aside, which may say the plan's).
        shown = squashed(page.locator(".leaflet-session__steps").evaluate(f"box => ({WITHOUT_DOSES})(box)"))
        assert shown == steps_text(steps[item.id][levels[item.level]])
        assert shown != steps_text(steps[item.id][levels[1 - item.level]])
        # ...which say the plan's amount, not the page's.
        expect(page.locator(".leaflet-session__steps .leaflet-dose")).to_have_text(
            say(PLAN_WORDS[code]["plan_step"], dose=dose_words(code, item)))
        if item.unit == "minutes":
            expect(page.get_by_role("button", name=words["tap"])).to_have_count(0)
            timer = page.locator("button.leaflet-session__tap")
            expect(timer).to_have_text(words["timer_start"])
            timer.click()
            page.clock.run_for((item.amount if whole else 1) * 60_000)
            expect(timer).to_have_text(words["timer_pause"])
            timer.click()
            expect(page.get_by_text(say(words["minutes_done"], n=item.amount if whole else 1, total=item.amount))).to_be_visible()
        else:
            expect(page.locator(".leaflet-session__hold")).to_have_count(1 if item.hold else 0)
            for _ in range(item.amount if whole else 1):
                page.get_by_role("button", name=words["tap"]).click()
            expect(page.locator("output.leaflet-session__count")).to_have_text(str(item.amount if whole else 1))
        page.locator(".leaflet-session__controls .md-button--primary").click()
    expect(page.locator("#leaflet-session h2")).to_have_text(words["done_title"])
    return page.evaluate("() => LeafletLog.read().sessions")[-1]["exercises"]


# --- A link in a new browser -------------------------------------------------------


@pytest.mark.parametrize("code", ROOTS)
def test_a_plan_link_in_a_new_browser_drives_the_session_the_chart_and_the_routine(reader, plans, site_url, site_dir,
                                                                                  code):
    link, items, data = plans[code].link, plans[code].items, plans[code].data
    root, words = ROOTS[code], PLAN_WORDS[code]
    one = reader(locale="zh-CN" if code == "zh" else "en-GB")
    page = one.page
    one.open(root + PAGE, link)
    expect(page.get_by_role("heading", level=1, name=words["plan_title"])).to_be_visible()
    plan = page.locator("#leaflet-your-plan")
    assert_plan_shown(plan, code, items)
    for item, address in zip(items, plan.locator(".leaflet-plan__list a").all()):
        assert address.evaluate("a => a.href") == f"{site_url}{root}exercises/{item.id}/"
    expect(plan.get_by_text(words["plan_not_kept"])).to_be_visible()
    assert one.stored() is None
    # Only in the link: the session and the chart are given it.
    chart = plan.get_by_role("link", name=data["words"]["chart"])
    assert chart.evaluate("a => a.href") == f"{site_url}{root}progress-chart/#plan={link}"
    plan.get_by_role("link", name=words["plan_start_session"]).click()
    expect(page).to_have_url(f"{site_url}{root}session/#plan={link}")

    # The session: the plan first, then its exercises, in its order.
    session = page.locator("#leaflet-session")
    expect(session.locator("h2")).to_have_text(words["plan_title"])
    assert_plan_shown(session, code, items)
    expect(session.get_by_role("radio", name=SESSION_WORDS[code]["morning"])).to_be_checked()
    done = do_a_session(page, code, items, data, whole=True)
    assert [(e["id"], e["count"], e["seconds"]) for e in done] == [
        (item.id, 0 if item.unit == "minutes" else item.amount, item.amount * 60 if item.unit == "minutes" else 0)
        for item in items]

    # The chart, from the session's last screen.
    session.get_by_role("link", name=data["words"]["chart"]).click()
    expect(page).to_have_url(f"{site_url}{root}progress-chart/#plan={link}")
    assert_follows_on_the_chart(page, site_dir, code, items)
    # Its log of the last weeks lists the plan's exercises, as the chart.
    logged = page.locator("table.leaflet-log-table tbody tr").evaluate_all("rows => rows.map(row => row.dataset.exercise)")
    assert list(dict.fromkeys(logged)) == rows_shown(page, "table.leaflet-chart"), logged

    # As many sessions a day as the plan says: the second and third of the
    # day have only the exercises it asks for that often.
    for sessions in (2, 3):
        one.open(root + "session/", link)
        again = [item for item in items if item.per_day >= sessions]
        done = do_a_session(page, code, again, data, whole=False)
        assert [e["id"] for e in done] == [item.id for item in again]
    # Every exercise done as often as asked: the session says so.
    assert max(item.per_day for item in items) == 3
    one.open(root + "session/", link)
    page.get_by_role("button", name=SESSION_WORDS[code]["start"], exact=True).click()
    expect(session.get_by_role("status")).to_have_text(words["plan_done_today"])

    one.open(root + "routine/", link)
    assert_follows_on_the_routine(page, site_dir, code, items)
    see = page.locator(".leaflet-plan-box").get_by_role("link", name=words["plan_see"])
    assert see.evaluate("a => a.href") == f"{site_url}{root}{PAGE}#plan={link}"
    # Every link to the session on the page passes the plan on, the
    # page's own button above the box too.
    sessions = page.evaluate("""() => [...document.querySelectorAll("a[href]")]
      .filter(a => new URL(a.href).pathname.endsWith("/session/")).map(a => a.href)""")
    assert len(sessions) >= 2 and set(sessions) == {f"{site_url}{root}session/#plan={link}"}, sessions
    assert one.stored() is None


# --- Kept on this phone, and removed -------------------------------------------------


def test_a_kept_plan_survives_a_reload_applies_everywhere_and_can_be_removed(reader, plans, site_dir):
    link, items = plans["en"].link, plans["en"].items
    words = PLAN_WORDS["en"]
    one = reader()
    page = one.page
    one.open(PAGE, link)
    plan = page.locator("#leaflet-your-plan")
    plan.get_by_role("button", name=words["plan_keep"]).click()
    expect(plan.get_by_role("status")).to_have_text(words["plan_kept"])
    expect(plan.get_by_role("status")).to_be_focused()
    assert one.stored() == link
    page.reload()
    expect(plan.locator(".leaflet-plan__kept")).to_have_text(words["plan_kept"])
    assert_plan_shown(plan, "en", items)
    # Kept: the pages need no link to follow it.
    start = plan.get_by_role("link", name=words["plan_start_session"])
    assert start.evaluate("a => new URL(a.href).hash") == ""

    one.open("routine/")
    assert_follows_on_the_routine(page, site_dir, "en", items)
    one.open("progress-chart/")
    assert_follows_on_the_chart(page, site_dir, "en", items)
    one.open("session/")
    expect(page.locator("#leaflet-session h2")).to_have_text(words["plan_title"])
    assert_plan_shown(page.locator("#leaflet-session"), "en", items)
    one.open("zh/session/")  # the same plan, in the other language's words
    assert_plan_shown(page.locator("#leaflet-session"), "zh", plans["zh"].items, note=NOTE["en"])

    one.open(PAGE)
    assert_plan_shown(plan, "en", items)
    plan.get_by_role("button", name=words["plan_remove"]).click()
    expect(plan.get_by_role("status")).to_have_text(words["plan_removed"])
    expect(plan.get_by_text(words["plan_none"])).to_be_visible()
    assert one.stored() is None
    assert_standard_everywhere(one, site_dir)


def test_removing_a_kept_plan_opened_from_its_link_removes_it_from_the_page_too(reader, plans, site_dir):
    """Removed, the plan is gone from the page, whose address held it: its
    buttons no longer pass it on, and a reload does not bring it back."""
    link = plans["en"].link
    words = PLAN_WORDS["en"]
    one = reader()
    one.open(PAGE, link)
    plan = one.page.locator("#leaflet-your-plan")
    plan.get_by_role("button", name=words["plan_keep"]).click()
    plan.get_by_role("button", name=words["plan_remove"]).click()
    expect(plan.get_by_role("status")).to_have_text(words["plan_removed"])
    expect(plan.get_by_text(words["plan_none"])).to_be_visible()
    expect(plan.locator(".leaflet-plan__list")).to_have_count(0)
    one.page.reload()
    expect(plan.get_by_text(words["plan_none"])).to_be_visible()
    assert one.stored() is None
    assert_standard_everywhere(one, site_dir)


def assert_standard_everywhere(one: Reader, site_dir) -> None:
    """No plan: the standard routine, session and chart, as built."""
    page = one.page
    for path in ("routine/", "progress-chart/"):
        one.open(path)
        assert not one.requested("javascripts/plan-follow.js")
        expect(page.locator(".leaflet-plan-box")).to_have_count(0)
        assert rows_shown(page) == standard_rows(site_dir, path)
    one.open("routine/")
    assert routine_cells(page) == built_routine_cells(site_dir, "routine/")
    one.open("session/")
    expect(page.locator("#leaflet-session h2")).to_have_text(SESSION_WORDS["en"]["which"])


# --- Back to the standard routine, one tap away ---------------------------------------


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "link-only"])
@pytest.mark.parametrize("path", LISTS)
def test_back_to_the_standard_routine_from_the_routine_and_the_chart(reader, plans, site_dir, path, kept):
    link = plans["en"].link
    one = reader()
    page = one.page
    if kept:
        one.open("about/")
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, link])
    one.open(path, None if kept else link)
    box = wait_for_box(page)
    assert routine_cells(page, path) != built_routine_cells(site_dir, path)
    box.get_by_role("button", name=PLAN_WORDS["en"]["plan_standard"]).click()
    expect(page.locator(".leaflet-plan-box")).to_have_count(0)
    # Every row back, with its own number and amount, and every heading.
    assert routine_cells(page, path) == built_routine_cells(site_dir, path)
    assert page.locator("article .leaflet-plan-hidden").count() == 0
    assert page.evaluate("() => location.hash") == ""
    assert one.stored() is None
    one.open(path)
    assert not one.requested("javascripts/plan-follow.js")
    expect(page.locator(".leaflet-plan-box")).to_have_count(0)


def test_back_to_the_standard_routine_from_the_session_and_the_plan_page(reader, plans, site_url, site_dir):
    link = plans["en"].link
    words = PLAN_WORDS["en"]
    one = reader()
    page = one.page
    for path in ("session/", PAGE):
        one.open("about/")
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, link])
        one.open(path, link)
        page.get_by_role("button", name=words["plan_standard"]).click()
        assert one.stored() is None
        if path == "session/":
            expect(page).to_have_url(site_url + "session/")
            expect(page.locator("#leaflet-session h2")).to_have_text(SESSION_WORDS["en"]["which"])
            expect(page.get_by_label(SESSION_WORDS["en"]["week"])).to_be_visible()
        else:
            expect(page).to_have_url(site_url + "routine/")
            page.wait_for_load_state()
            assert not one.requested("javascripts/plan-follow.js")
            assert routine_cells(page) == built_routine_cells(site_dir, "routine/")
            expect(page.locator(".leaflet-plan-box")).to_have_count(0)


# --- Accessible -------------------------------------------------------------------------


def test_the_plan_pages_have_no_axe_violations(browser, site_url, plans):
    """The plan page with a plan and parts refused (one link holds both),
    the routine with its plan box, and the chart and the session's first
    screen with a plan: light and dark, phone and desktop, in both
    languages (the chart and the session in English: the same boxes)."""
    visits = []
    for code, root in ROOTS.items():
        link = plans[code].refused_too
        paths = [PAGE, "routine/"] + (["progress-chart/", "session/"] if code == "en" else [])
        visits += [Visit(f"{root}{path}#plan={link}", scheme, width)
                   for path in paths for scheme in ("light", "dark") for width in (390, 1280)]
    problems = []
    for visit, result in run_axe(browser, site_url, visits).items():
        where = f"{visit.page.split('#')[0]} ({visit.scheme}, {visit.width} px)"
        if result.error:
            problems.append(f"{where}: axe failed: {result.error}")
        elif result.violations:
            problems.append(f"{where}:\n{describe(result.violations)}")
    assert not problems, "\n".join(problems)


def test_an_exercise_done_once_a_day_has_one_row_on_the_chart_for_any_time(reader, site_dir):
    """A plan asks once a day for an exercise the routine does morning and
    evening: its chart has one row, for any time; back to the standard
    routine, its two rows again."""
    data = plan_data(site_dir, "en")
    twice = next(e for e in data["exercises"] if e["when"] == "morning and evening")
    one = reader()
    one.open(PAGE)
    link = pack(one.page, raw_plan([Item(twice, amount=LIMITS.times // 4, per_day=1)]))
    one.open("progress-chart/", link)
    wait_for_box(one.page)
    selector = f'table.leaflet-chart tr[data-exercise="{twice["id"]}"]'
    rows, shown = one.page.locator(selector), one.page.locator(selector + ":visible")
    expect(shown).to_have_count(1)
    expect(rows.first.locator("th")).not_to_have_attribute("rowspan", re.compile("."))
    expect(rows.first.locator("td").first).to_have_text(SESSION_WORDS["en"]["any_time"])
    built = soup(site_dir, "progress-chart/").select(f'table.leaflet-chart tr[data-exercise="{twice["id"]}"]')
    one.page.get_by_role("button", name=PLAN_WORDS["en"]["plan_standard"]).click()
    expect(shown).to_have_count(len(built))
    assert len(built) == 2 and rows.first.locator("th").get_attribute("rowspan") == built[0].th["rowspan"]
    expect(rows.first.locator("td").first).to_have_text(built[0].td.get_text())


@pytest.mark.parametrize("path", ["routine/", "progress-chart/"])
def test_a_plan_link_opened_on_the_open_page_is_followed(reader, plans, path):
    """The reader is on the routine (or the chart) and opens a plan link to
    the same page: only the fragment changes, and the page follows it."""
    link, items = plans["en"].link, plans["en"].items
    one = reader()
    one.open(path)
    expect(one.page.locator(".leaflet-plan-box")).to_have_count(0)
    one.page.evaluate("text => { location.hash = 'plan=' + text; }", link)
    assert_plan_shown(wait_for_box(one.page), "en", items)


# --- Nothing jumps ------------------------------------------------------------------------

# Every layout shift of the page, and whether the list was hidden when the
# page was first parsed (the head's check ran before it was drawn).
WATCH_THE_LAYOUT = """window.__shifted = 0;
new PerformanceObserver(list => list.getEntries().forEach(entry => { window.__shifted += entry.value; }))
  .observe({ type: "layout-shift", buffered: true });
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector("table.leaflet-routine, table.leaflet-chart");
  window.__listAtFirst = list && getComputedStyle(list).visibility;
});"""


def slow_phone_network(page) -> None:
    """A phone's network (150 ms a round trip, 4 Mbit/s): the plan's files,
    and the routine's plan page, come after the page is drawn, and well
    within the stylesheet's 4 s wait, even on a busy test machine."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 150, "downloadThroughput": 500_000, "uploadThroughput": 200_000})


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["routine/", "progress-chart/"])
def test_a_page_following_a_plan_never_shows_the_standard_list_and_never_jumps(reader, plans, path, width):
    """overrides/partials/plan-check.html marks the page before it is
    drawn, and the lists wait, hidden, until plan-follow.js has followed
    the plan: the standard routine never shows, and nothing moves."""
    one = reader(viewport={"width": width, "height": 844})
    one.context.add_init_script(WATCH_THE_LAYOUT)
    slow_phone_network(one.page)
    one.open(path, plans["en"].link)
    assert one.page.evaluate("() => window.__listAtFirst") == "hidden"
    # Shown by plan-follow.js once it has followed the plan (the
    # stylesheet's 4 s are only for when it never can).
    expect(one.page.locator("html")).to_have_attribute("data-leaflet-plan-shown", "", timeout=3_500)
    assert_plan_shown(wait_for_box(one.page), "en", plans["en"].items)
    expect(one.page.locator("table.leaflet-routine, table.leaflet-chart").first).to_be_visible()
    one.page.wait_for_timeout(300)
    assert one.page.evaluate("() => window.__shifted") < 0.001


@pytest.mark.parametrize("path, missing", [
    ("routine/", "plan-link.js"), ("routine/", "plan-follow.js"), ("progress-chart/", "plan-link.js"),
    ("progress-chart/", "plan-follow.js"), ("session/", "plan-link.js")])
def test_without_the_plans_files_the_page_shows_as_it_is(reader, plans, site_dir, path, missing):
    """Offline with no copy of the plan's reader, or of what makes the
    lists follow it: nothing stays hidden or waits; the standard routine
    shows."""
    one = reader()
    one.context.route(f"**/javascripts/{missing}", lambda route: route.abort())
    one.open(path, plans["en"].link)
    if path == "session/":
        expect(one.page.locator("#leaflet-session h2")).to_have_text(SESSION_WORDS["en"]["which"])
        return
    # At once, not after the stylesheet's 4 s.
    expect(one.page.locator("html")).to_have_attribute("data-leaflet-plan-shown", "", timeout=3_500)
    expect(one.page.locator("table.leaflet-routine, table.leaflet-chart").first).to_be_visible()
    expect(one.page.locator(".leaflet-plan-box")).to_have_count(0)
    assert routine_cells(one.page, path) == built_routine_cells(site_dir, path)


def test_a_routine_whose_plan_data_never_comes_waits_4_seconds_at_most(reader, plans, site_dir):
    """The routine's plan data is the plan page's (fetched): were it never
    to come, the stylesheet ends the wait (stylesheets/leaflet.css)."""
    one = reader()
    one.context.route(f"**/{PAGE}", lambda route: None)  # never answered
    one.open("routine/", plans["en"].link)
    table = one.page.locator("table.leaflet-routine").first
    expect(table).to_be_hidden()
    expect(table).to_be_visible(timeout=10_000)
    expect(one.page.locator(".leaflet-plan-box")).to_have_count(0)
    assert routine_cells(one.page) == built_routine_cells(site_dir)


def test_the_pages_that_wait_for_a_plan_are_the_pages_that_follow_one():
    """Which lists follow a plan is guided_session.PLAN_FOLLOWERS (from
    leaflet/exercise_lists_html.py): the stylesheet's wait and
    plan-follow.js name the same classes, or a page would wait 4 s for
    nothing, or jump."""
    classes = [re.fullmatch(r'class="([\w-]+)"', marker).group(1) for marker in PLAN_FOLLOWERS]
    css = (ROOT / "docs" / "stylesheets" / "leaflet.css").read_text(encoding="utf-8")
    assert f":has({', '.join('.' + name for name in classes)})" in css
    script = (ROOT / "docs" / "javascripts" / "plan-follow.js").read_text(encoding="utf-8")
    assert f'"{", ".join("table." + name for name in classes)}"' in script
