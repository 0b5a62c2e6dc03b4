"""MkDocs hook: stop before anything is built, with one line that says
what to set, when site_url (SITE_URL) is not a usable web address (see
leaflet/site_url.py for why)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leaflet.site_url import site_url_problem


# First of all on_config handlers, before any plugin reads the address.
# MkDocs prints a PluginError as one line and exits with 1, no traceback.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problem = site_url_problem(config.site_url)
    if problem is not None:
        raise PluginError(problem)
    return config
