"""What a front matter text value may hold, beyond its length.

Every text field reaches a page, the navigation of every page or the
search index. Control characters (a NUL byte, an escape) have no business
there; bidirectional overrides can make a title read differently from what
it says; and a title of zero-width spaces looks blank. Web addresses are
parsed, never matched, so that only a real http(s) address with a host
becomes a link (leaflet/exercise_html.py writes it, escaped).

Each rule raises a pydantic error of type RULE whose message reads after
the field's name ("'title' shows nothing: ..."); front_matter/errors.py words it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from pydantic_core import PydanticCustomError

RULE = "leaflet_rule"

ALLOWED_CONTROLS = "\t\n\r"
# Characters that reorder the text around them on screen (Unicode's
# bidirectional embeddings, overrides and isolates).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that a font draws as nothing (fillers, the blank braille cell).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})

# Characters a web address written in a page never needs, and that could
# end a link or an attribute if anything pasted the address into markup.
# Parentheses stay allowed: real addresses have them (Wikipedia's, DOIs),
# and links are written as escaped HTML, never as Markdown's [text](url).
NOT_IN_ADDRESS = frozenset(" \"'<>`{}|\\^[]")
HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


def rule_error(message: str) -> PydanticCustomError:
    # The message goes in as context: a template would read braces in it.
    return PydanticCustomError(RULE, "{message}", {"message": message})


def _seen(character: str) -> bool:
    return not character.isspace() and character not in BLANK_LETTERS and (
        unicodedata.category(character) not in UNSEEN_CATEGORIES
    )


def forbidden_character(value: str) -> str | None:
    """Why value cannot be shown as text, or None."""
    for position, character in enumerate(value, start=1):
        if unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS:
            return f"contains the control character U+{ord(character):04X} (character {position}): delete it"
        if character in BIDI_CONTROLS:
            return (
                f"contains U+{ord(character):04X} (character {position}), which reorders the text on screen: "
                "delete it"
            )
    return None


def plain_text(value: str) -> str:
    problem = forbidden_character(value)
    if problem:
        raise rule_error(problem)
    if not any(_seen(character) for character in value):
        raise rule_error("shows nothing: write some visible text (spaces and invisible characters do not count)")
    return value


def web_address(value: str) -> str:
    """An absolute http or https address with a host, rebuilt from its parts."""
    problem = forbidden_character(value)
    if problem:
        raise rule_error(problem)
    bad = sorted({character for character in value if character in NOT_IN_ADDRESS or character.isspace()})
    if bad:
        shown = " ".join(repr(character) for character in bad)
        raise rule_error(
            f"cannot contain {shown}: a web address has no spaces, quotes or brackets "
            "(write a space as %20)"
        )
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise rule_error("must be a web address starting with https:// (or http://), e.g. https://www.nhs.uk/")
    if "@" in parts.netloc:
        raise rule_error("must not have a user name or password before the host ('@'): write https://host/path")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise rule_error("has a port that is not a number from 0 to 65535") from None
    if not parts.hostname or not HOST.fullmatch(parts.hostname):
        raise rule_error("has no valid host: write it as https://www.example.org/page")
    return urlunsplit(parts)
