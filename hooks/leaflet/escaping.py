"""The one door from front matter to HTML.

Material's templates print a page's front matter as HTML: the title in the
navigation, header, footer and search results, the `description` meta
tag, a nav `subtitle`, tag names. Some of them escape (`| e`), most do not;
plugins (tags, search, print-site) read the same values. Front matter is
plain text, so every text value is escaped here, once, before any plugin,
hook or template reads it, as a `markupsafe.Markup`: escaping that is
already done and known to be (`| e` and `markupsafe.escape` leave a Markup
as it is, so "Hips & knees" is never read out as "Hips &amp;amp; knees").

Code that needs the words themselves (schema.org data, which is JSON)
reads the plain copy kept before escaping (`plain_front_matter`).
"""

from __future__ import annotations

import copy
from typing import Any, MutableMapping

from markupsafe import Markup, escape

PLAIN_ATTRIBUTE = "plain_meta"


def as_html(value: Any) -> Any:
    """Every string in value, at any depth, as escaped HTML; dates,
    numbers and booleans as they are (they cannot hold markup)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [as_html(item) for item in value]
    if isinstance(value, dict):
        return {key: as_html(item) for key, item in value.items()}
    return value


def html_text(value: Any) -> Markup:
    """One value as HTML text: escaped unless it already is (a Markup)."""
    return escape(value if isinstance(value, str) else str(value))


def escape_front_matter(page: Any) -> None:
    """Keep a plain copy of the page's front matter, then escape it in
    place (other code holds the same dict)."""
    meta: MutableMapping[str, Any] = page.meta
    setattr(page, PLAIN_ATTRIBUTE, copy.deepcopy(dict(meta)))
    meta.update(as_html(dict(meta)))


def plain_front_matter(page: Any) -> dict[str, Any]:
    return getattr(page, PLAIN_ATTRIBUTE, None) or dict(page.meta)


def escape_title(page: Any) -> None:
    """The title the templates print, whatever its source (front matter,
    the nav in mkdocs.yml, the first heading, the file name)."""
    if page.title is not None:
        page.title = html_text(page.title)
