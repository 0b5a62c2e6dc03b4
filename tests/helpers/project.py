"""A copy of the project, to build a changed site without touching ours."""

from __future__ import annotations

import shutil
from pathlib import Path

from local_site import ROOT

SKIPPED = {".git", ".venv", ".lock-venv", "site", ".pytest_cache", ".hypothesis", "test-results",
           "screenshots", "node_modules"}


def copy_of_the_project(destination: Path) -> Path:
    """The project's files as a fresh checkout would have them."""
    shutil.copytree(ROOT, destination, ignore=lambda folder, names: [
        name for name in names
        if name == "__pycache__" or (Path(folder) == ROOT and name in SKIPPED)])
    return destination


def copy_for_a_build(destination: Path) -> Path:
    """What `mkdocs build` reads (docs, overrides, hooks, mkdocs.yml), copied
    to destination, to change before building it."""
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination
