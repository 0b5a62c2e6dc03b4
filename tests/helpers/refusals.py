"""What the leaflet says when it refuses something: one line that names
the file (and the entry) at fault, from a data file's check or from the
whole build."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from leaflet.languages import LANGUAGES
from local_site import BuildFailed, build_site


def refused_data(check: Callable[[Any, str, tuple[str, ...]], Any], data: Any, shown: str,
                 error: type[Exception]) -> str:
    """What check says, in one line, when it refuses data (read from the
    file shown, for every language)."""
    with pytest.raises(error) as refused:
        check(data, shown, tuple(LANGUAGES))
    message = str(refused.value)
    assert "\n" not in message, message
    return message


def failed_build(project: Path) -> str:
    """What `mkdocs build --strict` says when it refuses project (a copy of
    ours: helpers.project.copy_for_a_build); the site goes beside it."""
    with pytest.raises(BuildFailed) as failed:
        build_site(project.with_name("site"), config=project / "mkdocs.yml")
    return str(failed.value)


def line_naming(output: str, naming: str) -> str:
    """The one line of output that names naming (a file)."""
    lines = [line for line in output.splitlines() if naming in line]
    assert len(lines) == 1, output
    return lines[0]
