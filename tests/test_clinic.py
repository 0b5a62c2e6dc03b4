"""The clinic that hands the leaflet out (mkdocs.yml: extra.clinic,
hooks/leaflet/clinic.py): absent, nothing changes; set, every page's footer
and every printed sheet say whom to call, in each language; a wrong setting
stops the build with one line naming mkdocs.yml, the line and the fix."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect
from pypdf import PdfReader

from helpers.axe import axe_now, describe
from helpers.html import soup
from helpers.pdf_text import in_pdf
from helpers.project import copy_for_a_build
from leaflet.check import Site, check_docs
from leaflet.clinic import LOGO_BUDGET_BYTES, Clinic, clinic_problems, footer_html, read_clinic
from leaflet.languages import CHINESE, ENGLISH
from local_site import ROOT, BuildFailed, build_site, serve
from site_pages import built_pages

CLINIC = {
    "name": "Riverside <b>Physio</b> & Rehab",
    "phone": "+44 20 7946 0958",
    "website": "https://clinic.example.org/back-pain",
    "logo": "assets/clinic-logo.svg",
}
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="32" viewBox="0 0 96 32">'
        '<rect width="96" height="32" rx="4" fill="#00695c"/></svg>')


def with_clinic(project: Path, clinic: dict) -> Path:
    """The project copy's mkdocs.yml with extra.clinic set as given."""
    config = project / "mkdocs.yml"
    block = yaml.safe_dump({"clinic": clinic}, allow_unicode=True, sort_keys=False)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "\nextra:\n", "\nextra:\n" + "".join(f"  {line}\n" for line in block.splitlines()), 1), encoding="utf-8")
    (project / "docs" / "assets" / "clinic-logo.svg").write_text(LOGO, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory) -> Path:
    project = copy_for_a_build(tmp_path_factory.mktemp("clinic-project"))
    site = tmp_path_factory.mktemp("clinic-site")
    build_site(site, config=with_clinic(project, CLINIC))
    return site


# --- Absent -----------------------------------------------------------------


def test_without_a_clinic_no_page_mentions_one(site_dir):
    assert read_clinic(None, ROOT / "docs") == (None, [])
    for path in built_pages(site_dir):
        html = (site_dir / path / "index.html" if path.endswith("/") or not path else site_dir / path).read_text(
            encoding="utf-8")
        assert "leaflet-clinic" not in html and ENGLISH.text["clinic_questions"].split("{")[0] not in html, path


# --- Set ----------------------------------------------------------------------


@pytest.mark.parametrize("root, words", [("", ENGLISH), ("zh/", CHINESE)], ids=["en", "zh"])
def test_every_page_names_the_clinic_with_its_number_and_website(clinic_site, root, words):
    pages = [path for path in built_pages(clinic_site, include_404=False)
             if path.startswith(root) and (root or not path.startswith("zh/"))]
    for path in pages:
        footer = soup(clinic_site, path).select_one(".leaflet-clinic")
        assert footer is not None, path
        text = footer.get_text(" ", strip=True)
        assert CLINIC["name"] in text, path  # as text: its markup is shown, never run
        assert footer.find("b") is None
        assert footer.find("a", href="tel:+442079460958").get_text() == CLINIC["phone"]
        assert footer.find("a", href=CLINIC["website"]).get_text() == "clinic.example.org/back-pain"
        logo = footer.find("img")
        assert (logo["alt"], logo["height"], logo["width"]) == ("", "40", "120")
        assert words.text["clinic_questions"].split("{")[0] in text


@pytest.mark.parametrize("path", ["exercises/arch-bridge/", "zh/routine/"])
def test_every_printed_sheet_says_whom_to_call(browser, clinic_site, path):
    words = CHINESE if path.startswith("zh/") else ENGLISH
    with serve(clinic_site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + path)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        context.close()
    line = words.text["clinic_questions"].format(name=CLINIC["name"], phone=CLINIC["phone"])
    for number, sheet in enumerate(pdf.pages, start=1):
        assert in_pdf(line, sheet.extract_text()), f"{path}: sheet {number} does not say {line!r}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_clinic_footer_has_no_axe_violations(browser, clinic_site, scheme):
    with serve(clinic_site) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        for path in ("", "zh/about/"):
            page.goto(url + path)
            expect(page.locator(".leaflet-clinic img")).to_be_visible()
            assert page.evaluate("() => document.querySelector('.leaflet-clinic img').naturalWidth") > 0
            violations = axe_now(page)
            assert not violations, f"{path or '/'}: {describe(violations)}"
        context.close()


def test_the_words_are_escaped_once_and_the_links_built_from_parsed_values():
    clinic = Clinic.model_validate({**CLINIC, "logo": None, "website": "HTTPS://Clinic.Example.org"})
    html = str(footer_html(clinic, ENGLISH))
    assert "Riverside &lt;b&gt;Physio&lt;/b&gt; &amp; Rehab" in html
    assert 'href="https://clinic.example.org/"' in html and ">clinic.example.org<" in html
    assert 'href="tel:+442079460958"' in html


# --- Wrong ------------------------------------------------------------------

WRONG = [
    ({"phone": "call reception"}, "phone", "is not a phone number"),
    ({"phone": "123"}, "phone", "is not a phone number"),
    ({"phone": "+44 20 7946 0958 0000 0000"}, "phone", "is not a phone number"),
    ({"website": "http://clinic.example.org/"}, "website", "is not an https:// address"),
    ({"website": "javascript:alert(1)"}, "website", "is not an https:// address"),
    ({"website": "https://"}, "website", "is not an https:// address"),
    ({"logo": "../secrets.svg"}, "logo", "is not a picture file in the docs folder"),
    ({"logo": "assets/logo.exe"}, "logo", "is not a picture file in the docs folder"),
    ({"logo": "assets/missing-logo.svg"}, "logo", "does not exist"),
    ({"logo": "assets/big-logo.svg"}, "logo", f"make it {LOGO_BUDGET_BYTES:,} bytes or less"),
    ({"name": "Riverside\nPhysio"}, "name", "must be one line of text"),
    ({"name": None}, "name", "'name' is required"),
    ({"phone_number": "020 7946 0958"}, "phone_number", "unknown setting 'phone_number'"),
]


@pytest.mark.parametrize("change, field, message", WRONG, ids=[f"{f}-{i}" for i, (_, f, _) in enumerate(WRONG)])
def test_a_wrong_setting_is_one_line_naming_the_line_and_the_fix(tmp_path, change, field, message):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "clinic-logo.svg").write_text(LOGO, encoding="utf-8")
    (tmp_path / "assets" / "big-logo.svg").write_text(LOGO + " " * LOGO_BUDGET_BYTES, encoding="utf-8")
    clinic = {key: value for key, value in {**CLINIC, **change}.items() if value is not None}
    config_text = "site_name: x\nextra:\n" + "".join(
        f"  {line}\n" for line in yaml.safe_dump({"clinic": clinic}, sort_keys=False).splitlines())
    [problem] = clinic_problems(clinic, tmp_path, config_text)
    assert message in problem.message and "\n" not in str(problem)
    assert problem.message.startswith(f"extra.clinic.{field}: ")
    lines = config_text.split("\n")
    if field in clinic:
        assert re.match(rf"\s+{field}:", lines[problem.line - 1]), (problem.line, config_text)
    else:  # a required field left out: the `clinic:` line
        assert lines[problem.line - 1].strip() == "clinic:"


def test_a_wrong_setting_stops_the_build_and_the_checker_with_that_line(tmp_path):
    project = copy_for_a_build(tmp_path / "project")
    config = with_clinic(project, {**CLINIC, "phone": "ring us"})
    number = config.read_text(encoding="utf-8").split("\n").index("    phone: ring us") + 1
    expected = f"mkdocs.yml:{number}: extra.clinic.phone: 'ring us' is not a phone number"
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path / "site", config=config)
    assert expected in str(failure.value) and "Traceback" not in str(failure.value)
    _, problems = check_docs(Site.at(project / "docs", "docs"), config)
    assert [str(problem) for problem in problems if "clinic" in str(problem)][0].startswith(expected)
    checker = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_pages.py"), str(project / "docs")],
                             capture_output=True, text=True)
    assert checker.returncode == 1 and expected in checker.stdout + checker.stderr
