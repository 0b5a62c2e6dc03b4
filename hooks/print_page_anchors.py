"""MkDocs hook: keep the print page's heading permalinks working.

mkdocs-print-site-plugin (2.9) puts a page's tags, as
<nav class='md-tags'>...</nav>, on the same line as the page's <h1 id=...>,
then makes ids unique with a regex that cannot skip the <nav> on that line:
the h1's permalink gets the page's prefix (#exercises-arch-bridge-arch-bridge)
but the h1's id does not, so the link leads nowhere. Starting the content on
a new line keeps the h1 on a line of its own. It must run before the plugin
saves each page's HTML for the print page (its on_page_content).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(100)
def on_page_content(html, page, config, files):
    return "\n" + html
