"""A Content-Security-Policy for one finished HTML page, as <meta> tags.

GitHub Pages cannot send headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> in each page's head. Scripts
and stylesheets must come from the site itself; the few inline <script>
and <style> blocks that the theme, plugins and our templates write (the
check for a clinician's plan must run before the page is drawn) are
allowed by the SHA-256 hash of their exact text, so a script that
reaches a page any other way (an editor's HTML, an event handler
attribute, a theme update that adds one) does not run. The hashes are of the page as it is served,
which is why this runs on the finished files, not on templates.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Material's stylesheet draws its icons as data: SVGs (mask-image, which
# img-src governs). Search runs in a Web Worker from the site's own files:
# worker-src falls back to script-src, and its fetch of the index to
# default-src.
FIXED_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# A reader's health questions are their own: the pages they came from are
# not told to the sites the leaflet links to.
REFERRER_POLICY = "no-referrer"

# <script type> values a browser runs (the HTML standard's JavaScript MIME
# type essences, and modules); any other type is data, such as JSON-LD or
# Material's __config, and is never run, so it needs no hash.
_JAVASCRIPT_TYPES = {
    "", "module", "application/ecmascript", "application/javascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript", "text/javascript1.0", "text/javascript1.1",
    "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}

_OUR_META = re.compile(r'\n<meta (?:http-equiv="Content-Security-Policy"|name="referrer") content="[^"]*">')
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


def source_hash(text: str) -> str:
    """The CSP source for an inline block: 'sha256-...' of its text as the
    browser hashes it, UTF-8, after its parser has turned every CR LF and
    lone CR into LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class InlineCode:
    """The inline code of one page, each text exactly as written."""

    scripts: list[str] = field(default_factory=list)  # <script> a browser runs
    styles: list[str] = field(default_factory=list)  # <style> blocks
    style_attributes: list[str] = field(default_factory=list)  # style="..."


class _Finder(HTMLParser):
    """Finds inline scripts and styles. A block's text is cut from the
    source between the end of its start tag and the start of its end tag,
    by position, so it is byte for byte what the browser hashes (handle_data
    may see it in pieces)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.found = InlineCode()
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._open: tuple[str, int] | None = None  # (tag, where its text starts)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("style") is not None:
            self.found.style_attributes.append(values["style"])
        runs = tag == "script" and "src" not in values and (
            (values.get("type") or "").strip().lower() in _JAVASCRIPT_TYPES)
        if runs or tag == "style":
            self._open = (tag, self._offset() + len(self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        # <x/>: no text to hash, but a style attribute all the same.
        values = dict(attrs)
        if values.get("style") is not None:
            self.found.style_attributes.append(values["style"])

    def handle_endtag(self, tag):
        if self._open is not None and self._open[0] == tag:
            text = self.html[self._open[1]:self._offset()]
            (self.found.scripts if tag == "script" else self.found.styles).append(text)
            self._open = None


def inline_code(html: str) -> InlineCode:
    finder = _Finder(html)
    finder.feed(html)
    finder.close()
    return finder.found


def policy(found: InlineCode) -> str:
    """The policy for a page with this inline code."""
    scripts = ["'self'", *dict.fromkeys(map(source_hash, found.scripts))]
    styles = ["'self'", *dict.fromkeys(map(source_hash, found.styles))]
    if found.style_attributes:
        # style="..." is blocked without 'unsafe-hashes'; with it, only the
        # attributes whose hash is listed apply. It reaches styles only:
        # script-src has no 'unsafe-hashes', so onclick="..." never runs.
        styles += ["'unsafe-hashes'", *dict.fromkeys(map(source_hash, found.style_attributes))]
    directives = {
        "default-src": FIXED_DIRECTIVES["default-src"],
        "script-src": scripts,
        "style-src": styles,
        **{name: values for name, values in FIXED_DIRECTIVES.items() if name != "default-src"},
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def without_policy(html: str) -> str:
    """The page without the tags with_policy wrote (a page built again by
    `mkdocs serve` may still have them)."""
    return _OUR_META.sub("", html)


def with_policy(html: str) -> str:
    """The page with its policy and the referrer policy just after
    <meta charset> (or else at the start of <head>): before any script, so
    the policy covers every one."""
    html = without_policy(html)
    head_end = html.find("</head>")
    anchor = None
    if head_end != -1:
        anchor = _CHARSET.search(html, 0, head_end) or _HEAD.search(html, 0, head_end)
    if anchor is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    tags = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{policy(inline_code(html))}">'
        f'\n<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    return html[:anchor.end()] + tags + html[anchor.end():]
