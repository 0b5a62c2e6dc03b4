"""The pain rule, as data: how much ache is fine, when to do fewer, when
to stop. The same words on every page that gives it, in each language.

The words live in `pain_rule.yml` beside this module: a title and the rule
in every language of the site, and the guidance it comes from. `load()`
reads the file and refuses it, with one line naming the file, if a
language has no words or the words are not plain text.

hooks/pain_rule.py puts the rule on the pages in every build:

- `close_stop_box()` adds it as the last paragraph of an exercise page's
  "Stop if" box, so no exercise page can be without it;
- `expand()` writes it where another page says `[pain rule]` on a line of
  its own (indented as the paragraph should be). The pages in
  `MARKED_PAGES` must say it exactly once;
- `missing()` reads the rendered page and says what is wrong if the rule
  is not there, word for word (for an exercise page, at the close of its
  "Stop if" box), so the build stops, naming the page, whatever removed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import yaml

from .data_files import DataFileError
from .html_parts import html_text, squashed
from .html_rules import PAIN_RULE_CLASS, outline
from .languages import LANGUAGES, language
from .markdown_lines import TAB_WIDTH
from .markdown_rules import parse_box

DATA_FILE = Path(__file__).with_name("pain_rule.yml")
# What the build calls the file in its messages.
DATA_FILE_SHOWN = "hooks/leaflet/pain_rule.yml"

# Besides every exercise page: the pages (by name, in every language) that
# must show the rule, where they say `[pain rule]`.
MARKED_PAGES = ("routine",)

# The paragraph's class, for the stylesheets and the tests; the page checker
# does not count it as a Stop if box saying something (leaflet/html_rules.py).
CLASS = PAIN_RULE_CLASS

MARKER = re.compile(r"^(?P<indent>[ \t]*)\[pain rule\][ \t]*$", re.MULTILINE)
FIELDS = ("source", "title", "words")
# Plain text only: the words are written into Markdown as they are, and
# read back from the HTML to check every page has them.
MARKUP = re.compile(r"[*_`<>\[\]{}#\\|]")
PARAGRAPH = re.compile(r'<p class="' + CLASS + r'"[^>]*>(.*?)</p>', re.DOTALL)


class PainRuleError(DataFileError):
    """A problem with the pain rule's data, a marker or a page: one line,
    naming the file."""


@dataclass(frozen=True)
class PainRule:
    source: str
    title: Mapping[str, str]
    words: Mapping[str, str]

    def text(self, code: str) -> str:
        """The rule as a reader sees it: its title, then its words."""
        return self.title[code] + language(code).text["gap"] + self.words[code]

    def markdown(self, code: str, indent: str = "") -> str:
        """The rule as one Markdown paragraph, its title in bold."""
        gap = language(code).text["gap"]
        return f"{indent}**{self.title[code]}**{gap}{self.words[code]}\n{indent}{{: .{CLASS} }}"


def load(path: Path = DATA_FILE, shown: str = DATA_FILE_SHOWN,
         languages: Iterable[str] = tuple(LANGUAGES)) -> PainRule:
    """The pain rule in the file, checked."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PainRuleError(f"{shown}: cannot read it: {' '.join(str(error).split())}") from None
    return check(data, shown, tuple(languages))


def check(data: Any, shown: str, languages: tuple[str, ...]) -> PainRule:
    """The data as a PainRule, or PainRuleError for the first problem."""
    if not isinstance(data, Mapping):
        raise PainRuleError(f"{shown}: expected source, title and words, found {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - set(FIELDS))
    if unknown:
        raise PainRuleError(f"{shown}: unknown field '{unknown[0]}' (fields: {', '.join(FIELDS)})")
    source = data.get("source")
    if not isinstance(source, str) or not source.startswith("https://"):
        raise PainRuleError(f"{shown}: needs a source: the https:// address of the guidance the rule comes from")
    texts = {}
    for field in ("title", "words"):
        values = data.get(field)
        if not isinstance(values, Mapping):
            raise PainRuleError(f"{shown}: needs {field}, in each language ({', '.join(languages)})")
        texts[field] = {}
        for code in languages:
            value = values.get(code)
            if not isinstance(value, str) or not value.strip():
                raise PainRuleError(
                    f"{shown}: the pain rule has no {field} in '{code}' ({LANGUAGES[code].name}): "
                    "every page in that language would be without it"
                )
            if "\n\n" in value.strip():
                raise PainRuleError(f"{shown}: its {field} in '{code}' must be one paragraph")
            found = MARKUP.search(value)
            if found:
                raise PainRuleError(
                    f"{shown}: its {field} in '{code}' must be plain text, without '{found.group(0)}'"
                )
            texts[field][code] = " ".join(value.split())
    return PainRule(source=source, title=texts["title"], words=texts["words"])


def close_stop_box(markdown: str, rule: PainRule, code: str, page: str) -> str:
    """The exercise page with the rule as the last paragraph of its "Stop
    if" box (the box at the left margin, as the page checker requires)."""
    if MARKER.search(markdown):
        raise PainRuleError(
            f"{page}: remove [pain rule]: an exercise page gets the pain rule at the close of its "
            f'"{language(code).stop_if}" box by itself'
        )
    lines = markdown.split("\n")
    title = language(code).stop_if
    start = next(
        (index for index, line in enumerate(lines)
         if line.startswith("!!!") and (box := parse_box(line.rstrip())) and box.title == title),
        None,
    )
    if start is None:
        raise PainRuleError(f'{page}: no "{title}" box at the left margin to close with the pain rule')
    end = start + 1  # the box holds the blank lines and the lines indented under it
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= TAB_WIDTH):
        end += 1
    last = end
    while last > start + 1 and not lines[last - 1].strip():
        last -= 1
    paragraph = rule.markdown(code, " " * TAB_WIDTH).split("\n")
    return "\n".join(lines[:last] + [""] + paragraph + lines[last:])


def expand(markdown: str, rule: PainRule, code: str, page: str, required: bool = False) -> str:
    """The page with its `[pain rule]` line replaced by the rule. A page in
    MARKED_PAGES (required) must ask for it once; any page may ask once."""
    count = len(MARKER.findall(markdown))
    if count > 1 or (required and count != 1):
        raise PainRuleError(
            f"{page}: write [pain rule] once, on a line of its own, where the pain rule goes "
            f"(found it {count} times)"
        )
    return MARKER.sub(lambda m: "\n" + rule.markdown(code, m.group("indent")) + "\n", markdown)


def missing(html: str, rule: PainRule, code: str, exercise: bool) -> Optional[str]:
    """What is wrong if the rendered page does not show the rule word for
    word (an exercise page: at the close of its "Stop if" box); else None."""
    wanted = squashed(rule.text(code))
    shown = [squashed(html_text(paragraph)) for paragraph in PARAGRAPH.findall(html)]
    if wanted not in shown:
        return f"the pain rule is missing, or not word for word as in {DATA_FILE_SHOWN}"
    if exercise:
        title = language(code).stop_if
        boxes = [box for box in outline(html)[0] if "warning" in box.kinds and box.title == title]
        if not boxes or not squashed(boxes[0].text).endswith(wanted):
            return f'the pain rule is not at the close of the "{title}" box ({DATA_FILE_SHOWN})'
    return None


def _indent(line: str) -> int:
    expanded = line.expandtabs(TAB_WIDTH)
    return len(expanded) - len(expanded.lstrip(" "))

