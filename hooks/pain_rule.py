"""MkDocs hook: the pain rule on every page that must give it, from data.

The words live in hooks/leaflet/pain_rule.yml (a title and the rule, in
every language); leaflet/pain_rule.py checks them and writes them in:

- at the close of every exercise page's "Stop if" box, by itself;
- where another page says `[pain rule]` on a line of its own (your daily
  routine must: leaflet/pain_rule.py, MARKED_PAGES).

Then each rendered page is read back: an exercise page or a marked page
without the rule, word for word, stops the build with one line naming the
page. The printed leaflet is made from these pages, so it has the rule too.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Callable

from mkdocs.exceptions import PluginError

from leaflet.data_files import stopping_with
from leaflet.languages import DEFAULT, language_of_path, path_in_language
from leaflet.pain_rule import (
    DATA_FILE, MARKED_PAGES, PainRule, close_stop_box, expand, load, missing,
)
from leaflet.site_layout import is_exercise

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Read once per build (mkdocs serve rereads it when you save).
_rule: PainRule | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _rule
    with stopping_with(PluginError):
        _rule = load()
    return config


def _marked(src_uri: str) -> bool:
    """One of MARKED_PAGES, in any language ("routine.zh.md" too)."""
    return str(PurePosixPath(path_in_language(src_uri, DEFAULT)).with_suffix("")) in MARKED_PAGES


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    code, shown = language_of_path(src_uri), f"docs/{src_uri}"
    with stopping_with(PluginError):
        if is_exercise(src_uri):
            return close_stop_box(markdown, _rule, code, shown)
        return expand(markdown, _rule, code, shown, required=_marked(src_uri))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    exercise = is_exercise(src_uri)
    if exercise or _marked(src_uri):
        problem = missing(html, _rule, language_of_path(src_uri), exercise)
        if problem:
            raise PluginError(f"docs/{src_uri}: {problem}")
    return html


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # `make serve` rebuilds when the pain rule changes, as for a page.
    server.watch(str(DATA_FILE))
    return server
