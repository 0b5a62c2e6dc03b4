"""What search engines, link previews and crawlers read about the leaflet:
schema.org data, escaped page text and robots.txt. Plain Python, called by
the thin hooks hooks/page_meta.py and hooks/robots_txt.py."""
