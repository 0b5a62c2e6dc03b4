"""What each language's search index keeps: only what helps a reader find
a page. Every page loads its language's index with its first search, so
every byte of it counts against the page's weight budget
(tests/test_privacy_and_weight.py).

Material's search writes one entry for a page's top (its title and first
paragraphs) and one for each `##` section, and copies the page's keywords
(`tags`: the aliases and the position, hooks/exercise_blocks.py) into every
one of them. From that:

- the References sections go: titles of papers and guidelines ("Low back
  pain and sciatica in over 16s") are not what a reader looks for, and
  their words would pull searches for "sciatica" or "walking" onto every
  page that cites them. The section is known by its heading, the language's
  word for References (leaflet/languages.py), which every exercise page
  gets from leaflet/exercise_html.py and other pages write themselves;
- the keywords stay on the page's top entry only. Copies on its sections
  weigh bytes and find nothing the top entry does not: Material groups
  results by page and ranks a page by its best entry, and the top entry
  already ranks above its sections (Material doubles the score of a page's
  top entry);
- an exercise's "At a glance" box (leaflet/exercise_html.py) goes from the text:
  its other names and position are the keywords already, and a dose
  ("20 to 40 times") finds nothing;
- so does an exercise's "Common mistakes" box (written in each page's
  Markdown, titled as in MISTAKES_BOX): its fixes help a reader doing the
  exercise, not one looking for it;
- so does the list of sources on About this leaflet (the section titled as
  in SOURCES_SECTION): a References list in sentences, the section's own
  paragraphs stay;
- runs of spaces and line breaks, kept from the Markdown's indented lists,
  become one space (search splits words at any of them alike);
- a zero-width space next to another word break (a space, a Chinese comma
  or full stop, a tag, the start or end) goes: Material puts one between
  every two words jieba cut Chinese text into, punctuation included, and
  search splits words at the punctuation anyway. A third of the Chinese
  index's characters were these.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from .languages import Language

# Material's search puts a zero-width space between the words jieba cut a
# Chinese text into.
_ZERO_WIDTH_SPACE = "\u200b"


def plain_title(title: str) -> str:
    return title.replace(_ZERO_WIDTH_SPACE, "").strip()


def is_section(entry: Mapping[str, Any]) -> bool:
    return "#" in str(entry.get("location", ""))


_SPACES = re.compile(r"[ \t\r\n]{2,}")

# The section of docs/about.md (and about.zh.md) that lists the leaflet's
# sources, by language code: its lists go from the index.
SOURCES_SECTION = {"en": "Where the advice comes from", "zh": "建议来自哪里"}
_LISTS = re.compile(r"<(ul|ol)>.*?</\1>\s*", re.DOTALL)

# The title of the exercise pages' "Common mistakes" box, by language code
# (the pages write it: docs/exercises/*.md, templates/new-exercise*.md).
MISTAKES_BOX = {"en": "Common mistakes", "zh": "常见错误"}


def _glance_box(title: str) -> re.Pattern:
    """The At a glance box as Material's search writes it into a page's
    text: its title as a paragraph (the words cut apart by zero-width
    spaces in Chinese), then its list."""
    spaced = f"{_ZERO_WIDTH_SPACE}?".join(re.escape(char) for char in title)
    return re.compile(
        rf"<p>{_ZERO_WIDTH_SPACE}?{spaced}{_ZERO_WIDTH_SPACE}?</p>\s*<ul>.*?</ul>\s*", re.DOTALL
    )


def _spare_zero_width_spaces(separator: str) -> re.Pattern | None:
    """Zero-width spaces that split nothing the index's word separator
    (a character class, as in mkdocs.yml) does not split already."""
    found = re.fullmatch(r"\[(.*)\]\+", separator or "")
    if not found or not re.fullmatch(separator, _ZERO_WIDTH_SPACE):
        return None
    breaks = found.group(1)
    zwsp = _ZERO_WIDTH_SPACE
    return re.compile(rf"{zwsp}+(?=[{breaks}<]|$)|(?<=[{breaks}>]){zwsp}+|^{zwsp}+")


def trimmed(docs: Iterable[Mapping[str, Any]], words: Language, separator: str = "") -> list[dict]:
    """The entries of one language's index (leaflet/languages.py names
    the References heading and the At a glance box), without what helps
    nobody find a page. separator is the index's word separator
    (its config's `separator`)."""
    glance = _glance_box(words.glance)
    spare = _spare_zero_width_spaces(separator)
    mistakes = _glance_box(MISTAKES_BOX[words.code]) if words.code in MISTAKES_BOX else None
    kept = []
    for entry in docs:
        entry = dict(entry)
        if is_section(entry):
            if plain_title(str(entry.get("title", ""))) == words.references:
                continue
            entry.pop("tags", None)
            if plain_title(str(entry.get("title", ""))) == SOURCES_SECTION.get(words.code):
                entry["text"] = _LISTS.sub("", str(entry.get("text", "")))
        if isinstance(entry.get("text"), str):
            text = glance.sub("", entry["text"], count=1)
            if mistakes is not None:
                text = mistakes.sub("", text, count=1)
            entry["text"] = _SPACES.sub(" ", text)
        if spare is not None:
            for field in ("title", "text"):
                if isinstance(entry.get(field), str):
                    entry[field] = spare.sub("", entry[field])
        kept.append(entry)
    return kept
