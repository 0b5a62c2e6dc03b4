"""robots.txt: every page may be crawled; the sitemap is at site_url.

The Sitemap line must be an absolute URL (a relative one is not allowed by
the robots.txt standard, RFC 9309, and is ignored by crawlers), and the
site's address changes with SITE_URL, so the file is written at each build
rather than kept in docs/.
"""

from __future__ import annotations

from urllib.parse import urljoin


def robots_txt(site_url: str) -> str:
    """The robots.txt for a site published at site_url."""
    if not site_url or not site_url.startswith(("http://", "https://")):
        raise ValueError(f"robots.txt needs an absolute site_url, not {site_url!r}")
    sitemap = urljoin(site_url if site_url.endswith("/") else site_url + "/", "sitemap.xml")
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
