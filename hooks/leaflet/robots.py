"""robots.txt: every page may be crawled; the sitemap is at site_url.

The Sitemap line must be an absolute URL (a relative one is not allowed by
the robots.txt standard, RFC 9309, and is ignored by crawlers), and the
site's address changes with SITE_URL, so the file is written at each build
rather than kept in docs/.
"""

from __future__ import annotations

from urllib.parse import urljoin

from .site_url import site_url_problem


def robots_txt(site_url: str) -> str:
    """The robots.txt for a site published at site_url."""
    # The build checks site_url first (hooks/site_url_check.py); this is the
    # same rule for callers that do not.
    problem = site_url_problem(site_url)
    if problem is not None:
        raise ValueError(problem)
    sitemap = urljoin(site_url if site_url.endswith("/") else site_url + "/", "sitemap.xml")
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
