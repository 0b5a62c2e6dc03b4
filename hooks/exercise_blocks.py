"""MkDocs hook: exercise pages get their "At a glance" box, pictures,
references, tags and the doses in their steps from front matter (see
leaflet/exercise_html.py for why); the home page's cards, the routine and
the progress chart list every exercise page (leaflet/exercise_lists_html.py);
and every page's `aliases` become search keywords."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from leaflet import front_matter
from leaflet.exercise_list import exercises_in_order
from leaflet.exercise_lists_html import (
    CARDS_MARK,
    CHART_MARK,
    ROUTINE_MARK,
    Card,
    Exercise,
    card_of,
    exercise_cards_html,
    progress_chart_html,
    routine_markdown,
)
from leaflet import moving_pictures
from leaflet.languages import Language, of_page, path_in_language
from leaflet.pictures import pixel_size
from leaflet.exercise_html import derived_tags, exercise_markdown
from leaflet.site_layout import PICTURES_FOLDER, PICTURES_URL, is_exercise, page_name

# Exercise pages, and any other page that lists the words people call it by
# (`aliases`: the home page's "lumbago" or "pulled back muscle"), outrank
# pages that only mention those words; When to get help sets a higher boost
# of its own so symptom words still lead there.
EXERCISE_SEARCH_BOOST = 2
# The guided session (docs/session.md), which every exercise page links to.
SESSION_PAGE = "session/"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """A moving picture whose stills are gone (its exercise was taken out)
    is not published: it belongs to no page."""
    pictures = Path(config.docs_dir, *PICTURES_FOLDER)
    for moving in moving_pictures.read(pictures / moving_pictures.FOLDER):
        if all((pictures / still).is_file() for still in moving.frames):
            continue
        for name in moving.files:
            file = files.get_file_from_path("/".join((*PICTURES_FOLDER, moving_pictures.FOLDER, name)))
            if file is not None:
                files.remove(file)
    return files


def page_language(page: Page, config: MkDocsConfig) -> Language:
    return of_page(page, config.theme["language"])


# Before Material's tags plugin (-50) reads page.meta["tags"].
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    exercise = is_exercise(page.file.src_uri)
    if exercise or page.meta.get("aliases"):
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("boost", EXERCISE_SEARCH_BOOST)
    if not exercise:
        return with_exercise_lists(markdown, page, config, files)
    words = page_language(page, config)
    page.meta["tags"] = derived_tags(page.meta, words)
    # The blocks are raw HTML, which MkDocs does not rewrite as it does
    # Markdown links: the address is relative to the page's own URL.
    pictures_url = get_relative_url(PICTURES_URL, page.url)
    pictures = Path(config.docs_dir, *PICTURES_FOLDER)
    session_url = get_relative_url(words.root + SESSION_PAGE, page.url)
    moving = moving_pictures.for_page(page.meta, moving_pictures.read(pictures / moving_pictures.FOLDER))
    return exercise_markdown(
        markdown, page.meta, pictures_url, words, lambda src: pixel_size(pictures / src), session_url,
        moving_pictures.html(moving, page.meta, words),
    )


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A page with moving pictures loads their player and its stylesheet
    (the boxes' size, the button, print and dark scheme); other pages do
    not. The pictures themselves load only when the reader reaches them."""
    if moving_pictures.BOX not in output or "</head>" not in output:
        return output
    words = page_language(page, config)
    tags = moving_pictures.head_tags(
        get_relative_url(moving_pictures.STYLESHEET, page.url), get_relative_url(moving_pictures.SCRIPT, page.url), words
    )
    head_end = output.index("</head>")
    return output[:head_end] + tags + "\n" + output[head_end:]


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hand the page's other names to search as its keywords.

    Material's search weighs a page's `tags` far above its text, which is
    right for names people search by ("superman") and wrong for the body
    areas we tag exercises with ("hips" would match every standing
    exercise). The tags plugin has read the visible tags by now, so from
    here on `tags` carries only the aliases and the position ("lying face
    down"), for the search index.
    """
    keywords = list(page.meta.get("aliases") or [])
    if page.meta.get("position"):
        keywords.append(page_language(page, config).position(page.meta["position"]))
    page.meta["tags"] = keywords
    return html


# After Material's search (0) has indexed the keywords above.
@event_priority(-100)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Take the keywords back out of the page's front matter.

    The visible tags are already in the template context (the tags plugin
    put them there), and mkdocs-print-site-plugin would otherwise print the
    keywords, unescaped, above each page of the whole leaflet, where they
    also break its links to each page's title.
    """
    page.meta.pop("tags", None)
    return context


def exercises(page: Page, config: MkDocsConfig, files: Files, words: Language) -> list[Exercise]:
    """Every exercise, in order, as the page links to it, in the page's
    language (the English page where a twin is missing: the checker
    reports that)."""
    found = []
    for source in exercises_in_order(config.nav, [file.src_uri for file in files.documentation_pages()]):
        file = files.get_file_from_path(path_in_language(source, words.code)) or files.get_file_from_path(source)
        if file is None:
            continue
        meta = front_matter.values(file.content_string)
        found.append(Exercise(
            title=str(meta.get("title", "")),
            url=file.url_relative_to(page.file),
            meta=meta,
            id=page_name(source),
        ))
    return found


def with_exercise_lists(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Where a page says [exercise cards], [routine] or [progress chart] on
    a line of its own, that list of every exercise: a new exercise page
    appears in each with no other edit."""
    lines = markdown.split("\n")
    if not any(line.strip() in (CARDS_MARK, ROUTINE_MARK, CHART_MARK) for line in lines):
        return markdown
    words = page_language(page, config)
    listed = exercises(page, config, files, words)
    pictures = Path(config.docs_dir, *PICTURES_FOLDER)

    def card(exercise: Exercise) -> Card:
        picture, summary = card_of(exercise.meta)
        width, height = pixel_size(pictures / picture)
        return Card(
            exercise.title, exercise.url, get_relative_url(PICTURES_URL + picture, page.url), width, height, summary
        )

    blocks = {
        CARDS_MARK: lambda: exercise_cards_html([card(exercise) for exercise in listed]),
        ROUTINE_MARK: lambda: routine_markdown(listed, words),
        CHART_MARK: lambda: progress_chart_html(listed, words),
    }
    return "\n".join(blocks[line.strip()]() if line.strip() in blocks else line for line in lines)
