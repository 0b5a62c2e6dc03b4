"""A reader's first visit, in Chromium: from the home page's cards to an
exercise, then to its Progressed version, which the site remembers."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def title(text: str) -> re.Pattern:
    """A page's h1, whatever permalink mark follows it."""
    return re.compile(rf"^{re.escape(text)}\W*$")


def test_reader_follows_a_card_and_switches_to_progressed(page, site_url):
    page.goto(site_url)
    card = page.locator(".grid.cards li").filter(has_text="Arch bridge")
    card.get_by_role("link", name="Arch bridge").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title("Arch bridge"))
    progressed_step = page.get_by_text("Fold your arms across your chest.")
    expect(progressed_step).to_be_hidden()

    page.locator(".tabbed-labels label", has_text="Progressed").click()
    expect(progressed_step).to_be_visible()
    expect(page.get_by_text("Lie on your back on a bed or mat, knees bent").last).to_be_visible()

    # content.tabs.link: the reader's choice carries over to the next page.
    page.locator("a.md-footer__link--next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("Flying swallow"))
    expect(page.get_by_text("The full flying swallow.")).to_be_visible()
