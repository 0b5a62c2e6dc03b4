"""The leaflet's own code for its hooks, in plain Python that knows nothing
of MkDocs: the page checker (check.py and the modules it uses, run by
hooks/page_checks.py and hooks/check_pages.py) and the exercise blocks
(render.py)."""
