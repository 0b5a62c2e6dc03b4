"""The guided session (Today's routine, docs/session.md), as a reader uses
it in Chromium: by keyboard and by tap, in both languages, stopped with
"this hurts", timed in minutes; with time under the test's control
(Playwright's clock), never waited for. What each exercise asks for comes
from the exercise pages' front matter, as the session's does."""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from helpers.axe import axe_now, describe
from helpers.html import soup
from helpers.sources import front_matter
from leaflet.exercise_list import exercises_in_order
from leaflet.languages import CHINESE, ENGLISH, path_in_language
from leaflet.nav_rules import read_nav
from leaflet.site_layout import page_name
from local_site import ROOT

MORNING = datetime(2026, 12, 1, 8, 0)
EVENING = datetime(2026, 12, 1, 20, 0)
WORDS = {"": ENGLISH.text["session"], "zh/": CHINESE.text["session"]}
LABELS = {"": ENGLISH.tabs, "zh/": CHINESE.tabs}
OWN_FILES = ["javascripts/session.js", "stylesheets/session.css", "javascripts/log.js", "stylesheets/log.css"]
# gzip bytes of the session's own scripts and styles on its first load (a
# clinician's plan's reader loads only with a plan)
BUDGET = 12_000


def routine(code: str = "en", weekly: bool = False) -> list[dict]:
    """The session's exercises, from the pages: nav order, with their front
    matter (the ones for a few times a week only if the reader adds them)."""
    pages = [front_matter(path_in_language(source, code)) | {"id": page_name(source)}
             for source in exercises_in_order(read_nav(ROOT / "mkdocs.yml"), [])]
    return [page for page in pages if weekly or page["dose"]["when"] != "a few times a week"]


def low(amount):
    return amount[0] if isinstance(amount, list) else amount


def open_session(browser, site_url, root="", when=MORNING, **options):
    options = {"viewport": {"width": 390, "height": 844}, "reduced_motion": "reduce", **options}
    context = browser.new_context(**options)
    page = context.new_page()
    page.clock.install(time=when)
    page.goto(site_url + root + "session/")
    return context, page


def tab_to(page, name: str, most: int = 40):
    """Press Tab until the focus is on the control named name."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("() => (document.activeElement.textContent || '').trim()") == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def stored_sessions(page) -> list[dict]:
    return page.evaluate("() => window.LeafletLog.read().sessions")


def test_a_morning_session_by_keyboard_alone(browser, site_url):
    words = WORDS[""]
    context, page = open_session(browser, site_url)
    expect(page.get_by_role("radio", name=words["morning"])).to_be_checked()
    expect(page.get_by_role("radio", name=LABELS[""][0])).to_be_checked()
    tab_to(page, words["start"])
    page.keyboard.press("Enter")
    exercises = routine()
    for number, exercise in enumerate(exercises, start=1):
        level = exercise["dose"]["beginner"]
        heading = page.get_by_role("heading", level=2)
        expect(heading).to_have_text(exercise["title"])
        expect(page.get_by_text(f"Exercise {number} of {len(exercises)}")).to_be_visible()
        expect(page.locator(".leaflet-session__target")).to_have_text(f"This week: about {low(level['start'])}")
        tab_to(page, words["tap"])
        for count in range(1, low(level["start"]) + 1):
            page.keyboard.press("Space" if count % 2 else "Enter")
        expect(page.locator("output.leaflet-session__count")).to_have_text(str(low(level["start"])))
        if level.get("hold_seconds"):
            hold = page.locator(".leaflet-session__hold")
            expect(hold).to_have_text(f"Hold: {level['hold_seconds']}")
            page.clock.run_for(level["hold_seconds"] * 1000)
            expect(hold).to_have_text("")
        tab_to(page, words["finish"] if number == len(exercises) else words["next"])
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2)).to_have_text(words["done_title"])
    [session] = stored_sessions(page)
    assert (session["date"], session["time"], session["level"], session["stopped"]) == (
        "2026-12-01", "morning", "beginner", False)
    assert [(e["id"], e["count"], e["skipped"]) for e in session["exercises"]] == [
        (e["id"], low(e["dose"]["beginner"]["start"]), False) for e in exercises]
    context.close()


def test_stop_this_hurts_ends_the_session_with_the_pain_rule_and_help(browser, site_url):
    words = WORDS["zh/"]
    context, page = open_session(browser, site_url, "zh/", when=EVENING, locale="zh-CN", has_touch=True)
    expect(page.get_by_role("radio", name=words["evening"])).to_be_checked()
    page.get_by_role("radio", name=LABELS["zh/"][1]).check()
    page.get_by_role("button", name=words["start"]).tap()
    first = routine("zh")[0]
    expect(page.get_by_role("heading", level=2)).to_have_text(first["title"])
    progressed = first["dose"]["progressed"]
    expect(page.locator(".leaflet-session__target")).to_have_text(f"这周：{low(progressed['start'])} 次左右")
    page.get_by_role("button", name=words["tap"]).tap()
    page.get_by_role("button", name=words["tap"]).tap()
    # The Stop if points are on screen with the counter.
    expect(page.locator(".leaflet-session__stop-if li").first).to_be_visible()
    page.get_by_role("button", name=words["stop"]).tap()
    expect(page.get_by_role("heading", level=2)).to_have_text(words["stopped_title"])
    expect(page.locator("#leaflet-session .leaflet-pain-rule")).to_be_visible()
    help_link = page.locator("#leaflet-session").get_by_role("link", name=CHINESE.text["help_page"])
    assert help_link.evaluate("a => a.href") == site_url + "zh/when-to-get-help/"
    [session] = stored_sessions(page)
    assert (session["time"], session["level"], session["stopped"]) == ("evening", "progressed", True)
    assert [(e["id"], e["count"]) for e in session["exercises"]] == [(first["id"], 2)]
    context.close()


def test_an_exercise_done_for_minutes_gets_a_timer(browser, site_url):
    words = WORDS[""]
    context, page = open_session(browser, site_url)
    timed = [e for e in routine(weekly=True) if e["dose"]["beginner"].get("unit") == "minutes"]
    assert timed, "no exercise is dosed in minutes"
    page.get_by_role("checkbox", name=re.compile("a few times a week")).check()
    page.get_by_role("button", name=words["start"]).click()
    while page.get_by_role("heading", level=2).inner_text() != timed[0]["title"]:
        page.get_by_role("button", name=words["skip"]).click()
    minutes = low(timed[0]["dose"]["beginner"]["start"])
    expect(page.locator(".leaflet-session__target")).to_have_text(f"This week: about {minutes} minutes")
    expect(page.get_by_role("button", name=words["tap"])).to_have_count(0)
    page.get_by_role("button", name=words["timer_start"]).click()
    page.clock.run_for(61_000)
    expect(page.locator("output.leaflet-session__count")).to_have_text("1:01")
    expect(page.get_by_text(f"1 of {minutes} minutes")).to_be_visible()
    page.get_by_role("button", name=words["timer_pause"]).click()
    page.clock.run_for(10_000)
    expect(page.locator("output.leaflet-session__count")).to_have_text("1:01")
    while page.get_by_role("heading", level=2).inner_text() != words["done_title"]:
        page.locator(".leaflet-session__controls .md-button--primary").click()
    [session] = stored_sessions(page)
    done = {e["id"]: e for e in session["exercises"]}
    assert done[timed[0]["id"]]["seconds"] == 61
    assert all(e["skipped"] for e in session["exercises"] if e["id"] != timed[0]["id"])
    context.close()


def test_the_week_of_the_plan_can_be_changed_and_sets_this_weeks_target(browser, site_url):
    context, page = open_session(browser, site_url)
    page.get_by_label(WORDS[""]["week"]).fill("3")
    page.get_by_role("button", name=WORDS[""]["start"]).click()
    for exercise in routine():
        level = exercise["dose"]["beginner"]
        cap = low(level["target"]) if level.get("target") is not None else float("inf")
        expected = min(low(level["start"]) + 2 * level.get("weekly_step", 0), cap)
        expect(page.locator(".leaflet-session__target")).to_have_text(f"This week: about {expected}")
        page.get_by_role("button", name=WORDS[""]["skip"]).click()
    # The next visit remembers it, and a week later it is the next week.
    page.reload()
    expect(page.get_by_label(WORDS[""]["week"])).to_have_value("3")
    page.clock.set_fixed_time(datetime(2026, 12, 8, 8, 0))
    page.reload()
    expect(page.get_by_label(WORDS[""]["week"])).to_have_value("4")
    context.close()


@pytest.mark.parametrize("root", ["", "zh/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_session_has_no_axe_violations(browser, site_url, root, scheme, width):
    context, page = open_session(browser, site_url, root, color_scheme=scheme, bypass_csp=True,
                                 viewport={"width": width, "height": 900})
    problems = [f"setup: {describe(v)}" for v in [axe_now(page)] if v]
    page.get_by_role("button", name=WORDS[root]["start"]).click()
    page.get_by_role("button", name=WORDS[root]["tap"]).click()
    problems += [f"exercise: {describe(v)}" for v in [axe_now(page)] if v]
    page.get_by_role("button", name=WORDS[root]["stop"]).click()
    problems += [f"stopped: {describe(v)}" for v in [axe_now(page)] if v]
    context.close()
    assert not problems, "\n".join(problems)


def test_the_session_fits_320_px_without_scrolling_sideways(browser, site_url):
    context, page = open_session(browser, site_url, viewport={"width": 320, "height": 640})
    page.get_by_role("button", name=WORDS[""]["start"]).click()
    page.get_by_role("button", name=WORDS[""]["tap"]).click()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()


def test_without_javascript_the_page_points_to_the_paper_chart(browser, site_url):
    context, page = open_session(browser, site_url, java_script_enabled=False)
    link = page.locator("article").get_by_role("link", name="progress chart")
    expect(link).to_be_visible()
    assert link.evaluate("a => a.href") == site_url + "progress-chart/"
    context.close()


def test_reading_aloud_is_offered_only_where_the_browser_can_and_is_off(browser, site_url):
    context, page = open_session(browser, site_url)
    page.get_by_role("button", name=WORDS[""]["start"]).click()
    can_speak = page.evaluate("() => 'speechSynthesis' in window && !!window.SpeechSynthesisUtterance")
    aloud = page.get_by_role("checkbox", name=WORDS[""]["read_aloud"])
    expect(aloud).to_have_count(1 if can_speak else 0)
    if can_speak:
        expect(aloud).not_to_be_checked()
    context.close()


@pytest.mark.parametrize("root, code", [("", "en"), ("zh/", "zh")])
def test_the_session_data_comes_from_the_exercise_pages(site_dir, root, code):
    block = soup(site_dir, root + "session/").select_one("script#leaflet-routine")
    data = json.loads(block.string)
    pages = routine(code, weekly=True)
    assert [e["id"] for e in data["exercises"]] == [page["id"] for page in pages]
    for exercise, page in zip(data["exercises"], pages):
        assert exercise["title"] == page["title"]
        assert exercise["levels"] == {level: page["dose"][level] for level in ("beginner", "progressed")}
        assert "[dose]" not in json.dumps(exercise["steps"]) and "<ol>" in exercise["steps"]["progressed"]
        assert "leaflet-pain-rule" in exercise["stop_if"]
    # The block ends where its own </script> is, and nowhere sooner.
    raw = (site_dir / root / "session" / "index.html").read_text(encoding="utf-8")
    start = raw.index('id="leaflet-routine">')
    assert raw.index("</script>", start) > start + len(block.string)


def test_only_the_session_and_chart_pages_load_its_files_within_its_budget(site_dir):
    def loading(name):
        return {path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html")
                if name in path.read_text(encoding="utf-8")}
    assert loading("javascripts/session.js") == {"session", "zh/session"}
    assert loading("javascripts/log.js") == {"session", "progress-chart", "zh/session", "zh/progress-chart"}
    # The plan link's reader: the plan pages (the session, the routine page
    # and the chart name it in their plan check, which loads it only when
    # there is a plan: tests/test_plan_link.py).
    plan_pages = {"your-plan", "make-a-plan"}
    assert loading('src="../javascripts/plan-link.js"') | loading('src="../../javascripts/plan-link.js"') == (
        plan_pages | {"zh/" + name for name in plan_pages})
    size = sum(len(gzip.compress((site_dir / name).read_bytes(), 9)) for name in OWN_FILES)
    assert size <= BUDGET, f"{size} bytes gzip"


def test_two_days_of_sessions_show_on_the_progress_chart(browser, site_url):
    """A full morning session one day and an evening one stopped the next:
    the chart's log shows each on its own row and day, as the reader did
    them, with the words a screen reader hears for each week's boxes."""
    words, log = WORDS[""], ENGLISH.text["log"]
    context, page = open_session(browser, site_url)  # Tuesday morning
    page.get_by_role("button", name=words["start"]).click()
    first = routine()[0]
    while page.get_by_role("heading", level=2).inner_text() != words["done_title"]:
        page.get_by_role("button", name=words["tap"]).click()
        page.locator(".leaflet-session__controls .md-button--primary").click()
    page.clock.set_fixed_time(datetime(2026, 12, 2, 20, 0))  # Wednesday evening
    page.goto(site_url + "session/")
    expect(page.get_by_role("radio", name=words["evening"])).to_be_checked()
    page.get_by_role("button", name=words["start"]).click()
    page.get_by_role("button", name=words["tap"]).click()
    page.get_by_role("button", name=words["stop"]).click()
    page.goto(site_url + "progress-chart/")
    table = page.locator("table.leaflet-log-table")

    # The first exercise's rows, morning then evening, as on the blank chart.
    morning, evening = table.locator("tbody tr").nth(0), table.locator("tbody tr").nth(1)
    expect(morning.locator("th")).to_contain_text(first["title"])
    assert log["log_cell_done"].format(days="Tue") in morning.locator("td").last.inner_text()
    assert log["log_cell_stopped"].format(days="Wed") in evening.locator("td").last.inner_text()
    context.close()
