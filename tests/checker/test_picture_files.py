"""Pictures of every kind an editor may bring (drawings in SVG, photos in
PNG, JPEG or WebP), each within its size budget, with its real size read
from the file."""

from __future__ import annotations

import struct
import zlib

from checker_support import TODAY

from leaflet.check import Site, check_docs
from leaflet.pictures import BUDGET_BYTES, PHOTO, pixel_size


def png(width: int, height: int, padding: int = 0) -> bytes:
    """A real PNG header (what the size is read from), then filler bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 8)) + b"\0" * padding


def test_the_size_comes_from_the_file(tmp_path):
    (tmp_path / "photo.png").write_bytes(png(1200, 900))
    assert pixel_size(tmp_path / "photo.png") == (1200, 900)
    assert pixel_size(tmp_path / "missing.png") == (480, 320)


def test_a_photo_over_its_budget_is_refused_on_its_line(docs, template_text):
    pictures = docs / "assets" / "pictures"
    (pictures / "knee-hug-photo.png").write_bytes(png(1200, 900, padding=BUDGET_BYTES[PHOTO] + 1))
    page = template_text.replace("exercise-name-move.svg", "knee-hug-photo.png")
    (docs / "exercises" / "knee-hug.md").write_text(page, encoding="utf-8")
    line = page.split("\n").index("  - src: knee-hug-photo.png") + 1
    _, problems = check_docs(Site.at(docs, "docs", TODAY))
    assert [str(p) for p in problems] == [
        f"docs/exercises/knee-hug.md:{line}: in 'pictures' item 2, knee-hug-photo.png is "
        f"{(pictures / 'knee-hug-photo.png').stat().st_size:,} bytes, over the 60,000 allowed for a photo: "
        "save it smaller (about 1200 pixels wide, JPEG or WebP quality 75)"
    ]


def test_a_photo_within_its_budget_passes(docs, template_text):
    (docs / "assets" / "pictures" / "knee-hug-photo.jpg").write_bytes(b"\xff\xd8" + b"\0" * 1000)
    page = template_text.replace("exercise-name-move.svg", "knee-hug-photo.jpg")
    (docs / "exercises" / "knee-hug.md").write_text(page, encoding="utf-8")
    assert check_docs(Site.at(docs, "docs", TODAY)) == (1, [])
