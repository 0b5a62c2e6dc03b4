"""Blocks that exercise pages build from their front matter.

The front matter is the single place an editor writes an exercise's
position, dose, other names, pictures and references; these functions turn
it into Markdown, so what the reader sees, what search indexes and what the
checker validates can never disagree. Values are HTML-escaped because they
go into the page as text, never as markup.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Mapping

from leaflet.languages import ENGLISH, Language

# Pictures are drawn at this size (see scripts/draw_pictures.py); stating it
# on the <img> lets the browser reserve the space, so the page never jumps.
PICTURE_WIDTH = 480
PICTURE_HEIGHT = 320
# Marks the links that open a picture full size; the printed leaflet drops
# them (see unlink_pictures).
PICTURE_LINK_CLASS = "leaflet-picture-link"
_PICTURE_LINK = re.compile(
    r'<a\b[^>]*\bclass="' + PICTURE_LINK_CLASS + r'"[^>]*>(<img\b[^>]*>)</a>'
)


def _text(value: Any) -> str:
    """Front matter value as safe inline text (no markup, no Markdown links)."""
    return escape(str(value), quote=True).replace("[", "&#91;").replace("]", "&#93;")


def glance_markdown(meta: Mapping[str, Any], language: Language = ENGLISH) -> str:
    """The "At a glance" box: position, dose, what it helps, other names,
    labelled in the page's language (leaflet/languages.py)."""
    dose = meta.get("dose") or {}
    areas = meta.get("body_areas")
    if isinstance(areas, (list, tuple)):
        areas = [language.body_area(area) for area in areas]
    rows = [
        ("position", language.position(meta["position"]) if meta.get("position") else None),
        ("how_many", dose.get("how_many") if isinstance(dose, Mapping) else None),
        ("how_often", dose.get("how_often") if isinstance(dose, Mapping) else None),
        ("body_areas", _join(areas, language.list_separator)),
        ("aliases", _join(meta.get("aliases"), language.list_separator)),
    ]
    lines = [f'!!! glance "{language.glance}"', ""]
    for field, value in rows:
        if value:
            label = language.glance_labels[field] + language.label_end
            lines.append(f'    - <span class="leaflet-glance__label">{label}</span>{language.label_gap}{_text(value)}')
    return "\n".join(lines) + "\n"


def pictures_markdown(meta: Mapping[str, Any], pictures_url: str) -> str:
    """A row of figures, each opening larger on tap, with its caption."""
    pictures = meta.get("pictures") or []
    figures = []
    for picture in pictures:
        if not isinstance(picture, Mapping) or not picture.get("src"):
            continue
        src = pictures_url + str(picture["src"])
        # Each picture links to itself, so a tap opens it full size with no
        # lightbox script (which would cost pages their weight budget).
        figures.append(
            '<figure markdown="span">\n'
            f'  [![{_text(picture.get("alt", ""))}]({src})'
            f'{{ width="{PICTURE_WIDTH}" height="{PICTURE_HEIGHT}" }}]({src}){{ .{PICTURE_LINK_CLASS} }}\n'
            f'  <figcaption>{_text(picture.get("caption", ""))}</figcaption>\n'
            "</figure>"
        )
    if not figures:
        return ""
    return '<div class="leaflet-pictures" markdown>\n\n' + "\n\n".join(figures) + "\n\n</div>\n"


def references_markdown(meta: Mapping[str, Any], language: Language = ENGLISH) -> str:
    """The numbered reference list that closes every exercise page."""
    items = [
        f"{number}. [{_text(ref.get('title', ref.get('url')))}]({ref['url']})"
        for number, ref in enumerate(meta.get("references") or [], start=1)
        if isinstance(ref, Mapping) and ref.get("url")
    ]
    if not items:
        return ""
    return (
        f"## {language.references}\n\n"
        '<div class="leaflet-references" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"
    )


def unlink_pictures(html: str) -> str:
    """The pictures without their links: on paper a link is no use, and
    Chromium would write the printing server's address into the PDF."""
    return _PICTURE_LINK.sub(r"\1", html)


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
            return "".join(lines[:index]) + block + "\n" + "".join(lines[index:])
    return markdown.rstrip("\n") + "\n\n" + block


def _join(values: Any, separator: str = ", ") -> str:
    if isinstance(values, (list, tuple)):
        return separator.join(str(value) for value in values)
    return str(values) if values else ""


def derived_tags(meta: Mapping[str, Any], language: Language = ENGLISH) -> list[str]:
    """Tags that group exercises on "Find an exercise": where you do it and
    what it helps, taken from the fields the editor already wrote, in the
    page's language."""
    # Material prints tag names as they are, so they are escaped here.
    tags = []
    if meta.get("position"):
        tags.append(escape(language.position(meta["position"]).capitalize()))
    for area in meta.get("body_areas") or []:
        tags.append(escape(language.body_area(area).capitalize()))
    return tags


def exercise_markdown(
    markdown: str, meta: Mapping[str, Any], pictures_url: str, language: Language = ENGLISH
) -> str:
    """The exercise page's Markdown with its generated blocks in place."""
    block = glance_markdown(meta, language) + "\n" + pictures_markdown(meta, pictures_url)
    markdown = insert_before_first_section(markdown, block)
    references = references_markdown(meta, language)
    if references:
        markdown = markdown.rstrip("\n") + "\n\n" + references
    return markdown
