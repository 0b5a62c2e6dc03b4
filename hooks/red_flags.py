"""MkDocs hook: the red-flag lists on "When to get help", from data.

The signs live in hooks/leaflet/red_flags.yml; leaflet/red_flags.py checks
them (every required sign present, in its tier, with words in every
language) and writes each tier's list where the page says
`[red flags: emergency]`, `[red flags: urgent]` or `[red flags: soon]`.
A problem stops the build with one line naming the file and the entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from mkdocs.exceptions import PluginError

from leaflet.data_files import stopping_with
from leaflet.languages import language_of_path
from leaflet.red_flags import DATA_FILE, RedFlag, expand, load

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# The page, in every language (when-to-get-help.md, when-to-get-help.zh.md).
PAGE = "when-to-get-help"

# Read once per build (mkdocs serve rereads it when you save).
_flags: list[RedFlag] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _flags
    with stopping_with(PluginError):
        _flags = load()
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    if src_uri.split(".")[0] != PAGE:
        return markdown
    with stopping_with(PluginError):
        return expand(markdown, _flags, language_of_path(src_uri), f"docs/{src_uri}")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # `make serve` rebuilds when the red flags change, as for a page.
    server.watch(str(DATA_FILE))
    return server
