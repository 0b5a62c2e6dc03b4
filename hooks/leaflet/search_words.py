"""The Chinese words search must keep whole, from the pages themselves.

Material's search plugin cuts Chinese text into words with jieba when it
indexes a page, and the browser cuts a reader's query into the words of
that index. A name jieba does not know is cut apart (倒走 into 倒 and 走,
小燕飞 into 小 and 燕飞), and then the name typed whole finds nothing.

Every Chinese page's `aliases` (the other names readers type), and every
Chinese exercise page's `title` (the exercise's name), are such words:
hooks/search_words.py gives them to jieba before any page is indexed, so a
new exercise page's names are searchable with no other edit.
search/jieba-user-dict.txt keeps only the words no page names (body parts,
positions, symptoms).
"""

from __future__ import annotations

from pathlib import Path

from .front_matter import values
from .languages import CHINESE, language_of_path
from .site_layout import is_exercise, source_pages


def page_words(src_uri: str, text: str) -> list[str]:
    """One page's words: its aliases, after its title if it is an exercise
    (another page's title, such as 何时需要就医, is a phrase: kept whole, it
    would hide the words in it). None from a page in another language."""
    if language_of_path(src_uri) != CHINESE.code:
        return []
    meta = values(text)
    names = [meta.get("title")] if is_exercise(src_uri) else []
    aliases = meta.get("aliases")
    names += aliases if isinstance(aliases, list) else []
    # Whitespace as a page shows it: a title folded over two lines is one name.
    return [" ".join(name.split()) for name in names if isinstance(name, str) and name.strip()]


def search_words(docs_dir: Path) -> list[str]:
    """Every page's words, each once, in page order (a page that cannot be
    read is left out: the page checker reports it)."""
    words: dict[str, None] = {}
    for src_uri in source_pages(docs_dir):
        try:
            text = (docs_dir / src_uri).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        words.update(dict.fromkeys(page_words(src_uri, text)))
    return list(words)
