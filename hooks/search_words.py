"""MkDocs hook: Chinese search keeps each exercise's names whole.

Every Chinese exercise page's title and every Chinese page's `aliases`
become words of jieba, which Material's search plugin cuts Chinese text
with (leaflet/search_words.py says why). on_files runs after the search
plugin's on_config has loaded search/jieba-user-dict.txt and before it
indexes any page (on_page_context), in each language's build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from leaflet.search_words import search_words

try:  # Material cuts Chinese text only when jieba is installed
    import jieba
except ImportError:  # pragma: no cover - requirements.txt installs it
    jieba = None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if jieba is not None:
        for word in search_words(Path(config.docs_dir)):
            jieba.add_word(word)
    return files
