"""The log of guided sessions (docs/javascripts/log.js) as a reader meets it
on the progress chart page, in Chromium: the last 6 weeks drawn from what
this browser keeps, saved as a file and loaded into a new browser, a
damaged log that never breaks the page, and nothing sent anywhere. Time is
Playwright's clock: "today" is Wednesday 9 December 2026, 7:30 in the
morning in Shanghai, when it is still Tuesday in UTC."""

from __future__ import annotations

import csv
import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers.axe import axe_now, describe
from helpers.html import soup
from leaflet.languages import CHINESE, ENGLISH

ROOTS = ("", "zh/")
WORDS = {"": {**ENGLISH.text["session"], **ENGLISH.text["log"]}, "zh/": {**CHINESE.text["session"], **CHINESE.text["log"]}}
NOW = "2026-12-09T07:30:00+08:00"
TIMEZONE = "Asia/Shanghai"
# The 6 weeks shown end with this one; each starts on a Monday.
WEEKS_SHOWN = ("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07")
# What a screen reader hears for the days below, as Chromium names them.
WEEKDAY = {"": {"Tue": "Tue", "Wed": "Wed"}, "zh/": {"Tue": "周二", "Wed": "周三"}}
LAST_WEEK_HEADER = {"": "Week of Dec 7", "zh/": "12月7日起"}


def entry(exercise, count=0, seconds=0, skipped=False):
    return {"id": exercise, "count": count, "seconds": seconds, "skipped": skipped}


# Wednesday 25 November (the 4th week shown), morning, all done but one
# skipped; Tuesday 8 December (this week), evening, stopped at the bridge.
MORNING = {"date": "2026-11-25", "time": "morning", "level": "beginner", "stopped": False, "exercises": [
    entry("waist-flexion-and-extension", 4), entry("waist-rotation", skipped=True), entry("arch-bridge", 12),
    entry("flying-swallow", 10), entry("walking-backwards", seconds=150)]}
STOPPED = {"date": "2026-12-08", "time": "evening", "level": "beginner", "stopped": True, "exercises": [
    entry("waist-flexion-and-extension", 4), entry("waist-rotation", 8), entry("arch-bridge", 3)]}
LOG = {"version": 1, "sessions": [MORNING, STOPPED]}

# Where those sessions show: (exercise, row's time) -> {(week, day): mark},
# weeks 0 to 5 as shown, days 0 (Monday) to 6. Every other box is empty.
WED_25_NOV, TUE_8_DEC = (3, 2), (5, 1)
EXPECTED = {
    ("waist-flexion-and-extension", "morning"): {WED_25_NOV: "done"},
    ("waist-flexion-and-extension", "evening"): {TUE_8_DEC: "stopped"},
    ("waist-rotation", "evening"): {TUE_8_DEC: "stopped"},  # skipped in the morning
    ("arch-bridge", "morning"): {WED_25_NOV: "done"},
    ("arch-bridge", "evening"): {TUE_8_DEC: "stopped"},
    ("flying-swallow", "morning"): {WED_25_NOV: "done"},
    ("walking-backwards", "any"): {WED_25_NOV: "done"},  # its one row, whatever the session
}
SPOKEN_DAY = {WED_25_NOV: "Wed", TUE_8_DEC: "Tue"}

# The log's table as a reader meets it: each row's exercise (carried down
# from the row header that spans two rows), its time of day, and for each
# week the 7 boxes' marks and what a screen reader hears (all but the
# parts hidden from it).
READ_TABLE = """section => {
  const table = section.querySelector("table");
  if (!table) return null;
  let name = null;
  return {
    headers: [...table.tHead.rows[0].cells].map(cell => cell.textContent.trim()),
    rows: [...table.tBodies[0].rows].map(row => {
      const header = row.querySelector("th");
      if (header) name = header.firstChild.textContent.trim();
      const cells = [...row.querySelectorAll("td")];
      return {
        name,
        when: cells[0].textContent.trim(),
        weeks: cells.slice(1).map(cell => ({
          marks: [...cell.querySelectorAll("[aria-hidden=true] > *")].map(box => box.textContent),
          heard: [...cell.childNodes].filter(node => node.nodeType === 3 || node.getAttribute("aria-hidden") !== "true")
            .map(node => node.textContent).join("").trim(),
        })),
      };
    }),
  };
}"""


def chart_rows(site_dir, root: str) -> list[tuple[str, str, str]]:
    """(exercise id, time, title) for each row of the printed chart, from
    the built page: what the log's table must show, in that order."""
    page = soup(site_dir, root + "progress-chart/")
    titles = {e["id"]: e["title"] for e in json.loads(page.select_one("#leaflet-routine").string)["exercises"]}
    return [(row["data-exercise"], row["data-time"], titles[row["data-exercise"]])
            for row in page.select("table.leaflet-chart tr[data-exercise]")]


class Reader:
    """A new browser profile on 127.0.0.1, at Playwright's fixed time,
    recording every request, page error and dialog."""

    def __init__(self, browser, site_url, **options):
        self.site_url = site_url
        options = {"viewport": {"width": 390, "height": 844}, "timezone_id": TIMEZONE, **options}
        self.context = browser.new_context(**options)
        here = urlsplit(site_url).netloc
        self.requests: list[str] = []
        self.elsewhere: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route(lambda url: urlsplit(url).netloc != here, self._refuse)
        self.page = self.context.new_page()
        self.page.clock.set_fixed_time(NOW)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(f"{error}: {error.stack}"))
        self.dialogs: list[str] = []
        self.answer = True
        self.page.on("dialog", self._dialog)

    def _refuse(self, route):
        self.elsewhere.append(route.request.url)
        route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.accept() if self.answer else dialog.dismiss()

    def store(self, root: str, text: str) -> None:
        """What this browser keeps as the log, put there before the chart
        page loads (from a page of the site that does not load the log)."""
        self.page.goto(self.site_url + root + "about/")
        self.page.evaluate("text => localStorage.setItem('leaflet-log', text)", text)

    def open_chart(self, root: str):
        self.page.goto(self.site_url + root + "progress-chart/")
        section = self.page.locator("section", has=self.page.get_by_role("heading", name=WORDS[root]["log_title"].format(n=6)))
        expect(section).to_be_visible()
        return section

    def stored(self):
        return self.page.evaluate("() => localStorage.getItem('leaflet-log')")

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, site_url):
    readers = []

    def new(**options) -> Reader:
        readers.append(Reader(browser, site_url, **options))
        return readers[-1]

    yield new
    for one in readers:
        assert not one.errors, f"the page threw: {one.errors}"
        one.close()


def assert_shows_the_log(section, site_dir, root: str) -> None:
    """The log's table has the printed chart's rows, 6 weeks to this one,
    and the two sessions' boxes ticked where they belong, and no others."""
    words = WORDS[root]
    shown = section.evaluate(READ_TABLE)
    assert shown is not None, "no table of the log"
    assert len(shown["headers"]) == 2 + len(WEEKS_SHOWN)
    assert shown["headers"][-1] == LAST_WEEK_HEADER[root]
    rows = chart_rows(site_dir, root)
    times = {"morning": words["morning"], "evening": words["evening"], "any": words["any_time"]}
    assert [(row["name"], row["when"]) for row in shown["rows"]] == [(title, times[time]) for _, time, title in rows]
    for (exercise, time, title), row in zip(rows, shown["rows"]):
        ticked = EXPECTED.get((exercise, time), {})
        for week, cell in enumerate(row["weeks"]):
            marks = [""] * 7
            for (tick_week, day), state in ticked.items():
                if tick_week == week:
                    marks[day] = words[f"log_mark_{state}"]
            where = f"{title} / {row['when']} / week of {WEEKS_SHOWN[week]}"
            assert cell["marks"] == marks, where
            heard = [words[f"log_cell_{state}"].format(days=WEEKDAY[root][SPOKEN_DAY[(tick_week, day)]])
                     for (tick_week, day), state in ticked.items() if tick_week == week]
            assert cell["heard"] == (" ".join(heard) or words["log_cell_none"]), where
    # The key says what the marks mean, in words.
    legend = section.locator("p").filter(has_text=words["log_stopped"])
    expect(legend).to_have_text(f'{words["log_mark_done"]} {words["log_done"]} {words["log_mark_stopped"]} {words["log_stopped"]}')


# --- What the log shows ---------------------------------------------------


@pytest.mark.parametrize("root", ROOTS)
def test_the_chart_shows_the_sessions_kept_in_this_browser(reader, site_dir, root):
    one = reader()
    one.store(root, json.dumps(LOG))
    section = one.open_chart(root)
    assert_shows_the_log(section, site_dir, root)
    words = WORDS[root]
    for name in ("log_save", "log_load", "log_delete"):
        expect(section.get_by_role("button", name=words[name], exact=True)).to_be_visible()
    expect(section.get_by_role("status")).to_have_text("")  # nothing wrong
    # The printed chart stays blank, to tick by hand.
    expect(one.page.locator("table.leaflet-chart .leaflet-log-box")).to_have_count(0)
    # On paper: the log, without its buttons.
    one.page.emulate_media(media="print")
    expect(section.locator("table")).to_be_visible()
    expect(section.get_by_role("button", name=words["log_save"])).to_be_hidden()


def test_a_day_with_a_stopped_session_shows_as_stopped(reader, site_dir):
    """The same evening done again in full after stopping: the stop still
    shows, for the exercises both had; the rest show as done."""
    words = WORDS[""]
    again = {**STOPPED, "stopped": False, "exercises": [entry("arch-bridge", 20), entry("flying-swallow", 20)]}
    one = reader()
    one.store("", json.dumps({"version": 1, "sessions": [again, STOPPED]}))
    grid = one.open_chart("").evaluate(READ_TABLE)
    titles = {exercise: title for exercise, _, title in chart_rows(site_dir, "")}
    this_week = {(row["name"], row["when"]): row["weeks"][5]["marks"][1] for row in grid["rows"]}
    assert this_week[(titles["arch-bridge"], words["evening"])] == words["log_mark_stopped"]
    assert this_week[(titles["flying-swallow"], words["evening"])] == words["log_mark_done"]
    assert this_week[(titles["flying-swallow"], words["morning"])] == ""


@pytest.mark.parametrize("root", ROOTS)
def test_an_empty_log_points_to_todays_routine(reader, site_url, root):
    one = reader()
    section = one.open_chart(root)
    words = WORDS[root]
    expect(section.get_by_text(words["log_empty"])).to_be_visible()
    link = section.get_by_role("link", name=words["log_empty_link"])
    assert link.evaluate("a => a.href") == site_url + root + "session/"
    expect(section.locator("table")).to_have_count(0)
    expect(section.get_by_role("button", name=words["log_load"])).to_be_visible()
    expect(section.get_by_role("button", name=words["log_save"])).to_be_hidden()
    expect(section.get_by_role("button", name=words["log_delete"])).to_be_hidden()
    one.page.emulate_media(media="print")
    expect(section).to_be_hidden()  # nothing to print


# --- Save, and load in another browser ------------------------------------


@pytest.mark.parametrize("root", ROOTS)
def test_a_saved_log_loads_into_a_new_browser(reader, site_dir, root, tmp_path):
    words = WORDS[root]
    first = reader()
    first.store(root, json.dumps(LOG))
    section = first.open_chart(root)
    with first.page.expect_download() as saving:
        section.get_by_role("button", name=words["log_save"]).click()
    download = saving.value
    # Named for the reader's own day: still the 8th in UTC.
    assert download.suggested_filename == "leaflet-log-2026-12-09.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with saved.open(newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["date", "time", "level", "stopped", "exercise", "count", "seconds", "skipped"]
    assert rows[1:] == [
        [s["date"], s["time"], s["level"], str(s["stopped"]).lower(), e["id"], str(e["count"]), str(e["seconds"]),
         str(e["skipped"]).lower()]
        for s in LOG["sessions"] for e in s["exercises"]
    ]

    second = reader()  # another phone: nothing kept yet
    section = second.open_chart(root)
    expect(section.get_by_text(words["log_empty"])).to_be_visible()
    load = section.get_by_role("button", name=words["log_load"])

    second.answer = False  # the reader changes their mind: nothing changes
    with second.page.expect_file_chooser() as choosing:
        load.click()
    with second.page.expect_event("dialog"):
        choosing.value.set_files(saved)
    expect(section.get_by_role("status")).to_have_text("")
    assert second.dialogs == [words["log_load_confirm"].format(n=2)]
    assert second.stored() is None

    second.answer = True
    with second.page.expect_file_chooser() as choosing:
        load.click()
    choosing.value.set_files(saved)
    expect(section.get_by_role("status")).to_have_text(words["log_loaded"].format(n=2))
    assert_shows_the_log(section, site_dir, root)
    assert json.loads(second.stored()) == LOG
    expect(section.get_by_role("button", name=words["log_delete"])).to_be_visible()


def test_a_file_that_is_not_a_log_changes_nothing(reader, tmp_path):
    words = WORDS[""]
    one = reader()
    one.store("", json.dumps(LOG))
    section = one.open_chart("")
    other = tmp_path / "shopping.csv"
    other.write_text("item,price\nbread,1.20\n", encoding="utf-8")
    with one.page.expect_file_chooser() as choosing:
        section.get_by_role("button", name=words["log_load"]).click()
    choosing.value.set_files(other)
    expect(section.get_by_role("status")).to_have_text(words["log_not_log"])
    assert one.dialogs == []
    assert json.loads(one.stored()) == LOG


def test_a_log_a_spreadsheet_saved_again_still_loads(reader):
    """Excel's "CSV UTF-8": a byte order mark, CRLF, TRUE and FALSE, quotes;
    one line the reader broke is left out and named."""
    one = reader()
    one.open_chart("")
    text = ("\ufeffDate,Time,Level,Stopped,Exercise,Count,Seconds,Skipped\r\n"
            "2026-11-25,morning,beginner,FALSE,arch-bridge,12,0,FALSE\r\n"
            '2026-11-25,morning,beginner,FALSE,"flying-swallow",10,0,FALSE\r\n'
            "25/11/2026,evening,beginner,FALSE,arch-bridge,12,0,FALSE\r\n"
            "2026-11-25,morning,beginner,FALSE,arch-bridge,14,0,FALSE\r\n")
    found = one.page.evaluate("text => LeafletLog.fromCSV(text)", text)
    assert found["sessions"] == [
        {"date": "2026-11-25", "time": "morning", "level": "beginner", "stopped": False,
         "exercises": [entry("arch-bridge", 12), entry("flying-swallow", 10)]},
        # The same exercise again: another session that morning.
        {"date": "2026-11-25", "time": "morning", "level": "beginner", "stopped": False,
         "exercises": [entry("arch-bridge", 14)]},
    ]
    assert found["problems"] == [WORDS[""]["log_bad_lines"].format(n="4")]


# --- A damaged log never breaks the page ------------------------------------

BROKEN_SESSIONS = [
    {**STOPPED, "date": 20261208},  # a number, not a date
    {**STOPPED, "date": "2026-02-30"},  # no such day
    {**STOPPED, "time": "noon"},
    {**STOPPED, "exercises": [entry("arch-bridge", "3")]},  # a count as text
    {**STOPPED, "exercises": [{**entry("arch-bridge", 3), "skipped": "no"}]},
    None,
]


@pytest.mark.parametrize("stored, problem, kept", [
    pytest.param("{not json", "log_unreadable", [], id="not-json"),
    pytest.param(json.dumps({"version": 2, "sessions": [MORNING]}), "log_newer", [MORNING], id="newer-version"),
    pytest.param(json.dumps({"version": 1, "sessions": [MORNING, *BROKEN_SESSIONS]}), "log_bad_sessions", [MORNING],
                 id="wrong-types"),
])
def test_a_damaged_log_is_reported_and_can_be_deleted(reader, stored, problem, kept):
    words = WORDS[""]
    one = reader()
    one.store("", stored)
    section = one.open_chart("")
    status = section.get_by_role("status")
    expect(status).to_contain_text(words[problem].format(n="2, 3, 4, 5, 6, 7"))
    expect(status).to_contain_text(words["log_problems_end"])
    assert one.page.evaluate("() => LeafletLog.read().sessions") == kept
    if kept:  # the session that makes sense still shows
        grid = section.evaluate(READ_TABLE)
        assert sum(mark == words["log_mark_done"] for row in grid["rows"] for week in row["weeks"] for mark in week["marks"]) == 4
    else:
        expect(section.get_by_text(words["log_empty"])).to_be_visible()
    assert one.stored() == stored  # read, never rewritten behind the reader's back

    one.page.get_by_role("button", name=words["log_delete"]).click()
    assert one.dialogs == [words["log_delete_confirm"]]
    expect(status).to_have_text(words["log_deleted"])
    expect(section.get_by_text(words["log_empty"])).to_be_visible()
    expect(section.locator("table")).to_have_count(0)
    expect(section.get_by_role("button", name=words["log_delete"])).to_be_hidden()
    expect(section.get_by_role("button", name=words["log_load"])).to_be_focused()
    assert one.stored() is None


def test_a_newer_leaflets_log_is_not_overwritten(reader):
    newer = json.dumps({"version": 2, "sessions": [MORNING], "more": "unknown to this version"})
    one = reader()
    one.store("", newer)
    one.open_chart("")
    assert one.page.evaluate("session => LeafletLog.add(session)", STOPPED) is False
    assert one.stored() == newer


def test_without_storage_the_page_says_so(reader):
    """Storage turned off: the browser throws as soon as a script asks for
    it. Material's own scripts do not catch that (it is not ours to change);
    log.js does."""
    one = reader()
    one.context.add_init_script("""
      window.__thrownBy = [];
      addEventListener("error", event => window.__thrownBy.push(event.filename));
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("off", "SecurityError"); } });""")
    section = one.open_chart("")
    expect(section.get_by_role("status")).to_have_text(WORDS[""]["log_unavailable"])
    assert one.page.evaluate("session => LeafletLog.add(session)", MORNING) is False
    expect(section.get_by_role("button", name=WORDS[""]["log_delete"])).to_be_hidden()
    thrown_by = one.page.evaluate("() => window.__thrownBy")
    assert not [name for name in thrown_by if "log.js" in name], thrown_by
    one.errors.clear()  # Material's, checked above not to be ours


# --- The API the guided session uses ---------------------------------------


def test_add_keeps_only_sessions_that_make_sense_and_first_date_finds_the_start(reader):
    one = reader()
    one.open_chart("")
    page = one.page
    assert page.evaluate("() => LeafletLog.firstDate('beginner')") is None
    for session in (STOPPED, MORNING, {**MORNING, "level": "progressed", "date": "2026-12-01"}):
        assert page.evaluate("session => LeafletLog.add(session)", session) is True
    for broken in BROKEN_SESSIONS:
        assert page.evaluate("session => LeafletLog.add(session)", broken) is False
    assert page.evaluate("() => LeafletLog.firstDate('beginner')") == "2026-11-25"
    assert page.evaluate("() => LeafletLog.firstDate('progressed')") == "2026-12-01"
    assert json.loads(one.stored())["version"] == 1
    assert len(page.evaluate("() => LeafletLog.read()")["sessions"]) == 3
    assert page.evaluate("() => LeafletLog.clear()") is True
    assert page.evaluate("() => LeafletLog.read()") == {"sessions": [], "problems": []}


# --- Private, usable, printable ------------------------------------------------


def test_the_log_stays_on_this_machine_and_sets_no_cookie(reader, tmp_path):
    one = reader()
    one.store("", json.dumps(LOG))
    section = one.open_chart("")
    with one.page.expect_download() as saving:
        section.get_by_role("button", name=WORDS[""]["log_save"]).click()
    saving.value.save_as(tmp_path / "log.csv")
    one.page.get_by_role("button", name=WORDS[""]["log_delete"]).click()
    with one.page.expect_file_chooser() as choosing:
        section.get_by_role("button", name=WORDS[""]["log_load"]).click()
    choosing.value.set_files(tmp_path / "log.csv")
    expect(section.get_by_role("status")).to_have_text(WORDS[""]["log_loaded"].format(n=2))
    here = urlsplit(one.site_url).netloc
    assert one.requests and not one.elsewhere
    assert all(urlsplit(url).netloc == here for url in one.requests if urlsplit(url).scheme in ("http", "https"))
    assert one.context.cookies() == [] and one.page.evaluate("() => document.cookie") == ""


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_the_log_has_no_axe_violations(reader, scheme):
    one = reader(color_scheme=scheme, bypass_csp=True)  # axe_now injects axe
    one.store("", json.dumps({"version": 1, "sessions": [MORNING, STOPPED, None]}))  # a problem shown too
    one.open_chart("")
    violations = axe_now(one.page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("root", ROOTS)
def test_at_320_px_and_text_at_200_percent_nothing_sticks_out(reader, root):
    one = reader(viewport={"width": 320, "height": 640})
    one.store(root, json.dumps(LOG))
    section = one.open_chart(root)
    one.page.evaluate("() => { const root = document.documentElement; root.style.fontSize = "
                      "2 * parseFloat(getComputedStyle(root).fontSize) + 'px'; }")
    # Only the table scrolls sideways, in its own region; every button and
    # line of text is inside the window.
    outside = section.evaluate("""section => [...section.querySelectorAll("h2, p, button")]
      .filter(element => element.checkVisibility() && element.getBoundingClientRect().right > innerWidth + 1)
      .map(element => element.textContent.trim())""")
    assert not outside, outside
    region = section.get_by_role("region", name=WORDS[root]["log_title"].format(n=6))
    assert region.evaluate("region => region.scrollWidth > region.clientWidth"), "the table should scroll in its region"
    region.focus()
    one.page.keyboard.press("ArrowRight")
    # (Chromium scrolls smoothly: wait for it to move.)
    one.page.wait_for_function("region => region.scrollLeft > 0", arg=region.element_handle(), timeout=2_000)


def test_every_button_is_reached_and_used_by_keyboard(reader):
    words = WORDS[""]
    one = reader()
    one.store("", json.dumps(LOG))
    section = one.open_chart("")
    reached = []
    for _ in range(120):
        one.page.keyboard.press("Tab")
        name = one.page.evaluate("() => document.activeElement.closest('section.leaflet-log') && document.activeElement.textContent.trim()")
        if name:
            reached.append(name)
        if name == words["log_delete"]:
            break
    assert [words["log_save"], words["log_load"], words["log_delete"]] == [n for n in reached if n in (
        words["log_save"], words["log_load"], words["log_delete"])]
    outline = one.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button shows no outline"
    one.page.keyboard.press("Enter")
    assert one.dialogs == [words["log_delete_confirm"]]
    expect(section.get_by_role("status")).to_have_text(words["log_deleted"])


def test_about_says_what_is_kept_and_names_the_buttons(site_dir):
    for root, language in (("", ENGLISH), ("zh/", CHINESE)):
        text = soup(site_dir, root + "about/").select_one("article").get_text(" ")
        for name in ("log_save", "log_load", "log_delete"):
            assert language.text["log"][name] in text, f"{root}about/: {name}"
