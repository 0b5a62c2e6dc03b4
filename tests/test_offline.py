"""Offline after the first visit (hooks/offline.py, sw.js): a reader opens
one page, the test server is stopped (Playwright's offline switch does not
reach service workers), and every page of that language, search and the
guided session still work, at a domain's root and under /REPO/. A new
build replaces the copy and says so. Nothing is fetched for the copy
before the page has loaded, and `mkdocs serve` has no worker."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from helpers.axe import axe_now, describe
from helpers.search import CHINESE, first_result
from helpers.subpath import serve_under
from leaflet.languages import CHINESE as CHINESE_WORDS
from leaflet.languages import ENGLISH, LANGUAGES
from leaflet.offline_files import BUDGET_BYTES, SEARCH_INDEX, WORKER_FILE, address, language_files, sizes, worker
from local_site import ROOT, run_server, serve
from site_pages import built_pages

WORDS = {"": ENGLISH.text, "zh/": CHINESE_WORDS.text}
SEARCH = {
    "": ({}, yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))[0]),
    "zh/": (CHINESE, yaml.safe_load((ROOT / "tests" / "search_queries_zh.yaml").read_text(encoding="utf-8"))[0]),
}
CODE = {"": "en", "zh/": "zh"}

# How many entries this language's copy holds, from the page's side.
KEPT = """async (code) => {
  const name = (await caches.keys()).find((name) => name.startsWith(`leaflet ${code} `));
  return name ? (await (await caches.open(name)).keys()).length : 0;
}"""


def pages_of(site_dir: Path, root: str) -> list[str]:
    others = tuple(language.root for language in LANGUAGES.values() if language.root and language.root != root)
    return [path for path in built_pages(site_dir, include_404=False)
            if path.startswith(root) and not (root == "" and path.startswith(others))]


def reader(browser, **options):
    """A new reader whose browser runs the site's service worker."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow",
                                  reduced_motion="reduce", **options)
    return context, context.new_page()


def wait_until_kept(page, site_dir: Path, root: str, seconds: float = 30) -> None:
    """Until this language's copy holds every file (the worker fills it
    once the page has loaded)."""
    expected = len(language_files(site_dir)[CODE[root]])
    deadline = time.monotonic() + seconds
    while (kept := page.evaluate(KEPT, CODE[root])) != expected:
        assert time.monotonic() < deadline, f"the offline copy holds {kept} of {expected} files"
        time.sleep(0.1)


def looks_whole(page) -> None:
    """The page, its stylesheets and its pictures, as the reader sees them."""
    expect(page.locator("h1").first).to_be_visible()
    # Material's stylesheet is there: the header is pinned to the top.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # To the end, so that what loads as the reader reaches it loads too.
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    broken = page.evaluate("""() => [...document.images]
        .filter((img) => img.loading !== 'lazy' && !(img.complete && img.naturalWidth > 0))
        .map((img) => img.src)""")
    assert not broken, f"{page.url}: pictures missing offline: {broken}"


def failures_of(page) -> list[str]:
    """Every request of the page that failed or was refused from now on."""
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: failed.append(f"{response.url}: {response.status}")
            if response.status >= 400 else None)
    return failed


@pytest.mark.parametrize("subpath", ["/", "/REPO/"], ids=["root", "sub-path"])
@pytest.mark.parametrize("root", ["", "zh/"], ids=["en", "zh"])
def test_after_one_visit_every_page_search_and_the_session_work_offline(browser, site_dir, root, subpath):
    context, page = reader(browser)
    server = serve(site_dir) if subpath == "/" else serve_under(site_dir, subpath)
    with server as url:
        page.goto(url + root + "exercises/arch-bridge/")
        wait_until_kept(page, site_dir, root)
        scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
        assert scope == url
    # The server is gone: everything below comes from the reader's phone.
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=5)
    failed = failures_of(page)
    for path in pages_of(site_dir, root):
        response = page.goto(url + path)
        assert response is not None and response.ok, path
        looks_whole(page)
    assert not failed, "offline, these failed:\n" + "\n".join(failed)

    settings, case = SEARCH[root]
    assert first_result(page, url, case["query"], **settings) == case["page"]

    words = WORDS[root]["session"]
    page.goto(url + root + "session/")
    page.get_by_role("button", name=words["start"]).click()
    expect(page.get_by_role("button", name=words["tap"])).to_be_visible()
    page.get_by_role("button", name=words["tap"]).click()
    expect(page.locator("output.leaflet-session__count")).to_have_text("1")
    context.close()


def until(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still not so after {seconds} s: {what}"
        time.sleep(0.1)


def build_id(site: Path) -> str:
    return re.search(r'data-build="([0-9a-f]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)


def new_build(site: Path) -> None:
    """What a new build of the site changes: one page's words, every
    page's build id, and the worker with them."""
    old, new = build_id(site), "0123456789abcdef"
    for html in site.rglob("*.html"):
        html.write_text(html.read_text(encoding="utf-8").replace(f'data-build="{old}"', f'data-build="{new}"'),
                        encoding="utf-8")
    changed = site / "exercises" / "arch-bridge" / "index.html"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "</h1>", '</h1><p id="new-build">New build</p>', 1), encoding="utf-8")
    (site / WORKER_FILE).write_text(worker(site, new, language_files(site)), encoding="utf-8")


def test_a_new_build_replaces_the_copy_and_an_open_page_offers_it(browser, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    port = free_port()
    # bypass_csp: the test adds axe to the page.
    context, page = reader(browser, bypass_csp=True)
    with serve(site, port) as url:
        page.goto(url + "exercises/arch-bridge/")
        wait_until_kept(page, site, "")
    [old] = page.evaluate("async () => await caches.keys()")

    new_build(site)
    with serve(site, port):
        # The page open since before the new build; the browser looks for
        # a new worker (as it does on its own from time to time).
        note = page.locator("#leaflet-offline")
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        expect(note).to_contain_text(ENGLISH.text["offline_updated"], timeout=30_000)
        violations = axe_now(page)
        assert not violations, describe(violations)
        expect(page.locator("#new-build")).to_have_count(0)
        note.get_by_role("button", name=ENGLISH.text["offline_reload"]).click()
        expect(page.locator("#new-build")).to_be_visible()
        # The page is now the new build's: no note.
        expect(note).to_be_empty()
        wait_until_kept(page, site, "")
        until(lambda: old not in page.evaluate("async () => await caches.keys()"), "the old copy is deleted")
    page.goto(url + "exercises/arch-bridge/")
    expect(page.locator("#new-build")).to_be_visible()
    assert len(page.evaluate("async () => await caches.keys()")) == 1
    context.close()


def test_a_page_a_new_build_served_says_nothing_of_an_update(browser, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    port = free_port()
    context, page = reader(browser)
    with serve(site, port) as url:
        page.goto(url + "about/")
        wait_until_kept(page, site, "")
    new_build(site)
    with serve(site, port):
        page.goto(url + "exercises/arch-bridge/")
        expect(page.locator("#new-build")).to_be_visible()
        wait_until_kept(page, site, "")
        expect(page.locator("#leaflet-offline")).to_be_empty()
    context.close()


class _ServerError(SimpleHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the base class's name
        self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def test_a_server_error_shows_the_kept_page_and_a_copy_is_whole_or_none(browser, site_dir, tmp_path):
    port = free_port()
    context, page = reader(browser)
    with serve(site_dir, port) as url:
        page.goto(url + "exercises/arch-bridge/")
        wait_until_kept(page, site_dir, "")
    with run_server(_ServerError, port):
        response = page.goto(url + "about/")
        assert response.ok and page.locator("h1").first.is_visible()
    context.close()

    # A site with one listed file missing: the copy is never half made.
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    shutil.rmtree(site / "about")
    context, page = reader(browser)
    with serve(site) as url:
        page.goto(url + "exercises/arch-bridge/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        time.sleep(2)
        assert page.evaluate(KEPT, "en") == 0
        assert not [name for name in page.evaluate("async () => await caches.keys()") if name.startswith("leaflet en")]
    context.close()


def test_the_copy_is_fetched_only_after_the_page_has_loaded(browser, site_dir):
    context, page = reader(browser)
    requests = []
    context.on("request", lambda request: requests.append(request))
    with serve(site_dir) as url:
        page.goto(url + "zh/")
        loaded = page.evaluate(
            "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd")
        wait_until_kept(page, site_dir, "zh/")
        kept = {url + address for address in worker_addresses(site_dir, "zh")}
        for_the_copy = [request for request in requests if request.service_worker is not None
                        and request.url in kept]
        # Every file, from the network, by the worker.
        assert {request.url for request in for_the_copy} == kept
        early = [request.url for request in for_the_copy if request.timing["startTime"] < loaded]
    assert not early, f"fetched for the offline copy before the page had loaded: {early}"
    context.close()


def worker_addresses(site_dir: Path, code: str) -> list[str]:
    return [address(name) for name in language_files(site_dir)[code]]


def test_each_language_keeps_all_its_pages_and_no_other_language_within_budget(site_dir):
    files = language_files(site_dir)
    assert set(files) == {"en", "zh"}
    for code, total in sizes(site_dir, files).items():
        assert total <= BUDGET_BYTES, f"{code}: {total:,} bytes"
    for root, code in CODE.items():
        kept = set(files[code])
        pages = {path + "index.html" for path in pages_of(site_dir, root)}
        assert pages <= kept, sorted(pages - kept)
        assert root + SEARCH_INDEX in kept
        other = "zh/" if root == "" else ""
        assert not {name for name in kept if name.endswith(".html") and name in
                    {p + "index.html" for p in pages_of(site_dir, other)}}
        assert not any(name.endswith((".map", ".pdf")) for name in kept)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def mkdocs_serve(port: int, log: Path):
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(url, timeout=2)
                    break
                except OSError:
                    assert process.poll() is None, log.read_text()
                    time.sleep(0.5)
            else:
                raise AssertionError(f"mkdocs serve never answered:\n{log.read_text()}")
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_mkdocs_serve_has_no_worker_and_retires_one_left_behind(browser, site_dir, tmp_path):
    """An editor who once opened a built copy on the address `make serve`
    uses: the worker it left is removed, with its copy, at the first page
    `mkdocs serve` sends, and serve's pages ask for no other."""
    port = free_port()
    context, page = reader(browser)
    with serve(site_dir, port) as url:
        page.goto(url + "about/")
        wait_until_kept(page, site_dir, "")
    with mkdocs_serve(port, tmp_path / "serve.log"):
        html = urllib.request.urlopen(url + "about/").read().decode("utf-8")
        assert 'id="leaflet-offline"' not in html and "offline.js" not in html
        page.goto(url + "about/")
        until(lambda: not page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length"),
              "the left-behind worker is unregistered")
        assert not [name for name in page.evaluate("async () => await caches.keys()") if name.startswith("leaflet ")]
    context.close()
