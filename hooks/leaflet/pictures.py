"""The pictures an exercise page shows: drawings (SVG, from
scripts/draw_pictures.py or the editor's own) and photos (PNG, JPEG or
WebP, such as the clinic's physiotherapist showing the exercise).

Each kind has a size budget, so no page gets heavy; the browser is told
each picture's width and height, read from its file, so nothing shifts
as it loads; photos load lazily (they weigh the most and are rarely all
on the first screen); and only drawings are inverted in the dark scheme
(docs/stylesheets/leaflet.css), never photographs.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Optional

import imagesize

DRAWING = "drawing"
PHOTO = "photo"
KINDS = {".svg": DRAWING, ".png": PHOTO, ".jpg": PHOTO, ".jpeg": PHOTO, ".webp": PHOTO}
BUDGET_BYTES = {DRAWING: 15_000, PHOTO: 60_000}
# A drawing of scripts/draw_pictures.py, when a file gives no size.
DEFAULT_SIZE = (480, 320)


def kind(name: str) -> Optional[str]:
    return KINDS.get(PurePosixPath(name).suffix.lower())


def pixel_size(path) -> tuple[int, int]:
    """(width, height) from the file's header; the drawings' size when the
    file does not say (an SVG with only a viewBox, say)."""
    try:
        width, height = imagesize.get(str(path))
    except (OSError, ValueError):
        return DEFAULT_SIZE
    if width is None or height is None or width <= 0 or height <= 0:
        return DEFAULT_SIZE
    return round(width), round(height)
