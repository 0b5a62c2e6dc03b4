""""Did you mean" for misspelt field names, tab labels and choices."""

from __future__ import annotations

import difflib
from typing import Iterable, Optional


def closest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The choice the editor most likely meant, or None.

    Case is ignored when comparing, so `beginner` still finds `Beginner`.
    """
    by_folded = {choice.casefold(): choice for choice in choices}
    matches = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None


def quoted_list(choices: Iterable[str]) -> str:
    return ", ".join(f"'{choice}'" for choice in choices)
