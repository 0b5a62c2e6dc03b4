"""MkDocs hook: the guided session and the progress chart's log get the
routine as data (leaflet/session_data.py).

Where a page says [guided session], [plan maker] or [your plan] on a line
of its own, the place its script fills in (leaflet/session_data.MARKS);
every page with `template: interactive.html` gets the
routine as a JSON block: each exercise in `nav:` order, with its doses,
pictures, steps and Stop if points, as its own page was built. That is
known only once every page's content is (MkDocs renders all pages'
Markdown before any template), so the data is added as the page's
template is filled in. The pages a clinician's plan is printed from (the
plan maker, and the patient's plan page, whose data the maker fetches for
the patient's language) also get the pain rule and When to get help's
opening with its red flags (leaflet/help_sheet.py), so the printed plan
carries them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from leaflet import moving_pictures
from leaflet.data_files import stopping_with
from leaflet.escaping import plain_front_matter
from leaflet.help_sheet import help_part
from leaflet.languages import LANGUAGES, of_page
from leaflet.pain_rule import PainRule
from leaflet.pain_rule import load as load_pain_rule
from leaflet.red_flags import RedFlag
from leaflet.red_flags import load as load_red_flags
from leaflet.pictures import pixel_size
from leaflet.session_data import (
    MARKS,
    PLAN_MAKER_MARK,
    PLAN_PAGE_MARK,
    SESSION_ROOT,
    SessionExercise,
    data_block,
    rebased,
    routine_data,
)
from leaflet.site_layout import PICTURES_FOLDER, PICTURES_URL, is_exercise, page_name, print_page_source

INTERACTIVE = "interactive.html"
# The pages the session, the chart and the plan pages link to, from the
# root of the page's language.
PAGES = {
    "help": "when-to-get-help/",
    "chart": "progress-chart/",
    "routine": "routine/",
    "session": "session/",
}
# The patient's plan page (docs/your-plan.md and its twin), where a plan
# link leads and whose data the routine page reads when it follows a plan.
PLAN_PAGE = "your-plan/"
# What the routine's and the chart's lists are written as
# (leaflet/exercise_lists_html.py).
PLAN_FOLLOWERS = ('class="leaflet-routine"', 'class="leaflet-chart"')


# The QR encoder the plan maker imports: copied from npm by `make vendor`
# (never committed), so a build run without make would ship a maker that
# cannot start.
QR_ENCODER = ("javascripts", "vendor", "lean-qr.mjs")
# A plan's printed sheets stand on their own on the fridge: the pages that
# print one (the maker, in the patient's language from the plan page) carry
# the pain rule and When to get help's red flags in their data.
PRINTS_A_PLAN = (MARKS[PLAN_MAKER_MARK], MARKS[PLAN_PAGE_MARK])

# The data files, read once per build (hooks/pain_rule.py and
# hooks/red_flags.py read them for their own pages).
_pain_rule: PainRule | None = None
_red_flags: list[RedFlag] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _pain_rule, _red_flags
    with stopping_with(PluginError):
        _pain_rule = load_pain_rule()
        _red_flags = load_red_flags()
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.split("\n")
    if any(line.strip() == PLAN_MAKER_MARK for line in lines) and files.get_file_from_path("/".join(QR_ENCODER)) is None:
        raise PluginError(f"docs/{'/'.join(QR_ENCODER)} is missing, which Make a plan needs: run `make vendor`")
    return "\n".join(MARKS.get(line.strip(), line) for line in lines)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # The routine, the chart and the session follow a clinician's plan, if
    # there is one (overrides/partials/plan-check.html); the whole printed
    # leaflet never.
    content = page.content or ""
    printed = page.file.src_uri == print_page_source(config)
    context["plan_follow"] = not printed and any(mark in content for mark in PLAN_FOLLOWERS)
    context["plan_check"] = context["plan_follow"] or (not printed and SESSION_ROOT in content)
    words = of_page(page, config.theme["language"])
    context["plan_page"] = get_relative_url(words.root + PLAN_PAGE, page.url)
    if str(page.meta.get("template") or "") != INTERACTIVE:
        return context
    pictures = Path(config.docs_dir, *PICTURES_FOLDER)
    every_moving = moving_pictures.read(pictures / moving_pictures.FOLDER)
    exercises = []
    for other in nav.pages:
        if not is_exercise(other.file.src_uri):
            continue
        meta = plain_front_matter(other)
        exercises.append(SessionExercise(
            id=page_name(other.file.src_uri),
            title=str(meta.get("title") or other.title or ""),
            url=other.file.url_relative_to(page.file),
            dose=meta.get("dose") or {},
            pictures=[picture_data(picture, pictures, page) for picture in meta.get("pictures") or []],
            html=rebased(other.content or "", other.url, page.url),
            moving=moving_pictures.session_data(moving_pictures.for_page(meta, every_moving), meta, words),
        ))
    links = {name: get_relative_url(words.root + path, page.url) for name, path in PAGES.items()}
    # The patient's plan page in every language of the site, for the
    # clinician's choice of the patient's language.
    links["plan"] = {
        code: get_relative_url(language.root + PLAN_PAGE, page.url) for code, language in LANGUAGES.items()
    }
    prints = any(root in content for root in PRINTS_A_PLAN)
    try:
        data = routine_data(exercises, words, links, pain_rule=_pain_rule if prints else None,
                            help_html=help_html(nav, words.root + PAGES["help"], page, words.code) if prints else None)
    except ValueError as problem:
        raise PluginError(str(problem)) from None
    page.content = (page.content or "") + data_block(data)
    return context


def help_html(nav: Navigation, url: str, page: Page, code: str) -> str:
    """When to get help's opening, with every red flag, as built (the page
    at `url`), its addresses made to work from `page`."""
    for other in nav.pages:
        if other.url == url:
            if other.content is None:
                return ""  # `mkdocs serve --dirty` left it unbuilt: no sheet in this preview
            with stopping_with(PluginError):
                part = help_part(other.content or "", _red_flags, code, f"docs/{other.file.src_uri}")
            return rebased(part, other.url, page.url)
    raise PluginError(f"docs/{page.file.src_uri}: a printed plan gives When to get help's red flags, but no page in the nav is at {url}")


def picture_data(picture: dict, folder: Path, page: Page) -> dict:
    width, height = pixel_size(folder / str(picture["src"]))
    return {
        "src": get_relative_url(PICTURES_URL + str(picture["src"]), page.url),
        "alt": str(picture.get("alt", "")),
        "width": width,
        "height": height,
    }
