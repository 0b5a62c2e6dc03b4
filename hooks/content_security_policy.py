"""MkDocs hook: a Content-Security-Policy in every finished page (see
leaflet/csp.py for the policy and why it is a <meta> tag)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from leaflet.csp import with_policy

log = logging.getLogger("mkdocs.hooks.content_security_policy")

# `mkdocs serve` puts its live-reload script into each page as it sends it,
# with a new timestamp each time: no hash can allow it, so the pages it
# serves go without the policy. `mkdocs build` and `gh-deploy` write it.
_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


# Last of all: the hashes must be of each file's final text. The i18n plugin
# (-100) builds the other languages inside its own on_post_build, each of
# which writes its print page (print-site, 0), then hooks/site_languages.py
# rewrites it (-50) and the search indexes (-110). So this waits for the
# outermost build, when every language's every page is written.
@event_priority(-120)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if _command["name"] == "serve" or (i18n is not None and getattr(i18n, "building", False)):
        return
    for path in sorted(Path(config.site_dir).rglob("*.html")):
        try:
            html = with_policy(path.read_bytes().decode("utf-8"))
        except ValueError as error:
            # A warning, so --strict builds stop: a page without a policy
            # would run whatever script it holds.
            log.warning("%s: %s", path.relative_to(config.site_dir), error)
            continue
        path.write_bytes(html.encode("utf-8"))
