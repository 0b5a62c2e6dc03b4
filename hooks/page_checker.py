"""MkDocs hook: a broken page stops the build, with every problem listed.

A thin adapter: the rules are in leaflet/ (plain Python, also run by
scripts/check_pages.py without building). Problems are `path:line: message`
lines; warnings go to MkDocs' log, where --strict counts them; errors
stop the build with one PluginError listing them all.

Sources are checked in on_files, before MkDocs reads any page: MkDocs
itself stops with a traceback on a file that is not UTF-8, and other hooks
would meet the broken front matter, so a broken source stops the build
there, as does a page without its counterpart in the site's other
language (docs/about.zh.md without docs/about.md). Otherwise the rendered
pages are checked as they are built, each in its language, and on_env
(before anything is written) stops the build if they failed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from leaflet.check import Site, check_html, check_site_nav, check_source, check_translations, unreadable
from leaflet.clinic import clinic_problems
from leaflet.problems import ERROR, Problem, errors, in_order

log = logging.getLogger("mkdocs.plugins.leaflet")

# MkDocs keeps a hook module loaded between builds (mkdocs serve), so the
# state of one build is reset in on_config.
_site: Site | None = None
_problems: list[Problem] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    project_root = os.path.dirname(os.path.abspath(config.config_file_path))
    shown_as = os.path.relpath(config.docs_dir, project_root).replace(os.sep, "/")
    _site = Site.at(Path(config.docs_dir), shown_as)
    _problems.clear()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    pages = files.documentation_pages()
    sources = sorted(file.src_uri for file in pages)
    _problems.extend(check_translations(sources, _site))
    config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    _problems.extend(check_site_nav(config.nav, sources, _site, config_text, config.not_in_nav))
    _problems.extend(clinic_problems(config.extra.get("clinic"), Path(config.docs_dir), config_text))
    for file in pages:
        try:
            data = file.content_bytes
        except OSError as error:
            _problems.append(unreadable(file.src_uri, error, _site))
            continue
        _collect(check_source(file.src_uri, data, _site))
    _stop_if_errors()
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # mkdocs-static-i18n gives each page its language as file.locale.
    _collect(check_html(page.file.src_uri, html, _site, getattr(page.file, "locale", None)))
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    _stop_if_errors()
    return env


def _collect(problems: list[Problem]) -> None:
    for problem in problems:
        if problem.severity == ERROR:
            _problems.append(problem)
        else:
            log.warning(str(problem))


def _stop_if_errors() -> None:
    found = in_order(errors(_problems))
    if found:
        raise PluginError(
            f"{len(found)} page problem{'s' if len(found) != 1 else ''} "
            "(python scripts/check_pages.py finds them without building):\n" + "\n".join(map(str, found))
        )

