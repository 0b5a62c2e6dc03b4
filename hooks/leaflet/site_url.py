"""The site's address (site_url, set by SITE_URL) must be a plain web
address.

Every canonical link, the sitemap, robots.txt, the Open Graph tags and the
schema.org data are built from it, so a build for an empty or mistyped
address would publish broken links everywhere, and would only fail at the
very end, with a traceback from the last step that needs it. Checking it
first gives one line that says what to set.
"""

from __future__ import annotations

from urllib.parse import urlsplit

EXAMPLE = "https://example.org/leaflet/"

# Never part of a web address as a person types it: they would end an HTML
# attribute or a robots.txt line early, or show a copy-and-paste slip.
FORBIDDEN = set("\"'<>`\\")


def site_url_problem(site_url: str | None) -> str | None:
    """Why site_url cannot be the site's address, in one line; None if it can."""
    reason = _reason(site_url or "")
    if reason is None:
        return None
    return (f"SITE_URL (site_url in mkdocs.yml) must be the site's full address, such as "
            f"{EXAMPLE} (got {site_url or ''!r}: {reason})")


def _reason(site_url: str) -> str | None:
    if not site_url.strip():
        return "it is empty; set it, or unset SITE_URL to build for the local preview address"
    if any(char.isspace() or not char.isprintable() or char in FORBIDDEN for char in site_url):
        return "spaces, quotes, angle brackets and backslashes are not allowed"
    try:
        parts = urlsplit(site_url)
        parts.port  # a port that is not a number raises ValueError here
    except ValueError as error:
        return f"not an address: {error}"
    if parts.scheme.lower() not in {"http", "https"}:
        return "it must start with https:// or http://"
    if not parts.hostname:
        return "it has no host name"
    if parts.query or parts.fragment or site_url.endswith(("?", "#")):
        # Pages' addresses are joined onto site_url: a query or fragment
        # would be dropped from some of them and kept in others.
        return "a query (?) or fragment (#) is not allowed"
    return None
