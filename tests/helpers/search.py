"""Reading Material's search results in a browser."""

from __future__ import annotations

import time

from playwright.sync_api import expect

_READ = """() => [document.querySelector('.md-search-result__meta').textContent,
                 [...document.querySelectorAll('.md-search-result__item > a')]
                   .map(a => a.getAttribute('href'))]"""


def results_settled(page, waiting_text: str) -> list[str]:
    """The result links once they stop changing: the search worker answers
    each keystroke, and an answer to an earlier, shorter query can come
    first. waiting_text is what Material shows before a query."""
    last, same = None, 0
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        state = page.evaluate(_READ)
        same = same + 1 if state == last else 0
        last = state
        if same >= 3 and state[0].strip() != waiting_text:
            return state[1]
        time.sleep(0.05)
    return last[1] if last else []


def _type_keys(page, text: str) -> None:
    page.keyboard.type(text, delay=10)


def first_result(page, site_url: str, query: str, *, root: str = "", box_name: str = "Search",
                 waiting_text: str = "Type to start searching", type_text=_type_keys) -> str:
    """Open search on a phone-sized page of the site under root ("" or
    "zh/"), type query with type_text, and return the first result's page
    path ("exercises/arch-bridge/")."""
    page.goto(site_url + root)
    # The magnifier in the header opens search on a phone.
    page.locator("label.md-header__button[for=__search]").click()
    box = page.get_by_role("textbox", name=box_name)
    # The index has loaded when Material asks for a query.
    expect(page.locator(".md-search-result__meta")).to_have_text(waiting_text)
    box.focus()
    type_text(page, query)
    expect(box).to_have_value(query)
    results = results_settled(page, waiting_text)
    assert results, f"no result for {query!r}"
    return results[0].removeprefix(site_url).split("?")[0].split("#")[0]


def type_like_an_input_method(page, text: str) -> None:
    """Type text key by key. A Chinese character comes from an input
    method: it is committed into the box, then the key that committed it
    (Space, for pinyin) is released. Material reads the box on keyup."""
    for character in text:
        if character.isascii():
            page.keyboard.press(character)
        else:
            page.keyboard.insert_text(character)
            page.keyboard.up("Space")
        time.sleep(0.01)


# first_result's settings for the Chinese pages: Material's Chinese
# interface (its partials/languages/zh.html) and a Chinese reader's typing.
CHINESE = {
    "root": "zh/",
    "box_name": "搜索",
    "waiting_text": "键入以开始搜索",
    "type_text": type_like_an_input_method,
}
