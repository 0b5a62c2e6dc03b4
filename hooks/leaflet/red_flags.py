"""The red flags on "When to get help", as data.

Every sign that means "get help" is one entry in `red_flags.yml` beside
this module: an id, a tier (emergency, urgent or soon), its words in every
language of the site and the guidance it comes from. `REQUIRED` names the
signs each tier must have (the content brief's lists). `load()` reads the
file and refuses it, with one line naming the file and the entry, if a
required sign is missing, sits in the wrong tier, or has no words in one of
the site's languages. `expand()` writes a tier's list where a page says
`[red flags: urgent]` on a line of its own (indented as the list should
be), in the page's language.

hooks/red_flags.py runs both in every build. To add a sign: add an entry
to red_flags.yml (words in English and Chinese, and its source, also listed
under the page's References); to make it one nobody may remove, add its id
to `REQUIRED`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from .data_files import DataFileError
from .languages import LANGUAGES

DATA_FILE = Path(__file__).with_name("red_flags.yml")
# What the build calls the file in its messages.
DATA_FILE_SHOWN = "hooks/leaflet/red_flags.yml"

# Most urgent first: the order of the boxes on the page.
TIERS = ("emergency", "urgent", "soon")

# The signs each tier must list (docs/../shared/content-brief.md, section 3).
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "emergency": (
        "both-legs",  # numbness, tingling or weakness, or pain, in both legs
        "one-leg-weakness",  # severe or worsening, foot drop
        "saddle-numbness",  # genitals, back passage, buttocks, inner thighs
        "wiping",  # changed feeling when wiping after the toilet
        "bladder-or-bowel",
        "sex",  # erection, ejaculation, feeling
        "chest-pain",
        "serious-fall-or-accident",
    ),
    "urgent": (
        "fever",
        "feeling-unwell",
        "recent-infection",
        "weight-loss",
        "lump-or-changed-shape",
        "pain-at-rest-or-night",
        "sneeze-cough-toilet",
        "between-shoulder-blades",
        "cancer",
        "weak-immune-system",  # chemotherapy, long-term steroid tablets, HIV
        "injecting-drugs",
        "weak-bones",
        "age",  # under 20 or over 50, new pain
    ),
    "soon": (
        "no-better-after-2-weeks",
        "below-the-knee",
        "stops-sleep-or-work",
    ),
}

# A page asks for a tier's list with this, alone on its line.
MARKER = re.compile(r"^(?P<indent>[ \t]*)\[red flags: (?P<tier>[^\]]*)\][ \t]*$", re.MULTILINE)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("id", "tier", "source", "words")


class RedFlagError(DataFileError):
    """A problem with the red-flag data or a marker: one line, naming the
    file and the entry."""


@dataclass(frozen=True)
class RedFlag:
    id: str
    tier: str
    source: str
    words: Mapping[str, str]


def load(path: Path = DATA_FILE, shown: str = DATA_FILE_SHOWN,
         languages: Iterable[str] = tuple(LANGUAGES)) -> list[RedFlag]:
    """Every red flag in the file, in its order, checked."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RedFlagError(f"{shown}: cannot read it: {' '.join(str(error).split())}") from None
    return check(data, shown, tuple(languages))


def check(data: Any, shown: str, languages: tuple[str, ...]) -> list[RedFlag]:
    """The entries as RedFlags, or RedFlagError for the first problem."""
    if not isinstance(data, list):
        raise RedFlagError(f"{shown}: expected a list of red flags (- id: ...), found {type(data).__name__}")
    flags: list[RedFlag] = []
    seen: dict[str, RedFlag] = {}
    for number, entry in enumerate(data, start=1):
        flag = _entry(entry, number, shown, languages)
        if flag.id in seen:
            raise RedFlagError(f"{shown}: entry '{flag.id}' appears twice: give each red flag its own id")
        seen[flag.id] = flag
        flags.append(flag)
    for tier, ids in REQUIRED.items():
        for flag_id in ids:
            if flag_id not in seen:
                raise RedFlagError(
                    f"{shown}: entry '{flag_id}' is missing: it is a required {tier} red flag "
                    f"(hooks/leaflet/red_flags.py, REQUIRED)"
                )
            if seen[flag_id].tier != tier:
                raise RedFlagError(
                    f"{shown}: entry '{flag_id}' is in tier '{seen[flag_id].tier}', but it must be in '{tier}'"
                )
    return flags


def _entry(entry: Any, number: int, shown: str, languages: tuple[str, ...]) -> RedFlag:
    if not isinstance(entry, Mapping):
        raise RedFlagError(f"{shown}: entry {number} is not a mapping (id, tier, source, words)")
    name = f"'{entry['id']}'" if isinstance(entry.get("id"), str) else f"{number}"
    unknown = sorted(set(map(str, entry)) - set(FIELDS))
    if unknown:
        raise RedFlagError(f"{shown}: entry {name} has an unknown field '{unknown[0]}' (fields: {', '.join(FIELDS)})")
    if not isinstance(entry.get("id"), str) or not ID.match(entry["id"]):
        raise RedFlagError(f"{shown}: entry {name} needs an id in lower case with hyphens, such as 'chest-pain'")
    if entry.get("tier") not in TIERS:
        raise RedFlagError(f"{shown}: entry {name} has tier {entry.get('tier')!r}: use one of {', '.join(TIERS)}")
    source = entry.get("source")
    if not isinstance(source, str) or not source.startswith("https://"):
        raise RedFlagError(f"{shown}: entry {name} needs a source: the https:// address of its guidance")
    words = entry.get("words")
    if not isinstance(words, Mapping):
        raise RedFlagError(f"{shown}: entry {name} needs words, one line in each language ({', '.join(languages)})")
    for code in languages:
        text = words.get(code)
        if not isinstance(text, str) or not text.strip():
            raise RedFlagError(f"{shown}: entry {name} has no words in '{code}' ({LANGUAGES[code].name})")
        if "\n" in text.strip():
            raise RedFlagError(f"{shown}: entry {name}: its '{code}' words must be one line")
    return RedFlag(id=entry["id"], tier=entry["tier"], source=source,
                   words={code: " ".join(str(text).split()) for code, text in words.items()})


def markdown_list(flags: Iterable[RedFlag], tier: str, language: str, indent: str = "") -> str:
    """A tier's red flags as a Markdown list, in one language."""
    return "\n".join(f"{indent}- {flag.words[language]}" for flag in flags if flag.tier == tier)


def expand(markdown: str, flags: list[RedFlag], language: str, page: str) -> str:
    """The page with each `[red flags: TIER]` line replaced by that tier's
    list. Every tier must be asked for exactly once."""
    asked = [match.group("tier") for match in MARKER.finditer(markdown)]
    for tier in asked:
        if tier not in TIERS:
            raise RedFlagError(f"{page}: [red flags: {tier}]: no such tier; use one of {', '.join(TIERS)}")
    for tier in TIERS:
        if asked.count(tier) != 1:
            raise RedFlagError(
                f"{page}: write [red flags: {tier}] once, on its own line, where the {tier} list goes "
                f"(found it {asked.count(tier)} times)"
            )
    return MARKER.sub(lambda m: markdown_list(flags, m.group("tier"), language, m.group("indent")), markdown)
