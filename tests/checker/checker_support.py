"""Constants the page checker's tests share (fixtures are in conftest.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CHECK_PAGES = PROJECT / "scripts" / "check_pages.py"
TEMPLATE = PROJECT / "templates" / "new-exercise.md"
# The template's own 'reviewed' date: its review is a year away.
TODAY = date(2026, 11, 25)
TEMPLATE_PICTURES = ("exercise-name-start.svg", "exercise-name-move.svg")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>\n'

# A site built with only the page checks (hooks/page_checker.py) and the
# Markdown extensions that shape what they check (leaflet/markdown_html.py).
HOOK_SITE_CONFIG = f"""
site_name: Checker test
theme: mkdocs
hooks:
  - {PROJECT / "hooks" / "page_checker.py"}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
"""

# A valid page that is not an exercise (fill in title, reviewed and due).
PLAIN_PAGE = """---
title: {title}
description: >-
  A plain page of a checker test site, long enough to be a proper meta
  description for search results.
reviewed: {reviewed}
review_due: {due}
responsible: Site editors
---

# {title}

A short page.
"""
