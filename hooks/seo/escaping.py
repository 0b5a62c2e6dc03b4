"""Page titles and descriptions as HTML-escaped text.

Material's templates print a page's title (in the navigation, the header,
the footer links, tag listings, search results) and its `description`
meta tag without escaping them: they take them to be HTML already. Its
search shows a page's `tags` (our exercises' other names, see
exercise_blocks.py) in the results as HTML too. Front matter is plain
text, so a title such as "Hips & knees" or one holding "<script>" must be
escaped once, before any template or the search index sees it. After
`escape_page_text`, `page.title` and the page's `title`, `description`
and `tags` are HTML; templates print them as they are.
"""

from __future__ import annotations

from html import escape
from typing import Any, MutableMapping

ESCAPED_FIELDS = ("title", "description", "tags")


def escape_text(value: Any) -> Any:
    """A string as HTML text (quotes too, for attributes), each string of a
    list likewise; other values as they are."""
    if isinstance(value, str):
        return escape(value, quote=True)
    if isinstance(value, list):
        return [escape_text(item) for item in value]
    return value


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape the front matter fields that Material prints unescaped."""
    for field in ESCAPED_FIELDS:
        if field in meta:
            meta[field] = escape_text(meta[field])


def escape_page_text(page) -> None:
    """Escape a page's title and front matter text, whatever the title's source
    (front matter, the nav in mkdocs.yml, the first heading, the file name)."""
    title = page.title
    escape_meta(page.meta)
    if title is not None:
        page.title = escape_text(title)
