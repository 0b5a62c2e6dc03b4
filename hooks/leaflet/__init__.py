"""The leaflet's own code for its hooks, in plain Python that knows nothing
of MkDocs: the page checker (check.py and the modules it uses, run by
hooks/page_checker.py and scripts/check_pages.py), the exercise blocks
(render.py), the one door from front matter to HTML (escaping.py), the
schema.org data (structured_data.py), robots.txt and the site's address
(robots.py, site_url.py), the Content-Security-Policy (csp.py) and the
stylesheet minifier (minify.py). Each hook in hooks/ is a thin adapter over
one of them."""
