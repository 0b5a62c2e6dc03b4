"""The leaflet's own code for its hooks, in plain Python that knows nothing
of MkDocs: the page checker (check.py and the modules it uses, run by
hooks/page_checker.py and scripts/check_pages.py), everything about front
matter (front_matter/), an exercise's dose in words (doses.py), the
exercise blocks (exercise_html.py), the lists made from every exercise
(exercise_lists_html.py), the guided session's data (session_data.py),
the one door from front matter to HTML (escaping.py), the
schema.org data (structured_data.py), robots.txt and the site's address
(robots.py, site_url.py), the Content-Security-Policy (csp.py) and the
stylesheet minifier (minify.py). Each hook in hooks/ is a thin adapter over
one of them."""
