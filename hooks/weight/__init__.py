"""Keeping each page's first load small (see minify.py)."""
