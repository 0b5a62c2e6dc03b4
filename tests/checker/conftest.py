"""Fixtures for the page checker's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from checker_support import SVG, TEMPLATE, TEMPLATE_PICTURES

from leaflet.placeholders import fill_in


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """An empty docs folder with the template's pictures in place."""
    folder = tmp_path / "docs"
    (folder / "exercises").mkdir(parents=True)
    pictures = folder / "assets" / "pictures"
    pictures.mkdir(parents=True)
    for name in TEMPLATE_PICTURES:
        (pictures / name).write_text(SVG, encoding="utf-8")
    return folder


@pytest.fixture
def template_text() -> str:
    """The template as an editor leaves it: every placeholder written."""
    return fill_in(TEMPLATE.read_text(encoding="utf-8"))
