"""MkDocs hook: offline after the first visit (leaflet/offline_files.py).

`mkdocs build` writes sw.js at the site's root: this build's files by
language, and the worker that keeps them (leaflet/offline_worker.js).
Every page carries where it is (overrides/partials/offline.html, read by
javascripts/offline.js), so a site under /REPO/ and one at a domain's
root both work. `mkdocs serve` writes a worker that removes itself and
pages that do not ask for one: editors always see fresh pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from leaflet.offline_files import BUDGET_BYTES, RETIRING_WORKER, WORKER_FILE, language_files, sizes, worker

log = logging.getLogger("mkdocs.hooks.offline")

_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Whether the page asks for the copy (overrides/partials/offline.html):
    every page of a built site but the whole leaflet's print page, which
    is made to be printed, weighs the most, and is reached from pages
    that have asked already."""
    print_site = config.plugins.get("print-site")
    print_page = f"{print_site.config['print_page_basename']}.md" if print_site is not None else None
    context["offline_worker"] = _command["name"] != "serve" and page.file.src_uri != print_page
    return context


# Last of all, when every language is built (the i18n plugin builds the
# others inside its own on_post_build, -100), its search index written
# (-110) and every page has its Content-Security-Policy (-120): the list
# and the version are of the files as they are served.
@event_priority(-130)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site_dir = Path(config.site_dir)
    if _command["name"] == "serve":
        (site_dir / WORKER_FILE).write_text(RETIRING_WORKER, encoding="utf-8")
        return
    for code, total in sizes(site_dir, language_files(site_dir)).items():
        # Said, not enforced: a fork with more pages or photos keeps a
        # larger copy. The tests hold this leaflet to the budget.
        log.info("offline copy of '%s': %s bytes (budget %s)", code, f"{total:,}", f"{BUDGET_BYTES:,}")
    (site_dir / WORKER_FILE).write_text(worker(site_dir), encoding="utf-8")
