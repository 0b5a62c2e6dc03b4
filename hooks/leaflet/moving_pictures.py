"""The moving pictures: which an exercise page shows, and their words.

scripts/draw_pictures.py makes each movement from its poses as an SVG and
a stylesheet in docs/assets/pictures/moving/ (scripts/moving_pictures.py).
Each SVG names, on its root element, the still pictures it moves between
(data-frames), the version of the exercise it shows (data-level: beginner,
progressed, or empty for both) and the length of its loop (data-seconds).
A page shows a moving picture when it shows every one of those stills: the
stills own the moving pictures, so an exercise without poses has none, and
a page that drops a picture drops its movement too. The description a
screen reader hears is built from those stills' alt text, in the page's
language, and the hold the page's dose asks for.

The page holds only a box of the right size (so nothing moves when it
fills) and the description; javascripts/moving-pictures.js fetches the
picture when the reader reaches it, and adds its Play and Pause button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from markupsafe import Markup

from .doses import LEVELS
from .escaping import html_text
from .languages import Language

# docs/assets/pictures/moving/ (scripts/moving_pictures.py: MOVING).
FOLDER = "moving"
# An SVG and its stylesheet together, raw.
BUDGET_BYTES = 10_000
# The player and its stylesheet, from the site's root (docs/).
SCRIPT = "javascripts/moving-pictures.js"
STYLESHEET = "stylesheets/moving-pictures.css"
# What a page with a moving picture holds (and no other does).
BOX = 'class="leaflet-moving__frame"'
# The id of a moving picture's box in a page: this, then its name.
ID_PREFIX = "moving-"

_ROOT = re.compile(r"<svg\b[^>]*>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class MovingPicture:
    name: str  # file stem: NAME.svg and NAME.css
    frames: tuple[str, ...]  # the still pictures it moves between, in order
    level: str  # "beginner", "progressed" or "" for both
    seconds: float
    width: int
    height: int

    @property
    def files(self) -> tuple[str, str]:
        return f"{self.name}.svg", f"{self.name}.css"


def read(folder: Path) -> list[MovingPicture]:
    """Every moving picture in folder (docs/assets/pictures/moving/), by name."""
    found = []
    for path in sorted(folder.glob("*.svg")) if folder.is_dir() else []:
        root = _ROOT.search(path.read_text(encoding="utf-8"))
        values = dict(_ATTRIBUTE.findall(root.group(0))) if root else {}
        if not _NAME.match(path.stem) or "data-frames" not in values:
            continue
        found.append(MovingPicture(
            name=path.stem,
            frames=tuple(values["data-frames"].split()),
            level=values.get("data-level", ""),
            seconds=float(values.get("data-seconds", 0)),
            width=round(float(values.get("width", 480))),
            height=round(float(values.get("height", 320))),
        ))
    return found


def for_page(meta: Mapping[str, Any], every: Sequence[MovingPicture]) -> list[MovingPicture]:
    """The moving pictures of the page's stills, Beginner first."""
    shown = {str(picture.get("src")) for picture in meta.get("pictures") or [] if isinstance(picture, Mapping)}
    mine = [moving for moving in every if moving.frames and set(moving.frames) <= shown]
    return sorted(mine, key=lambda moving: (LEVELS.index(moving.level) if moving.level in LEVELS else -1, moving.name))


def description(moving: MovingPicture, meta: Mapping[str, Any], language: Language) -> str:
    """What the moving picture shows, in words: each position it moves
    through (its stills' alt text), the hold, and the way back."""
    words = language.text["moving"]
    alts = {str(p.get("src")): plain(p.get("alt", "")).strip() for p in meta.get("pictures") or [] if isinstance(p, Mapping)}
    dose = meta.get("dose") if isinstance(meta.get("dose"), Mapping) else {}
    level = dose.get(moving.level or LEVELS[0]) if isinstance(dose, Mapping) else None
    hold = level.get("hold_seconds") if isinstance(level, Mapping) else None
    parts = [words["describe_start"].format(alt=alts.get(moving.frames[0], ""))]
    for frame in moving.frames[1:]:
        parts.append(words["describe_then"].format(alt=alts.get(frame, "")))
        if hold:
            parts.append(words["describe_hold"].format(n=hold))
        parts.append(words["describe_back"])
    return language.text["gap"].join(parts)


def plain(value: Any) -> str:
    """Words as written: front matter reaches pages already escaped
    (leaflet/escaping.py), and html() escapes the description once."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def caption(moving: MovingPicture, language: Language) -> str:
    words = language.text["moving"]
    if moving.level in LEVELS:
        return words["caption_level"].format(level=language.tabs[LEVELS.index(moving.level)])
    return words["caption"]


def html(movings: Sequence[MovingPicture], meta: Mapping[str, Any], language: Language) -> str:
    """The boxes the moving pictures play in. Each is the size of its
    picture, which the player puts in place of the empty <svg>; the
    figcaption keeps room for the player's button. Hidden on paper."""
    if not movings:
        return ""
    figures = []
    for moving in movings:
        figures.append(
            '<figure class="leaflet-moving">\n'
            f'<div class="leaflet-moving__frame" id="{ID_PREFIX}{moving.name}" role="img" '
            f'aria-label="{html_text(description(moving, meta, language))}">'
            f'<svg viewBox="0 0 {moving.width} {moving.height}" width="{moving.width}" height="{moving.height}" '
            'aria-hidden="true"></svg></div>\n'
            f'<figcaption><span class="leaflet-moving__control"></span>'
            f'<span class="leaflet-moving__caption">{html_text(caption(moving, language))}</span></figcaption>\n'
            "</figure>"
        )
    return '<div class="leaflet-movings">\n' + "\n".join(figures) + "\n</div>\n"


def session_data(movings: Sequence[MovingPicture], meta: Mapping[str, Any], language: Language) -> list[dict]:
    """The moving pictures as the guided session draws them (session.js)."""
    return [
        {"name": moving.name, "level": moving.level, "width": moving.width, "height": moving.height,
         "alt": description(moving, meta, language), "caption": caption(moving, language)}
        for moving in movings
    ]


def head_tags(stylesheet_url: str, script_url: str, language: Language) -> str:
    """The player's stylesheet, and the player with its button's words in
    the page's language. Both are the site's own files, which the
    Content-Security-Policy allows."""
    words = language.text["moving"]
    return (
        f'<link rel="stylesheet" href="{html_text(stylesheet_url)}">\n'
        f'<script src="{html_text(script_url)}" data-play="{html_text(words["play"])}" '
        f'data-pause="{html_text(words["pause"])}" defer></script>'
    )
