"""Hostile front matter, generated from the page models.

`leaves` walks the front matter models (hooks/leaflet/front_matter/models.py) down to
every value an editor can write, so a field added to the models later is
attacked without editing the tests. `PAYLOADS` are markup, Markdown and
template tricks that call `pwn()` if they ever run, or leave an element or
attribute marked `pwn` if they ever become live markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Annotated, Any, Iterator, NamedTuple, Optional, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

# Each at most 60 characters: the shortest limit of a free-text field that
# holds a whole payload (one alias) is 60.
PAYLOADS = [
    "<script>pwn()</script>",
    '"><img src=x onerror=pwn() class=pwn>',
    "'><svg/onload=pwn() class=pwn>",
    "</script><script>pwn()</script>",
    "[a](javascript:pwn())",
    "*a*{: onclick=pwn() .pwn }",
    "<a href=javascript:pwn() class=pwn>a</a>",
    "&lt;b class=pwn&gt;{{ 7*191 }}{% raw %}",
    "<style>.pwn{color:red}</style><x-pwn>",
    "![a](x){: onerror=pwn() .pwn}",
]
# Never on a page unless a payload ran as a template: 7*191.
TEMPLATE_RESULT = "1337"
FILLER = "and plain words to fill the field"


Loc = tuple
NO_LIMIT = 2_000  # a line's limit: no field can hold more anyway


class Leaf(NamedTuple):
    loc: Loc
    annotation: Any  # the value's type: str, a Literal, date, float...
    max_length: int


def leaves(model: type[BaseModel], loc: Loc = ()) -> Iterator[Leaf]:
    """Every value in the model: lists are entered at item 0, nested
    models field by field."""
    for name, field in model.model_fields.items():
        yield from _leaves(field.annotation, loc + (name,), _max_length(field.metadata))


def _leaves(annotation: Any, loc: Loc, limit: Optional[int]) -> Iterator[Leaf]:
    limit = min(filter(None, [limit, _max_length(_metadata(annotation))]), default=None)
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from leaves(annotation, loc)
    elif get_origin(annotation) is list:
        # The list's own limit counts items; an item's is its own.
        yield from _leaves(get_args(annotation)[0], loc + (0,), None)
    else:
        yield Leaf(loc, annotation, limit or NO_LIMIT)


def _metadata(annotation: Any) -> list:
    found = []
    while True:
        if get_origin(annotation) is Annotated:
            for meta in annotation.__metadata__:
                found += [meta] + list(getattr(meta, "metadata", ()))
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is Union and type(None) in get_args(annotation):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return found


def _max_length(metadata: list) -> Optional[int]:
    return min((m.max_length for m in metadata if getattr(m, "max_length", None)), default=None)


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) is Annotated:
        return _unwrap(get_args(annotation)[0])
    if get_origin(annotation) is Union:
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else annotation
    return annotation


def is_free_text(annotation: Any) -> bool:
    """Words an editor writes (not a choice, a date, a number or a flag)."""
    return annotation is str


def chunks(limit: int) -> list[str]:
    """The payloads joined into as few values as fit in `limit` characters."""
    values, current = [], ""
    for payload in PAYLOADS:
        joined = f"{current} {payload}" if current else payload
        if len(joined) <= limit:
            current = joined
        else:
            values.append(current)
            current = payload
    return values + [current]


def with_value(front: dict, loc: Loc, value: Any) -> dict:
    """A deep copy of front matter with value at loc (containers made as
    needed; a list item 0 replaces the list's first item)."""
    data = yaml.safe_load(yaml.safe_dump(front))
    holder: Any = data
    for part, following in zip(loc, loc[1:]):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            if not holder:
                holder.append(empty)
            holder = holder[0]
        else:
            if not isinstance(holder.get(part), type(empty)):
                holder[part] = empty
            holder = holder[part]
    last = loc[-1]
    if isinstance(last, int):
        if holder:
            holder[0] = value
        else:
            holder.append(value)
    else:
        holder[last] = value
    return data


FRONT_MATTER = re.compile(r"^---\n(.*?\n)---\n", re.S)


def split_page(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    assert match, "a page without front matter"
    return yaml.safe_load(match.group(1)), text[match.end():]


def join_page(front: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000) + "---\n" + body


class LiveMarkup(HTMLParser):
    """Elements and attributes that a payload made real: anything marked
    pwn, any event handler or javascript: link that calls pwn(), any
    script that does (JSON-LD and other data blocks aside, which must keep
    their < and > escaped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: Optional[str] = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "x-pwn":
            self.found.append("<x-pwn>")
        for name, value in attrs:
            value = value or ""
            if name == "class" and "pwn" in value.split():
                self.found.append(f'<{tag} class="{value}">')
            if (name.startswith("on") or value.lstrip().lower().startswith("javascript:")) and "pwn" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            self._escaped_twice(value)
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
        if tag == "style":
            self._script = "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._script = None

    def _escaped_twice(self, text: str) -> None:
        # Read once, a payload must read as written: "&lt;script" or "&amp;"
        # are a payload escaped twice (no payload holds either), which a
        # screen reader would read out as "ampersand l t".
        if "pwn" in text and ("&lt;script" in text or "&amp;" in text):
            self.found.append(f"escaped twice: {text.strip()[:60]!r}")

    def handle_data(self, data: str) -> None:
        if not self._script:
            self._escaped_twice(data)
        if self._script == "style" and "pwn" in data:
            self.found.append("<style> from a payload")
        elif self._script == "application/json":
            # Data the browser never runs (the guided session's routine):
            # its < and > are JSON escapes, so no value can end the element.
            if "<" in data or ">" in data:
                self.found.append(f"< or > in a JSON block: {data.strip()[:60]!r}")
        elif self._script and self._script != "application/ld+json" and "pwn()" in data:
            self.found.append(f"<script> running {data.strip()[:60]!r}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found
