"""axe-core in Chromium: WCAG 2.0, 2.1 and 2.2 A and AA rules on a page.

axe-core's JavaScript is the copy that the pinned axe-playwright-python
package ships (requirements-test.in), so the rule set changes only when
that pin does.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from site_pages import page_id

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# What Material writes on <body data-md-color-scheme> for each scheme of
# the palette in mkdocs.yml.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}

# Runs axe on the document; resolves to its violations (or the error).
_RUN = """async tags => {
  try {
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return { violations: result.violations };
  } catch (error) {
    return { error: String(error) };
  }
}"""

# Sum of layout shifts not caused by the reader (the CLS of the visit so far).
LAYOUT_SHIFT_OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""
# Layout shift scores are sums of fractions of the screen. On a heavily
# loaded machine a page has scored 0.0007 to 0.0008 (a Chinese page; the
# About page at 1280 px) and 0 on every other run; Lighthouse shows CLS to
# three decimals and calls under 0.1 good. Anything that visibly moves
# scores far above this.
LAYOUT_SHIFT_TOLERANCE = 0.005


# axe goes into each page as a script of its own, which the site's
# Content-Security-Policy refuses: browser contexts that run axe are made
# with bypass_csp=True. tests/test_content_security_policy.py checks the
# pages under the policy.
@cache
def axe_source() -> str:
    return importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Visit:
    """One page seen one way: its address, colour scheme and window width."""

    page: str
    scheme: str  # "light" or "dark"
    width: int

    @property
    def id(self) -> str:
        return f"{page_id(self.page)}-{self.scheme}-{self.width}"


@dataclass
class AxeResult:
    visit: Visit
    body_scheme: str  # what Material applied: body[data-md-color-scheme]
    violations: list[dict]
    layout_shift: float
    error: str | None = None


def run_axe(browser, base_url: str, visits: Iterable[Visit], *, height: int = 844) -> dict[Visit, AxeResult]:
    """axe on every visit. One context per window width (a context costs
    about half a second, as much as axe itself); each page is loaded afresh
    in the light scheme, then the context's prefers-color-scheme turns dark
    and Material switches the page to slate, as it does when a reader's
    phone turns dark. Nothing is stored between pages: Material stores
    choices only when the reader makes them, and storage is cleared anyway."""
    by_width: dict[int, dict[str, list[Visit]]] = {}
    for visit in visits:
        by_width.setdefault(visit.width, {}).setdefault(visit.page, []).append(visit)
    results: dict[Visit, AxeResult] = {}
    for width, pages in by_width.items():
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light",
                                      bypass_csp=True)
        context.add_init_script(script=LAYOUT_SHIFT_OBSERVER)
        context.add_init_script(script=axe_source())
        page = context.new_page()
        for path, page_visits in pages.items():
            page.emulate_media(color_scheme="light")
            page.goto(base_url + path, wait_until="load")
            for visit in sorted(page_visits, key=lambda visit: visit.scheme != "light"):
                page.emulate_media(color_scheme=visit.scheme)
                try:  # Material follows the change of system setting
                    page.wait_for_function(
                        "scheme => document.body.dataset.mdColorScheme === scheme",
                        arg=MATERIAL_SCHEME[visit.scheme], polling=50, timeout=5_000,
                    )
                except PlaywrightTimeout:
                    pass  # recorded below as body_scheme; the tests report it
                outcome = page.evaluate(_RUN, WCAG_TAGS)
                results[visit] = AxeResult(
                    visit=visit,
                    body_scheme=page.evaluate("() => document.body.getAttribute('data-md-color-scheme')"),
                    violations=outcome.get("violations", []),
                    layout_shift=page.evaluate("() => window.__layoutShift"),
                    error=outcome.get("error"),
                )
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        context.close()
    return results


def describe(violations: list[dict]) -> str:
    """Violations as readable lines: rule, impact, help and the elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def axe_now(page) -> list[dict]:
    """axe on a page as it is now (after the test has opened a dialog, say);
    the page's context must be made with bypass_csp=True."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    outcome = page.evaluate(_RUN, WCAG_TAGS)
    if outcome.get("error"):
        raise RuntimeError(f"axe failed: {outcome['error']}")
    return outcome["violations"]
