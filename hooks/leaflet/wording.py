"""How messages name a place in the front matter and a value found there,
in words an editor (not a programmer) reads easily."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

Loc = tuple  # keys (str) and 0-based list positions (int), as pydantic reports them

TEXT_SHOWN = 40  # characters of a wrong value quoted back; enough to recognise it


def place(loc: Loc) -> str:
    """('pictures', 1, 'alt') -> "'pictures' item 2 'alt'"; nested keys as
    the editor writes them: ('dose', 'beginner') -> "'dose: beginner'"."""
    words: list[str] = []
    for part in loc:
        if isinstance(part, int):
            words.append(f"item {part + 1}")
        elif words and words[-1].endswith("'") and not words[-1].startswith("item"):
            words[-1] = f"{words[-1][:-1]}: {part}'"
        else:
            words.append(f"'{part}'")
    return " ".join(words)


def subject_and_prefix(loc: Loc) -> tuple[str, str]:
    """Split a location into what the message is about and where it is.

    ('dose', 'how_many') -> ("'how_many'", "in 'dose', "): the field is the
    subject, its parents the context. A list item stays whole:
    ('aliases', 2) -> ("'aliases' item 3", "").
    """
    if len(loc) > 1 and isinstance(loc[-1], str):
        return f"'{loc[-1]}'", f"in {place(loc[:-1])}, "
    return place(loc), ""


def one_of(choices: Iterable[str]) -> str:
    """('a', 'b', 'c') -> "'a', 'b' or 'c'"."""
    quoted = [f"'{choice}'" for choice in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def describe(value: Any) -> str:
    """A wrong value as the editor wrote it, for "must be X, not <this>"."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= TEXT_SHOWN else value[: TEXT_SHOWN - 1] + "…"
        return f"the text '{shown}'"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a block of 'key: value' lines"
    return f"a {type(value).__name__}"
