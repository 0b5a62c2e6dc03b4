"""The moving pictures (issue #19): one for each exercise and version that
has poses, small, described, loaded only when the reader reaches it, run
under the Content-Security-Policy, paused by a button and by the keyboard,
still with reduced motion, never printed, and true to the body in every
frame: each joint within its limits and nothing through the bed or floor.

Time is the test's: every CSS animation is in document.getAnimations(), so
a test sets each one's currentTime and measures the drawing at that moment.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

import draw_pictures
import motions
import moving_pictures as generator
from helpers.axe import describe, axe_now
from helpers.sources import exercise_paths, front_matter
from leaflet import moving_pictures
from leaflet.languages import language
from local_site import ROOT

FOLDER = ROOT / "docs" / "assets" / "pictures" / moving_pictures.FOLDER
EVERY = moving_pictures.read(FOLDER)
EXERCISES = exercise_paths()
ROOTS = ("", "zh/")

# Every violation of the Content-Security-Policy the document sees.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  event.violatedDirective + " " + (event.blockedURI || "inline")));
"""

# The moving pictures of a page, loaded: the reader has scrolled to them.
LOADED = "() => document.querySelectorAll('.leaflet-moving').length > 0 && " \
         "[...document.querySelectorAll('.leaflet-moving')].every(f => f.classList.contains('is-loaded'))"


def source(root: str, path: str) -> str:
    return f"{path}.zh.md" if root else f"{path}.md"


def movings_of(root: str, path: str):
    return moving_pictures.for_page(front_matter(source(root, path)), EVERY)


def boxes(site_dir: Path, root: str, path: str):
    html = (site_dir / root / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select("article .leaflet-moving")


def load_movings(page) -> None:
    page.locator(".leaflet-movings").scroll_into_view_if_needed()
    page.wait_for_function(LOADED)


# --- What is generated --------------------------------------------------------


def test_each_exercise_with_poses_has_a_moving_picture_for_each_version():
    """Five exercises, all with poses: each has one moving picture for both
    versions, or one for each version where they move differently."""
    assert len(EVERY) == len(motions.MOTIONS) >= len(EXERCISES)
    for path in EXERCISES:
        mine = movings_of("", path)
        levels = sorted(moving.level for moving in mine)
        assert levels in ([""], ["beginner", "progressed"]), (path, levels)
    shown = {moving.name for path in EXERCISES for moving in movings_of("", path)}
    assert shown == {moving.name for moving in EVERY}, "moving pictures no page shows"


def test_each_moving_picture_is_small_and_its_files_are_the_generators():
    """At most 10 KB with its stylesheet; exactly what the pose model draws,
    every time (so a build is byte-identical, and no file is stale)."""
    for index, motion in enumerate(motions.MOTIONS):
        svg, css = generator.render(motion, f"m{index}")
        assert (svg, css) == generator.render(motion, f"m{index}"), motion.name
        assert (FOLDER / f"{motion.name}.svg").read_text(encoding="utf-8") == svg, f"run scripts/draw_pictures.py: {motion.name}"
        assert (FOLDER / f"{motion.name}.css").read_text(encoding="utf-8") == css, motion.name
        assert len(svg.encode()) + len(css.encode()) <= moving_pictures.BUDGET_BYTES, motion.name
    assert sorted(path.name for path in FOLDER.iterdir()) == sorted(
        name for moving in EVERY for name in moving.files)


def test_a_pose_past_a_joint_limit_stops_the_generator_with_one_line(tmp_path):
    """A knee that may bend only 10 degrees: the generator stops before it
    writes anything, and says which picture and which joint, in one line."""
    program = (
        "import sys; sys.path.insert(0, 'scripts'); import draw_pictures as d; "
        "d.OUT_DIR = __import__('pathlib').Path(sys.argv[1]); d.KNEE = (-3.0, 10.0); d.main()"
    )
    run = subprocess.run([sys.executable, "-c", program, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert re.match(r"draw_pictures\.py: [\w.-]+: .*knee at \d+ degrees \(allowed -3 to 10\)", lines[0]), lines[0]
    assert not list(tmp_path.iterdir()), "nothing is written"


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("path", EXERCISES)
def test_the_page_holds_a_described_box_of_the_pictures_size(site_dir, root, path):
    meta = front_matter(source(root, path))
    alts = {picture["src"]: picture["alt"].strip() for picture in meta["pictures"]}
    found = boxes(site_dir, root, path)
    mine = movings_of(root, path)
    assert len(found) == len(mine) >= 1
    for box, moving in zip(found, mine):
        frame = box.select_one(".leaflet-moving__frame")
        assert frame["id"] == moving_pictures.ID_PREFIX + moving.name
        assert frame["role"] == "img"
        label = frame["aria-label"]
        # The movement, not only a position: every position it goes through,
        # and the words for going there and back.
        for still in moving.frames:
            assert alts[still] in label, (moving.name, still)
        words = language("zh" if root else "en").text["moving"]
        assert words["describe_back"] in label
        empty = frame.find("svg")
        assert (int(empty["width"]), int(empty["height"])) == (moving.width, moving.height)
        assert box.figcaption.get_text(strip=True)


def test_the_printed_leaflet_has_no_moving_pictures(site_dir):
    for print_page in ("print", "zh/print"):
        html = (site_dir / print_page / "index.html").read_text(encoding="utf-8")
        assert "leaflet-moving" not in html
        assert "leaflet-pictures" in html


# --- In the browser -------------------------------------------------------------


def figure_state(page, name: str, seconds: float | None = None) -> dict:
    """The drawing of moving picture `name` at `seconds` into its loop (or
    now): every body part's points in the picture's own units, and the
    picture's ground and facing."""
    return page.evaluate(
        """([name, seconds]) => {
          const svg = document.querySelector(`#moving-${name} svg`);
          const mine = document.getAnimations().filter(a => svg.contains(a.effect.target));
          if (seconds !== null) mine.forEach(a => { a.currentTime = seconds * 1000; });
          const toPicture = svg.getScreenCTM().inverse();
          const parts = [];
          for (const el of svg.querySelectorAll("polyline.b, polyline.f, polygon.b, circle.b")) {
            const m = toPicture.multiply(el.getScreenCTM());
            const at = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; };
            let points, half;
            if (el.tagName === "circle") {
              points = [at(el.cx.baseVal.value, el.cy.baseVal.value)];
              half = el.r.baseVal.value;
            } else {
              points = [...el.points].map(p => at(p.x, p.y));
              half = parseFloat(el.getAttribute("stroke-width") || "0") / 2;
            }
            parts.push({ joint: el.dataset.j || null, points, half });
          }
          return { parts, ground: +svg.dataset.ground, facing: +svg.dataset.facing,
                   seconds: +svg.dataset.seconds, animations: mine.length,
                   times: mine.map(a => a.currentTime), states: mine.map(a => a.playState),
                   pending: mine.some(a => a.pending) };
        }""",
        [name, seconds],
    )


def angle_of(a, b) -> float:
    import math

    return math.degrees(math.atan2(b[0] - a[0], a[1] - b[1]))


def turn(a, b, c) -> float:
    return (angle_of(b, c) - angle_of(a, b) + 180) % 360 - 180


def joints(state: dict) -> dict[str, float]:
    """Each joint's flexion, as scripts/draw_pictures.py measures it, from
    the parts as drawn (data-j: the limb and its part, 0 upper to 2 end)."""
    by = {part["joint"]: part["points"] for part in state["parts"] if part["joint"]}
    found = {}
    for limb in sorted({joint[:-1] for joint in by}):
        upper, lower, end = by[limb + "0"], by[limb + "1"], by[limb + "2"]
        a, b, c, d = upper[0], lower[0], end[0], end[1]
        if limb in ("l0", "l1"):  # front view: the legs
            found[f"{limb} knee"] = abs(turn(a, b, c))
        elif limb.endswith("l"):
            found[f"{limb} knee"] = turn(a, b, c) * state["facing"]
            found[f"{limb} ankle"] = -turn(b, c, d) * state["facing"]
        elif limb.endswith("a"):
            found[f"{limb} elbow"] = -turn(a, b, c) * state["facing"]
    return found


def limits(name: str) -> tuple[float, float]:
    if name.startswith(("l0", "l1")):
        return -draw_pictures.FRONT_KNEE, draw_pictures.FRONT_KNEE
    return {"knee": draw_pictures.KNEE, "ankle": draw_pictures.ANKLE, "elbow": draw_pictures.ELBOW}[name.split()[-1]]


def lowest(state: dict) -> float:
    return max(y + part["half"] for part in state["parts"] for _, y in part["points"])


@pytest.fixture
def reader(browser, site_url):
    """A phone, light scheme, watching for policy violations."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(script=CSP_WATCH)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", EXERCISES)
def test_every_frame_keeps_the_joints_in_their_limits_and_the_body_on_the_bed_or_floor(reader, site_url, path):
    """Every 100 ms of each loop, from the drawing itself: no knee, elbow or
    ankle past its limit; nothing below the top of the bed or floor; and
    the body resting on it (not floating) in every frame."""
    reader.goto(site_url + path + "/")
    load_movings(reader)
    problems = []
    for moving in movings_of("", path):
        state = figure_state(reader, moving.name, 0)
        assert state["animations"] >= 3, moving.name
        steps = round(state["seconds"] * 10)
        for step in range(steps + 1):
            state = figure_state(reader, moving.name, step / 10)
            for name, value in joints(state).items():
                low, high = limits(name)
                if not low - 0.5 <= value <= high + 0.5:
                    problems.append(f"{moving.name} at {step / 10:.1f} s: {name} {value:.1f} (allowed {low} to {high})")
            gap = state["ground"] - lowest(state)
            if gap < -draw_pictures.GROUND_TOLERANCE - 0.5:
                problems.append(f"{moving.name} at {step / 10:.1f} s: {-gap:.1f} px into the bed or floor")
            if gap > 2.5:
                problems.append(f"{moving.name} at {step / 10:.1f} s: floating {gap:.1f} px above the bed or floor")
        assert len(joints(state)) >= 2, moving.name
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("path", EXERCISES)
def test_it_moves_and_pauses_by_button_and_keyboard(reader, site_url, path):
    reader.goto(site_url + path + "/")
    load_movings(reader)
    assert not reader.evaluate("() => window.__cspViolations"), "Content-Security-Policy violations"
    for moving in movings_of("", path):
        # It moves: the drawing differs between two moments of the loop.
        first = figure_state(reader, moving.name, moving.seconds * 0.05)
        middle = figure_state(reader, moving.name, moving.seconds * 0.4)
        assert first["parts"] != middle["parts"], f"{moving.name} does not move"
        assert set(middle["states"]) == {"running"}, moving.name
        button = reader.locator(f"#moving-{moving.name}").locator("xpath=..").get_by_role("button")
        expect(button).to_have_text("Pause")
        button.click()
        expect(button).to_have_text("Play")
        assert_still(reader, moving.name)
        button.focus()
        reader.keyboard.press("Enter")
        expect(button).to_have_text("Pause")
        assert_moving(reader, moving.name)
        reader.keyboard.press("Space")
        expect(button).to_have_text("Play")
        assert_still(reader, moving.name)
    assert not reader.evaluate("() => window.__cspViolations"), "Content-Security-Policy violations"


def assert_still(page, name: str) -> None:
    # A pause reaches the animations at the browser's next style update, and
    # a paused animation's clock runs on until its pending pause is done (the
    # next frame): on a loaded machine either may come frames after the click.
    for _ in range(100):
        state = figure_state(page, name)
        if set(state["states"]) == {"paused"} and not state["pending"]:
            break
        page.wait_for_timeout(20)
    before = figure_state(page, name)
    page.wait_for_timeout(400)
    after = figure_state(page, name)
    assert set(after["states"]) == {"paused"}, (name, after["states"])
    assert before["times"] == after["times"] and before["parts"] == after["parts"], f"{name} still moves"


def assert_moving(page, name: str) -> None:
    before = figure_state(page, name)
    page.wait_for_timeout(400)
    after = figure_state(page, name)
    assert all(b < a for b, a in zip(before["times"], after["times"])), f"{name} does not run"


def test_with_reduced_motion_it_stays_still_until_the_reader_presses_play(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    for path in EXERCISES:
        page.goto(site_url + path + "/")
        load_movings(page)
        for moving in movings_of("", path):
            button = page.locator(f"#moving-{moving.name}").locator("xpath=..").get_by_role("button")
            expect(button).to_have_text("Play")
            assert_still(page, moving.name)
        moving = movings_of("", path)[0]
        button = page.locator(f"#moving-{moving.name}").locator("xpath=..").get_by_role("button")
        button.click()
        expect(button).to_have_text("Pause")
        assert_moving(page, moving.name)
    context.close()


def test_nothing_moving_loads_before_the_page_has_loaded_or_the_reader_reaches_it(browser, site_url):
    """The first load has no moving picture in it: they load after the
    page's load event, near the screen, or on Play."""
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        for path in EXERCISES:
            urls.clear()
            page.goto(site_url + path + "/", wait_until="load")
            loaded = list(urls)
            assert not [url for url in loaded if "/moving/" in url], (path, width)
            load_movings(page)
            assert [url for url in urls if url.endswith(".svg") and "/moving/" in url]
        context.close()


def test_the_box_keeps_its_place_while_the_picture_arrives(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in EXERCISES:
        page.goto(site_url + path + "/")
        frame = page.locator(".leaflet-moving__frame").first
        frame.scroll_into_view_if_needed()
        before = frame.bounding_box()
        page.wait_for_function(LOADED)
        after = frame.bounding_box()
        assert before["width"] > 300 and abs(before["height"] - after["height"]) < 0.5, (path, before, after)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dark_scheme_inverts_it_and_print_hides_it(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + EXERCISES[0] + "/")
    load_movings(page)
    svg = page.locator(".leaflet-moving__frame svg").first
    inverted = "invert" in svg.evaluate("svg => getComputedStyle(svg).filter")
    assert inverted == (scheme == "dark")
    page.emulate_media(media="print")
    expect(page.locator(".leaflet-movings")).to_be_hidden()
    expect(page.locator(".leaflet-pictures img").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("root", ROOTS)
def test_no_axe_violations_with_the_moving_pictures_shown(browser, site_url, root):
    failures = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        for path in EXERCISES:
            page.goto(site_url + root + path + "/")
            load_movings(page)
            violations = axe_now(page)
            if violations:
                failures.append(f"/{root}{path}/ ({scheme}):\n{describe(violations)}")
        context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("level", [0, 1])
def test_the_guided_session_shows_the_moving_picture_of_the_version_being_done(browser, site_url, level):
    """Each exercise of the session shows its moving picture for the
    version chosen, which moves, and pauses with its button."""
    from leaflet.languages import ENGLISH

    words = ENGLISH.text["session"]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(script=CSP_WATCH)
    page = context.new_page()
    page.goto(site_url + "session/")
    page.get_by_role("radio", name=ENGLISH.tabs[level]).check()
    page.get_by_role("button", name=words["start"]).click()
    titles = {front_matter(f"{path}.md")["title"]: path for path in EXERCISES}
    seen = 0
    while page.get_by_role("button", name=words["next"]).count():
        path = titles[page.get_by_role("heading", level=2).inner_text()]
        wanted = [moving for moving in movings_of("", path) if moving.level in ("", ("beginner", "progressed")[level])]
        shown = page.locator(".leaflet-moving__frame")
        expect(shown).to_have_count(len(wanted))
        if wanted:
            expect(shown).to_have_id(f"moving-{wanted[0].name}")
            load_movings(page)
            assert_moving(page, wanted[0].name)
            page.locator(".leaflet-moving").get_by_role("button", name="Pause").click()
            assert_still(page, wanted[0].name)
            seen += 1
        page.get_by_role("button", name=words["next"]).click()
    assert seen >= 3
    assert not page.evaluate("() => window.__cspViolations"), "Content-Security-Policy violations"
    context.close()


def test_nothing_flashes():
    """WCAG 2.3.1: the only things that appear and disappear are the arrows,
    which fade over at least a quarter of a second, at most once or twice a
    loop; colours never change."""
    keyframes = re.compile(r"@keyframes [\w-]+\{((?:[\d.]+%\{[^}]*\})+)\}")
    frame = re.compile(r"([\d.]+)%\{([^}]*)\}")
    for moving in EVERY:
        css = (FOLDER / moving.files[1]).read_text(encoding="utf-8")
        assert not re.search(r"\b(fill|stroke|color|filter|visibility)\s*:", css), moving.name
        for body in keyframes.findall(css):
            opacity = [(float(at) / 100 * moving.seconds, float(value))
                       for at, rule in frame.findall(body) for value in re.findall(r"opacity:([\d.]+)", rule)]
            changes = [(t1, t2) for (t1, a), (t2, b) in zip(opacity, opacity[1:]) if abs(b - a) >= 0.5]
            assert all(t2 - t1 >= 0.25 for t1, t2 in changes), (moving.name, changes)
            swings = [t for t, (_, a), (_, b) in zip([o[0] for o in opacity], opacity, opacity[1:]) if a != b]
            assert len(swings) / moving.seconds <= 3, moving.name


def test_the_description_is_escaped_once():
    """Front matter reaches the page escaped (leaflet/escaping.py): the
    description says "Hips & knees", never "Hips &amp; knees", and no alt
    text can open an element."""
    from markupsafe import escape

    from leaflet.languages import ENGLISH

    moving = moving_pictures.MovingPicture("x", ("a.svg", "b.svg"), "", 1.0, 480, 320)
    meta = {"pictures": [{"src": escape("a.svg"), "alt": escape('Hips & <b onclick="x">knees</b>')},
                         {"src": "b.svg", "alt": "Lifted."}]}
    frame = BeautifulSoup(moving_pictures.html([moving], meta, ENGLISH), "html.parser").select_one(".leaflet-moving__frame")
    assert 'Hips & <b onclick="x">knees</b>' in frame["aria-label"]
    assert not frame.find("b")
