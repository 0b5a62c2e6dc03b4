"""Proof that an exercise is one Markdown file (and its Chinese twin).

A copy of the project gets a sixth exercise the way an editor adds one:
`make new-exercise`, the placeholders written, two pictures of its own (one
a PNG), and the one `nav:` line the checker asks for; nothing else. The
strict build then shows it everywhere a reader looks for an exercise, in
both languages. Another copy loses an exercise and keeps no trace of it; a
third loses a Chinese twin and the checker names it."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers.html import soup, text_of
from helpers.project import copy_of_the_project
from helpers.search import CHINESE, first_result
from leaflet.placeholders import fill_in
from local_site import BuildFailed, build_site, serve

NAME, ALIAS = "Knee rolls", "Knee sways"
ZH_NAME, ZH_ALIAS = "左右摆膝", "摆膝运动"
PAGE = "exercises/knee-rolls/"
PDF = "exercises-for-lumbar-muscle-strain.pdf"
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320" viewBox="0 0 480 320">'
       '<rect width="480" height="320" fill="#ddd"/></svg>\n')


def png(width: int, height: int) -> bytes:
    """A plain grey PNG, written by hand: no imaging library needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xcc" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def make(project: Path, *targets: str, **variables: str) -> subprocess.CompletedProcess:
    """`make` in the copy, with this test run's Python environment."""
    settings = [f"{key}={value}" for key, value in variables.items()]
    return subprocess.run(
        ["make", "-C", str(project), "-o", ".venv/.site", f"BIN={Path(sys.executable).parent}", *targets, *settings],
        capture_output=True, text=True, check=True)


def build(project: Path, site: Path) -> str:
    return build_site(site, config=project / "mkdocs.yml")


def add_the_nav_line(project: Path, error: str) -> None:
    """The one edit besides the page: the `nav:` line the checker names."""
    line = re.search(r"add the line '(- exercises/[^']+)' under 'Exercises:'", error)
    assert line, error
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    last = max(i for i, text in enumerate(lines) if text.strip().startswith("- exercises/"))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, indent + line.group(1))
    config.write_text("\n".join(lines), encoding="utf-8")


def written(text: str) -> str:
    """Every placeholder written with its hint, and the front matter's
    comments kept, as the template says an editor may."""
    front, body = text.split("\n---\n", 1)
    comments = [line for line in front.split("\n") if line.startswith("#")]
    for number, comment in enumerate(comments):
        front = front.replace(comment, f"#kept{number}", 1)
    front = fill_in(front)
    for number, comment in reversed(list(enumerate(comments))):
        front = front.replace(f"#kept{number}", comment, 1)
    return front + "\n---\n" + fill_in(body)


def write_the_pages(project: Path) -> None:
    """What the editor writes: every placeholder, the Chinese names, and
    the second picture as a photo (PNG) instead of a drawing."""
    exercises = project / "docs" / "exercises"
    for page in ("knee-rolls.md", "knee-rolls.zh.md"):
        path = exercises / page
        text = written(path.read_text(encoding="utf-8")).replace("knee-rolls-move.svg", "knee-rolls-move.png")
        if page.endswith(".zh.md"):
            text = re.sub(r"(?m)^title: .*$", f"title: {ZH_NAME}", text, count=1)
            front, body = text.split("\n---\n", 1)
            text = front + "\n---\n" + re.sub(r"(?m)^# .*$", f"# {ZH_NAME}", body, count=1)
            text = re.sub(r"(?m)^aliases:\n(  - .*\n)+", f"aliases:\n  - {ZH_ALIAS}\n", text, count=1)
        else:
            text = re.sub(r"(?m)^aliases:\n(  - .*\n)+", f"aliases:\n  - {ALIAS}\n", text, count=1)
        path.write_text(text, encoding="utf-8")
    pictures = project / "docs" / "assets" / "pictures"
    (pictures / "knee-rolls-start.svg").write_text(SVG, encoding="utf-8")
    (pictures / "knee-rolls-move.png").write_bytes(png(480, 320))


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> tuple[Path, Path]:
    project = copy_of_the_project(tmp_path_factory.mktemp("added") / "project")
    printed = make(project, "new-exercise", NAME=NAME).stdout
    assert "- exercises/knee-rolls.md" in printed
    write_the_pages(project)
    site = tmp_path_factory.mktemp("added-site")
    with pytest.raises(BuildFailed) as refused:
        build(project, site)
    add_the_nav_line(project, str(refused.value))
    build(project, site)
    subprocess.run([sys.executable, str(project / "scripts" / "build_pdf.py"), str(site)], check=True,
                   capture_output=True)
    return project, site


def links_to_it(page_soup, href_end: str = "knee-rolls/") -> list[str]:
    return [text_of(a) for a in page_soup.select("article a[href]") if a["href"].endswith(href_end)]


@pytest.mark.parametrize("root, name", [("", NAME), ("zh/", ZH_NAME)])
def test_it_has_a_card_a_routine_row_a_chart_row_and_a_tag_group(added, root, name):
    _, site = added
    home = soup(site, root)
    assert name in links_to_it(home), "no card on the home page"
    card = next(a for a in home.select(".grid.cards a") if a["href"].endswith("knee-rolls/")).find_parent("li")
    assert card.select_one("img")["src"].endswith("knee-rolls-move.png")

    routine = soup(site, root + "routine/")
    row = next(a for a in routine.select("table a") if a["href"].endswith("knee-rolls/")).find_parent("tr")
    assert re.search(r"\b5\b.*\b15\b", text_of(row)), text_of(row)

    chart = soup(site, root + "progress-chart/").select_one("table.leaflet-chart")
    row = next(th for th in chart.select("tbody th[scope=row]") if th.contents[0].strip() == name)
    assert "15" in text_of(row.find("small"))

    assert name in links_to_it(soup(site, root + "find-an-exercise/"))


@pytest.mark.parametrize("root, name", [("", NAME), ("zh/", ZH_NAME)])
def test_its_page_states_its_dose_and_the_size_of_its_photo(added, root, name):
    _, site = added
    page = soup(site, root + PAGE)
    steps = text_of(page.select_one(".tabbed-set"))
    assert "15" in steps and "[dose]" not in steps and "[hold]" not in steps
    photo = page.select_one('.leaflet-pictures img[src$="knee-rolls-move.png"]')
    assert (photo["width"], photo["height"], photo["loading"]) == ("480", "320", "lazy")
    plan = json.loads(page.select_one('script[type="application/ld+json"]').string)["mainEntity"]
    assert plan["@type"] == "ExercisePlan" and plan["name"] == name


@pytest.mark.parametrize("root, name", [("", NAME), ("zh/", ZH_NAME)])
def test_it_is_in_the_guided_session(added, root, name):
    _, site = added
    data = json.loads(soup(site, root + "session/").select_one("script#leaflet-routine").string)
    [exercise] = [e for e in data["exercises"] if e["id"] == "knee-rolls"]
    assert exercise["title"] == name and exercise["levels"]["beginner"]["target"] == 15


def test_it_is_in_the_sitemap_in_both_languages(added):
    _, site = added
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>[^<]*/exercises/knee-rolls/</loc>", sitemap)
    assert re.search(r"<loc>[^<]*/zh/exercises/knee-rolls/</loc>", sitemap)


@pytest.mark.parametrize("root, name", [("", NAME), ("zh/", ZH_NAME)])
def test_it_is_printed_with_the_leaflet(added, root, name):
    _, site = added
    print_page = soup(site, root + "print/")
    assert name in [text_of(h) for h in print_page.select("h1")]
    assert name in text_of(print_page.select_one(".leaflet-cover"))


def test_the_pdf_has_a_sheet_more_with_it_on(added, site_dir):
    _, site = added
    before, after = PdfReader(site_dir / PDF), PdfReader(site / PDF)
    assert len(after.pages) == len(before.pages) + 1
    assert any(NAME in page.extract_text() for page in after.pages)


@pytest.fixture(scope="module")
def added_url(added):
    with serve(added[1]) as url:
        yield url


@pytest.mark.parametrize("query", [NAME, ALIAS])
def test_search_finds_it_first_by_its_name_and_its_other_name(added_url, page, query):
    assert first_result(page, added_url, query) == PAGE


@pytest.mark.parametrize("query", [ZH_NAME, ZH_ALIAS])
def test_chinese_search_finds_it_first_by_its_name_and_its_other_name(added_url, browser, query):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    try:
        assert first_result(context.new_page(), added_url, query, **CHINESE) == "zh/" + PAGE
    finally:
        context.close()


def test_a_removed_exercise_leaves_no_trace(tmp_path_factory):
    project = copy_of_the_project(tmp_path_factory.mktemp("removed") / "project")
    docs = project / "docs"
    for path in [*(docs / "exercises").glob("waist-rotation*"), *(docs / "assets" / "pictures").glob("waist-rotation*")]:
        path.unlink()
    site = tmp_path_factory.mktemp("removed-site")
    with pytest.raises(BuildFailed) as refused:
        build(project, site)
    assert "`nav:` lists exercises/waist-rotation.md" in str(refused.value)
    config = project / "mkdocs.yml"
    config.write_text("".join(line for line in config.read_text(encoding="utf-8").splitlines(keepends=True)
                              if "exercises/waist-rotation.md" not in line), encoding="utf-8")
    build(project, site)
    traces = [str(path.relative_to(site)) for path in site.rglob("*")
              if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt")
              and re.search(r"waist-rotation|Waist rotation|转腰", path.read_text(encoding="utf-8"))]
    assert not traces
    assert not list(site.rglob("*waist-rotation*"))


def test_an_exercise_without_its_chinese_twin_is_refused(tmp_path_factory):
    project = copy_of_the_project(tmp_path_factory.mktemp("untwinned") / "project")
    (project / "docs" / "exercises" / "arch-bridge.zh.md").unlink()
    checked = subprocess.run([sys.executable, str(project / "scripts" / "check_pages.py")], cwd=project,
                             capture_output=True, text=True)
    assert checked.returncode == 1
    assert ("docs/exercises/arch-bridge.md: no Chinese page docs/exercises/arch-bridge.zh.md: "
            "add it, or remove this page") in checked.stdout
    site = tmp_path_factory.mktemp("untwinned-site")
    with pytest.raises(BuildFailed) as refused:
        build(project, site)
    assert "no Chinese page docs/exercises/arch-bridge.zh.md" in str(refused.value)
    assert not (site / "index.html").exists()
