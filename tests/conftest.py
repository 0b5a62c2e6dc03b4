"""Fixtures: one real build of the site per test session, served on
127.0.0.1, one Chromium to look at it, and its pages printed by it."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from local_site import ROOT, BuildFailed, build_site, launch_chromium, serve


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The site as `make build` makes it: pages, then the leaflet's PDF."""
    directory = tmp_path_factory.mktemp("site")
    try:
        build_site(directory)
    except BuildFailed as failure:
        pytest.fail(f"mkdocs build --strict failed:\n{failure}", pytrace=False)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(directory)],
                   check=True, capture_output=True)
    return directory


@pytest.fixture(scope="session")
def site_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        # Each test is a new reader, whose browser would fetch the whole
        # offline copy (a megabyte) once the page has loaded: that is
        # tests/test_offline.py's to test, which asks for service_workers=
        # "allow"; everywhere else it would only slow the tests down.
        new_context = chromium.new_context
        chromium.new_context = lambda **options: new_context(**{"service_workers": "block", **options})
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def printed(browser, site_url):
    """Print a page of the site ("exercises/arch-bridge/", "zh/routine/") to
    an A4 PDF in Chromium, as a reader's browser does. Each page is printed
    once a session, in every language, for every test that reads it."""
    context = browser.new_context()
    tab = context.new_page()
    pdfs: dict[str, bytes] = {}

    def print_page(path: str) -> PdfReader:
        assert path.endswith("/"), f"a page's address ends in a slash: {path!r}"
        if path not in pdfs:
            tab.goto(site_url + path)
            pdfs[path] = tab.pdf(format="A4")
        return PdfReader(io.BytesIO(pdfs[path]))

    yield print_page
    context.close()
