"""Split a page into front matter and body exactly as MkDocs does, and
read the YAML keeping the line of every key.

MkDocs silently drops front matter it cannot read (the page keeps the
`---` block as text and gets no meta), so everything MkDocs would drop is
an error here, with the line YAML complained about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml

from ..problems import PageReport
from ..wording import Loc, describe, subject_and_prefix

try:  # the loader MkDocs uses, so both read the same YAML the same way
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as Loader

# Copied from mkdocs/utils/meta.py (MkDocs 1.6): the checker must find the
# front matter exactly where MkDocs does, quirks included (the closing line
# needs a line break after it; `...` closes too).
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
OPENING = re.compile(r"-{3}[ \t]*\n")
CLOSING_LINE = re.compile(r"(?:\.{3}|-{3})[ \t]*")

YAML_FIRST_LINE = 2  # the line after the opening `---`
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

REQUIRED_SKETCH = (
    "front matter is required: start the file with a line '---', then lines "
    "'title: ...', 'description: ...', 'reviewed: 2026-11-24', "
    "'review_due: 2027-11-24' and 'responsible: Site editors', then a line '---' "
    "(templates/new-exercise.md shows a complete exercise page)"
)


@dataclass
class FrontMatter:
    """data is None when there is nothing to check field by field (no front
    matter, or front matter MkDocs would drop); the reason is reported."""

    data: Optional[dict]
    lines: dict[Loc, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


def read(text: str, report: PageReport) -> FrontMatter:
    match = MKDOCS_FRONT_MATTER.match(text)
    if match:
        body_line = text.count("\n", 0, match.end()) + 1
        return _parse(match.group(1), text[match.end() :], body_line, report)
    if OPENING.match(text):
        return _unclosed(text, report)
    report.error(1, REQUIRED_SKETCH)
    return FrontMatter(None, body=text, body_line=1)


def values(text: str) -> dict:
    """A page's front matter values, or {} when MkDocs would find none: for
    code that reads other pages (the home cards, the print cover, tests);
    the checker reports what is wrong with them."""
    return read(text, PageReport("")).data or {}


def _unclosed(text: str, report: PageReport) -> FrontMatter:
    """Front matter MkDocs does not recognise although it starts with ---."""
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if CLOSING_LINE.fullmatch(lines[i])), None)
    # MkDocs renders the whole file as the page then, so that is the body.
    if closing is None:
        report.error(1, "the front matter opened on line 1 is never closed: add a line '---' after the last field")
        return FrontMatter(None, body=text)
    if closing == len(lines) - 1:
        report.error(
            closing + 1,
            "MkDocs ignores front matter whose closing '---' is the last line of the file: "
            "add a line break and the page's text after it",
        )
        return FrontMatter(None, body=text)
    # `---` straight after `---`: nothing between them, so every required
    # field is missing; report each one.
    return FrontMatter({}, body="\n".join(lines[2:]), body_line=3)


def _parse(source: str, body: str, body_line: int, report: PageReport) -> FrontMatter:
    lines: dict[Loc, int] = {}
    loader = Loader(source)
    node = None
    try:
        node = loader.get_single_node()
        no_aliases = _walk(node, (), lines, report, seen=set())
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        report.error(_yaml_error_line(error), _yaml_error_message(error))
        return FrontMatter(None, body=body, body_line=body_line)
    except Exception as error:  # noqa: BLE001 - MkDocs drops the front matter on any exception too
        date_node = _impossible_date(node)
        if date_node is not None:
            report.error(
                date_node.start_mark.line + YAML_FIRST_LINE,
                f"{date_node.value} is not a real date ({error}), so MkDocs would drop all of the front matter",
            )
        else:
            report.error(1, f"the front matter cannot be read as YAML ({error}), so MkDocs would drop all of it")
        return FrontMatter(None, body=body, body_line=body_line)
    finally:
        loader.dispose()

    if data is None:  # only comments, or blank
        data = {}
    if not isinstance(data, dict):
        report.error(1, f"the front matter must be 'key: value' lines, not {describe(data)}")
        return FrontMatter(None, body=body, body_line=body_line)
    if not no_aliases:
        # An aliased value can be exponentially large once expanded, so it
        # is reported, never checked.
        return FrontMatter(None, lines, body, body_line)
    return FrontMatter(_plain(data), lines, body, body_line)


def _impossible_date(node: Any) -> Optional[yaml.ScalarNode]:
    """The first value YAML reads as a date but cannot make one of
    (2026-02-31): in practice what stops YAML without a line number."""
    found, stack, seen = [], [node], set()
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode) and current.tag == TIMESTAMP_TAG:
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(current)
            except ValueError:
                found.append(current)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return min(found, key=lambda scalar: scalar.start_mark.index, default=None)


def _yaml_error_line(error: yaml.MarkedYAMLError) -> int:
    # Running out of text ("found unexpected end of stream") is noticed at
    # the end; where the unfinished thing began is where to look.
    if error.context_mark and "end of stream" in (error.problem or ""):
        return error.context_mark.line + YAML_FIRST_LINE
    mark = error.problem_mark or error.context_mark
    return mark.line + YAML_FIRST_LINE if mark else 1


def _yaml_error_message(error: yaml.MarkedYAMLError) -> str:
    what = error.problem or "unreadable YAML"
    if error.context:
        what = f"{error.context}, {what}"
    return (
        f"the front matter is not valid YAML ({what}), so MkDocs would drop all of it: "
        "check the indentation, and put quotes around text that contains ': ' "
        "or starts with one of [ { * & ! % @ `"
    )


def _walk(node: Any, loc: Loc, lines: dict[Loc, int], report: PageReport, seen: set[int]) -> bool:
    """Record each key's and item's line, and report repeated keys. Stops
    at the first YAML alias, reports it and returns False."""
    if node is None:
        return True
    if id(node) in seen:
        # An alias node is its anchor's node, marked where the anchor is;
        # the key (or list) holding the alias is where the editor wrote it.
        where = loc[:-1] if loc and isinstance(loc[-1], int) else loc
        report.error(lines.get(where, 1), "YAML aliases (*name) are not allowed in front matter: write the value out in full")
        return False
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + YAML_FIRST_LINE
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None:
                if key in first_seen:
                    subject, prefix = subject_and_prefix(loc + (key,))
                    report.error(line, f"{prefix}{subject} appears twice (lines {first_seen[key]} and {line}): keep one")
                first_seen.setdefault(key, line)
                lines[loc + (key,)] = line
            if not _walk(value_node, loc + (key,), lines, report, seen):
                return False
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + YAML_FIRST_LINE
            if not _walk(item, loc + (index,), lines, report, seen):
                return False
    return True


def _plain(value: Any) -> Any:
    """Keys as text (YAML allows `1:` or `yes:`), and an empty value the
    same as no value, so `reviewed:` left blank reads "is required"."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
