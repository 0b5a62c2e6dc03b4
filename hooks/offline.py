"""MkDocs hook: offline after the first visit (leaflet/offline_files.py).

`mkdocs build` writes sw.js at the site's root: this build's id, each
language's files and version, and the worker that keeps them
(leaflet/offline_worker.js). Every page carries where the worker is and
its own build's id (overrides/partials/offline.html, read by
javascripts/offline.js), so a site under /REPO/ and one at a domain's root
both work, and a page knows when a newer build has taken over.
`mkdocs serve` writes a worker that removes itself, and its pages ask for
none: editors always see fresh pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from leaflet.offline_files import (BUDGET_BYTES, RETIRING_WORKER, WORKER_FILE, language_files, sizes,
                                   source_version, worker)
from leaflet.site_layout import print_page_source

log = logging.getLogger("mkdocs.hooks.offline")

_state = {"command": "build", "build": ""}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The build's id, from everything the pages are made from."""
    sources = [Path(config.docs_dir), Path(config.config_file_path)]
    sources += [Path(module.__file__).parent for module in (config.hooks or {}).values()]
    if config.theme.custom_dir:
        sources.append(Path(config.theme.custom_dir))
    _state["build"] = source_version(sources)
    return config


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Whether the page asks for the copy (overrides/partials/offline.html):
    every page of a built site but the whole leaflet's print page, which
    is made to be printed, weighs the most, and is reached from pages
    that have asked already."""
    wanted = _state["command"] != "serve" and page.file.src_uri != print_page_source(config)
    context["offline_build"] = _state["build"] if wanted else None
    return context


# Last of all, when every language is built (the i18n plugin builds the
# others inside its own on_post_build, -100), its search index written
# (-110) and every page has its Content-Security-Policy (-120): the list
# and the versions are of the files as they are served.
@event_priority(-130)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site_dir = Path(config.site_dir)
    if _state["command"] == "serve":
        (site_dir / WORKER_FILE).write_text(RETIRING_WORKER, encoding="utf-8")
        return
    files = language_files(site_dir)
    for code, total in sizes(site_dir, files).items():
        # Said, not enforced: a fork with more pages or photos keeps a
        # larger copy. The tests hold this leaflet to the budget.
        log.info("offline copy of '%s': %s bytes (budget %s)", code, f"{total:,}", f"{BUDGET_BYTES:,}")
    (site_dir / WORKER_FILE).write_text(worker(site_dir, _state["build"], files), encoding="utf-8")
