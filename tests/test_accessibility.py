"""WCAG 2.2 AA in a real browser: axe-core on every page in both colour
schemes at phone and desktop width, a keyboard walk through an exercise
page, reduced motion and text zoomed to 200%."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers.axe import LAYOUT_SHIFT_TOLERANCE, MATERIAL_SCHEME, Visit, axe_now, describe, run_axe
from site_pages import built_pages, exercise_pages

SCHEMES = ("light", "dark")
WIDTHS = (390, 1280)


@pytest.fixture(scope="session")
def axe_results(browser, site_url, site_dir):
    """axe on every page x scheme x width, run once for the session."""
    visits = [
        Visit(page, scheme, width)
        for page in built_pages(site_dir)
        for scheme in SCHEMES
        for width in WIDTHS
    ]
    return run_axe(browser, site_url, visits)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page(axe_results, site_dir, scheme, width):
    pages = built_pages(site_dir)
    assert len(pages) >= 10, f"expected the whole site, found {pages}"
    failures = []
    for page in pages:
        result = axe_results[Visit(page, scheme, width)]
        if result.error:
            failures.append(f"/{page}: axe failed: {result.error}")
        elif result.violations:
            failures.append(f"/{page}:\n{describe(result.violations)}")
    assert not failures, f"axe violations ({scheme}, {width} px):\n" + "\n".join(failures)


def test_each_scheme_is_really_applied(axe_results):
    """The palette follows the system setting; a dark-mode run that stayed
    light would check the wrong colours."""
    wrong = [
        f"{result.visit.id}: body has scheme {result.body_scheme!r}"
        for result in axe_results.values()
        if result.body_scheme != MATERIAL_SCHEME[result.visit.scheme]
    ]
    assert not wrong, "\n".join(wrong)


def test_pages_do_not_shift_as_they_load(axe_results):
    shifted = [
        f"{result.visit.id}: layout shift {result.layout_shift:.4f}"
        for result in axe_results.values()
        if result.layout_shift > LAYOUT_SHIFT_TOLERANCE
    ]
    assert not shifted, "\n".join(shifted)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_search_dialog_has_no_axe_violations(browser, site_url, scheme):
    """axe only sees what is shown: open search, with results, and check it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme,
                                  bypass_csp=True)  # axe_now injects axe
    page = context.new_page()
    page.goto(site_url)
    # Material says this once its search index is ready.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    expect(page.get_by_role("dialog", name="Search")).to_be_attached()
    problems = []
    # One exercise's name, and a word on every page (many results, teasers
    # with lists, "more results" expanders).
    for query in ("bridge", "back"):
        search.fill("")
        search.press_sequentially(query)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.wait_for_timeout(200)  # the worker's last answer for the last key
        violations = axe_now(page)
        if violations:
            problems.append(f"search for {query!r}:\n{describe(violations)}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_menu_on_a_phone_has_no_axe_violations(browser, site_url, site_dir, scheme):
    """The phone's navigation drawer is hidden until opened: check it open."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, reduced_motion="reduce",
                                  bypass_csp=True)  # axe_now injects axe
    page = context.new_page()
    page.goto(site_url + exercise_pages(site_dir)[0])
    page.get_by_role("button", name="Menu").click()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Home")).to_be_in_viewport()
    violations = axe_now(page)
    context.close()
    assert not violations, describe(violations)


# --- Keyboard -----------------------------------------------------------

# The focused element, and what shows its focus: a radio button is drawn by
# its label (Material's palette switch and the content tabs hide the button
# itself). Marks both, so they can be found again after the walk.
_FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  let shown = element;
  if (element.matches("input[type=radio]")) {
    const next = element.nextElementSibling;
    const labels = [...document.querySelectorAll(`label[for="${element.id}"]`)];
    shown = (next && next.matches("label") && next.checkVisibility() ? next : null)
      || labels.find(label => label.checkVisibility()) || element;
  }
  element.dataset.reached = "yes";
  if (!shown.dataset.walk) shown.dataset.walk = String(document.querySelectorAll("[data-walk]").length);
  const box = shown.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const onTop = document.elementFromPoint(x, y);
  return {
    walk: shown.dataset.walk,
    name: (element.getAttribute("aria-label") || element.innerText || element.id || element.tagName).trim().slice(0, 60),
    tag: element.tagName,
    radio: element.matches("input[type=radio]") ? element.name : null,
    visible: box.width > 0 && box.height > 0 && shown.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    // Covered only by a part of its own form (search's suggestion overlay).
    onTop: !!onTop && (shown.contains(onTop) || onTop.contains(shown) || !!(shown.form && shown.form.contains(onTop))),
    look: LOOK(shown),
  };
}"""

# What may change to show focus: outline, ring, colours, underline.
_LOOK = """element => {
  const style = getComputedStyle(element);
  return ["outline-style", "outline-width", "outline-color", "box-shadow", "background-color",
          "color", "border-color", "text-decoration-line", "opacity", "transform"]
    .map(property => style.getPropertyValue(property)).join("|");
}"""
_FOCUS_STATE = _FOCUS_STATE.replace("LOOK(shown)", f"({_LOOK})(shown)")

# Controls a reader can see that the walk never reached. Radio buttons that
# Material hides count by group: Tab enters a group, arrow keys move in it.
_UNREACHED_CONTROLS = """() => {
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])");
  const reachedGroups = new Set([...document.querySelectorAll("input[type=radio][data-reached]")].map(radio => radio.name));
  return [...controls].filter(control => {
    if (control.dataset.reached || control.tabIndex < 0 || control.disabled) return false;
    if (control.matches(".md-toggle")) return false;  // Material's hidden state switches
    if (control.matches("input[type=radio]")) return !reachedGroups.has(control.name);
    return control.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      && control.getBoundingClientRect().width > 0;
  }).map(control => (control.getAttribute("aria-label") || control.innerText || control.outerHTML.slice(0, 80)).trim());
}"""


def _keyboard_page(browser, site_url, path, width):
    # Reduced motion: Material's transitions off, so each step is measured
    # where it ends, not halfway through a slide.
    context = browser.new_context(viewport={"width": width, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + path)
    return context, page


@pytest.fixture(scope="module")
def exercise_path(site_dir):
    return exercise_pages(site_dir)[0]


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_walk_reaches_every_control_visibly(browser, site_url, exercise_path, width):
    context, page = _keyboard_page(browser, site_url, exercise_path, width)
    steps, problems = [], []
    for _ in range(250):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if state is None:  # past the last control: the browser's own UI
            continue
        # Material reacts to some focus changes a moment later (search
        # opens on a script's timer): give it up to a second to settle.
        for _ in range(10):
            if state["visible"] and state["inViewport"] and state["onTop"]:
                break
            page.wait_for_timeout(100)
            state = page.evaluate(_FOCUS_STATE)
        if steps and state["walk"] == steps[0]["walk"]:
            break  # back at the start: the focus went round the whole page
        steps.append(state)
        where = f"step {len(steps)} ({state['tag']} {state['name']!r})"
        if not state["visible"]:
            problems.append(f"{where}: the focused control is not visible")
        elif not state["inViewport"]:
            problems.append(f"{where}: the focused control is outside the window")
        elif not state["onTop"]:
            problems.append(f"{where}: the focused control is hidden under something else")
    else:
        pytest.fail(f"the focus never came back to the start after {len(steps)} steps: a keyboard trap?")

    assert steps[0]["name"] == "Skip to content", "the first Tab should reach the skip link"
    assert not problems, "\n".join(problems)

    # Each control shows its focus: it looks different focused and not.
    page.evaluate("() => document.activeElement.blur()")
    page.mouse.move(0, 0)
    no_indicator = [
        f"step {index + 1} ({step['tag']} {step['name']!r})"
        for index, step in enumerate(steps)
        if page.locator(f"[data-walk='{step['walk']}']").evaluate(_LOOK) == step["look"]
    ]
    assert not no_indicator, "no visible focus indicator on:\n" + "\n".join(no_indicator)

    unreached = page.evaluate(_UNREACHED_CONTROLS)
    context.close()
    assert not unreached, "controls the keyboard never reached:\n" + "\n".join(unreached)
    assert any(step["radio"] for step in steps), "the content tabs were never reached"


def test_skip_link_jumps_to_the_content(browser, site_url, exercise_path):
    context, page = _keyboard_page(browser, site_url, exercise_path, 390)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    context.close()
    assert in_content, "after the skip link, the next Tab should be in the page's content"


def test_tabs_switch_from_the_keyboard(browser, site_url, exercise_path):
    context, page = _keyboard_page(browser, site_url, exercise_path, 390)
    beginner = page.locator(".tabbed-set").first.locator("input").first
    progressed = page.locator(".tabbed-set").first.locator("input").nth(1)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.tabbed-set > input')"):
            break
    expect(beginner).to_be_focused()
    label = page.locator(".tabbed-set").first.locator(".tabbed-labels > label").first
    assert label.evaluate("label => getComputedStyle(label).outlineStyle") != "none", (
        "the focused tab shows no outline"
    )
    panels = page.locator(".tabbed-set").first.locator(".tabbed-block")
    expect(panels.nth(0)).to_be_visible()
    expect(panels.nth(1)).to_be_hidden()

    page.keyboard.press("ArrowRight")
    expect(progressed).to_be_checked()
    expect(progressed).to_be_focused()
    expect(panels.nth(1)).to_be_visible()
    expect(panels.nth(0)).to_be_hidden()

    page.keyboard.press("ArrowLeft")
    expect(beginner).to_be_checked()
    expect(panels.nth(0)).to_be_visible()
    context.close()


def test_menu_button_opens_the_navigation_on_a_phone(browser, site_url, exercise_path):
    context, page = _keyboard_page(browser, site_url, exercise_path, 390)
    menu = page.get_by_role("button", name="Menu")
    drawer = page.locator(".md-sidebar--primary")
    home_link = drawer.get_by_role("link", name="Home")
    expect(home_link).to_be_hidden()  # closed: its links take no focus

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('aria-label') === 'Menu'"):
            break
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(home_link).to_be_visible()

    # Every link in the open drawer is seen when it has the focus.
    in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
    assert page.evaluate(in_drawer), "opening the menu should move the focus into it"
    reached, problems = [], []
    while page.evaluate(in_drawer) and len(reached) < 40:
        state = page.evaluate(_FOCUS_STATE)
        reached.append(state["name"])
        if not (state["visible"] and state["inViewport"] and state["onTop"]):
            problems.append(f"{state['name']!r}: {state}")
        page.keyboard.press("Tab")
    assert not problems, "drawer links out of sight when focused:\n" + "\n".join(problems)
    assert {"Home", "Arch bridge", "When to get help", "About this leaflet"} <= set(reached), reached
    # Tabbing out of the drawer closes it, so it cannot cover the focus.
    expect(menu).to_have_attribute("aria-expanded", "false")

    # Escape closes it too, and gives the focus back to the button.
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(home_link).to_be_hidden()

    # On a wide screen the navigation is always shown, and no menu button.
    page.set_viewport_size({"width": 1280, "height": 844})
    expect(menu).to_be_hidden()
    expect(home_link).to_be_visible()
    context.close()


# --- Motion and zoom ----------------------------------------------------

_MOVING = """() => {
  const moving = [];
  const seconds = value => Math.max(...value.split(",").map(part => parseFloat(part) * (part.trim().endsWith("ms") ? 0.001 : 1)));
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      const transition = seconds(style.transitionDuration) + seconds(style.transitionDelay);
      const animation = style.animationName !== "none" ? seconds(style.animationDuration) : 0;
      if (transition > 0 || animation > 0.001)
        moving.push(`${element.tagName.toLowerCase()}.${String(element.className).split(" ")[0]}${pseudo || ""}`);
    }
  }
  return [...new Set(moving)];
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_reduced_motion_is_respected(browser, site_url, exercise_path, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, reduced_motion="no-preference")
    page = context.new_page()
    page.goto(site_url + exercise_path)
    assert page.evaluate(_MOVING), "expected Material's transitions without the setting"
    page.emulate_media(reduced_motion="reduce")
    moving = page.evaluate(_MOVING)
    context.close()
    assert not moving, "still moving with reduced motion: " + ", ".join(moving)


_ZOOM_TEXT_200 = """() => {
  const root = document.documentElement;
  root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + "px";
  const problems = [];
  const name = element => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 40)}`;
  for (const element of document.querySelectorAll(".md-banner *, .md-content *, .md-footer *")) {
    if (!element.checkVisibility() || !element.textContent.trim()) continue;
    // Data tables may scroll sideways (WCAG 1.4.10 excepts them).
    if (element.closest("table")) continue;
    const style = getComputedStyle(element);
    if (["hidden", "clip"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
      problems.push("cut off: " + name(element));
    const box = element.getBoundingClientRect();
    if (box.right > root.clientWidth + 1 && !element.parentElement.closest("[class*=scroll], .tabbed-labels"))
      problems.push(`sticks out of the window (${Math.round(box.right)} px): ` + name(element));
  }
  return problems;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_text_zoomed_to_200_percent_loses_nothing(browser, site_url, site_dir, width):
    """WCAG 1.4.4: text at twice its size, with nothing cut off or pushed
    out of the window. (The header's repeat of the page title may shorten
    with an ellipsis: the same title is the page's heading.)"""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    problems = []
    for path in built_pages(site_dir):
        page.goto(site_url + path)
        problems += [f"/{path}: {problem}" for problem in page.evaluate(_ZOOM_TEXT_200)]
    context.close()
    assert not problems, "\n".join(problems)
