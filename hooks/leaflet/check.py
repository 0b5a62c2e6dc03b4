"""Check pages: one page's source, one page's rendered HTML, or a whole
docs folder. This is what the MkDocs hook and the command line share.

Never raises: a bug in a rule becomes a problem on the page it met, so a
build or a check run always ends with a list, never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Mapping, Optional

from . import front_matter, markdown_html
from .clinic import clinic_problems
from .dose_marks import check_dose_marks
from .exercise_count import report_exercise_counts
from .front_matter.errors import report_validation
from .heading_rules import check_headings
from .html_allowlist import check_allowed_html
from .html_rules import check_exercise_html
from .languages import DEFAULT, LANGUAGES, Language, language, language_of_path, path_in_language
from .limits import within_limits
from .markdown_lines import prose_lines
from .markdown_rules import check_exercise_body
from .front_matter.models import EXERCISE_ONLY, EXERCISE_PAGES, Page
from .nav_rules import check_nav, read_config, unlisted
from .front_matter.rules import report_card_picture, report_dates, report_exercise_only_fields, report_missing_pictures
from .placeholders import report_placeholders, without_noise
from .problems import ERROR, PageReport, Problem, in_order
from .readability import report_long_sentences, report_reading_grade
from .site_layout import PICTURES_FOLDER, is_exercise, source_pages


@dataclass(frozen=True)
class Site:
    """What the checks need to know beyond the page itself."""

    docs_dir: Path
    docs_shown_as: str  # how paths start in messages: "docs", as the editor typed it
    today: date
    picture_bytes: Mapping[str, int]  # each picture's file name -> its size

    @classmethod
    def at(cls, docs_dir: Path, docs_shown_as: str, today: Optional[date] = None) -> "Site":
        sizes = _file_sizes(docs_dir.joinpath(*PICTURES_FOLDER))
        return cls(docs_dir, docs_shown_as, today or date.today(), sizes)

    def shown(self, src_uri: str) -> str:
        return str(PurePosixPath(self.docs_shown_as, src_uri))

    @property
    def pictures_shown(self) -> str:
        return str(PurePosixPath(self.docs_shown_as, *PICTURES_FOLDER)) + "/"


def _file_sizes(folder: Path) -> dict[str, int]:
    """Each picture's size in bytes, listed once per run: a thousand pages
    need not stat a picture each."""
    try:
        return {entry.name: entry.stat().st_size for entry in os.scandir(folder) if entry.is_file()}
    except OSError:  # no pictures folder yet: every picture is reported missing
        return {}


def check_source(src_uri: str, data: bytes, site: Site) -> list[Problem]:
    """Front matter, body structure and plain language of one page, in the
    language of its file name (leaflet/languages.py)."""
    report = PageReport(site.shown(src_uri))
    _guarded(report, lambda: _check_source(src_uri, data, site, report))
    return report.problems


def unreadable(src_uri: str, error: OSError, site: Site) -> Problem:
    return Problem(site.shown(src_uri), None, ERROR, f"the file cannot be read ({error.strerror})")


def check_html(src_uri: str, html: str, site: Site, code: Optional[str] = None) -> list[Problem]:
    """The rendered page: raw HTML from the allow-list on every page, and
    the boxes and tabs readers get on exercise pages.
    code: the page's language, if the builder knows it; else its file name's."""
    report = PageReport(site.shown(src_uri))
    _guarded(report, lambda: _check_rendered(src_uri, html, lambda: _source_text(site, src_uri), report, code))
    return report.problems


def check_page(src_uri: str, data: bytes, site: Site) -> list[Problem]:
    """Everything, as a build would: the HTML checks run on pages whose
    source passed (otherwise they would repeat what the source checks said,
    and a page over the limits is never rendered)."""
    problems = check_source(src_uri, data, site)
    if any(p.severity == ERROR for p in problems):
        return in_order(problems)
    report = PageReport(site.shown(src_uri))
    text = decode_page(data, PageReport("")) or ""
    _guarded(
        report,
        lambda: _check_rendered(
            src_uri, markdown_html.render(front_matter.read(text, PageReport("")).body), lambda: text, report
        ),
    )
    return in_order(problems + report.problems)


def _check_rendered(
    src_uri: str, html: str, source: Callable[[], Optional[str]], report: PageReport, code: Optional[str] = None
) -> None:
    check_allowed_html(html, source, report)
    if is_exercise(src_uri):
        check_exercise_html(html, report, language(code or language_of_path(src_uri)))


def _source_text(site: Site, src_uri: str) -> Optional[str]:
    """The page's source, to point at the line of a problem found in its
    HTML (None if it cannot be read: the problem then has no line)."""
    try:
        return (site.docs_dir / src_uri).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def check_docs(site: Site, config_file: Optional[Path] = None) -> tuple[int, list[Problem]]:
    """Every page under the docs folder that a build reads: (pages checked,
    problems). config_file: the site's mkdocs.yml, whose `nav:` must list
    every page (none given or none there: not checked, as MkDocs then lists
    every page by itself)."""
    pages = source_pages(site.docs_dir)
    problems: list[Problem] = check_translations(pages, site)
    if config_file is not None and config_file.is_file():
        config_text = config_file.read_text(encoding="utf-8")
        settings = read_config(config_file)
        problems += check_site_nav(settings.get("nav"), pages, site, config_text, settings.get("not_in_nav"))
        extra = settings.get("extra")
        problems += clinic_problems(extra.get("clinic") if isinstance(extra, dict) else None, site.docs_dir, config_text)
    for src_uri in pages:
        try:
            data = (site.docs_dir / src_uri).read_bytes()
        except OSError as error:
            problems.append(unreadable(src_uri, error, site))
            continue
        problems += check_page(src_uri, data, site)
    return len(pages), in_order(problems)


def check_site_nav(
    nav: Optional[list], pages: list[str], site: Site, config_text: str, not_in_nav: Any = None
) -> list[Problem]:
    return check_nav(nav, pages, site.shown, site.docs_shown_as, config_text, unlisted(not_in_nav))


def check_translations(pages: list[str], site: Site) -> list[Problem]:
    """Every page in every language of the site: a page without its
    counterpart in another language is an error. The site's languages are
    those of leaflet/languages.py that have at least one page (a docs folder
    of English pages only is an English site)."""
    present = set(pages)
    codes = {language_of_path(src_uri) for src_uri in pages}
    problems = []
    for src_uri in pages:
        for code, other in LANGUAGES.items():
            counterpart = path_in_language(src_uri, code)
            if code in codes and counterpart not in present:
                problems.append(
                    Problem(
                        site.shown(src_uri),
                        None,
                        ERROR,
                        f"no {other.name} page {site.shown(counterpart)}: add it, or remove this page",
                    )
                )
        if is_exercise(src_uri) and language_of_path(src_uri) != DEFAULT:
            problems.extend(_twin_dose(src_uri, site))
    return problems


def _twin_dose(src_uri: str, site: Site) -> list[Problem]:
    """An exercise's `dose` is the same in every language: the routine, the
    chart and a guided session count the same numbers wherever they are
    read. The English page's is the one to copy."""
    english = path_in_language(src_uri, DEFAULT)
    try:
        ours = (site.docs_dir / src_uri).read_text(encoding="utf-8-sig")
        theirs = (site.docs_dir / english).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # the page's own checks report it
    mine, other = front_matter.values(ours).get("dose"), front_matter.values(theirs).get("dose")
    if mine is None or other is None or mine == other:
        return []
    line = next((n for n, text in enumerate(ours.split("\n"), start=1) if text.startswith("dose:")), None)
    return [Problem(site.shown(src_uri), line, ERROR, (
        f"'dose' differs from the one in {site.shown(english)}: an exercise's numbers are the same in every "
        "language, so copy its 'dose' block from there"
    ))]


def _language_of(src_uri: str) -> Language:
    return language(language_of_path(src_uri))


def _check_source(src_uri: str, data: bytes, site: Site, report: PageReport) -> None:
    text = decode_page(data, report)
    if text is None or not within_limits(text, len(data), report):
        return
    holes = report_placeholders(text, report)
    since = len(report.problems)
    _check_text(src_uri, text, site, report)
    report.problems = without_noise(report.problems, since, holes)


def _check_text(src_uri: str, text: str, site: Site, report: PageReport) -> None:
    exercise = is_exercise(src_uri)
    words = _language_of(src_uri)
    front = front_matter.read(text, report)
    if front.data is not None:
        fields = dict(front.data)
        if not exercise:
            report_exercise_only_fields(fields, front.lines, report)
            for name in EXERCISE_ONLY:
                fields.pop(name, None)
        report_validation(EXERCISE_PAGES[words.code] if exercise else Page, fields, front.lines, report)
        report_dates(fields, front.lines, site.today, report)
        if exercise:
            report_missing_pictures(fields, front.lines, site.picture_bytes, site.pictures_shown, report)
            report_card_picture(fields, front.lines, report)
    lines = prose_lines(front.body, front.body_line, report)
    check_headings(lines, report)
    check_dose_marks(lines, front.data, report, words, exercise)
    if exercise:
        check_exercise_body(lines, report, words)
    if words.flesch_kincaid:
        report_reading_grade(lines, report)
    if words.max_sentence_chars:
        report_long_sentences(lines, report, words.max_sentence_chars)
    report_exercise_counts(lines, front.data, front.lines, report)


def decode_page(data: bytes, report: PageReport) -> Optional[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.error(
            line,
            f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start} "
            "cannot be read; save the file with UTF-8 encoding",
        )
        return None
    # MkDocs reads pages in text mode, which turns \r\n and \r into \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guarded(report: PageReport, check: Callable[[], None]) -> None:
    try:
        check()
    except Exception as error:  # noqa: BLE001 - the one place a bug is turned into a problem
        report.error(
            None,
            f"internal checker error ({type(error).__name__}: {error}); "
            "please report it with this page attached",
        )
