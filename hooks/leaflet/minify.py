"""Our stylesheets without their comments and spare whitespace.

Every page loads the site's own CSS before it can show anything, and each
page's first load has a budget of 100 KB compressed; comments written for
editors cost readers about 3 KB of it on every page. Material's own files
come minified (*.min.css); this does the same for the others in the built
site, leaving the sources in docs/ as they are.

Conservative on purpose: quoted strings and url(...) are kept exactly;
only comments and whitespace around { } ; , and > are removed, never
whitespace that could be a descendant combinator (".a :hover").
"""

from __future__ import annotations

import re
from pathlib import Path

_TOKENS = re.compile(
    r"""(?P<string>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')"""
    r"""|(?P<url>url\(\s*[^)"']*\))"""
    r"""|(?P<comment>/\*.*?\*/)"""
    r"""|(?P<space>\s+)"""
    r"""|(?P<other>[^"'/\su]+|.)""",
    re.S,
)
_NO_SPACE_AROUND = set("{};,>")


def minify_css(css: str) -> str:
    """css with comments removed and whitespace reduced, meaning unchanged."""
    parts: list[str] = []
    pending_space = False
    for match in _TOKENS.finditer(css):
        kind, text = match.lastgroup, match.group()
        if kind == "comment":
            continue
        if kind == "space":
            pending_space = True
            continue
        if pending_space and parts and parts[-1][-1] not in _NO_SPACE_AROUND and text[0] not in _NO_SPACE_AROUND:
            parts.append(" ")
        pending_space = False
        parts.append(text)
    return "".join(parts).replace(";}", "}").strip() + "\n"


def minify_site_css(site_dir: Path) -> list[Path]:
    """Minify every stylesheet of the built site not minified already."""
    done = []
    for path in sorted(Path(site_dir).rglob("*.css")):
        if path.name.endswith(".min.css"):
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minify_css(text)
        if len(smaller) < len(text):
            path.write_text(smaller, encoding="utf-8")
            done.append(path)
    return done
