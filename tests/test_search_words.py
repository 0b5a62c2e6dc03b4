"""Chinese search keeps exercise names whole, from the pages alone: each
Chinese exercise page's title and every Chinese page's aliases become
jieba's words (leaflet/search_words.py, hooks/search_words.py), so a new
exercise page needs no line in search/jieba-user-dict.txt."""

from __future__ import annotations

import logging
import shutil
from types import SimpleNamespace

import jieba
import pytest

from helpers.sources import DOCS, front_matter
from leaflet.languages import language_of_path
from leaflet.search_words import page_words, search_words
from leaflet.site_layout import EXERCISES_FOLDER, is_exercise, source_pages
from local_site import ROOT

jieba.setLogLevel(logging.WARNING)

USER_DICTIONARY = ROOT / "search" / "jieba-user-dict.txt"
CHINESE_PAGES = [page for page in source_pages(DOCS) if language_of_path(page) == "zh"]


def text_of(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cut():
    """jieba as the build leaves it: the user dictionary that Material's
    search loads, then the pages' words. Its own tokenizer, so no other
    test's jieba changes."""
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICTIONARY))
    for word in search_words(DOCS):
        tokenizer.add_word(word)
    return lambda text: list(tokenizer.cut(text))


def test_an_exercise_page_gives_its_title_then_its_aliases():
    page = f"{EXERCISES_FOLDER}/walking-backwards.zh.md"
    words = page_words(page, text_of(page))
    assert words[0] == "倒走"
    assert words[1:] == front_matter(page)["aliases"]
    assert {"倒着走", "倒退走", "慢慢倒着走"} <= set(words)


def test_another_page_gives_its_aliases_but_not_its_title():
    """Its title is a phrase: kept whole, 何时需要就医 would hide 就医."""
    words = page_words("when-to-get-help.zh.md", text_of("when-to-get-help.zh.md"))
    assert words == front_matter("when-to-get-help.zh.md")["aliases"]
    assert "何时需要就医" not in words and {"腿麻", "马尾综合征"} <= set(words)


def test_english_pages_give_no_words():
    assert page_words(f"{EXERCISES_FOLDER}/arch-bridge.md", text_of(f"{EXERCISES_FOLDER}/arch-bridge.md")) == []
    assert page_words("index.md", text_of("index.md")) == []


def test_every_chinese_exercise_name_and_alias_is_a_search_word():
    words = search_words(DOCS)
    assert len(words) == len(set(words))
    for page in CHINESE_PAGES:
        meta = front_matter(page)
        expected = ([meta["title"]] if is_exercise(page) else []) + (meta.get("aliases") or [])
        assert set(expected) <= set(words), page
    assert {"拱桥", "五点支撑", "小燕飞", "倒走", "转腰", "腰部前屈后伸", "闪了腰"} <= set(words)


def test_the_names_are_no_longer_listed_by_hand():
    listed = {line.split()[0] for line in USER_DICTIONARY.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not listed & {"拱桥", "五点支撑", "小燕飞", "倒走", "倒着走", "转腰", "闪腰"}


def test_jieba_keeps_the_names_whole(cut):
    # Unknown to jieba's own dictionary, these are cut apart without the pages' words.
    plain = jieba.Tokenizer()
    assert plain.lcut("倒走") == ["倒", "走"] and plain.lcut("五点支撑") == ["五点", "支撑"]
    for name in ("倒走", "五点支撑", "腰部前屈后伸", "趴着抬头抬腿", "闪了腰", "腿发麻"):
        assert cut(name) == [name]
    # In a sentence of a real page, too.
    assert "五点支撑" in cut(front_matter(f"{EXERCISES_FOLDER}/arch-bridge.zh.md")["description"])


def test_a_new_exercise_page_needs_no_other_edit(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / EXERCISES_FOLDER, docs / EXERCISES_FOLDER)
    text = text_of(f"{EXERCISES_FOLDER}/arch-bridge.zh.md")
    new = text.replace("title: 拱桥", "title: 抱膝滚动", 1).replace("  - 五点支撑\n", "  - 抱膝摇摆\n", 1)
    assert new != text
    (docs / EXERCISES_FOLDER / "knee-rolls.zh.md").write_text(new, encoding="utf-8")
    (docs / EXERCISES_FOLDER / "knee-rolls.md").write_text(text_of(f"{EXERCISES_FOLDER}/arch-bridge.md"), encoding="utf-8")
    words = search_words(docs)
    assert {"抱膝滚动", "抱膝摇摆"} <= set(words)
    assert "Arch bridge" not in words


def test_the_hook_gives_jieba_the_words():
    import search_words as hook

    files = object()
    assert hook.on_files(files, config=SimpleNamespace(docs_dir=str(DOCS))) is files
    assert jieba.lcut("倒走") == ["倒走"] and jieba.lcut("做五点支撑") == ["做", "五点支撑"]
