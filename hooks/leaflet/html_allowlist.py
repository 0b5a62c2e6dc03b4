"""Raw HTML a page may carry: a short allow-list of tags and attributes.

Markdown lets an editor write HTML, and Python-Markdown passes it through
(the progress chart and the home cards need some). Checked on the rendered
page, so HTML made by Markdown syntax counts too (attr_list's
`{: onclick=... }`, a link to `javascript:`). The Content-Security-Policy
(hooks/content_security_policy.py) is the second line, not the first.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Callable, Optional

from .problems import PageReport

# What Python-Markdown, its extensions (tabs, boxes, tables, footnotes,
# emoji) and the leaflet's own pages write, and nothing that runs, loads
# another document or styles the page (<style>, style="...").
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark ol p pre s small span strong "
    "sub summary sup table tbody td tfoot th thead time tr u ul svg path".split()
)
EVERYWHERE = frozenset("class id title lang dir role tabindex".split())
ALLOWED_ATTRIBUTES = {
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    # Material's search leaves out what is so marked (the printed QR codes'
    # addresses, hooks/qr_codes.py).
    "figure": {"data-search-exclude"},
    "input": {"type", "name", "checked", "disabled"},
    "label": {"for"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    # The progress chart's rows name their exercise and time of day for the
    # log (leaflet/exercise_lists_html.py): plain text, never run.
    "tr": {"data-exercise", "data-time"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
    "div": {"data-tabs"},  # pymdownx.tabbed
    "svg": {"viewbox", "xmlns", "width", "height", "focusable"},
    "path": {"d"},
}
INPUT_TYPES = frozenset({"radio", "checkbox"})  # tabs, task lists
ADDRESS_ATTRIBUTES = frozenset({"href", "src"})
# Relative addresses and these schemes; javascript:, data:, vbscript: and
# the rest are refused.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop these anywhere in an address ("java\tscript:" runs).
IGNORED_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]")


def address_scheme_allowed(value: str) -> bool:
    found = SCHEME.match(IGNORED_IN_ADDRESS.sub("", value).lower())
    return found is None or found.group(1) in ALLOWED_SCHEMES


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, where to look in the source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.found.append((f"the HTML tag <{tag}> is not allowed in a page", f"<{tag}"))
            return
        for name, value in attrs:
            if name.startswith("aria-") or name in EVERYWHERE or name in ALLOWED_ATTRIBUTES.get(tag, ()):
                if name in ADDRESS_ATTRIBUTES and value and not address_scheme_allowed(value):
                    self.found.append(
                        (f"the link {name}=\"{value[:40]}\" on <{tag}> is not allowed: only web addresses "
                         "(https://...) and links to the leaflet's own pages", value)
                    )
                elif tag == "input" and name == "type" and (value or "").lower() not in INPUT_TYPES:
                    self.found.append((f'<input type="{value}"> is not allowed in a page', "<input"))
                continue
            self.found.append((f"the attribute {name}= on <{tag}> is not allowed in a page", name))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)


def check_allowed_html(html: str, source: Callable[[], Optional[str]], report: PageReport) -> None:
    """Report every tag and attribute outside the allow-list, at the first
    line of the page's source that mentions it (where the editor can fix
    it). source() gives that text; it is read only when there is a problem,
    so a build does not read every page twice."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    if not finder.found:
        return
    text = source()
    seen = set()
    for message, needle in finder.found:
        if message in seen:
            continue
        seen.add(message)
        report.error(
            _line_of(text, needle),
            f"{message} (allowed: the tags and attributes Markdown writes, listed in "
            "hooks/leaflet/html_allowlist.py): remove it",
        )


def _line_of(source: Optional[str], needle: str) -> Optional[int]:
    if not source:
        return None
    folded = needle.lower()
    for number, line in enumerate(source.split("\n"), start=1):
        if folded in line.lower():
            return number
    return None
