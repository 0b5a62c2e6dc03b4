"""The Content-Security-Policy (hooks/leaflet/csp.py) in the built site:
every page has one, Chromium reports no violation of it on any page in
either language or colour scheme, search, tabs, the palette toggle and the
print page still work, and a script slipped into a page does not run.

These contexts do not bypass the policy; helpers that inject scripts
(axe) do, in their own contexts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers.axe import MATERIAL_SCHEME
from site_pages import built_pages, page_id
from helpers.search import first_result
from leaflet.csp import inline_code, policy, source_hash, with_policy, without_policy

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

# Every violation the document sees, and every message Chromium writes
# about the policy (a worker's refusals, a directive a <meta> cannot set).
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
  + `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`), true);
"""
# Violation events are queued as tasks: let them arrive before reading.
READ_VIOLATIONS = """() => new Promise(resolve => requestAnimationFrame(() =>
  setTimeout(() => resolve(window.__cspViolations || ["listener missing"]), 50)))"""


# -- The policy for one document (leaflet/csp.py) ------------------------

DOCUMENT = (
    "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n"
    "<script>var a = \"</div>\";\n</script>\n"
    "<script src=\"x.js\"></script>\n"
    "<script type=\"application/ld+json\">{\"@type\": \"WebPage\"}</script>\n"
    "<script id=\"__config\" type=\"application/json\">{}</script>\n"
    "<!-- <script>not a script</script> -->\n"
    "<style media=\"print\">\n  @page { margin: 1cm }\n</style>\n"
    "</head>\n<body>\n<p>caf\u00e9</p>\n<script type=\"module\">\r\nimport \"./m.js\";\r\n</script>\n"
    "<script type=\"text/javascript\">b()</script>\n</body>\n</html>\n"
)


def test_a_hash_is_the_standard_one():
    # The example in the CSP specification.
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    # The browser's parser turns CR LF and lone CR into LF before hashing.
    assert source_hash("a\r\nb\rc") == source_hash("a\nb\nc")


def test_the_exact_text_of_each_script_that_runs_and_each_style():
    found = inline_code(DOCUMENT)
    assert found.scripts == ['var a = "</div>";\n', '\r\nimport "./m.js";\r\n', "b()"]
    assert found.styles == ["\n  @page { margin: 1cm }\n"]
    assert found.style_attributes == []


def test_the_policy_goes_just_after_meta_charset_and_comes_off_again():
    html = with_policy(DOCUMENT)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<title>")
    assert html.index('<meta name="referrer" content="no-referrer">') < html.index("<script")
    assert with_policy(html) == html
    assert without_policy(html) == DOCUMENT
    for text in ['var a = "</div>";\n', '\nimport "./m.js";\n', "b()"]:
        assert source_hash(text) in POLICY_META.search(html).group(1)


def test_without_meta_charset_the_policy_opens_the_head():
    html = with_policy("<html><head><script>x()</script></head><body></body></html>")
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_a_page_without_a_head_is_refused():
    with pytest.raises(ValueError):
        with_policy("<p>no head</p><script>x()</script>")


def test_style_attributes_are_allowed_by_hash_and_never_handlers():
    found = inline_code('<p style="color: &quot;red&quot;" onclick="x()">a</p><br style="clear: both"/>')
    assert found.style_attributes == ['color: "red"', "clear: both"]
    directives = dict(d.split(" ", 1) for d in policy(found).split("; "))
    hashes = [source_hash('color: "red"'), source_hash("clear: both")]
    assert directives["style-src"] == " ".join(["'self'", "'unsafe-hashes'", *hashes])
    assert directives["script-src"] == "'self'"
    assert "'unsafe-inline'" not in policy(found)


def test_the_hook_writes_the_policy_once_every_language_is_built(tmp_path):
    """Not inside the i18n plugin's build of another language (more pages
    are still to come), and not under `mkdocs serve` (its live-reload script
    could not run)."""
    import content_security_policy as hook

    class I18n:
        building = True

    class Config:
        site_dir = str(tmp_path)
        plugins = {"i18n": I18n()}

    page = tmp_path / "zh" / "index.html"
    page.parent.mkdir()
    page.write_text("<html><head><meta charset=\"utf-8\"><script>x()</script></head></html>")
    hook.on_startup(command="build", dirty=False)
    hook.on_post_build(Config())
    assert "Content-Security-Policy" not in page.read_text()
    I18n.building = False
    try:
        hook.on_startup(command="serve", dirty=False)
        hook.on_post_build(Config())
        assert "Content-Security-Policy" not in page.read_text()
    finally:
        hook.on_startup(command="build", dirty=False)
    hook.on_post_build(Config())
    assert source_hash("x()") in page.read_text()


def test_chromium_runs_what_the_policy_hashes_and_nothing_else(watched, site_url):
    """Line endings, non-ASCII text and an end tag inside a string, as
    Chromium hashes them."""
    document = (
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>T</title>\r\n"
        "<script>\r\nwindow.ran = [\"caf\u00e9 \u814c\", \"</p>\"];\r</script>"
        "<style>\r\nbody { color: rgb(1, 2, 3) }\r\n</style>"
        "</head><body><p style=\"margin: 0\">x</p></body></html>"
    )
    page = watched.page
    page.route(site_url + "csp-check/", lambda route: route.fulfill(
        body=with_policy(document).encode("utf-8"), content_type="text/html; charset=utf-8"))
    page.goto(site_url + "csp-check/")
    assert page.evaluate("() => window.ran") == ["caf\u00e9 \u814c", "</p>"]
    assert page.evaluate("() => getComputedStyle(document.body).color") == "rgb(1, 2, 3)"
    assert page.evaluate("() => getComputedStyle(document.querySelector('p')).marginTop") == "0px"
    assert not watched.problems()


# -- The built site under the policy, in Chromium ---------------------------


class Watched:
    """A browser context under the policy, with what Chromium reported."""

    def __init__(self, browser, **options) -> None:
        self.context = browser.new_context(viewport={"width": 390, "height": 844}, **options)
        self.context.add_init_script(script=COLLECT_VIOLATIONS)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda message: self._console(message.text))

    def _console(self, text: str) -> None:
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.console.append(text)

    def problems(self) -> list[str]:
        """What was reported since the last call."""
        found = self.page.evaluate(READ_VIOLATIONS) + self.console
        self.page.evaluate("() => { window.__cspViolations = []; }")
        self.console = []
        return found


@pytest.fixture
def watched(browser):
    watch = Watched(browser)
    yield watch
    watch.context.close()


def html_files(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_page_has_its_policy_before_any_script(site_dir):
    files = html_files(site_dir)
    assert len(files) >= 25
    for path in files:
        html = path.read_bytes().decode("utf-8")
        name = path.relative_to(site_dir)
        found = POLICY_META.findall(html)
        assert len(found) == 1, f"{name}: {len(found)} policies"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{name}: a script comes first"
        assert '<meta name="referrer" content="no-referrer">' in html, name
        # The hashes are of the file as served: computed again, they agree.
        assert found[0] == policy(inline_code(without_policy(html))), f"{name}: policy out of date"
        script_src = re.search(r"script-src ([^;]*)", found[0]).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_the_policy_allows_only_the_site_and_the_pages_own_inline_code(site_dir):
    directives = dict(
        directive.split(" ", 1)
        for directive in POLICY_META.search((site_dir / "index.html").read_text(encoding="utf-8")).group(1).split("; ")
    )
    assert directives["default-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')+", directives["script-src"])
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')*", directives["style-src"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_breaks_the_policy(browser, site_dir, site_url, scheme):
    """Every page of both languages, 404 and print pages included, in one
    context per colour scheme."""
    watch = Watched(browser, color_scheme=scheme)
    reports = {}
    for path in built_pages(site_dir):
        watch.page.goto(site_url + path, wait_until="load")
        expect(watch.page.locator("body")).to_have_attribute("data-md-color-scheme", MATERIAL_SCHEME[scheme])
        if found := watch.problems():
            reports[page_id(path)] = found
    watch.context.close()
    assert not reports, reports


@pytest.mark.parametrize(("root", "query", "expected", "box", "waiting"), [
    ("", "bridge", "exercises/arch-bridge/", "Search", "Type to start searching"),
    ("zh/", "拱桥", "zh/exercises/arch-bridge/", "搜索", "键入以开始搜索"),
])
def test_search_works_under_the_policy(watched, site_url, root, query, expected, box, waiting):
    """Search runs in a Web Worker from the site's files and fetches the
    index: both allowed by 'self'."""
    def type_text(page, text):
        page.keyboard.insert_text(text)
        page.keyboard.up("Space")  # Material reads the box on keyup

    assert first_result(watched.page, site_url, query, root=root, box_name=box,
                        waiting_text=waiting, type_text=type_text) == expected
    assert not watched.problems()


def test_tabs_and_the_palette_toggle_work_under_the_policy(watched, site_url):
    """Material's inline scripts restore the chosen tab and colour scheme
    on the next page: they run, by their hashes."""
    page = watched.page
    page.goto(site_url + "exercises/arch-bridge/")
    page.locator(".tabbed-labels label", has_text="Progressed").click()
    expect(page.locator(".tabbed-set input").nth(1)).to_be_checked()
    # The system is light: the toggle goes from "follow the system" to
    # light, then to dark.
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-media", "(prefers-color-scheme: light)")
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert not watched.problems()

    page.goto(site_url + "exercises/flying-swallow/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(".tabbed-set input").nth(1)).to_be_checked()
    assert not watched.problems()


@pytest.mark.parametrize("root", ["", "zh/"])
def test_the_print_page_works_under_the_policy(watched, site_url, root):
    """print-site's inline script hides Material's navigation."""
    page = watched.page
    page.goto(site_url + root + "print/")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    assert page.evaluate("() => document.querySelector('.md-sidebar--primary').style.display") == "none"
    assert not watched.problems()


def test_a_script_slipped_into_a_page_does_not_run(watched, site_dir, site_url):
    """A copy of a built page with a script and an event handler added, as
    an editor's raw HTML would add them, and the policy not rewritten."""
    address = site_url + "exercises/arch-bridge/"
    html = (site_dir / "exercises" / "arch-bridge" / "index.html").read_text(encoding="utf-8")
    slipped = html.replace(
        "</article>",
        '<script>window.__slipped = "script"</script>'
        '<img src="data:," alt="" onload="window.__slipped = \'handler\'">'
        '<a id="slipped" href="javascript:window.__slipped = \'link\'">x</a></article>',
        1,
    )
    assert slipped != html
    watched.page.route(address, lambda route: route.fulfill(body=slipped, content_type="text/html"))
    watched.page.goto(address, wait_until="load")
    watched.page.locator("#slipped").click()
    problems = watched.page.evaluate(READ_VIOLATIONS)
    assert watched.page.evaluate("() => window.__slipped") is None
    # The page's own inline scripts still ran.
    assert watched.page.evaluate("() => typeof __md_get") == "function"
    assert sum("script-src" in problem for problem in problems) >= 3, problems
