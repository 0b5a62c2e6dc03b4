"""Blocks that exercise pages build from their front matter.

The front matter is the single place an editor writes an exercise's
position, dose, other names, pictures and references; these functions turn
it into the page, so what the reader sees, what search indexes and what the
checker validates can never disagree.

The blocks are raw HTML, not Markdown: Python-Markdown leaves a raw HTML
block as it is, so an editor's `*`, `{: onclick=...}` or `](javascript:...)`
in a caption stays text. Every value goes through `html_text`, which
escapes it unless the one door (leaflet/escaping.py) already has, and
every address is built from parsed parts.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping
from urllib.parse import quote, urlsplit, urlunsplit

from leaflet import doses
from leaflet.escaping import html_text
from leaflet.languages import ENGLISH, Language
from leaflet.pictures import DEFAULT_SIZE, PHOTO, kind

# Marks the links that open a picture full size; the printed leaflet drops
# them (see unlink_pictures).
PICTURE_LINK_CLASS = "leaflet-picture-link"
_PICTURE_LINK = re.compile(
    r'<a\b[^>]*\bclass="' + PICTURE_LINK_CLASS + r'"[^>]*>(<img\b[^>]*>)</a>'
)
# The moving pictures' boxes (leaflet/moving_pictures.py): paper cannot move.
_MOVING_PICTURES = re.compile(r'<div class="leaflet-movings">.*?</figure>\n</div>\n?', re.S)


def glance_html(meta: Mapping[str, Any], language: Language = ENGLISH) -> str:
    """The "At a glance" box: position, dose, what it helps, other names,
    labelled in the page's language (leaflet/languages.py), as the HTML
    that Python-Markdown's admonition extension writes."""
    dose = meta.get("dose") if isinstance(meta.get("dose"), Mapping) else {}
    areas = meta.get("body_areas")
    if isinstance(areas, (list, tuple)):
        areas = [language.body_area(area) for area in areas]
    rows = [
        ("position", language.position(meta["position"]) if meta.get("position") else None),
        ("how_many", doses.how_many(dose, language) if dose else None),
        ("how_often", doses.how_often(dose, language) if dose else None),
        ("body_areas", _join(areas, language.list_separator)),
        ("aliases", _join(meta.get("aliases"), language.list_separator)),
    ]
    items = [
        f'<li><span class="leaflet-glance__label">{html_text(language.glance_labels[field] + language.label_end)}'
        f"</span>{language.label_gap}{value}</li>"
        for field, value in ((field, _join_html(value)) for field, value in rows)
        if value
    ]
    return (
        '<div class="admonition glance">\n'
        f'<p class="admonition-title">{html_text(language.glance)}</p>\n'
        "<ul>\n" + "\n".join(items) + "\n</ul>\n</div>\n"
    )


def pictures_html(
    meta: Mapping[str, Any], pictures_url: str, size_of: Callable[[str], tuple[int, int]] = lambda src: DEFAULT_SIZE
) -> str:
    """A row of figures, each opening larger on tap, with its caption.
    size_of(src): the picture's (width, height), stated on the <img> so the
    browser reserves the space and the page never jumps."""
    figures = []
    for picture in meta.get("pictures") or []:
        if not isinstance(picture, Mapping) or not picture.get("src"):
            continue
        # The file name is checked to be plain (models.PICTURE_FILE); it is
        # quoted as a path all the same, never pasted.
        src = html_text(pictures_url + quote(str(picture["src"])))
        # Each picture links to itself, so a tap opens it full size with no
        # lightbox script (which would cost pages their weight budget).
        width, height = size_of(str(picture["src"]))
        # Photos weigh the most: they load as the reader reaches them.
        lazy = ' loading="lazy"' if kind(str(picture["src"])) == PHOTO else ""
        figures.append(
            "<figure>\n"
            f'<a class="{PICTURE_LINK_CLASS}" href="{src}"><img alt="{html_text(picture.get("alt", ""))}" '
            f'height="{height}"{lazy} src="{src}" width="{width}" /></a>\n'
            f'<figcaption>{html_text(picture.get("caption", ""))}</figcaption>\n'
            "</figure>"
        )
    if not figures:
        return ""
    return '<div class="leaflet-pictures">\n' + "\n".join(figures) + "\n</div>\n"


def safe_address(url: Any) -> str | None:
    """An http(s) address with a host, rebuilt from its parsed parts, or
    None. The checker refuses anything else (leaflet/text_rules.py); this
    is the second line, so that nothing unchecked becomes a link."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit(parts)


def references_markdown(meta: Mapping[str, Any], language: Language = ENGLISH) -> str:
    """The numbered reference list that closes every exercise page."""
    items = []
    for ref in meta.get("references") or []:
        address = safe_address(ref.get("url")) if isinstance(ref, Mapping) else None
        if address:
            title = ref.get("title") or address
            items.append(f'<li><a href="{html_text(address)}">{html_text(title)}</a></li>')
    if not items:
        return ""
    return (
        f"## {language.references}\n\n"
        '<div class="leaflet-references">\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>\n"
    )


def session_link_html(session_url: str, language: Language = ENGLISH) -> str:
    """The way from an exercise to today's guided session (docs/session.md);
    on screen only, since paper cannot run it."""
    return (
        f'<p class="leaflet-screen-only"><a class="md-button" href="{html_text(session_url)}">'
        f"{html_text(language.text['session_link'])}</a></p>\n"
    )


def unlink_pictures(html: str) -> str:
    """The pictures without their links: on paper a link is no use, and
    Chromium would write the printing server's address into the PDF. The
    moving pictures go too: on paper the stills show the movement."""
    return _PICTURE_LINK.sub(r"\1", _MOVING_PICTURES.sub("", html))


def insert_before_first_section(markdown: str, block: str) -> str:
    """Put block just before the first `## ` heading (or at the end).

    The lead paragraph (what the exercise is for) stays first; the box and
    the pictures follow it, before the steps.
    """
    lines = markdown.splitlines(keepends=True)
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            # Blank lines around it: a raw HTML block right after a
            # paragraph's last line would become part of that paragraph.
            return "".join(lines[:index]) + "\n" + block + "\n" + "".join(lines[index:])
    return markdown.rstrip("\n") + "\n\n" + block


def _join(values: Any, separator: str = ", ") -> Any:
    """A list's items as one run of HTML text; a single value as it is."""
    if isinstance(values, (list, tuple)):
        return html_text(separator).join(html_text(value) for value in values)
    return values


def _join_html(value: Any) -> str:
    return html_text(value) if value else ""


def derived_tags(meta: Mapping[str, Any], language: Language = ENGLISH) -> list[str]:
    """Tags that group exercises on "Find an exercise": where you do it and
    what it helps, taken from the fields the editor already wrote, in the
    page's language."""
    # Material prints tag names as they are, so they are HTML text.
    tags = []
    if meta.get("position"):
        tags.append(html_text(language.position(meta["position"]).capitalize()))
    for area in meta.get("body_areas") or []:
        tags.append(html_text(language.body_area(area).capitalize()))
    return tags


def exercise_markdown(
    markdown: str,
    meta: Mapping[str, Any],
    pictures_url: str,
    language: Language = ENGLISH,
    size_of: Callable[[str], tuple[int, int]] = lambda src: DEFAULT_SIZE,
    session_url: str | None = None,
    moving_html: str = "",
) -> str:
    """The exercise page's Markdown with its generated blocks in place,
    and its steps' [dose] and [hold] written from its dose. moving_html:
    the boxes of its moving pictures (leaflet/moving_pictures.py), shown
    after the stills."""
    dose = meta.get("dose")
    if isinstance(dose, Mapping):
        markdown = doses.with_doses(markdown, dose, language)
    block = glance_html(meta, language) + "\n" + pictures_html(meta, pictures_url, size_of)
    if moving_html:
        block += "\n" + moving_html
    if session_url:
        block += session_link_html(session_url, language)
    markdown = insert_before_first_section(markdown, block)
    references = references_markdown(meta, language)
    if references:
        markdown = markdown.rstrip("\n") + "\n\n" + references
    return markdown
