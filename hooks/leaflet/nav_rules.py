"""Every page in `nav:`, and nothing in `nav:` that is not a page.

mkdocs.yml's `nav:` gives the site's order, which is also the order of the
printed leaflet. A page left out of it builds but no reader can reach it
from the menu; MkDocs says so in general words. This says which line to add,
and where, for a page in any language (the twins follow their English page:
mkdocs-static-i18n builds each language from the same nav).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pathspec
import yaml

from .languages import DEFAULT, path_in_language
from .problems import ERROR, Problem
from .site_layout import EXERCISES_FOLDER, MARKDOWN_SUFFIXES, is_exercise

CONFIG_NAME = "mkdocs.yml"


def nav_pages(nav: Any) -> Iterator[str]:
    """The Markdown files a nav names, at any depth ("Title: page.md",
    "page.md", sections of either); links to other sites are not pages."""
    if isinstance(nav, str):
        if nav.lower().endswith(MARKDOWN_SUFFIXES) and "://" not in nav:
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def read_config(config_file: Path) -> dict:
    """A mkdocs.yml's settings as plain YAML ({} when it cannot be read):
    its !ENV and !!python tags read as nothing, which what is read here
    (the nav, plugin lists) never needs."""

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Tolerant)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def read_nav(config_file: Path) -> Optional[list]:
    """The `nav:` of a mkdocs.yml, or None when it has none (MkDocs then
    lists every page by itself) or cannot be read."""
    return read_config(config_file).get("nav")


def unlisted(not_in_nav: Any) -> Callable[[str], bool]:
    """Whether mkdocs.yml's `not_in_nav:` names a page: pages reached by a
    link only, such as the clinician's plan maker. It is gitignore-style
    lines ("/make-a-plan.md"), read as MkDocs reads them; a build passes
    them already read."""
    if isinstance(not_in_nav, str):
        not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(not_in_nav.splitlines())
    if not_in_nav is None or not hasattr(not_in_nav, "match_file"):
        return lambda page: False
    return not_in_nav.match_file


def check_nav(
    nav: Optional[list], pages: list[str], shown: Callable[[str], str], docs_name: str, config_text: str = "",
    is_unlisted: Callable[[str], bool] = lambda page: False,
) -> list[Problem]:
    """pages: every page MkDocs builds (src_uri); shown(src_uri): how a
    message names one; docs_name: the docs folder as messages name it;
    config_text: mkdocs.yml's text, to point at a nav line; is_unlisted:
    whether `not_in_nav:` names a page (unlisted)."""
    if not nav:
        return []
    listed = {path_in_language(page, DEFAULT) for page in nav_pages(nav)}
    present = {path_in_language(page, DEFAULT) for page in pages}
    problems = []
    for page in sorted(pages):
        if path_in_language(page, DEFAULT) not in listed and not is_unlisted(path_in_language(page, DEFAULT)):
            where = f"under '{EXERCISES_FOLDER.capitalize()}:'" if is_exercise(page) else "where it belongs"
            line = f"- {path_in_language(page, DEFAULT)}"
            problems.append(Problem(shown(page), None, ERROR, (
                f"the page is not in `nav:` in {CONFIG_NAME}, so no reader can reach it from the menu: "
                f"add the line '{line}' {where}"
            )))
    for page in sorted(listed - present):
        number = next((n for n, text in enumerate(config_text.split("\n"), start=1) if page in text), None)
        problems.append(Problem(CONFIG_NAME, number, ERROR, (
            f"`nav:` lists {page}, which is not a page in {docs_name}/: remove the line, "
            "or add the page"
        )))
    return problems
