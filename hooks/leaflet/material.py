"""What Material for MkDocs itself has, for front matter that names it.

A page's `icon` is included into every page's navigation as a template
(`.icons/<name>.svg`): a name that does not exist stops the build with a
Jinja traceback naming no page, and a name with `..` in it could include
any template. So an icon name is a plain path of lowercase words, and it
must be one of the icons the installed Material ships.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .text_rules import rule_error

ICON_NAME = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)+")


@lru_cache(maxsize=1)
def icons_folder() -> Optional[Path]:
    """Material's icons, or None where Material is not installed (the
    command-line checker can run without it; then only the name's form
    is checked)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)), "templates", ".icons")
    return folder if folder.is_dir() else None


def existing_icon(value: str) -> str:
    if not ICON_NAME.fullmatch(value):
        raise rule_error("must be an icon name such as material/run: lowercase words joined by '/'")
    folder = icons_folder()
    if folder is not None and not folder.joinpath(*value.split("/")).with_suffix(".svg").is_file():
        raise rule_error(
            f"names no icon that Material has ({value}): pick one from "
            "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"
        )
    return value
