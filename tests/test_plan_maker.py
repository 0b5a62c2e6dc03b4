"""Make a plan (docs/make-a-plan.md, javascripts/plan-maker.mjs), as a
clinician uses it in Chromium: a plan made by keyboard alone and read back
from its link as the patient's phone reads it (javascripts/plan-link.js),
printed on A4 with a QR code that leads to exactly that link, out-of-limit
values refused, the largest plan the form allows still within the QR
version of leaflet/plan_limits.py, no axe violations, within its weight.

What the form offers comes from the page's data block (the exercise
pages), its limits from leaflet/plan_limits.py and its words from
leaflet/languages.py: nothing about an exercise is written here."""

from __future__ import annotations

import gzip
import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from pypdf import PdfReader

from helpers.axe import MATERIAL_SCHEME, axe_now, describe
from helpers.html import soup
from helpers.pdf_text import in_pdf, squash
from helpers.plan import amount_words as plan_amount_words
from helpers.project import copy_for_a_build
from helpers.qr import codes_per_sheet
from helpers.sources import front_matter
from leaflet.doses import LEVELS
from leaflet.exercise_list import exercises_in_order
from leaflet.languages import CHINESE, ENGLISH, path_in_language
from leaflet.nav_rules import read_nav
from leaflet.pain_rule import load as load_pain_rule
from leaflet.red_flags import load as load_red_flags
from leaflet.plan_limits import LIMITS
from local_site import ROOT, build_site, serve
from site_pages import built_pages
from test_clinic import CLINIC, with_clinic

PAGE = "make-a-plan/"
ROOTS = {"en": "", "zh": "zh/"}
LANGUAGES = {"en": ENGLISH, "zh": CHINESE}
WORDS = {code: language.text["plan"] for code, language in LANGUAGES.items()}
OWN_FILES = ["javascripts/plan-maker.mjs", "stylesheets/plan-maker.css",
             "javascripts/vendor/lean-qr.mjs", "javascripts/vendor/lean-qr-svg.mjs"]
BUDGET = 15_000  # gzip bytes of the maker's own script and styles, QR encoder included
NOTE = {"en": "Slowly, on a firm bed. Stop if the pain spreads down your leg & see me again in 2 weeks.",
        "zh": "慢慢做，床要硬一点。如果疼痛向腿部放射，请停下，两周后来复诊。"}


def data_of(site_dir, code: str) -> dict:
    """The maker page's data block in a language: exercises, limits, words."""
    return json.loads(soup(site_dir, ROOTS[code] + PAGE).select_one("script#leaflet-routine").string)


def unit(exercise: dict, level: str) -> str:
    return "minutes" if exercise["levels"][level].get("unit") == "minutes" else "times"


def say(template: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda found: str(values.get(found.group(1), found.group(0))), template)


def most(kind: str) -> int:
    return LIMITS.minutes if kind == "minutes" else LIMITS.times


def amount_words(code: str, item: dict) -> str:
    """What the summary sheet says for an item's amount (and hold)."""
    return plan_amount_words(code, item["exercise"], item["level"], item["unit"], item["amount"], item["hold"])


def field(page, exercise: dict, name: str):
    return page.locator(f"#leaflet-pm-{exercise['id']}-{name}")


def open_maker(browser, site_url, code="en", width=390, **options):
    # Reduced motion: Material's header swaps titles as the page scrolls to
    # a field, and axe should see where that ends, not halfway.
    options = {"locale": "en-US", "reduced_motion": "reduce", **options}
    context = browser.new_context(viewport={"width": width, "height": 844}, **options)
    page = context.new_page()
    page.goto(site_url + ROOTS[code] + PAGE)
    expect(page.locator("form.leaflet-plan-maker__form")).to_be_visible()
    return context, page


def make_plan(page, plan: list[dict], note: str = "", patient: str | None = None):
    """Fill the form with plan's items ({exercise, level, amount, hold,
    perDay}) and make the plan; return the link it shows."""
    for item in plan:
        exercise = item["exercise"]
        page.locator(f"#leaflet-pm-{exercise['id']}").check()
        field(page, exercise, "level-" + item["level"]).check()
        field(page, exercise, "amount").fill(str(item["amount"]))
        if item["unit"] == "times":
            field(page, exercise, "hold").fill(str(item["hold"]))
        field(page, exercise, "per-day").fill(str(item["perDay"]))
    page.locator("#leaflet-pm-note").fill(note)
    if patient:
        page.locator(f"#leaflet-pm-language-{patient}").check()
    page.locator("form.leaflet-plan-maker__form button[type=submit]").click()
    expect(page.locator("#leaflet-pm-link")).to_be_visible()
    return page.locator("#leaflet-pm-link").input_value()


def item(exercise: dict, level: str, amount: int, hold: int, per_day: int) -> dict:
    kind = unit(exercise, level)
    return {"exercise": exercise, "id": exercise["id"], "level": level, "unit": kind, "amount": amount,
            "hold": hold if kind == "times" else 0, "perDay": per_day}


def read_back(page, link: str) -> dict:
    """The link as the patient's phone reads it: LeafletPlan.read in the page."""
    text = link.split("#plan=", 1)[1]
    return page.evaluate("""text => {
      const data = JSON.parse(document.getElementById("leaflet-routine").textContent);
      const { plan, problems } = window.LeafletPlan.read(text, data);
      return { problems, plan: plan && { start: plan.start, note: plan.note, exercises: plan.exercises.map(e =>
        ({ id: e.id, level: e.level, unit: e.unit, amount: e.amount, hold: e.hold, perDay: e.perDay })) } };
    }""", text)


def expected(plan: list[dict]) -> list[dict]:
    keys = ("id", "level", "unit", "amount", "hold", "perDay")
    return [{key: entry[key] for key in keys} for entry in plan]


def tab_to(page, selector: str, back: bool = False, most_presses: int = 150):
    """Press Tab (or Shift+Tab) until the focus is on selector."""
    for _ in range(most_presses):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"the keyboard never reached {selector}")


def retype(page, text: str):
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def wait_for_pictures(page):
    page.wait_for_function("() => [...document.querySelectorAll('.leaflet-plan-sheet img')].every(i => i.complete)")


# --- The form ---------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "zh"])
def test_the_form_offers_every_exercise_of_the_pages_in_their_order(browser, site_url, site_dir, code):
    titles = [front_matter(path_in_language(source, code))["title"]
              for source in exercises_in_order(read_nav(ROOT / "mkdocs.yml"), [])]
    data = data_of(site_dir, code)
    assert [exercise["title"] for exercise in data["exercises"]] == titles
    context, page = open_maker(browser, site_url, code)
    boxes = page.locator(".leaflet-plan-maker__exercise > legend input[type=checkbox]")
    expect(boxes).to_have_count(len(titles))
    for number, exercise in enumerate(data["exercises"]):
        expect(page.get_by_role("checkbox", name=exercise["title"], exact=True)).not_to_be_checked()
        expect(page.get_by_role("group", name=exercise["title"], exact=True)).to_be_visible()
        # Each field's bounds are the site's limits, in the exercise's unit.
        kind = unit(exercise, "beginner")
        expect(field(page, exercise, "amount")).to_have_attribute("max", str(most(kind)))
        expect(field(page, exercise, "per-day")).to_have_attribute("max", str(LIMITS.per_day))
        expect(field(page, exercise, "hold")).to_have_attribute("max", str(LIMITS.hold_seconds))
    expect(page.locator("#leaflet-pm-note")).to_have_attribute("maxlength", str(LIMITS.note_chars))
    context.close()


def test_a_plan_made_by_keyboard_alone_holds_what_was_chosen(browser, site_url, site_dir):
    data = data_of(site_dir, "en")
    words = WORDS["en"]
    timed = [e for e in data["exercises"] if unit(e, "progressed") == "minutes"]
    counted = [e for e in data["exercises"] if unit(e, "progressed") == "times"
               and e["levels"]["progressed"].get("hold_seconds")]
    assert timed and counted, "the site has no exercise in minutes, or none with a hold"
    plan = [item(counted[0], "progressed", 12, 5, LIMITS.per_day), item(timed[0], "beginner", 7, 0, 2)]
    plan.sort(key=lambda entry: data["exercises"].index(entry["exercise"]))
    note = "Twice a day; stop if the pain spreads to your leg."
    context, page = open_maker(browser, site_url, "en")
    for number, entry in enumerate(plan):
        exercise = entry["exercise"]
        tab_to(page, f"#leaflet-pm-{exercise['id']}")
        expect(page.locator(f"#leaflet-pm-{exercise['id']}-dose")).to_be_hidden()
        page.keyboard.press("Space")
        expect(page.locator(f"#leaflet-pm-{exercise['id']}-dose")).to_be_visible()
        page.keyboard.press("Tab")  # into the versions: Beginner, the one checked
        expect(field(page, exercise, "level-beginner")).to_be_focused()
        if entry["level"] == "progressed":
            page.keyboard.press("ArrowRight")
            expect(field(page, exercise, "level-progressed")).to_be_checked()
        page.keyboard.press("Tab")
        expect(field(page, exercise, "amount")).to_be_focused()
        # The first amount is mistyped, and put right at the end.
        retype(page, str(entry["amount"]) + ("1" if number == 0 else ""))
        if entry["unit"] == "times":
            page.keyboard.press("Tab")
            expect(field(page, exercise, "hold")).to_be_focused()
            retype(page, str(entry["hold"]))
        page.keyboard.press("Tab")
        expect(field(page, exercise, "per-day")).to_be_focused()
        retype(page, str(entry["perDay"]))
    tab_to(page, "#leaflet-pm-start")
    page.keyboard.type("12072026")  # the browser's date field, as mm/dd/yyyy in en-US
    expect(page.locator("#leaflet-pm-start")).to_have_value("2026-12-07")
    tab_to(page, "#leaflet-pm-note")
    page.keyboard.type(note)
    tab_to(page, f"#leaflet-pm-{plan[0]['id']}-amount", back=True)
    retype(page, str(plan[0]["amount"]))
    tab_to(page, "form.leaflet-plan-maker__form button[type=submit]")
    expect(page.locator(":focus")).to_have_text(words["maker_make"])
    page.keyboard.press("Enter")

    expect(page.locator(".leaflet-plan-maker__made")).to_be_focused()
    expect(page.locator(".leaflet-plan-maker__made")).to_have_text(words["maker_made"])
    link = page.get_by_label(words["maker_link"], exact=True).input_value()
    assert link.startswith(site_url + "your-plan/#plan=1."), link
    assert page.get_by_role("link", name=words["maker_open"]).get_attribute("href") == link
    read = read_back(page, link)
    assert read["problems"] == []
    assert read["plan"] == {"start": "2026-12-07", "note": note, "exercises": expected(plan)}
    context.close()


def test_the_link_is_copied_and_the_code_is_an_svg_drawn_in_the_page(browser, site_url, site_dir):
    data = data_of(site_dir, "en")
    context, page = open_maker(browser, site_url, "en")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    link = make_plan(page, [item(data["exercises"][0], "beginner", 3, 1, 1)])
    page.get_by_role("button", name=WORDS["en"]["maker_copy"]).click()
    expect(page.locator(".leaflet-plan-maker__result [role=status]")).to_have_text(WORDS["en"]["maker_copied"])
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    code = page.get_by_role("img", name=WORDS["en"]["maker_qr_alt"])
    expect(code).to_be_visible()
    assert code.evaluate("svg => svg.tagName") == "svg"
    assert page.locator(".leaflet-plan-maker img[src^=\"data:\"]").count() == 0
    expect(page.get_by_role("button", name=WORDS["en"]["maker_print"])).to_be_visible()
    context.close()


def test_plan_text_is_shown_as_text_never_as_markup(browser, site_url, site_dir):
    data = data_of(site_dir, "en")
    note = '<img src=x onerror="document.title=1"> & <b>bold</b>'
    context, page = open_maker(browser, site_url, "en")
    make_plan(page, [item(data["exercises"][0], "beginner", 3, 1, 1)], note=note)
    shown = page.locator(".leaflet-plan-sheet__note span")
    assert shown.evaluate("span => [span.textContent, span.children.length]") == [note, 0]
    assert page.locator(".leaflet-plan-sheet__note img, .leaflet-plan-sheet__note b").count() == 0
    context.close()


def test_line_breaks_and_direction_marks_in_the_note_are_taken_out_before_the_link(browser, site_url, site_dir):
    """The reader refuses a note with control or bidi characters: the
    maker makes them spaces (line breaks) or takes them out, and says so
    by showing the note as it went into the link."""
    data = data_of(site_dir, "en")
    context, page = open_maker(browser, site_url, "en")
    link = make_plan(page, [item(data["exercises"][0], "beginner", 3, 1, 1)],
                     note="Walk daily\nslowly \u202eand\u061c gently\u2066 ")
    read = read_back(page, link)
    expect(page.locator("#leaflet-pm-note")).to_have_value("Walk daily slowly and gently")
    context.close()
    assert read["problems"] == [] and read["plan"]["note"] == "Walk daily slowly and gently"


# --- Refusals ---------------------------------------------------------------


def refusal_cases():
    """(case, the field, the unit of the exercise it is for, its value)."""
    return [
        ("too many times", "amount", "times", lambda: LIMITS.times + 1),
        ("no times", "amount", "times", lambda: 0),
        ("too long a hold", "hold", "times", lambda: LIMITS.hold_seconds + 1),
        ("too often", "per-day", "times", lambda: LIMITS.per_day + 1),
        ("not a number", "per-day", "times", lambda: ""),
        ("too many minutes", "amount", "minutes", lambda: LIMITS.minutes + 1),
    ]


@pytest.mark.parametrize("name, name_of_field, kind, value", refusal_cases(), ids=[c[0] for c in refusal_cases()])
def test_out_of_limit_values_are_refused_with_one_plain_message(browser, site_url, site_dir, name, name_of_field,
                                                                  kind, value):
    data = data_of(site_dir, "en")
    words = WORDS["en"]
    exercise = next(e for e in data["exercises"] if unit(e, "beginner") == kind)
    context, page = open_maker(browser, site_url, "en")
    # A plan made first: a refused change takes its link away.
    make_plan(page, [item(exercise, "beginner", 2, 0, 1)])
    target = field(page, exercise, name_of_field)
    target.fill(str(value()))
    expect(page.locator(".leaflet-plan-maker__result")).to_be_hidden()
    page.locator("form.leaflet-plan-maker__form button[type=submit]").click()

    label = {"amount": words["maker_minutes" if kind == "minutes" else "maker_times"],
             "hold": words["maker_hold"], "per-day": words["maker_per_day"]}[name_of_field]
    low = 0 if name_of_field == "hold" else 1
    high = {"amount": most(kind), "hold": LIMITS.hold_seconds, "per-day": LIMITS.per_day}[name_of_field]
    message = page.locator(".leaflet-plan-maker__error")
    expect(message).to_have_count(1)
    expect(message).to_have_text(say(words["maker_fix"], title=exercise["title"], label=label, min=low, max=high))
    expect(target).to_be_focused()
    expect(target).to_have_attribute("aria-invalid", "true")
    assert message.get_attribute("id") in target.get_attribute("aria-describedby").split()
    # Next to the field: right after the line that holds it.
    assert message.evaluate("p => p.previousElementSibling.contains(document.activeElement)")
    expect(page.locator(".leaflet-plan-maker__result")).to_be_hidden()
    expect(page.locator("#leaflet-pm-link")).to_be_hidden()
    assert page.locator(".leaflet-plan-sheet").evaluate("sheet => sheet.children.length") == 0
    context.close()


def test_a_plan_with_no_exercise_is_refused(browser, site_url, site_dir):
    data = data_of(site_dir, "zh")
    context, page = open_maker(browser, site_url, "zh")
    page.locator("form.leaflet-plan-maker__form button[type=submit]").click()
    expect(page.locator(".leaflet-plan-maker__error")).to_have_text(WORDS["zh"]["maker_choose"])
    expect(page.locator(f"#leaflet-pm-{data['exercises'][0]['id']}")).to_be_focused()
    expect(page.locator("#leaflet-pm-link")).to_be_hidden()
    context.close()


# --- The largest plan -------------------------------------------------------


def test_the_largest_plan_still_fits_a_qr_code_of_the_sites_version(browser, site_url, site_dir):
    """Every exercise, each value at its limit, a full note of Chinese
    characters, on the Chinese page: a code of at most version
    LIMITS.qr_version (17 + 4 x version squares a side), even for a
    published address much longer than the test server's."""
    data = data_of(site_dir, "zh")
    plan = [item(exercise, "progressed", most(unit(exercise, "progressed")), LIMITS.hold_seconds, LIMITS.per_day)
            for exercise in data["exercises"]]
    note = ("腰肌劳损锻炼请慢慢做疼痛加重就停下两周后复诊" * 20)[:LIMITS.note_chars]
    context, page = open_maker(browser, site_url, "zh")
    link = make_plan(page, plan, note=note, patient="zh")
    read = read_back(page, link)
    assert read["problems"] == [] and read["plan"]["exercises"] == expected(plan)
    assert read["plan"]["note"] == note
    view_box = page.locator(".leaflet-plan-maker__qr svg").get_attribute("viewBox")
    left, top, across, down = map(float, view_box.split())
    squares = across + 2 * left  # the code, without its quiet margin
    assert across == down and squares <= 17 + 4 * LIMITS.qr_version, view_box
    # The same plan under a 100-character published address fits too.
    address = "https://" + "clinic-leaflets." * 5 + "example.org/exercises/zh/your-plan/"
    fits = page.evaluate("""async ([address, link, version]) => {
      const { generate, correction } = await import(new URL("../../javascripts/vendor/lean-qr.mjs", location.href));
      const text = address + link.slice(link.indexOf("#"));
      return generate(text, { minCorrectionLevel: correction.M, maxVersion: version }).size;
    }""", [address[:100], link, LIMITS.qr_version])
    assert fits <= 17 + 4 * LIMITS.qr_version
    context.close()


# --- The printed plan -------------------------------------------------------


@pytest.mark.parametrize("code, patient", [("en", "en"), ("zh", "zh"), ("en", "zh")],
                         ids=["en", "zh", "en-page-zh-patient"])
def test_the_printed_plan_shows_the_plan_and_its_code_leads_to_the_link(browser, site_url, site_dir, code, patient):
    data = data_of(site_dir, code)
    sheet_data = data_of(site_dir, patient)  # the sheets are in the patient's language
    words = WORDS[patient]
    exercises = data["exercises"]
    chosen = [exercises[0], exercises[-1]] if len(exercises) > 2 else exercises[:1]
    plan = [item(exercise, LEVELS[n % 2], 3 + n, 4, 1 + n % LIMITS.per_day) for n, exercise in enumerate(chosen)]
    context, page = open_maker(browser, site_url, code, width=1280)
    link = make_plan(page, plan, note=NOTE[patient], patient=patient)
    assert link.startswith(site_url + ROOTS[patient] + "your-plan/#plan=")
    wait_for_pictures(page)
    pdf = page.pdf(format="A4")
    context.close()
    sheets = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages]
    titles = {e["id"]: e["title"] for e in sheet_data["exercises"]}
    first, later = sheets[0], " ".join(sheets[1:])
    assert len(sheets) >= 2, "the steps come on the sheets after the summary"
    for expected_text in (words["sheet_title"], NOTE[patient], words["plan_from_link"], words["sheet_scan"]):
        assert in_pdf(expected_text, first), expected_text
    for entry in plan:
        assert in_pdf(titles[entry["id"]], first), titles[entry["id"]]
        assert in_pdf(amount_words(patient, entry), first), amount_words(patient, entry)
        assert in_pdf(words["plan_per_day"][entry["perDay"] - 1], first)
        # Its steps for its version, after the summary sheet only, saying
        # the plan's amount and hold where the page says its own.
        exercise = next(e for e in sheet_data["exercises"] if e["id"] == entry["id"])
        steps = BeautifulSoup(exercise["steps"][entry["level"]], "html.parser")
        dose = amount_words(patient, entry) + words["plan_gap"] + words["plan_per_day"][entry["perDay"] - 1]
        for span in steps.select(".leaflet-dose"):
            span.string = say(words["plan_step"], dose=dose)
        said = sheet_data["words"]  # the steps' hold sentences are leaflet/doses.py's
        for span in steps.select(".leaflet-hold"):
            span.string = say(said["step_hold"], n=entry["hold"]) if entry["hold"] else said["step_no_hold"]
        for step in (li.get_text() for li in steps.select("ol > li")):
            assert in_pdf(step, later) and not in_pdf(step, first), step
        assert in_pdf(say(words["plan_step"], dose=dose), later)
    for other in set(titles) - {entry["id"] for entry in plan}:
        assert not in_pdf(titles[other], first), f"{titles[other]} is on the summary but not in the plan"
    assert in_pdf(words["sheet_steps"], sheets[1])
    # On its own, the summary still says how much ache is fine; the last
    # sheet, after the steps, gives every red flag.
    rule = load_pain_rule()
    assert in_pdf(rule.title[patient], first) and in_pdf(rule.words[patient], first), "the pain rule"
    steps_end = max(i for i, sheet in enumerate(sheets) if any(in_pdf(titles[entry["id"]], sheet) for entry in plan))
    assert steps_end < len(sheets) - 1, "When to get help shares a sheet with the steps"
    for flag in load_red_flags():
        assert in_pdf(flag.words[patient].replace("**", ""), sheets[-1]), flag.id
    codes = codes_per_sheet(pdf)
    assert codes[0] == [link]
    assert not any(codes[1:]), "a code on a sheet other than the summary"


def test_the_summary_fits_one_sheet_with_every_exercise_and_a_full_note(browser, site_url, site_dir):
    for code in ("en", "zh"):
        data = data_of(site_dir, code)
        plan = [item(e, "beginner", most(unit(e, "beginner")), LIMITS.hold_seconds, LIMITS.per_day)
                for e in data["exercises"]]
        note = ("Move a little more each day, " * 10 if code == "en" else "每天多动一点" * 30)[:LIMITS.note_chars]
        context, page = open_maker(browser, site_url, code, width=1280)
        link = make_plan(page, plan, note=note, patient=code)
        wait_for_pictures(page)
        pdf = page.pdf(format="A4")
        context.close()
        sheets = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages]
        assert in_pdf(WORDS[code]["sheet_steps"], sheets[1]), f"{code}: the summary runs onto a second sheet"
        assert in_pdf(note, sheets[0]) and in_pdf(WORDS[code]["sheet_scan"], sheets[0]), code
        assert codes_per_sheet(pdf)[0] == [link], code


def test_the_printed_code_is_big_enough_for_a_phone(browser, site_url, site_dir):
    """At least 0.4 mm a square on paper (CSS pixels are 1/96 inch)."""
    data = data_of(site_dir, "en")
    context, page = open_maker(browser, site_url, "en", width=1280)
    make_plan(page, [item(e, "beginner", 1, 0, 1) for e in data["exercises"]], note="x" * LIMITS.note_chars)
    page.emulate_media(media="print")
    size = page.locator(".leaflet-plan-sheet__qr svg").evaluate(
        "svg => [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width]")
    context.close()
    width_mm = size[0] * 25.4 / 96
    assert 35 <= width_mm <= 45, width_mm
    assert width_mm / size[1] >= 0.4, f"{width_mm / size[1]:.2f} mm a square"


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory):
    """The site built for a clinic (mkdocs.yml extra.clinic), as in
    tests/test_clinic.py."""
    project = copy_for_a_build(tmp_path_factory.mktemp("plan-clinic-project"))
    site = tmp_path_factory.mktemp("plan-clinic-site")
    build_site(site, config=with_clinic(project, CLINIC))
    return site


@pytest.mark.parametrize("code, patient", [("en", "en"), ("en", "zh")], ids=["en", "en-page-zh-patient"])
def test_every_sheet_of_the_plan_says_whom_to_call_in_the_patients_language(browser, clinic_site, code, patient):
    """The clinic's line, the disclaimer and the address of the page the
    link opens are in each sheet's margin (overrides/partials/
    print-footer.html), in the patient's language."""
    with serve(clinic_site) as url:
        data = json.loads(soup(clinic_site, ROOTS[code] + PAGE).select_one("script#leaflet-routine").string)
        context, page = open_maker(browser, url, code, width=1280)
        make_plan(page, [item(e, "beginner", 2, 0, 1) for e in data["exercises"]], note=NOTE[patient], patient=patient)
        wait_for_pictures(page)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        context.close()
    words = LANGUAGES[patient].text
    line = words["clinic_questions"].format(name=CLINIC["name"], phone=CLINIC["phone"])
    assert len(pdf.pages) >= 2
    for number, sheet in enumerate(pdf.pages, start=1):
        text = sheet.extract_text()
        assert in_pdf(line, text) and in_pdf(words["print_top"], text), f"sheet {number}"
        assert in_pdf(ROOTS[patient] + "your-plan/", text) and not in_pdf(PAGE, text), f"sheet {number}"


def test_before_a_plan_is_made_the_page_prints_as_itself(printed, site_dir):
    sheets = printed(PAGE).pages
    text = squash(" ".join(sheet.extract_text() for sheet in sheets))
    title = soup(site_dir, PAGE).find("h1").get_text().replace("¶", "")
    assert len(sheets) == 1 and squash(title) in text
    assert squash(WORDS["en"]["maker_make"]) not in text
    assert codes_per_sheet(printed(PAGE).stream.getvalue()) == [[]]


# --- Where it is linked, accessibility, weight ---------------------------------


def test_only_about_this_leaflet_links_to_the_maker(site_dir):
    linking = set()
    for path in built_pages(site_dir, include_404=True):
        if path.endswith(PAGE):
            continue
        page = soup(site_dir, path)
        if any(a["href"].rstrip("/").endswith("make-a-plan") for a in page.select("article a[href], .md-nav a[href]")):
            linking.add(path)
    assert linking == {"about/", "zh/about/"}


@pytest.mark.parametrize("code", ["en", "zh"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_maker_has_no_axe_violations(browser, site_url, site_dir, code, scheme, width):
    """Before a plan, with a refused value, and with a plan made."""
    data = data_of(site_dir, code)
    context, page = open_maker(browser, site_url, code, width=width, color_scheme=scheme, bypass_csp=True)
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=MATERIAL_SCHEME[scheme])
    problems = [f"form: {describe(v)}" for v in [axe_now(page)] if v]
    exercise = data["exercises"][0]
    page.locator(f"#leaflet-pm-{exercise['id']}").check()
    field(page, exercise, "amount").fill("0")
    page.locator("form.leaflet-plan-maker__form button[type=submit]").click()
    expect(page.locator(".leaflet-plan-maker__error")).to_be_visible()
    problems += [f"refused: {describe(v)}" for v in [axe_now(page)] if v]
    field(page, exercise, "amount").fill("3")
    page.locator("form.leaflet-plan-maker__form button[type=submit]").click()
    expect(page.locator("#leaflet-pm-link")).to_be_visible()
    problems += [f"made: {describe(v)}" for v in [axe_now(page)] if v]
    context.close()
    assert not problems, "\n".join(problems)


def test_only_the_maker_pages_load_its_files_within_its_budget(site_dir):
    def loading(name):
        return {path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html")
                if name in path.read_text(encoding="utf-8")}
    assert loading("javascripts/plan-maker.mjs") == {"make-a-plan", "zh/make-a-plan"}
    assert loading("stylesheets/plan-maker.css") == {"make-a-plan", "zh/make-a-plan"}
    # The module imports the encoder from the site itself.
    imports = re.findall(r'from\s+"([^"]+)"', (site_dir / OWN_FILES[0]).read_text(encoding="utf-8"))
    assert sorted(imports) == ["./vendor/lean-qr-svg.mjs", "./vendor/lean-qr.mjs"]
    size = sum(len(gzip.compress((site_dir / name).read_bytes(), 9)) for name in OWN_FILES)
    assert size <= BUDGET, f"{size} bytes gzip"


def test_the_page_fetches_its_own_files_and_nothing_else_for_the_plan(browser, site_url, site_dir):
    """Making a plan sends none of it to any server: the page asks only
    for the site's own files (the patient's plan page, for its words and
    margins), never with the plan in the address."""
    data = data_of(site_dir, "en")
    context, page = open_maker(browser, site_url, "en")
    page.wait_for_load_state("networkidle")
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    link = make_plan(page, [item(data["exercises"][0], "beginner", 3, 1, 1)], note="secret note")
    wait_for_pictures(page)
    context.close()
    fragment = link.split("#", 1)[1]
    assert not [url for url in asked if fragment in url or "secret" in url or "plan=" in url], asked


def test_making_a_plan_keeps_to_the_pages_policy(browser, site_url, site_dir):
    """The code drawn, the sheets built, the other language's words and
    margins read: nothing the Content-Security-Policy refuses."""
    data = data_of(site_dir, "en")
    context, page = open_maker(browser, site_url, "en")
    page.add_init_script("""window.__refused = [];
      document.addEventListener("securitypolicyviolation", e => window.__refused.push(e.violatedDirective + " " + e.sourceFile));""")
    page.reload()
    make_plan(page, [item(data["exercises"][0], "beginner", 3, 1, 1)], note="x", patient="zh")
    wait_for_pictures(page)
    expect(page.locator(".leaflet-plan-sheet h2").first).to_have_text(WORDS["zh"]["sheet_title"])
    refused = page.evaluate("() => window.__refused")
    context.close()
    assert refused == []

